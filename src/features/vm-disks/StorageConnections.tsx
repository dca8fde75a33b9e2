import { Title } from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import { hostStorageQueryOptions } from '../../engine-api/host-storage';
import type { Disk, DiskAttachment, Vm } from '../../domain/model';
import { vmConnections } from '../../domain/vm-connections';
import { Empty } from '../../ui/QueryStates';
import { VmConnectionsTable } from '../../ui/VmConnectionsTable';
import { useViewPollInterval } from '../../ui/polling';

/**
 * The target connections the VM requires (the union of its LUN disks' connections) and, while it runs, whether
 * its host has each — read from the host's own storage list.
 */
export function StorageConnections({ vm, attachments, disks, hostName }: { vm: Vm; attachments: DiskAttachment[]; disks: Disk[]; hostName: string | undefined }) {
  const conns = vmConnections(attachments, disks);
  const running = vm.status !== 'down' && vm.hostId !== undefined;
  const poll = useViewPollInterval();
  const host = useQuery({ ...hostStorageQueryOptions(vm.hostId ?? ''), enabled: running, refetchInterval: running ? poll : false });

  return (
    <section aria-labelledby="storage-connections-title" style={{ marginTop: '2rem' }}>
      <Title headingLevel="h2" id="storage-connections-title">
        Storage connections
      </Title>
      <p style={{ margin: '0.25rem 0 0.75rem' }}>
        {running
          ? `The targets ${vm.name}'s direct LUN disks use, and whether ${hostName ?? 'its host'} has each of them now.`
          : `The targets ${vm.name}'s direct LUN disks use. ${vm.name} is down: the required ones are connected on the host that runs it next.`}
      </p>
      {conns.length === 0 ? (
        <Empty title="No direct LUN disks">This VM has no direct LUN disk, so it requires no target connection of its own.</Empty>
      ) : (
        <VmConnectionsTable
          label="Storage connections"
          connections={conns}
          requiredHeader="Required"
          host={running ? { header: `On ${hostName ?? 'the host'}`, luns: host } : undefined}
        />
      )}
    </section>
  );
}
