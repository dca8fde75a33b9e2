// Which of Activate, Deactivate and Detach the engine allows for one attachment in the VM's current state, and
// why not in words (HotPlugDiskToVmCommand, DetachDiskFromVmCommand, VmCommand.isDiskSupportedForPlugUnPlug;
// reference/engine-rest-api.md §4.4, webadmin-direct-lun.md §4.1, §5).
import { INTERFACE_TEXT, vmStatusText } from './format';
import type { DiskAttachment, DiskInterface, Vm, VmStatus } from './model';

export type Availability = { ok: true } | { ok: false; reason: string };

const OK: Availability = { ok: true };
const no = (reason: string): Availability => ({ ok: false, reason });

/** Plug and unplug accept Up, Paused and Down VMs. */
export const PLUG_STATUSES: ReadonlySet<VmStatus> = new Set(['up', 'paused', 'down']);
/** Detach accepts Up and Down only — not Paused, unlike plug and attach. */
export const DETACH_STATUSES: ReadonlySet<VmStatus> = new Set(['up', 'down']);

export function isRunning(vm: Pick<Vm, 'status'>): boolean {
  return vm.status === 'up' || vm.status === 'paused';
}

/**
 * On x86 only VirtIO and VirtIO-SCSI disks can be plugged into or unplugged from a running VM (osinfo
 * hotpluggableInterfaces). The webadmin blocks only IDE; the engine also refuses SATA, so we say so up front.
 */
export function hotplugProblem(iface: DiskInterface): string | undefined {
  switch (iface) {
    case 'ide':
      return 'IDE disks cannot be plugged or unplugged while the VM runs.';
    case 'sata':
      return 'SATA disks cannot be plugged or unplugged while the VM runs (only VirtIO and VirtIO-SCSI can).';
    case 'spapr_vscsi':
      return 'sPAPR VSCSI disks cannot be plugged or unplugged while the VM runs.';
    default:
      return undefined;
  }
}

function statusProblem(vm: Pick<Vm, 'status'>, allowed: ReadonlySet<VmStatus>, what: string): string | undefined {
  if (allowed.has(vm.status)) return undefined;
  const need = [...allowed].map((s) => vmStatusText(s)).join(', ').replace(/, ([^,]*)$/, ' or $1');
  return `Cannot ${what} while the VM is ${vmStatusText(vm.status).toLowerCase()}; it must be ${need}.`;
}

export function canActivate(vm: Pick<Vm, 'status'>, att: Pick<DiskAttachment, 'active' | 'interface'>): Availability {
  if (att.active) return no('The disk is already active.');
  const s = statusProblem(vm, PLUG_STATUSES, 'activate a disk');
  if (s) return no(s);
  const h = isRunning(vm) ? hotplugProblem(att.interface) : undefined;
  return h ? no(h) : OK;
}

export function canDeactivate(vm: Pick<Vm, 'status'>, att: Pick<DiskAttachment, 'active' | 'interface'>): Availability {
  if (!att.active) return no('The disk is already inactive.');
  const s = statusProblem(vm, PLUG_STATUSES, 'deactivate a disk');
  if (s) return no(s);
  const h = isRunning(vm) ? hotplugProblem(att.interface) : undefined;
  return h ? no(h) : OK;
}

export function canDetach(vm: Pick<Vm, 'status'>, att: Pick<DiskAttachment, 'active' | 'interface'>): Availability {
  if (!DETACH_STATUSES.has(vm.status)) {
    // The engine's own words (ACTION_TYPE_FAILED_VM_STATUS_ILLEGAL), so the console and the engine agree.
    return no(`Cannot detach Virtual Disk because the VM is in ${vmStatusText(vm.status)} status. Detach works when the VM is Up or Down.`);
  }
  if (isRunning(vm) && att.active) {
    const h = hotplugProblem(att.interface);
    if (h) return no(`${h} Detaching it would unplug it first.`);
  }
  return OK;
}

export function interfaceText(i: DiskInterface): string {
  return INTERFACE_TEXT[i];
}
