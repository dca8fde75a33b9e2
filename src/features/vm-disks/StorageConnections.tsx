import { Title } from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import { hostStorageQueryOptions } from '../../engine-api/host-storage';
import type { Disk, DiskAttachment, Vm } from '../../domain/model';
import { vmConnections } from '../../domain/vm-connections';
import { Empty } from '../../ui/QueryStates';
import { VmConnectionsTable } from '../../ui/VmConnectionsTable';
import { devicesRefetchInterval, useViewPollInterval } from '../../ui/polling';
import { t } from '../../i18n/i18n';

/**
 * The target connections the VM requires (the union of its LUN disks' connections) and, while it runs, whether
 * its host has each — read from the host's own storage list.
 */
export function StorageConnections({ vm, attachments, disks, hostName }: { vm: Vm; attachments: DiskAttachment[]; disks: Disk[]; hostName: string | undefined }) {
  const conns = vmConnections(attachments, disks);
  const running = vm.status !== 'down' && vm.hostId !== undefined;
  const poll = useViewPollInterval();
  // The running host's device list: polled while it is a few hundred LUNs (ui/polling.ts, devicesPollInterval).
  const host = useQuery({ ...hostStorageQueryOptions(vm.hostId ?? ''), enabled: running, refetchInterval: devicesRefetchInterval(running ? poll : false) });

  return (
    <section aria-labelledby="storage-connections-title" style={{ marginTop: '2rem' }}>
      <Title headingLevel="h2" id="storage-connections-title">
        {t('vm.connections.title')}
      </Title>
      <p style={{ margin: '0.25rem 0 0.75rem' }}>
        {running
          ? hostName
            ? t('vm.connections.introRunning', { vm: vm.name, host: hostName })
            : t('vm.connections.introRunningItsHost', { vm: vm.name })
          : t('vm.connections.introDown', { vm: vm.name })}
      </p>
      {conns.length === 0 ? (
        <Empty title={t('vm.connections.emptyTitle')}>{t('vm.connections.emptyBody')}</Empty>
      ) : (
        <VmConnectionsTable
          label={t('vm.connections.title')}
          connections={conns}
          requiredHeader={t('vm.connections.required')}
          host={running ? { header: hostName ? t('vm.connections.onHost', { host: hostName }) : t('vm.connections.onTheHost'), luns: host } : undefined}
        />
      )}
    </section>
  );
}
