// A datacenter-sized engine for the lists (issue 15 item 2, issue 13 item 2): 5,000 VMs, 20,000 disks of which
// 5,000 direct LUN, 500 hosts, 100 storage domains. The storage is Fibre Channel so that no host holds iSCSI
// sessions to build (500 hosts × every domain's targets would be most of the build time and of the stored state):
// the lists, not the connection design, are what this scenario exercises. Built in well under a second (measured
// in datacenter.test.ts); too large for the tab's sessionStorage, so the browser entry keeps it in memory only
// (mocks/browser.ts says so in the console once).
import { GiB, ScenarioBuilder, TiB } from './builder';

export const DATACENTER = { vms: 5_000, disks: 20_000, lunDisks: 5_000, hosts: 500, storageDomains: 100 } as const;

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function datacenter() {
  const b = new ScenarioBuilder('datacenter', 0xdc5000);
  const dc = b.dataCenter('Default');
  const clusters = Array.from({ length: 10 }, (_, i) => b.cluster(`cluster${pad(i + 1, 2)}`, dc.id));
  const fabric = b.fabric('fabric-a');
  const hosts = Array.from({ length: DATACENTER.hosts }, (_, i) =>
    b.host({
      name: `host${pad(i + 1, 3)}`,
      clusterId: clusters[i % clusters.length]!.id,
      spm: i === 0,
      // A few hosts in maintenance or non-responsive, as a real datacenter has.
      status: i % 97 === 13 ? 'maintenance' : i % 131 === 7 ? 'non_responsive' : 'up',
      fabrics: [fabric.id],
    }),
  );
  const upHosts = hosts.filter((h) => h.status === 'up');
  const domainLuns = Array.from({ length: DATACENTER.storageDomains }, () => b.lun({ fabricId: fabric.id, size: 16 * TiB, paths: 4 }));
  const domains = domainLuns.map((l, i) => b.storageDomain(`sd${pad(i + 1, 3)}`, [l], []));
  const sizes = [10 * GiB, 20 * GiB, 40 * GiB, 100 * GiB, 250 * GiB, 500 * GiB, 1 * TiB, 2 * TiB];
  const kinds = ['db', 'web', 'app', 'batch', 'cache', 'mq', 'build', 'test'];
  const statuses = ['up', 'up', 'up', 'up', 'up', 'up', 'down', 'down', 'down', 'paused'] as const;
  const imagePerVm = (DATACENTER.disks - DATACENTER.lunDisks) / DATACENTER.vms; // 3
  for (let i = 0; i < DATACENTER.vms; i++) {
    const cl = clusters[i % clusters.length]!;
    const status = statuses[Math.floor(b.random() * statuses.length)]!;
    const vm = b.vm({
      name: `${kinds[i % kinds.length]}${pad(i + 1, 4)}`,
      clusterId: cl.id,
      status,
      host: upHosts[Math.floor(b.random() * upHosts.length)]!,
      ha: i % 7 === 0,
      description: i % 5 === 0 ? `Tier ${(i % 3) + 1} ${kinds[i % kinds.length]} server` : '',
    });
    for (let k = 0; k < imagePerVm; k++) {
      const sd = domains[(i * imagePerVm + k) % domains.length]!;
      const d = b.imageDisk(`${vm.name}_Disk${k + 1}`, sd, sizes[Math.floor(b.random() * sizes.length)]!);
      b.attach(vm, d, { bootable: k === 0, interface: 'virtio_scsi' });
    }
  }
  // 5,000 direct-LUN disks on their own FC LUNs: four in five attached (inactive, so no host connection is
  // implied), the rest floating.
  for (let i = 0; i < DATACENTER.lunDisks; i++) {
    const lun = b.lun({ fabricId: fabric.id, size: sizes[i % sizes.length]!, paths: 4 });
    const d = b.lunDisk(`lun${pad(i + 1, 4)}`, lun, { description: i % 4 === 0 ? `SAN volume ${i + 1}` : '' });
    if (i % 5 !== 4) b.attach(b.state.vms[(i * 7) % DATACENTER.vms]!, d, { active: false, interface: 'virtio_scsi' });
  }
  return b.done();
}
