// The engine's events about a VM, newest first (GET /events?search=event_vm=NAME): where an administrator sees
// what happened without having started it — an HA restart after a host failure, a VM that went down with it.
import { useQuery } from '@tanstack/react-query';
import type { Vm } from '../../domain/model';
import { vmEventsQueryOptions } from '../../engine-api/events';
import { EventTable } from '../../ui/EventTable';
import { Empty, LoadError, Loading } from '../../ui/QueryStates';
import { useViewPollInterval } from '../../ui/polling';
import { t } from '../../i18n/i18n';

export function VmEvents({ vm }: { vm: Vm }) {
  const poll = useViewPollInterval();
  const events = useQuery({ ...vmEventsQueryOptions(vm.name), refetchInterval: poll });
  if (events.isPending) return <Loading what={t('vm.events.loadWhat', { vm: vm.name })} />;
  if (events.isError) return <LoadError what={t('vm.events.loadWhat', { vm: vm.name })} error={events.error} onRetry={() => void events.refetch()} />;
  // The search matches names with wildcards; keep only this VM's own events.
  const mine = events.data.filter((e) => !e.vmId || e.vmId === vm.id);
  if (mine.length === 0) return <Empty title={t('vm.events.emptyTitle')}>{t('vm.events.emptyBody', { vm: vm.name })}</Empty>;
  return <EventTable label={t('vm.events.tableLabel', { vm: vm.name })} events={mine} />;
}
