// Disks → a direct-LUN disk → Connections: what the engine does report (upstream audit F5). The disk's lun_storage
// names ONE connection — the LUN's first: address, port, target (T/StorageLogicalUnitMapper.java) — and no CHAP
// user; the CHAP user comes from GET /storageconnections (administrators), matched by address + port + target.
// Where that list is not available (a non-admin user, an error) the page says so instead of "None".
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useQuery } from '@tanstack/react-query';
import { diskConnections, type ChapUser } from '../../domain/disk-connections';
import type { LunDisk } from '../../domain/model';
import { storageConnectionsQueryOptions } from '../../engine-api/storage-connections';

export const CHAP_NOT_REPORTED = "The engine does not report the CHAP user of a disk's connections";

function portalText(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

function chapText(chap: ChapUser, loading: boolean): string {
  if (chap.kind === 'user') return chap.username;
  if (chap.kind === 'none') return 'None (no CHAP)';
  return loading ? 'Checking…' : 'Not reported';
}

export function DiskConnections({ disk }: { disk: LunDisk }) {
  const iscsi = disk.lun.type !== 'fcp';
  const stored = useQuery({ ...storageConnectionsQueryOptions(), enabled: iscsi });
  if (!iscsi) {
    return <p>Fibre Channel: no iSCSI connection to manage. A host reaches this LUN through its FC zoning or not at all.</p>;
  }
  const rows = diskConnections(disk.lun.logicalUnits, stored.data);
  if (rows.length === 0) return <p>The engine reports no connection for this LUN.</p>;
  const loading = stored.isPending;
  const unmatched = !loading && rows.some((r) => r.chap.kind === 'not-reported');
  return (
    <>
      <Table aria-label={`Connections of ${disk.alias}`} variant="compact">
        <Thead>
          <Tr>
            <Th>Target</Th>
            <Th>Portal</Th>
            <Th>CHAP user</Th>
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((c) => (
            <Tr key={`${c.target}@${c.address}:${c.port}`}>
              <Td dataLabel="Target">{c.target}</Td>
              <Td dataLabel="Portal">{portalText(c.address, c.port)}</Td>
              <Td dataLabel="CHAP user">{chapText(c.chap, loading)}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {unmatched ? (
        <p style={{ marginTop: '0.5rem' }}>
          {CHAP_NOT_REPORTED}
          {stored.isError
            ? ' to this user: its list of storage connections (GET /storageconnections) is for administrators.'
            : ', and its list of storage connections has none for this target and portal.'}
        </p>
      ) : null}
      <p style={{ marginTop: '0.5rem' }}>
        The engine reports only the first of a LUN&apos;s connections; a LUN reached through several portals has the
        others too. It connects them on the host that runs a VM using this disk (at Run, hot plug, migration and HA
        restart) and releases them there when nothing on that host needs them any more.
      </p>
    </>
  );
}
