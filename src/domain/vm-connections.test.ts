import { describe, expect, it } from 'vitest';
import type { Disk, DiskAttachment, HostLun } from './model';
import { hostHasConnection, vmConnections } from './vm-connections';

const lunDisk = (id: string, alias: string, lu: { id: string; target?: string; address?: string; port?: number }, type: 'iscsi' | 'fcp' = 'iscsi'): Disk => ({
  id, alias, description: '', sharable: false, propagateErrors: false, wipeAfterDelete: false, storageType: 'lun', sgio: undefined,
  lun: { id: lu.id, type, logicalUnits: [{ size: 1, ...lu }] },
});
const att = (diskId: string, active: boolean): DiskAttachment => ({ id: diskId, diskId, vmId: 'vm', interface: 'virtio_scsi', bootable: false, active, readOnly: false, passDiscard: false, usesScsiReservation: false, logicalName: undefined });
const T = { target: 'iqn.t1', address: '10.0.0.1', port: 3260 };

describe('a VM\'s required connections', () => {
  const disks = [lunDisk('d1', 'a', { id: 'L1', ...T }), lunDisk('d2', 'b', { id: 'L2', ...T }), lunDisk('d3', 'c', { id: 'L3', target: 'iqn.t2', address: '10.0.0.2', port: 3260 }), lunDisk('d4', 'fc', { id: 'F1' }, 'fcp')];

  it('unions the LUN disks\' connections; only plugged disks make one required', () => {
    const cs = vmConnections([att('d1', true), att('d2', false), att('d3', false), att('d4', true)], disks);
    expect(cs.map((c) => [c.key, c.required, c.disks.map((d) => d.alias)])).toEqual([
      ['fcp:F1', true, ['fc']],
      ['iscsi:iqn.t1@10.0.0.1:3260', true, ['a', 'b']],
      ['iscsi:iqn.t2@10.0.0.2:3260', false, ['c']],
    ]);
  });

  it('tells whether the host has each connection from its storage list', () => {
    const [fc, t1, t2] = vmConnections([att('d1', true), att('d2', true), att('d3', true), att('d4', true)], disks);
    const hostLuns: HostLun[] = [
      { id: 'L1', type: 'iscsi', hostId: 'h', lu: { id: 'L1', size: 1, ...T, paths: 2, activePaths: 2 } },
      { id: 'L2', type: 'iscsi', hostId: 'h', lu: { id: 'L2', size: 1, ...T, paths: 2, activePaths: 2 } },
      { id: 'F1', type: 'fcp', hostId: 'h', lu: { id: 'F1', size: 1, paths: 4, activePaths: 0 } },
    ];
    expect(hostHasConnection(t1!, hostLuns)).toEqual({ state: 'connected', detail: 'Connected (2/2 paths active)' });
    expect(hostHasConnection(t2!, hostLuns)).toEqual({ state: 'missing', detail: 'Not logged in to this target' });
    expect(hostHasConnection(fc!, hostLuns)).toMatchObject({ state: 'degraded' });
  });
});
