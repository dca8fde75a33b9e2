// The iSCSI sessions a host holds and what holds each, derived from the real API only (no emulator data):
// - the targets: GET /hosts/{id}/storage lists the LUNs of the targets the host is logged in to, each with its
//   first connection (address, port, target) and the engine's usage (disk_id, storage_domain_id), §3.4;
// - the holders, after the seed's reference counting (docs/design.md §5): a storage domain whose LUN is behind
//   the target, or a LUN disk plugged into a VM running on this host (GET /vms?follow=disk_attachments).
// A session nothing holds is "logged in, not used by anything" (an administrator's login, or a left-over).
import { t } from '../i18n/i18n';
import type { Disk, DiskAttachment, HostLun, StorageDomain, Vm } from './model';
import { KeyedItems } from './text-index';

export type SessionHolder =
  | { kind: 'storage-domain'; id: string; name: string }
  | { kind: 'vm-disk'; vmId: string; vmName: string; diskId: string; diskAlias: string };

export interface HostLunUse {
  lun: HostLun;
  holders: SessionHolder[];
  /** The LUN backs a direct-LUN disk that nothing running here has plugged. */
  idleDisk?: { id: string; alias: string } | undefined;
}

export interface HostSessionView {
  /** "iscsi" sessions are per target and portal; "fcp" gathers the FC LUNs zoned to the host (no session). */
  kind: 'iscsi' | 'fcp';
  target: string | undefined;
  address: string | undefined;
  port: number | undefined;
  username: string | undefined;
  luns: HostLunUse[];
  holders: SessionHolder[];
  /** LUNs with no active path (the host lost its way to the portal or the fabric). */
  lunsWithoutActivePath: number;
}

export interface VmAttachments {
  vm: Vm;
  attachments: DiskAttachment[];
}

function holderKey(h: SessionHolder): string {
  return h.kind === 'storage-domain' ? `sd:${h.id}` : `vm:${h.vmId}/disk:${h.diskId}`;
}

export function holderText(h: SessionHolder): string {
  return h.kind === 'storage-domain'
    ? t('domain.hostSessions.storageDomain', { name: h.name })
    : t('domain.hostSessions.vmDisk', { disk: h.diskAlias, vm: h.vmName });
}

export function hostSessions(
  hostId: string,
  hostLuns: readonly HostLun[],
  vms: readonly VmAttachments[],
  disks: readonly Disk[],
  domains: readonly StorageDomain[],
): HostSessionView[] {
  const diskById = new Map(disks.map((d) => [d.id, d]));
  // Asked with every LUN's ID: not Maps, which would put each ID in V8's string table (decision 065).
  const lunDiskByWwid = new KeyedItems(
    disks.filter((d) => d.storageType === 'lun'),
    (d) => d.lun.id,
  );
  const domainOfLun = new KeyedItems(
    domains.flatMap((sd) => sd.luns.map((l) => ({ lunId: l.id, sd }))),
    (x) => x.lunId,
  );
  // Plugged disks of the VMs that run on this host (any state but down: launching and migrating VMs hold too).
  const pluggedHere = new Map<string, Array<{ vm: Vm }>>();
  for (const { vm, attachments } of vms) {
    if (vm.status === 'down' || vm.hostId !== hostId) continue;
    for (const a of attachments) {
      if (!a.active) continue;
      const list = pluggedHere.get(a.diskId) ?? [];
      list.push({ vm });
      pluggedHere.set(a.diskId, list);
    }
  }

  const groups = new Map<string, HostSessionView>();
  for (const lun of hostLuns) {
    const key = lun.type === 'fcp' ? 'fcp' : `${lun.lu.target ?? '?'}@${lun.lu.address ?? '?'}:${lun.lu.port ?? '?'}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        kind: lun.type === 'fcp' ? 'fcp' : 'iscsi',
        target: lun.type === 'fcp' ? undefined : lun.lu.target,
        address: lun.type === 'fcp' ? undefined : lun.lu.address,
        port: lun.type === 'fcp' ? undefined : lun.lu.port,
        username: lun.type === 'fcp' ? undefined : lun.lu.username,
        luns: [],
        holders: [],
        lunsWithoutActivePath: 0,
      };
      groups.set(key, g);
    }
    const holders: SessionHolder[] = [];
    const sdId = lun.lu.storageDomainId;
    const sd = sdId ? domains.find((d) => d.id === sdId) : domainOfLun.get(lun.id)?.sd;
    if (sd || sdId) holders.push({ kind: 'storage-domain', id: sd?.id ?? sdId ?? '', name: sd?.name ?? sdId ?? '' });
    const diskId = lun.lu.diskId ?? lunDiskByWwid.get(lun.id)?.id;
    let idleDisk: HostLunUse['idleDisk'];
    if (diskId) {
      const disk = diskById.get(diskId);
      const users = pluggedHere.get(diskId) ?? [];
      for (const { vm } of users) holders.push({ kind: 'vm-disk', vmId: vm.id, vmName: vm.name, diskId, diskAlias: disk?.alias ?? diskId });
      if (users.length === 0) idleDisk = { id: diskId, alias: disk?.alias ?? diskId };
    }
    g.luns.push({ lun, holders, idleDisk });
    if (lun.lu.activePaths === 0) g.lunsWithoutActivePath++;
    for (const h of holders) if (!g.holders.some((x) => holderKey(x) === holderKey(h))) g.holders.push(h);
  }
  return [...groups.values()].sort((a, b) =>
    a.kind !== b.kind ? (a.kind === 'iscsi' ? -1 : 1) : (a.target ?? '').localeCompare(b.target ?? ''),
  );
}
