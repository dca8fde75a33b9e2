import { Label, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useQuery } from '@tanstack/react-query';
import { hostStorageQueryOptions } from '../../engine-api/host-storage';
import type { Disk, DiskAttachment, Vm } from '../../domain/model';
import { hostHasConnection, vmConnections, type HostHas } from '../../domain/vm-connections';
import { Empty } from '../../ui/QueryStates';

const HAS_COLOR = { connected: 'green', degraded: 'orange', missing: 'red' } as const;

/**
 * The target connections the VM requires (the union of its LUN disks' connections) and, while it runs, whether
 * its host has each — read from the host's own storage list.
 */
export function StorageConnections({ vm, attachments, disks, hostName }: { vm: Vm; attachments: DiskAttachment[]; disks: Disk[]; hostName: string | undefined }) {
  const conns = vmConnections(attachments, disks);
  const running = vm.status !== 'down' && vm.hostId !== undefined;
  const host = useQuery({ ...hostStorageQueryOptions(vm.hostId ?? ''), enabled: running, refetchInterval: running ? 5000 : false });
  const has = (c: (typeof conns)[number]): HostHas | undefined => (running && host.data ? hostHasConnection(c, host.data) : undefined);

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
        <Table aria-label="Storage connections" variant="compact">
          <Thead>
            <Tr>
              <Th>Target or LUN</Th>
              <Th>Portal</Th>
              <Th>Disks</Th>
              <Th>Required</Th>
              {running ? <Th>On {hostName ?? 'the host'}</Th> : null}
            </Tr>
          </Thead>
          <Tbody>
            {conns.map((c) => {
              const h = has(c);
              return (
                <Tr key={c.key}>
                  <Td dataLabel="Target or LUN" style={{ fontFamily: 'var(--pf-t--global--font--family--mono)' }}>
                    {c.kind === 'iscsi' ? c.target : `FC LUN ${c.lunId}`}
                  </Td>
                  <Td dataLabel="Portal">{c.kind === 'iscsi' ? `${c.address}:${c.port}` : 'Fibre Channel (no connection to make)'}</Td>
                  <Td dataLabel="Disks">{c.disks.map((d) => `${d.alias}${d.active ? '' : ' (inactive)'}`).join(', ')}</Td>
                  <Td dataLabel="Required">{c.required ? 'Yes' : 'Not until a disk on it is activated'}</Td>
                  {running ? (
                    <Td dataLabel={`On ${hostName ?? 'the host'}`}>
                      {host.isError ? (
                        'Unknown: the host did not answer'
                      ) : h ? (
                        <Label color={HAS_COLOR[h.state]} isCompact>
                          {h.detail}
                        </Label>
                      ) : (
                        'Checking…'
                      )}
                    </Td>
                  ) : null}
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      )}
    </section>
  );
}
