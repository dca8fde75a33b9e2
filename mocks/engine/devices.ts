// Building the device specs the emulated engine sends its hosts, and the guest-visible names hosts report.
import { buildDeviceSpecs, buildHotplugDeviceSpec, type DeviceDisk, type DeviceSpec } from './device-spec';
import type { Engine } from './engine';
import type { EmAttachment, EmDeviceSpecRecord, EmVm } from './state';

export function deviceDiskOf(e: Engine, vm: EmVm, att: EmAttachment): DeviceDisk | undefined {
  const disk = e.findDisk(att.diskId);
  if (!disk) return undefined;
  const base = {
    diskId: disk.id,
    interface: att.interface,
    bootable: att.bootable,
    readOnly: att.readOnly,
    shareable: disk.shareable,
    propagateErrors: disk.propagateErrors,
    address: att.address,
  };
  if (disk.kind === 'lun') return { ...base, kind: 'lun', guid: disk.lun.id, sgio: disk.sgio };
  const sd = e.state.storageDomains.find((s) => s.id === disk.storageDomainId);
  const dc = e.dataCenterOfCluster(vm.clusterId);
  return {
    ...base,
    kind: 'image',
    format: disk.format,
    poolId: dc?.id ?? '',
    domainId: sd?.id ?? '',
    imageId: disk.imageId,
    volumeId: disk.volumeId,
  };
}

function record(e: Engine, r: Omit<EmDeviceSpecRecord, 'time'>) {
  e.state.deviceSpecs.push({ ...r, time: e.now() });
  if (e.state.deviceSpecs.length > 500) e.state.deviceSpecs.splice(0, e.state.deviceSpecs.length - 500);
}

/** The host reports where each device landed; the engine keeps it and passes it back on the next run. */
function learnAddresses(e: Engine, vm: EmVm, specs: DeviceSpec[]) {
  for (const s of specs) {
    const att = e.state.attachments.find((a) => a.vmId === vm.id && a.diskId === s.diskId);
    if (!att) continue;
    if (!att.address) {
      att.address =
        s.iface === 'ide' || s.iface === 'sata'
          ? { type: 'drive', controller: '0', bus: '0', unit: String(s.index) }
          : s.iface === 'scsi'
            ? { type: 'drive', controller: '0', bus: '0', target: '0', unit: String(s.index) }
            : { type: 'pci', domain: '0x0000', bus: '0x00', slot: `0x${(7 + s.index).toString(16).padStart(2, '0')}`, function: '0x0' };
    }
    const letter = String.fromCharCode('a'.charCodeAt(0) + s.index);
    att.logicalName = s.iface === 'virtio' ? `/dev/vd${letter}` : `/dev/sd${letter}`;
  }
}

/** Specs for every plugged disk of a VM starting (or arriving by migration) on `hostId`. */
export function sendRunSpecs(e: Engine, vm: EmVm, hostId: string, reason: 'run' | 'migrate'): DeviceSpec[] {
  const disks = e
    .attachmentsOfVm(vm.id)
    .filter((a) => a.active)
    .map((a) => deviceDiskOf(e, vm, a))
    .filter((d): d is DeviceDisk => !!d);
  const specs = buildDeviceSpecs(disks);
  record(e, { hostId, vmId: vm.id, reason, devices: specs });
  learnAddresses(e, vm, specs);
  return specs;
}

/** The current devices of a running VM: its last run spec plus later hot plugs, minus unplugged disks. */
export function currentSpecs(e: Engine, vm: EmVm): DeviceSpec[] {
  const plugged = new Set(e.attachmentsOfVm(vm.id).filter((a) => a.active).map((a) => a.diskId));
  const byDisk = new Map<string, DeviceSpec>();
  for (const r of e.state.deviceSpecs) {
    if (r.vmId !== vm.id || r.hostId !== vm.hostId) continue;
    if (r.reason !== 'hotplug') byDisk.clear();
    for (const d of r.devices) byDisk.set(d.diskId, d);
  }
  return [...byDisk.values()].filter((d) => plugged.has(d.diskId));
}

export function sendHotplugSpec(e: Engine, vm: EmVm, att: EmAttachment): DeviceSpec | undefined {
  const disk = deviceDiskOf(e, vm, att);
  if (!disk || !vm.hostId) return undefined;
  const spec = buildHotplugDeviceSpec(disk, currentSpecs(e, vm).filter((s) => s.diskId !== att.diskId));
  record(e, { hostId: vm.hostId, vmId: vm.id, reason: 'hotplug', devices: [spec] });
  learnAddresses(e, vm, [spec]);
  return spec;
}
