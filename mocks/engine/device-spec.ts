// The engine → host disk device spec for direct LUNs, per the seed's "Engine - VDSM API": a LUN is named by
// its GUID instead of the pool/domain/image/volume quartet; `index` is unique per interface; `bootOrder` is
// global across bootable devices; only raw format; `address` only when known. Built by the emulated engine only
// (what it "sends" to its hosts, shown in the emulator panel); the console never builds a device spec.
import type { DiskInterface, Sgio } from '../../src/domain/model';

export type VdsmIface = 'virtio' | 'scsi' | 'ide' | 'sata';

export interface DeviceSpec {
  type: 'disk';
  /** 'lun' when SCSI pass-through is on (sgio set, VirtIO-SCSI only), 'disk' otherwise. */
  device: 'disk' | 'lun';
  iface: VdsmIface;
  index: number;
  GUID?: string;
  poolID?: string;
  domainID?: string;
  imageID?: string;
  volumeID?: string;
  address?: Record<string, string>;
  format: 'raw' | 'cow';
  bootOrder?: number;
  propagateErrors: 'on' | 'off';
  shared: 'True' | 'False';
  readonly: 'True' | 'False';
  sgio?: Sgio;
  /** The engine's disk id, to tie the spec back to the disk (not a VDSM field the seed names). */
  diskId: string;
}

interface DeviceDiskBase {
  diskId: string;
  interface: DiskInterface;
  bootable: boolean;
  readOnly: boolean;
  shareable: boolean;
  propagateErrors: boolean;
  /** The address the host reported for this device before, if any. */
  address?: Record<string, string> | undefined;
}

export type DeviceDisk =
  | (DeviceDiskBase & { kind: 'lun'; guid: string; sgio?: Sgio | undefined })
  | (DeviceDiskBase & {
      kind: 'image';
      format: 'raw' | 'cow';
      poolId: string;
      domainId: string;
      imageId: string;
      volumeId: string;
    });

export function vdsmIface(i: DiskInterface): VdsmIface {
  switch (i) {
    case 'virtio':
      return 'virtio';
    case 'ide':
      return 'ide';
    case 'sata':
      return 'sata';
    default:
      return 'scsi';
  }
}

function specFor(d: DeviceDisk, index: number, bootOrder: number | undefined): DeviceSpec {
  const iface = vdsmIface(d.interface);
  const common = {
    type: 'disk' as const,
    iface,
    index,
    ...(d.address ? { address: d.address } : {}),
    ...(bootOrder !== undefined ? { bootOrder } : {}),
    propagateErrors: d.propagateErrors ? ('on' as const) : ('off' as const),
    shared: d.shareable ? ('True' as const) : ('False' as const),
    readonly: d.readOnly ? ('True' as const) : ('False' as const),
    diskId: d.diskId,
  };
  if (d.kind === 'lun') {
    // Pass-through (sgio) only takes effect on VirtIO-SCSI; the engine ignores it elsewhere (reference §4.1).
    const passthrough = d.sgio !== undefined && d.interface === 'virtio_scsi';
    return {
      ...common,
      device: passthrough ? 'lun' : 'disk',
      GUID: d.guid,
      format: 'raw',
      ...(passthrough && d.sgio ? { sgio: d.sgio } : {}),
    };
  }
  return {
    ...common,
    device: 'disk',
    poolID: d.poolId,
    domainID: d.domainId,
    imageID: d.imageId,
    volumeID: d.volumeId,
    format: d.format,
  };
}

/** The disk devices of a VM being started: bootable disks first get boot orders 1, 2, …; indexes per iface. */
export function buildDeviceSpecs(disks: readonly DeviceDisk[]): DeviceSpec[] {
  const nextIndex = new Map<VdsmIface, number>();
  let nextBoot = 1;
  const ordered = [...disks.filter((d) => d.bootable), ...disks.filter((d) => !d.bootable)];
  return ordered.map((d) => {
    const iface = vdsmIface(d.interface);
    const index = nextIndex.get(iface) ?? 0;
    nextIndex.set(iface, index + 1);
    return specFor(d, index, d.bootable ? nextBoot++ : undefined);
  });
}

/** The spec of one disk hot plugged next to `current`: the next free index on its iface, the next boot order. */
export function buildHotplugDeviceSpec(disk: DeviceDisk, current: readonly DeviceSpec[]): DeviceSpec {
  const iface = vdsmIface(disk.interface);
  const used = new Set(current.filter((s) => s.iface === iface).map((s) => s.index));
  let index = 0;
  while (used.has(index)) index++;
  const maxBoot = Math.max(0, ...current.map((s) => s.bootOrder ?? 0));
  return specFor(disk, index, disk.bootable ? maxBoot + 1 : undefined);
}
