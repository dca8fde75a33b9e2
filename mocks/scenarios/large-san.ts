// A large SAN: 10,000 LUNs behind a handful of targets, 40 hosts. host01 is already logged in to every
// target, so its LUN table holds all 10,000 rows (the LUN table's performance case).
import { GiB, ScenarioBuilder, TiB } from './builder';

export const LARGE_SAN_LUNS = 10_000;

/** `luns` LUNs (10,000 by default; huge-san asks for 50,000), the rest the same. */
export function largeSan({ name = 'large-san', luns: count = LARGE_SAN_LUNS }: { name?: string; luns?: number } = {}) {
  const b = new ScenarioBuilder(name, 0x5a9);
  const dc = b.dataCenter('Default');
  const cl = b.cluster('Production', dc.id);
  const portals = [b.portal('10.40.0.11', ['san-a.example.com']), b.portal('10.40.0.12', ['san-b.example.com'])];
  const hosts = Array.from({ length: 40 }, (_, i) =>
    b.host({ name: `host${String(i + 1).padStart(2, '0')}`, clusterId: cl.id, spm: i === 0, portals }),
  );
  const targets = Array.from({ length: 8 }, (_, i) =>
    b.target(`iqn.2023-11.com.example:san.vol${i + 1}`, [portals[i % 2]!]),
  );
  const sizes = [1 * GiB, 10 * GiB, 50 * GiB, 100 * GiB, 250 * GiB, 500 * GiB, 1 * TiB, 2 * TiB, 4 * TiB, 16 * TiB];
  const luns = Array.from({ length: count }, (_, i) =>
    b.lun({
      target: targets[i % targets.length]!,
      size: sizes[Math.floor(b.random() * sizes.length)]!,
      vendorId: i % 3 === 0 ? 'LIO-ORG' : 'PURE',
      productId: i % 3 === 0 ? `lun${i}` : 'FlashArray',
      paths: 2,
      activePaths: i % 97 === 0 ? 1 : 2,
      discard: i % 5 !== 0,
    }),
  );
  const sd = b.storageDomain('prod-data', luns.slice(0, 20), [targets[0]!]);
  const vms = Array.from({ length: 12 }, (_, i) =>
    b.vm({ name: `vm${String(i + 1).padStart(2, '0')}`, clusterId: cl.id, status: i < 6 ? 'up' : 'down', host: hosts[i % hosts.length]!, ha: i % 4 === 0 }),
  );
  for (const vm of vms) b.attach(vm, b.imageDisk(`${vm.name}_Disk1`, sd, 40 * GiB), { bootable: true, interface: 'virtio' });
  // Every 50th LUN backs a disk; a few are attached.
  for (let i = 100; i < luns.length; i += 50) {
    const d = b.lunDisk(`lun-disk-${i}`, luns[i]!, { description: `Direct LUN ${i}` });
    if (i % 1000 === 100) b.attach(vms[(i / 1000) % vms.length | 0]!, d, { active: false });
  }
  b.connectDomainsAndRunningVms();
  for (const t of targets) b.session(hosts[0]!, t, undefined);
  return b.done();
}
