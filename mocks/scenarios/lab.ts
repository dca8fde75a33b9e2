// The default lab (issue #2): data center Default, one cluster, three Up hosts and one in maintenance; two
// iSCSI portals (one with three targets, one CHAP-protected; one with a single target that only two hosts
// reach); 21 iSCSI LUNs that differ the ways real ones do; an FC fabric with six LUNs zoned to two hosts; five
// VMs (two running, one HA, one without VirtIO-SCSI; two down; one paused); a floating direct-LUN disk and a
// sharable LUN disk attached to two VMs.
import { GiB, ScenarioBuilder, TiB } from './builder';

export const LAB_CHAP = { username: 'lab-chap', password: 'chap-secret-42' } as const;

export function lab() {
  const b = new ScenarioBuilder('lab', 0x1ab);
  const dc = b.dataCenter('Default');
  const cl = b.cluster('Default', dc.id);

  const portalA = b.portal('10.35.1.72', ['storage-a.lab.example.com']);
  const portalB = b.portal('10.35.2.90', ['storage-b.lab.example.com', 'fd00:35:2::90']);
  const fabric = b.fabric('fabric-a');

  const host1 = b.host({ name: 'host1', clusterId: cl.id, spm: true, portals: [portalA, portalB], fabrics: [fabric.id] });
  const host2 = b.host({ name: 'host2', clusterId: cl.id, portals: [portalA, portalB] });
  const host3 = b.host({ name: 'host3', clusterId: cl.id, portals: [portalA], fabrics: [fabric.id] });
  b.host({ name: 'host4', clusterId: cl.id, status: 'maintenance', portals: [portalA, portalB] });

  const tData = b.target('iqn.2024-03.com.example.lab:array-a.data', [portalA]);
  const tApps = b.target('iqn.2024-03.com.example.lab:array-a.apps', [portalA]);
  const tSecure = b.target('iqn.2024-03.com.example.lab:array-a.secure', [portalA], { ...LAB_CHAP });
  const tBackup = b.target('iqn.2024-03.com.example.lab:array-b.backup', [portalB]);

  // array-a.data: two LUNs of storage domain data1, two free.
  const sdLun1 = b.lun({ target: tData, size: 1 * TiB, pvStatus: 'used' });
  const sdLun2 = b.lun({ target: tData, size: 1 * TiB, pvStatus: 'used' });
  b.lun({ target: tData, size: 100 * GiB });
  b.lun({ target: tData, size: 250 * GiB });

  // array-a.apps: LUNs behind existing disks, and free ones from 1 GiB to 16 TiB.
  const archiveLun = b.lun({ target: tApps, size: 2 * TiB });
  const quorumLun = b.lun({ target: tApps, size: 1 * GiB });
  const redoLun = b.lun({ target: tApps, size: 20 * GiB });
  b.lun({ target: tApps, size: 1 * GiB });
  b.lun({ target: tApps, size: 10 * GiB, discard: false });
  b.lun({ target: tApps, size: 50 * GiB });
  b.lun({ target: tApps, size: 200 * GiB, paths: 2, activePaths: 1 });
  b.lun({ target: tApps, size: 16 * TiB });

  // array-a.secure (CHAP): four free LUNs; one backs app01's data disk.
  const appDataLun = b.lun({ target: tSecure, size: 30 * GiB });
  b.lun({ target: tSecure, size: 60 * GiB });
  b.lun({ target: tSecure, size: 120 * GiB });
  b.lun({ target: tSecure, size: 500 * GiB, discard: false });

  // array-b.backup, a different vendor, reachable from host1 and host2 only.
  const b1 = { vendorId: 'DGC', productId: 'VRAID' };
  const backupLun = b.lun({ target: tBackup, size: 4 * TiB, ...b1 });
  b.lun({ target: tBackup, size: 8 * TiB, ...b1 });
  b.lun({ target: tBackup, size: 1536 * GiB, ...b1 });
  b.lun({ target: tBackup, size: 64 * GiB, discard: false, ...b1 });
  b.lun({ target: tBackup, size: 256 * GiB, ...b1 });

  // Fibre Channel: six LUNs zoned to host1 and host3; one lost half its paths, one has none left.
  b.lun({ fabricId: fabric.id, size: 100 * GiB });
  b.lun({ fabricId: fabric.id, size: 500 * GiB });
  b.lun({ fabricId: fabric.id, size: 1 * TiB, paths: 4, activePaths: 2 });
  b.lun({ fabricId: fabric.id, size: 2 * TiB });
  b.lun({ fabricId: fabric.id, size: 5 * GiB, paths: 2, activePaths: 0 });
  b.lun({ fabricId: fabric.id, size: 750 * GiB, discard: false });

  const data1 = b.storageDomain('data1', [sdLun1, sdLun2], [tData]);

  const db01 = b.vm({ name: 'db01', clusterId: cl.id, status: 'up', host: host1, ha: true, description: 'PostgreSQL primary' });
  const web01 = b.vm({ name: 'web01', clusterId: cl.id, status: 'up', host: host2, virtioScsi: false, description: 'Web front end' });
  const app01 = b.vm({ name: 'app01', clusterId: cl.id, status: 'down', description: 'Application server' });
  const test01 = b.vm({ name: 'test01', clusterId: cl.id, status: 'down', prefer: [host3], description: 'Restore tests (prefers host3)' });
  const batch01 = b.vm({ name: 'batch01', clusterId: cl.id, status: 'paused', host: host3, description: 'Nightly batch' });

  for (const vm of [db01, web01, app01, test01, batch01]) {
    b.attach(vm, b.imageDisk(`${vm.name}_Disk1`, data1, 40 * GiB, 'Operating system'), { bootable: true, interface: 'virtio' });
  }
  b.lunDisk('archive-lun', archiveLun, { description: 'Archive volume, not attached' });
  const quorum = b.lunDisk('cluster-quorum', quorumLun, { description: 'Quorum disk of the db01 and web01 cluster', shareable: true });
  b.attach(db01, quorum, { interface: 'virtio_scsi' });
  b.attach(web01, quorum, { interface: 'virtio' });
  const redo = b.lunDisk('db01-redo', redoLun, { description: 'Database redo logs' });
  b.attach(db01, redo, { interface: 'virtio_scsi' });
  const appData = b.lunDisk('app01-data', appDataLun, { description: 'Application data' });
  b.attach(app01, appData, { interface: 'virtio_scsi' });
  const testBackup = b.lunDisk('test01-backup', backupLun, { description: 'Backup set under test' });
  b.attach(test01, testBackup, { interface: 'virtio_scsi' });

  b.connectDomainsAndRunningVms();
  return b.done();
}
