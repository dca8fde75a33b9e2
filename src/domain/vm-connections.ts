// The target connections a VM requires: the union of its LUN disks' connections (the seed: "the disk target
// connection should be added to the required connections for the VM"), and whether a host has each of them,
// judged from what the host reports in GET /hosts/{id}/storage — the real API, not emulator internals.
import { t } from '../i18n/i18n';
import type { Disk, DiskAttachment, HostLun } from './model';

export interface VmConnection {
  key: string;
  kind: 'iscsi' | 'fcp';
  /** iSCSI only. */
  target?: string | undefined;
  address?: string | undefined;
  port?: number | undefined;
  /** FC only: the LUN itself is what must be visible. */
  lunId?: string | undefined;
  /** The VM's disks behind this connection, and whether each is plugged. */
  disks: Array<{ alias: string; lunId: string; active: boolean }>;
  /** Required to run: at least one plugged disk needs it. */
  required: boolean;
}

export function vmConnections(attachments: readonly DiskAttachment[], disks: readonly Disk[]): VmConnection[] {
  const byId = new Map(disks.map((d) => [d.id, d]));
  const out = new Map<string, VmConnection>();
  for (const att of attachments) {
    const disk = byId.get(att.diskId);
    if (disk?.storageType !== 'lun') continue;
    const lus = disk.lun.logicalUnits.length > 0 ? disk.lun.logicalUnits : [{ id: disk.lun.id, size: 0 }];
    for (const lu of lus) {
      const iscsi = disk.lun.type !== 'fcp' && lu.target;
      const key = iscsi ? `iscsi:${lu.target}@${lu.address}:${lu.port}` : `fcp:${disk.lun.id}`;
      const c: VmConnection = out.get(key) ?? {
        key,
        kind: iscsi ? 'iscsi' : 'fcp',
        ...(iscsi ? { target: lu.target, address: lu.address, port: lu.port } : { lunId: disk.lun.id }),
        disks: [],
        required: false,
      };
      c.disks.push({ alias: disk.alias, lunId: disk.lun.id, active: att.active });
      c.required ||= att.active;
      out.set(key, c);
    }
  }
  return [...out.values()].sort((a, b) => Number(b.required) - Number(a.required) || a.key.localeCompare(b.key));
}

export type HostHas =
  | { state: 'connected'; detail: string }
  | { state: 'degraded'; detail: string }
  | { state: 'missing'; detail: string };

/** Whether a host has a connection: logged in to the target (iSCSI) or sees the LUN (FC), with its paths. */
export function hostHasConnection(c: VmConnection, hostLuns: readonly HostLun[]): HostHas {
  const relevant = c.disks.map((d) => hostLuns.find((l) => l.id === d.lunId));
  const loggedIn = c.kind === 'iscsi' ? hostLuns.some((l) => l.lu.target === c.target) : relevant.some(Boolean);
  if (!loggedIn) {
    return { state: 'missing', detail: c.kind === 'iscsi' ? t('domain.vmConnections.notLoggedIn') : t('domain.vmConnections.doesNotSee') };
  }
  const seen = relevant.filter((l): l is HostLun => !!l);
  const dead = seen.filter((l) => l.lu.activePaths === 0);
  if (seen.length < c.disks.length) return { state: 'degraded', detail: t('domain.vmConnections.lunNotVisible') };
  if (dead.length > 0) return { state: 'degraded', detail: t('domain.vmConnections.noActivePath', { luns: dead.map((l) => l.id).join(', ') }) };
  const paths = seen
    .map((l) => (l.lu.activePaths !== undefined && l.lu.paths !== undefined ? t('domain.vmConnections.pathCount', { active: l.lu.activePaths, paths: l.lu.paths }) : undefined))
    .filter(Boolean);
  return {
    state: 'connected',
    detail: paths.length > 0 ? t('domain.vmConnections.connectedPaths', { paths: [...new Set(paths)].join(', ') }) : t('domain.vmConnections.connected'),
  };
}
