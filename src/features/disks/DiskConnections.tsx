// Disks → a direct-LUN disk → Connections: what the engine does report (upstream audit F5). The disk's lun_storage
// names ONE connection — the LUN's first: address, port, target (T/StorageLogicalUnitMapper.java) — and no CHAP
// user; the CHAP user comes from GET /storageconnections (administrators), matched by address + port + target.
// Where that list is not available (a non-admin user, an error) the page says so instead of "None".
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useQuery } from '@tanstack/react-query';
import { diskConnections, type ChapUser } from '../../domain/disk-connections';
import type { LunDisk } from '../../domain/model';
import { storageConnectionsQueryOptions } from '../../engine-api/storage-connections';
import { t } from '../../i18n/i18n';

/** Narrower than its headers (never cut), a table scrolls sideways in its own frame, not the page (decision 050). */
const TABLE_FRAME = { overflowX: 'auto' } as const;

function portalText(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

function ChapCell({ chap, loading }: { chap: ChapUser; loading: boolean }) {
  if (chap.kind === 'user') return <span translate="no">{chap.username}</span>;
  if (chap.kind === 'none') return <>{t('disk.connections.chapNone')}</>;
  return <>{loading ? t('disk.connections.chapChecking') : t('disk.connections.chapNotReported')}</>;
}

export function DiskConnections({ disk }: { disk: LunDisk }) {
  const iscsi = disk.lun.type !== 'fcp';
  const stored = useQuery({ ...storageConnectionsQueryOptions(), enabled: iscsi });
  if (!iscsi) {
    return <p>{t('disk.connections.fibreChannel')}</p>;
  }
  const rows = diskConnections(disk.lun.logicalUnits, stored.data);
  if (rows.length === 0) return <p>{t('disk.connections.none')}</p>;
  const loading = stored.isPending;
  const unmatched = !loading && rows.some((r) => r.chap.kind === 'not-reported');
  return (
    <>
      <div style={TABLE_FRAME}>
        <Table aria-label={t('disk.connections.tableLabel', { alias: disk.alias })} variant="compact">
          <Thead>
            <Tr>
              <Th modifier="nowrap">{t('disk.connections.column.target')}</Th>
              <Th modifier="nowrap">{t('disk.connections.column.portal')}</Th>
              <Th modifier="nowrap">{t('disk.connections.column.chapUser')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((c) => (
              <Tr key={`${c.target}@${c.address}:${c.port}`}>
                <Td dataLabel={t('disk.connections.column.target')} translate="no">{c.target}</Td>
                <Td dataLabel={t('disk.connections.column.portal')} translate="no">{portalText(c.address, c.port)}</Td>
                <Td dataLabel={t('disk.connections.column.chapUser')}>
                  <ChapCell chap={c.chap} loading={loading} />
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </div>
      {unmatched ? (
        <p style={{ marginTop: '0.5rem' }}>
          {stored.isError ? t('disk.connections.chapNotReportedToUser') : t('disk.connections.chapNotReportedNoMatch')}
        </p>
      ) : null}
      <p style={{ marginTop: '0.5rem' }}>
        {t('disk.connections.firstOnly')}
      </p>
    </>
  );
}
