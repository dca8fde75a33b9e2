// A direct-LUN disk's connections as the console can know them from a real engine (upstream audit F5):
// - the disk's lun_storage carries ONE logical_unit with the FIRST of the LUN's connections — address, port,
//   target; never the CHAP user or the portal (upstream-engine T/StorageLogicalUnitMapper.java :54-59, :79-87);
// - GET /storageconnections (administrators) lists every stored connection with its CHAP username, never the
//   password (T/StorageDomainMapper.java :274-283). The LUN↔connection links (lun_storage_server_connection_map)
//   are not exposed, so the disk's connection is found there by address + port + target.
import type { LogicalUnit, StorageConnection } from './model';

const DEFAULT_ISCSI_PORT = 3260;

export type ChapUser =
  /** The stored connection's CHAP user. */
  | { kind: 'user'; username: string }
  /** The stored connection has no CHAP user. */
  | { kind: 'none' }
  /** The console cannot know: /storageconnections unavailable (non-admin, error) or no stored connection matched. */
  | { kind: 'not-reported' };

export interface DiskConnection {
  address: string;
  port: number;
  target: string;
  /** The stored connection it matched in /storageconnections, if any. */
  connectionId: string | undefined;
  chap: ChapUser;
}

/** Host names compare without case; IPv6 may come with or without brackets. */
function sameAddress(a: string, b: string): boolean {
  const norm = (x: string) => x.trim().replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return norm(a) === norm(b);
}

/** The stored connection for one address + port + target (iSCSI), if `connections` has it. */
export function matchConnection(
  lu: Pick<LogicalUnit, 'address' | 'port' | 'target'>,
  connections: readonly StorageConnection[],
): StorageConnection | undefined {
  if (!lu.address || !lu.target) return undefined;
  const port = lu.port ?? DEFAULT_ISCSI_PORT;
  return connections.find(
    (c) =>
      (c.type === undefined || c.type === 'iscsi') &&
      c.address !== undefined &&
      sameAddress(c.address, lu.address ?? '') &&
      (c.port ?? DEFAULT_ISCSI_PORT) === port &&
      c.target === lu.target,
  );
}

/**
 * The disk's connections from its logical units (a real engine sends one), each enriched with the CHAP user of
 * the stored connection it matches. `connections` undefined = /storageconnections not available.
 */
export function diskConnections(
  logicalUnits: readonly LogicalUnit[],
  connections: readonly StorageConnection[] | undefined,
): DiskConnection[] {
  const out: DiskConnection[] = [];
  const seen = new Set<string>();
  for (const lu of logicalUnits) {
    if (!lu.address || !lu.target) continue;
    const port = lu.port ?? DEFAULT_ISCSI_PORT;
    const key = `${lu.target}@${lu.address.toLowerCase()}:${port}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const match = connections ? matchConnection(lu, connections) : undefined;
    const chap: ChapUser = !match ? { kind: 'not-reported' } : match.username ? { kind: 'user', username: match.username } : { kind: 'none' };
    out.push({ address: lu.address, port, target: lu.target, connectionId: match?.id, chap });
  }
  return out;
}
