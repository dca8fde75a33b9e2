// Host LUNs for the LUN table's tests: `count` iSCSI LUNs of host h1 behind one target, 1 GiB each, IDs in order.
import type { HostLun } from '../domain/model';

export function manyHostLuns(count: number): HostLun[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `36001405${i.toString(16).padStart(25, '0')}`;
    return { id, type: 'iscsi', hostId: 'h1', lu: { id, size: 2 ** 30, paths: 2, activePaths: 2, vendorId: 'PURE', productId: 'FlashArray', serial: `S${i}`, target: 'iqn.x:a', address: '10.0.0.1', port: 3260 } };
  });
}
