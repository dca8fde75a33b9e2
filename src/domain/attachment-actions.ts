// Which of Activate, Deactivate and Detach the engine allows for one attachment in the VM's current state, and
// why not in words (HotPlugDiskToVmCommand, DetachDiskFromVmCommand, VmCommand.isDiskSupportedForPlugUnPlug;
// reference/engine-rest-api.md §4.4, webadmin-direct-lun.md §4.1, §5).
import { interfaceLabel, isHotPluggable } from './disk-options';
import { vmStatusText } from './format';
import type { AttachmentInterface, Disk, DiskAttachment, DiskInterface, Vm, VmStatus } from './model';
import { detachable, isVmRunning, TAKES_DISK_STATUSES } from './vm-status';

export type Availability = { ok: true } | { ok: false; reason: string };

const OK: Availability = { ok: true };
const no = (reason: string): Availability => ({ ok: false, reason });

/**
 * On x86 only VirtIO and VirtIO-SCSI disks can be plugged into or unplugged from a running VM (osinfo
 * hotpluggableInterfaces; the rule itself is disk-options' isHotPluggable). The webadmin blocks only IDE; the
 * engine also refuses SATA, so we say so up front.
 */
export function hotplugProblem(iface: AttachmentInterface): string | undefined {
  // An interface a newer engine reports and this console does not know: it cannot tell, so it does not offer it.
  if (iface === 'unknown') return 'The engine reports an interface this console does not know, so it cannot tell whether the disk can be plugged or unplugged while the VM runs.';
  if (isHotPluggable(iface)) return undefined;
  return iface === 'ide'
    ? 'IDE disks cannot be plugged or unplugged while the VM runs.'
    : `${interfaceLabel(iface)} disks cannot be plugged or unplugged while the VM runs (only VirtIO and VirtIO-SCSI can).`;
}

function statusProblem(vm: Pick<Vm, 'status'>, allowed: readonly VmStatus[], what: string): string | undefined {
  if (allowed.includes(vm.status)) return undefined;
  const need = allowed.map((s) => vmStatusText(s)).join(', ').replace(/, ([^,]*)$/, ' or $1');
  return `Cannot ${what} while the VM is ${vmStatusText(vm.status).toLowerCase()}; it must be ${need}.`;
}

/** The attachment, when its interface is one the console knows (Edit offers the interfaces it knows). */
export function withKnownInterface<A extends { interface: AttachmentInterface }>(att: A): (A & { interface: DiskInterface }) | undefined {
  const iface = att.interface;
  return iface === 'unknown' ? undefined : { ...att, interface: iface };
}

/** Edit needs the disk and an interface the console knows. */
export function canEdit(att: Pick<DiskAttachment, 'interface'>, disk: Disk | undefined): Availability {
  if (!disk) return no('Loading the disk…');
  if (att.interface === 'unknown') return no('The engine reports an interface this console does not know; edit this disk in the engine\'s own console.');
  return OK;
}

/** Attach (AttachDiskToVmCommand) accepts Up, Paused and Down VMs, like plug. */
export function canAttachTo(vm: Pick<Vm, 'status'>): Availability {
  const s = statusProblem(vm, TAKES_DISK_STATUSES, 'attach a disk');
  return s ? no(s) : OK;
}

export function canActivate(vm: Pick<Vm, 'status'>, att: Pick<DiskAttachment, 'active' | 'interface'>): Availability {
  if (att.active) return no('The disk is already active.');
  const s = statusProblem(vm, TAKES_DISK_STATUSES, 'activate a disk');
  if (s) return no(s);
  const h = isVmRunning(vm.status) ? hotplugProblem(att.interface) : undefined;
  return h ? no(h) : OK;
}

export function canDeactivate(vm: Pick<Vm, 'status'>, att: Pick<DiskAttachment, 'active' | 'interface'>): Availability {
  if (!att.active) return no('The disk is already inactive.');
  const s = statusProblem(vm, TAKES_DISK_STATUSES, 'deactivate a disk');
  if (s) return no(s);
  const h = isVmRunning(vm.status) ? hotplugProblem(att.interface) : undefined;
  return h ? no(h) : OK;
}

export function canDetach(vm: Pick<Vm, 'status'>, att: Pick<DiskAttachment, 'active' | 'interface'>): Availability {
  if (!detachable(vm.status)) {
    // The engine's own words (ACTION_TYPE_FAILED_VM_STATUS_ILLEGAL), so the console and the engine agree.
    return no(`Cannot detach Virtual Disk because the VM is in ${vmStatusText(vm.status)} status. Detach works when the VM is Up or Down.`);
  }
  if (isVmRunning(vm.status) && att.active) {
    const h = hotplugProblem(att.interface);
    if (h) return no(`${h} Detaching it would unplug it first.`);
  }
  return OK;
}
