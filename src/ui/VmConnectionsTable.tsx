// The target connections a VM requires (domain/vm-connections.ts) as a table and, while it runs, whether its host
// has each, read from the host's own storage list. The VM's Disks tab and the Attach wizard's review show it.
import { Label } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { UseQueryResult } from '@tanstack/react-query';
import { portalText } from '../domain/attach-plan';
import type { HostLun } from '../domain/model';
import { hostHasConnection, type VmConnection } from '../domain/vm-connections';

const HAS_COLOR = { connected: 'green', degraded: 'orange', missing: 'red' } as const;

export function VmConnectionsTable({
  label,
  connections,
  host,
  requiredHeader,
  isNew,
  missingSuffix = '',
}: {
  label: string;
  connections: readonly VmConnection[];
  /** While the VM runs: its host, the column header naming it, and the host's storage list. */
  host?: { header: string; luns: UseQueryResult<HostLun[]> } | undefined;
  requiredHeader: string;
  /** Marks the disks being added with a "new" label. */
  isNew?: ((alias: string) => boolean) | undefined;
  /** Said after "missing" (what will happen about it). */
  missingSuffix?: string;
}) {
  return (
    <Table aria-label={label} variant="compact">
      <Thead>
        <Tr>
          <Th>Target or LUN</Th>
          <Th>Portal</Th>
          <Th>Disks</Th>
          <Th>{requiredHeader}</Th>
          {host ? <Th>{host.header}</Th> : null}
        </Tr>
      </Thead>
      <Tbody>
        {connections.map((c) => {
          const has = host?.luns.data ? hostHasConnection(c, host.luns.data) : undefined;
          return (
            <Tr key={c.key}>
              <Td dataLabel="Target or LUN" style={{ fontFamily: 'var(--pf-t--global--font--family--mono)' }}>
                {c.kind === 'iscsi' ? c.target : `FC LUN ${c.lunId ?? ''}`}
              </Td>
              <Td dataLabel="Portal">
                {c.kind === 'iscsi' && c.address ? portalText({ address: c.address, port: c.port ?? 3260 }) : 'Fibre Channel (no connection to make)'}
              </Td>
              <Td dataLabel="Disks">
                {c.disks.map((d, i) => (
                  <span key={d.alias}>
                    {i > 0 ? ', ' : ''}
                    {d.alias}
                    {isNew?.(d.alias) ? (
                      <Label isCompact color="blue" style={{ marginLeft: '0.25rem' }}>
                        new
                      </Label>
                    ) : null}
                    {d.active ? '' : ' (inactive)'}
                  </span>
                ))}
              </Td>
              <Td dataLabel={requiredHeader}>{c.required ? 'Yes' : 'Not until a disk on it is activated'}</Td>
              {host ? (
                <Td dataLabel={host.header}>
                  {host.luns.isError ? (
                    'Unknown: the host did not answer'
                  ) : has ? (
                    <Label color={HAS_COLOR[has.state]} isCompact>
                      {has.detail}
                      {has.state === 'missing' ? missingSuffix : ''}
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
  );
}
