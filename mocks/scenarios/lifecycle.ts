// The VM lifecycle scenario (issue #5): set-ups the lab does not have, as data rather than as clicks.
// - app01 and app02 run on host1 with disks behind the same target: stopping one keeps the target for the other.
// - db01 (highly available) runs on host1 with a disk on portal B, which host3 cannot reach: migrating it to host3
//   fails and it stays on host1; when host1 crashes it restarts on host2, host3 being skipped (not counted).
// - quorum01 runs on host2 with a disk that uses SCSI reservation: it cannot migrate.
// - dr01 is down with a disk behind portal C, which no host reaches: no host can run it.
import { GiB, ScenarioBuilder, TiB } from './builder';

export function lifecycle() {
  const b = new ScenarioBuilder('lifecycle', 0x11fe);
  const dc = b.dataCenter('Default');
  const cl = b.cluster('Default', dc.id);

  const portalA = b.portal('10.35.1.72', ['storage-a.lab.example.com']);
  const portalB = b.portal('10.35.2.90', ['storage-b.lab.example.com']);
  // The disaster-recovery array sits on a network none of these hosts is on.
  const portalC = b.portal('10.35.3.33', ['storage-c.dr.example.com']);

  const host1 = b.host({ name: 'host1', clusterId: cl.id, spm: true, portals: [portalA, portalB] });
  const host2 = b.host({ name: 'host2', clusterId: cl.id, portals: [portalA, portalB] });
  b.host({ name: 'host3', clusterId: cl.id, portals: [portalA] });

  const tData = b.target('iqn.2024-03.com.example.lab:array-a.data', [portalA]);
  const tApps = b.target('iqn.2024-03.com.example.lab:array-a.apps', [portalA]);
  const tBackup = b.target('iqn.2024-03.com.example.lab:array-b.backup', [portalB]);
  const tDr = b.target('iqn.2024-03.com.example.lab:array-c.dr', [portalC]);

  const data1 = b.storageDomain('data1', [b.lun({ target: tData, size: 1 * TiB, pvStatus: 'used' })], [tData]);
  const app01Lun = b.lun({ target: tApps, size: 50 * GiB });
  const app02Lun = b.lun({ target: tApps, size: 80 * GiB });
  const quorumLun = b.lun({ target: tApps, size: 1 * GiB });
  b.lun({ target: tApps, size: 100 * GiB });
  const backupLun = b.lun({ target: tBackup, size: 2 * TiB, vendorId: 'DGC', productId: 'VRAID' });
  const drLun = b.lun({ target: tDr, size: 500 * GiB, vendorId: 'DGC', productId: 'VRAID' });

  const app01 = b.vm({ name: 'app01', clusterId: cl.id, status: 'up', host: host1, description: 'Application server' });
  const app02 = b.vm({ name: 'app02', clusterId: cl.id, status: 'up', host: host1, description: 'Application server (second)' });
  const db01 = b.vm({ name: 'db01', clusterId: cl.id, status: 'up', host: host1, ha: true, description: 'PostgreSQL primary' });
  const quorum01 = b.vm({ name: 'quorum01', clusterId: cl.id, status: 'up', host: host2, description: 'Cluster node with SCSI reservation' });
  const dr01 = b.vm({ name: 'dr01', clusterId: cl.id, status: 'down', description: 'Disaster recovery (array C)' });

  for (const vm of [app01, app02, db01, quorum01, dr01]) {
    b.attach(vm, b.imageDisk(`${vm.name}_Disk1`, data1, 40 * GiB, 'Operating system'), { bootable: true, interface: 'virtio' });
  }
  b.attach(app01, b.lunDisk('app01-data', app01Lun, { description: 'Application data' }), { interface: 'virtio_scsi' });
  b.attach(app02, b.lunDisk('app02-data', app02Lun, { description: 'Application data' }), { interface: 'virtio_scsi' });
  b.attach(db01, b.lunDisk('db01-backup', backupLun, { description: 'Backups on array B' }), { interface: 'virtio_scsi' });
  const quorum = b.lunDisk('quorum-lun', quorumLun, { description: 'Persistent reservation quorum', sgio: 'unfiltered' });
  b.attach(quorum01, quorum, { interface: 'virtio_scsi' }).usesScsiReservation = true;
  b.attach(dr01, b.lunDisk('dr01-data', drLun, { description: 'Replica on array C' }), { interface: 'virtio_scsi' });

  b.connectDomainsAndRunningVms();
  return b.done();
}
