// The target connections a VM requires (domain/vm-connections.ts) as a table and, while it runs, whether its host
// has each, read from the host's own storage list. The VM's Disks tab and the Attach wizard's review show it.
import { Label } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { UseQueryResult } from '@tanstack/react-query';
import { portalText } from '../domain/attach-plan';
import type { HostLun } from '../domain/model';
import { hostHasConnection, type VmConnection } from '../domain/vm-connections';
import { t } from '../i18n/i18n';

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
    // Headers wrap: a translated "Required to run" or a host's name is longer than the column's content.
    <Table aria-label={label} variant="compact">
      <Thead>
        <Tr>
          <Th modifier="wrap">{t('common.connections.target')}</Th>
          <Th modifier="wrap">{t('common.connections.portal')}</Th>
          <Th modifier="wrap">{t('common.connections.disks')}</Th>
          <Th modifier="wrap">{requiredHeader}</Th>
          {host ? <Th modifier="wrap">{host.header}</Th> : null}
        </Tr>
      </Thead>
      <Tbody>
        {connections.map((c) => {
          const has = host?.luns.data ? hostHasConnection(c, host.luns.data) : undefined;
          return (
            <Tr key={c.key}>
              <Td dataLabel={t('common.connections.target')} style={{ fontFamily: 'var(--pf-t--global--font--family--mono)' }} translate={c.kind === 'iscsi' ? 'no' : undefined}>
                {c.kind === 'iscsi' ? c.target : t('common.connections.fcLun', { lunId: c.lunId ?? '' })}
              </Td>
              {c.kind === 'iscsi' && c.address ? (
                <Td dataLabel={t('common.connections.portal')} translate="no">
                  {portalText({ address: c.address, port: c.port ?? 3260 })}
                </Td>
              ) : (
                <Td dataLabel={t('common.connections.portal')}>{t('common.connections.fibreChannel')}</Td>
              )}
              <Td dataLabel={t('common.connections.disks')}>
                {c.disks.map((d, i) => (
                  <span key={d.alias}>
                    {i > 0 ? ', ' : ''}
                    <span translate="no">{d.alias}</span>
                    {isNew?.(d.alias) ? (
                      <Label isCompact color="blue" style={{ marginLeft: '0.25rem' }}>
                        {t('common.connections.new')}
                      </Label>
                    ) : null}
                    {d.active ? '' : ` ${t('common.connections.inactive')}`}
                  </span>
                ))}
              </Td>
              <Td dataLabel={requiredHeader}>{c.required ? t('common.connections.requiredYes') : t('common.connections.requiredLater')}</Td>
              {host ? (
                <Td dataLabel={host.header}>
                  {host.luns.isError ? (
                    t('common.connections.hostDidNotAnswer')
                  ) : has ? (
                    <Label color={HAS_COLOR[has.state]} isCompact>
                      {has.detail}
                      {has.state === 'missing' ? missingSuffix : ''}
                    </Label>
                  ) : (
                    t('common.connections.checking')
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
