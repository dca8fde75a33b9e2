import { describe, expect, it } from 'vitest';
import { buildDeviceSpecs, buildHotplugDeviceSpec, type DeviceDisk } from './device-spec';

const lun = (diskId: string, o: Partial<Extract<DeviceDisk, { kind: 'lun' }>> = {}): DeviceDisk => ({
  kind: 'lun', diskId, guid: `3600${diskId}`, interface: 'virtio_scsi', bootable: false, readOnly: false, shareable: false, propagateErrors: false, ...o,
});
const image = (diskId: string, o: Partial<Extract<DeviceDisk, { kind: 'image' }>> = {}): DeviceDisk => ({
  kind: 'image', diskId, interface: 'virtio', bootable: false, readOnly: false, shareable: false, propagateErrors: false,
  format: 'cow', poolId: 'p', domainId: 'd', imageId: 'i', volumeId: 'v', ...o,
});

describe('device spec (seed: Engine - VDSM API)', () => {
  it('names a LUN by GUID instead of the pool/domain/image/volume quartet, raw only', () => {
    const [spec] = buildDeviceSpecs([lun('a')]);
    expect(spec).toMatchObject({ type: 'disk', device: 'disk', GUID: '3600a', format: 'raw', iface: 'scsi', index: 0, shared: 'False', readonly: 'False', propagateErrors: 'off' });
    expect(spec).not.toHaveProperty('poolID');
    expect(spec).not.toHaveProperty('volumeID');
  });

  it('keeps index unique per iface and the boot order global across bootable devices', () => {
    const specs = buildDeviceSpecs([
      lun('l1'), image('os', { bootable: true }), lun('l2', { interface: 'virtio' }), lun('l3'), image('data'), lun('boot2', { bootable: true, interface: 'ide' }),
    ]);
    const by = Object.fromEntries(specs.map((s) => [s.diskId, s]));
    expect(by.os).toMatchObject({ iface: 'virtio', index: 0, bootOrder: 1 });
    expect(by.boot2).toMatchObject({ iface: 'ide', index: 0, bootOrder: 2 });
    expect(by.l1).toMatchObject({ iface: 'scsi', index: 0 });
    expect(by.l3).toMatchObject({ iface: 'scsi', index: 1 });
    expect(by.l2).toMatchObject({ iface: 'virtio', index: 1 });
    expect(by.data).toMatchObject({ iface: 'virtio', index: 2 });
    expect(by.l1?.bootOrder).toBeUndefined();
    for (const iface of ['virtio', 'scsi', 'ide'] as const) {
      const idx = specs.filter((s) => s.iface === iface).map((s) => s.index);
      expect(new Set(idx).size).toBe(idx.length);
    }
  });

  it('passes the address only when it is known', () => {
    const [unknown] = buildDeviceSpecs([lun('a')]);
    expect(unknown).not.toHaveProperty('address');
    const addr = { type: 'drive', controller: '0', bus: '0', target: '0', unit: '1' };
    const [known] = buildDeviceSpecs([lun('a', { address: addr })]);
    expect(known?.address).toEqual(addr);
  });

  it('maps sharable, read-only and propagate errors', () => {
    const [s] = buildDeviceSpecs([lun('a', { shareable: true, readOnly: true, propagateErrors: true })]);
    expect(s).toMatchObject({ shared: 'True', readonly: 'True', propagateErrors: 'on' });
  });

  it('makes a pass-through LUN a "lun" device on VirtIO-SCSI only', () => {
    expect(buildDeviceSpecs([lun('a', { sgio: 'unfiltered' })])[0]).toMatchObject({ device: 'lun', sgio: 'unfiltered' });
    const onVirtio = buildDeviceSpecs([lun('a', { sgio: 'unfiltered', interface: 'virtio' })])[0];
    expect(onVirtio).toMatchObject({ device: 'disk' });
    expect(onVirtio).not.toHaveProperty('sgio');
  });

  it('hot plugs at the next free index of its iface and after the last boot order', () => {
    const current = buildDeviceSpecs([image('os', { bootable: true }), lun('l1'), lun('l2')]);
    const s = buildHotplugDeviceSpec(lun('new', { bootable: true }), current.filter((x) => x.diskId !== 'l1'));
    expect(s).toMatchObject({ iface: 'scsi', index: 0, bootOrder: 2 });
    const s2 = buildHotplugDeviceSpec(lun('new2'), current);
    expect(s2).toMatchObject({ index: 2 });
    expect(s2.bootOrder).toBeUndefined();
  });
});
