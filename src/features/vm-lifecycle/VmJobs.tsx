// The engine's recent jobs on a VM with their steps, including the ones it ran on its own: an HA restart after
// a host failure shows here which hosts were asked, which connected, and where the VM came back.
// Bounded (audit F9, ui/polling.ts): jobs have no VM search field and come oldest first
// (JobConditionFieldAutoCompleter has only correlation_id; SearchObjectAutoCompleter JOB "start_time ASC"), so
// `max` cannot pick the newest and this view must not poll the job table. It reads the job table (and the steps
// of at most JOBS_SHOWN jobs) when the VM's newest event changes — the VM's events, `event_vm=<name>&max=N`, are
// what is polled, one request shared with the Events list below — and every POLL_BUSY_MS only while something
// moves the VM: an operation of this tab on it, or the VM between two states.
import { Title } from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import { vmEventsQueryOptions } from '../../engine-api/events';
import { jobSearchQueryOptions, jobsAboutQueryOptions } from '../../engine-api/jobs';
import type { Vm } from '../../domain/model';
import { isTransitional } from '../../domain/vm-status';
import { JobList } from '../../ui/JobProgress';
import { POLL_BUSY_MS, useViewPollInterval } from '../../ui/polling';
import { LoadError } from '../../ui/QueryStates';
import { isSettled, useVmOperations } from './operations';
import { t } from '../../i18n/i18n';

export const JOBS_SHOWN = 5;

export function VmJobs({ vm }: { vm: Vm }) {
  const poll = useViewPollInterval();
  const honoured = useQuery(jobSearchQueryOptions());
  const events = useQuery({ ...vmEventsQueryOptions(vm.name), refetchInterval: poll });
  const running = useVmOperations(vm.id).some((o) => o.request === 'accepted' && !isSettled(o));
  const moving = running || isTransitional(vm.status);
  // Each new event of the VM makes the jobs worth reading again (part of the query key).
  const newestEvent = events.data?.[0]?.id ?? (events.isError ? 'events-unreadable' : '');
  const jobs = useQuery({
    ...jobsAboutQueryOptions(`VM ${vm.name}`, JOBS_SHOWN, newestEvent),
    enabled: honoured.data === true && (events.data !== undefined || events.isError),
    refetchInterval: moving ? POLL_BUSY_MS : false,
  });
  return (
    <section aria-labelledby="vm-jobs-title" style={{ marginBottom: '1.5rem' }}>
      <Title headingLevel="h2" id="vm-jobs-title">
        {t('vm.jobs.title')}
      </Title>
      <p style={{ margin: '0.25rem 0 0.75rem' }}>
        {t('vm.jobs.intro', { vm: vm.name })}
      </p>
      {honoured.data === false ? (
        <p>{t('vm.jobs.adminsOnly', { vm: vm.name })}</p>
      ) : honoured.isError ? (
        <LoadError what={t('vm.jobs.loadWhat')} error={honoured.error} onRetry={() => void honoured.refetch()} />
      ) : jobs.isError ? (
        <LoadError what={t('vm.jobs.loadWhat')} error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : jobs.data && jobs.data.length === 0 ? (
        <p>{t('vm.jobs.none')}</p>
      ) : jobs.data ? (
        <JobList list={jobs.data} />
      ) : (
        <p>{t('vm.jobs.loading')}</p>
      )}
    </section>
  );
}
