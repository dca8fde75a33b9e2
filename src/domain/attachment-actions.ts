// Which of Activate, Deactivate and Detach the engine allows for one attachment in the VM's current state, and
// why not in words (HotPlugDiskToVmCommand, DetachDiskFromVmCommand, VmCommand.isDiskSupportedForPlugUnPlug;
// reference/engine-rest-api.md §4.4, webadmin-direct-lun.md §4.1, §5).
import { t, type MessageId } from '../i18n/i18n';
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
  if (iface === 'unknown') return t('domain.attachmentActions.hotplugUnknownInterface');
  if (isHotPluggable(iface)) return undefined;
  return iface === 'ide'
    ? t('domain.attachmentActions.hotplugIde')
    : t('domain.attachmentActions.hotplugInterface', { interface: interfaceLabel(iface) });
}

/** The sentence for each action refused by the VM's status (whole sentences: the action is not a fragment). */
type StatusAction = 'attach' | 'activate' | 'deactivate';
const STATUS_PROBLEM: Record<StatusAction, MessageId> = {
  attach: 'domain.attachmentActions.statusAttach',
  activate: 'domain.attachmentActions.statusActivate',
  deactivate: 'domain.attachmentActions.statusDeactivate',
};

function statusProblem(vm: Pick<Vm, 'status'>, allowed: readonly VmStatus[], what: StatusAction): string | undefined {
  if (allowed.includes(vm.status)) return undefined;
  const names = allowed.map((s) => vmStatusText(s));
  const need = names.length <= 1 ? (names[0] ?? '') : t('domain.attachmentActions.or', { first: names.slice(0, -1).join(', '), last: names.at(-1) ?? '' });
  return t(STATUS_PROBLEM[what], { status: vmStatusText(vm.status).toLowerCase(), need });
}

/** The attachment, when its interface is one the console knows (Edit offers the interfaces it knows). */
export function withKnownInterface<A extends { interface: AttachmentInterface }>(att: A): (A & { interface: DiskInterface }) | undefined {
  const iface = att.interface;
  return iface === 'unknown' ? undefined : { ...att, interface: iface };
}

/** Edit needs the disk and an interface the console knows. */
export function canEdit(att: Pick<DiskAttachment, 'interface'>, disk: Disk | undefined): Availability {
  if (!disk) return no(t('domain.attachmentActions.loadingDisk'));
  if (att.interface === 'unknown') return no(t('domain.attachmentActions.editUnknownInterface'));
  return OK;
}

/** Attach (AttachDiskToVmCommand) accepts Up, Paused and Down VMs, like plug. */
export function canAttachTo(vm: Pick<Vm, 'status'>): Availability {
  const s = statusProblem(vm, TAKES_DISK_STATUSES, 'attach');
  return s ? no(s) : OK;
}

export function canActivate(vm: Pick<Vm, 'status'>, att: Pick<DiskAttachment, 'active' | 'interface'>): Availability {
  if (att.active) return no(t('domain.attachmentActions.alreadyActive'));
  const s = statusProblem(vm, TAKES_DISK_STATUSES, 'activate');
  if (s) return no(s);
  const h = isVmRunning(vm.status) ? hotplugProblem(att.interface) : undefined;
  return h ? no(h) : OK;
}

export function canDeactivate(vm: Pick<Vm, 'status'>, att: Pick<DiskAttachment, 'active' | 'interface'>): Availability {
  if (!att.active) return no(t('domain.attachmentActions.alreadyInactive'));
  const s = statusProblem(vm, TAKES_DISK_STATUSES, 'deactivate');
  if (s) return no(s);
  const h = isVmRunning(vm.status) ? hotplugProblem(att.interface) : undefined;
  return h ? no(h) : OK;
}

export function canDetach(vm: Pick<Vm, 'status'>, att: Pick<DiskAttachment, 'active' | 'interface'>): Availability {
  if (!detachable(vm.status)) {
    // The engine's own words (ACTION_TYPE_FAILED_VM_STATUS_ILLEGAL), so the console and the engine agree.
    return no(t('domain.attachmentActions.detachStatus', { status: vmStatusText(vm.status) }));
  }
  if (isVmRunning(vm.status) && att.active) {
    const h = hotplugProblem(att.interface);
    if (h) return no(t('domain.attachmentActions.detachUnplugsFirst', { problem: h }));
  }
  return OK;
}
