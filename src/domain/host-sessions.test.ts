import { describe, expect, it } from 'vitest';
import { holderText, hostSessions, type VmAttachments } from './host-sessions';
import type { Disk, DiskAttachment, HostLun, StorageDomain, Vm } from './model';

const APPS = 'iqn.x:apps';
const DATA = 'iqn.x:data';
const ADMIN = 'iqn.x:admin';
const lun = (id: string, target: string | undefined, o: Partial<HostLun['lu']> = {}): HostLun => ({
  id, type: target ? 'iscsi' : 'fcp', hostId: 'h1',
  lu: { id, size: 1, target, address: target ? '10.0.0.1' : undefined, port: target ? 3260 : undefined, paths: 1, activePaths: 1, ...o },
});
const vm = (id: string, name: string, status: Vm['status'], hostId?: string): Vm => ({
  id, name, description: '', status, hostId, clusterId: 'c', highAvailability: { enabled: false, priority: 0 }, virtioScsiEnabled: true, placementHostIds: [],
});
const att = (diskId: string, active = true): DiskAttachment => ({
  id: diskId, diskId, vmId: undefined, interface: 'virtio_scsi', bootable: false, active, readOnly: false, passDiscard: false, usesScsiReservation: false, logicalName: undefined,
});
const lunDisk = (id: string, alias: string, wwid: string): Disk => ({
  id, alias, description: '', sharable: false, propagateErrors: false, wipeAfterDelete: false, storageType: 'lun', sgio: undefined,
  lun: { id: wwid, type: 'iscsi', logicalUnits: [] },
});
const sd: StorageDomain = { id: 'sd1', name: 'data1', type: 'data', storageType: 'iscsi', luns: [{ id: 'D1', size: 1 }], available: 0, used: 0 };

describe('sessions a host holds and what holds each (from the real API)', () => {
  const luns = [
    lun('D1', DATA, { storageDomainId: 'sd1' }),
    lun('A1', APPS, { diskId: 'd1' }),
    lun('A2', APPS, { diskId: 'd2' }),
    lun('A3', APPS),
    lun('X1', ADMIN, { activePaths: 0 }),
    lun('F1', undefined),
  ];
  const disks = [lunDisk('d1', 'db01-redo', 'A1'), lunDisk('d2', 'quorum', 'A2')];
  const vms: VmAttachments[] = [
    { vm: vm('v1', 'db01', 'up', 'h1'), attachments: [att('d1'), att('d2', false)] },
    { vm: vm('v2', 'web01', 'up', 'h2'), attachments: [att('d2')] },
    { vm: vm('v3', 'app01', 'down'), attachments: [att('d1')] },
  ];
  const sessions = hostSessions('h1', luns, vms, disks, [sd]);

  it('groups LUNs by target and portal, FC apart', () => {
    expect(sessions.map((s) => [s.kind, s.target, s.luns.length])).toEqual([
      ['iscsi', ADMIN, 1], ['iscsi', APPS, 3], ['iscsi', DATA, 1], ['fcp', undefined, 1],
    ]);
  });

  it('a storage domain holds the target of its LUNs', () => {
    const data = sessions.find((s) => s.target === DATA);
    expect(data?.holders.map(holderText)).toEqual(['storage domain data1']);
  });

  it('a plugged disk of a VM running on this host holds its target; unplugged or elsewhere does not', () => {
    const apps = sessions.find((s) => s.target === APPS);
    expect(apps?.holders.map(holderText)).toEqual(['disk db01-redo of VM db01 (running here)']);
    // quorum is unplugged on db01 and plugged on web01, which runs on h2: idle here.
    expect(apps?.luns.find((l) => l.lun.id === 'A2')?.idleDisk).toEqual({ id: 'd2', alias: 'quorum' });
  });

  it('a session nothing holds has no holder, and counts its LUNs without an active path', () => {
    const admin = sessions.find((s) => s.target === ADMIN);
    expect(admin?.holders).toEqual([]);
    expect(admin?.lunsWithoutActivePath).toBe(1);
  });
});
