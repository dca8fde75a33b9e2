// Which option of a new direct-LUN disk applies under which interface, VM state and LUN, and why not, in words.
// The rules are the engine's (reference/engine-rest-api.md §4.1, §4.3, §4.6; webadmin-direct-lun.md §1.3–1.4,
// §5): an option that does not apply stays visible, disabled, with the reason next to it (conventions.md).
//
// Two choices of ours, on top of the engine's rules (docs/decisions/011-disk-option-rules.md):
// - An option that stops applying is *shown* off and *sent* off, but the user's choice is kept, so it comes back
//   when the option applies again (switching to IDE and back to VirtIO-SCSI keeps pass-through).
// - Read-only is a safety attribute: nothing turns it off behind the user's back. While it is on, the interfaces
//   that cannot be read-only (IDE, SATA) are disabled with the reason, instead of silently dropping read-only.
import { t } from '../i18n/i18n';
import { interfaceText } from './format';
import type { DiskInterface, VmStatus } from './model';
import { isVmRunning, takesDisk } from './vm-status';

export const WIZARD_INTERFACES = ['virtio_scsi', 'virtio', 'sata', 'ide'] as const satisfies readonly DiskInterface[];

export interface DiskOptionValues {
  interface: DiskInterface;
  bootable: boolean;
  sharable: boolean;
  readOnly: boolean;
  passthrough: boolean;
  privilegedIo: boolean;
  scsiReservation: boolean;
  passDiscard: boolean;
  propagateErrors: boolean;
  activate: boolean;
}

export type DiskOptionKey = Exclude<keyof DiskOptionValues, 'interface'>;

export interface DiskOptionVm {
  name: string;
  status: VmStatus;
  /**
   * Undefined: the engine did not say (it sends `virtio_scsi` only with all_content=true, decision 044 §15 F-A).
   * Unknown is never read as disabled: VirtIO-SCSI stays offered, with a note that the engine decides.
   */
  virtioScsiEnabled: boolean | undefined;
  /** Alias of the VM's disk that is already bootable, if any (one bootable disk per VM). */
  bootableDiskAlias?: string | undefined;
}

export interface DiskOptionLun {
  /** Bytes the LUN can discard at once; 0 = no discard support (LUNs.supportsDiscard). */
  discardMaxSize: number | undefined;
  /** False when the picked host has no active path to it: then the engine cannot read its discard support. */
  reachable: boolean;
}

export interface DiskOptionContext {
  /** Undefined for a floating disk. */
  vm?: DiskOptionVm | undefined;
  /** Undefined until a LUN is picked. */
  lun?: DiskOptionLun | undefined;
  /**
   * The disk already has SCSI pass-through of its own (an existing disk's sgio, kept on any interface): the
   * engine refuses a read-only pass-through disk whatever the interface (DiskVmElementValidator, reference §4.6).
   */
  diskPassthrough?: boolean | undefined;
  /**
   * How many disks are made with these options at once (a batch of LUNs, decision 048). More than one: none may be
   * bootable — the engine allows one bootable disk per VM (ACTION_TYPE_FAILED_DISK_BOOT_IN_USE).
   */
  batchSize?: number | undefined;
}

export interface OptionState {
  applies: boolean;
  /** Why it does not apply (shown next to the disabled control). */
  reason?: string | undefined;
  /** Something worth knowing while it applies (e.g. reservation blocks migration). */
  note?: string | undefined;
}

export interface InterfaceChoice {
  value: DiskInterface;
  label: string;
  disabled: boolean;
  reason?: string | undefined;
  /** Something worth knowing while it can be chosen (the VM's VirtIO-SCSI was not reported). */
  note?: string | undefined;
}

/**
 * VirtIO-SCSI when the VM has it enabled, VirtIO otherwise (AbstractDiskModel.setDefaultInterface). When the engine
 * did not say, VirtIO-SCSI: a VM gets it unless someone turned it off (upstream-engine BLL/AddVmCommand.java:1808-1816,
 * `virtioScsiEnabled != null ? virtioScsiEnabled : isOsSupportedForVirtIoScsi`), and if it is off the engine refuses
 * the disk with its reason (CANNOT_PERFORM_ACTION_VIRTIO_SCSI_IS_DISABLED), which the console shows.
 */
export function defaultInterface(vm: DiskOptionVm | undefined): DiskInterface {
  return vm?.virtioScsiEnabled === false ? 'virtio' : 'virtio_scsi';
}

/** Said next to VirtIO-SCSI when the engine did not report whether the VM has it. */
export function virtioScsiUnknownNote(vmName: string): string {
  return t('domain.diskOptions.virtioScsiUnknown', { vm: vmName });
}

/**
 * The options a new disk starts with: everything off but Activate, which is on for a VM disk, as in the engine's
 * own dialog (a floating disk cannot be plugged); the interface is the VM's default.
 */
export function defaultDiskOptions(vm: DiskOptionVm | undefined): DiskOptionValues {
  return {
    interface: defaultInterface(vm),
    bootable: false,
    sharable: false,
    readOnly: false,
    passthrough: false,
    privilegedIo: false,
    scsiReservation: false,
    passDiscard: false,
    propagateErrors: false,
    activate: !!vm,
  };
}

/** On x86 only VirtIO and VirtIO-SCSI are hot-pluggable (osinfo hotpluggableInterfaces; VmCommand). */
export function isHotPluggable(i: DiskInterface): boolean {
  return i === 'virtio' || i === 'virtio_scsi';
}

function cannotBeReadOnly(i: DiskInterface): boolean {
  return i === 'ide' || i === 'sata';
}

const perVm = (): string => t('domain.diskOptions.perVm');

export function interfaceChoices(ctx: DiskOptionContext, values: DiskOptionValues): InterfaceChoice[] {
  // Only a read-only that is in effect holds the interface back (on IDE it is not, so IDE stays choosable).
  const readOnlyOn = !!ctx.vm && diskOptionStates(ctx, values).readOnly.applies && values.readOnly;
  return WIZARD_INTERFACES.map((value) => {
    const label = interfaceText(value);
    if (!ctx.vm) return { value, label, disabled: true, reason: perVm() };
    if (value === 'virtio_scsi' && ctx.vm.virtioScsiEnabled === false) {
      return { value, label, disabled: true, reason: t('domain.diskOptions.virtioScsiDisabled', { vm: ctx.vm.name }) };
    }
    if (readOnlyOn && cannotBeReadOnly(value)) {
      return { value, label, disabled: true, reason: t('domain.diskOptions.cannotBeReadOnlyUncheck', { interface: label }) };
    }
    const note = value === 'virtio_scsi' && ctx.vm.virtioScsiEnabled === undefined ? virtioScsiUnknownNote(ctx.vm.name) : undefined;
    return { value, label, disabled: false, note };
  });
}

/** Every option's state for these values. Later options depend on the *effective* value of earlier ones. */
export function diskOptionStates(ctx: DiskOptionContext, v: DiskOptionValues): Record<DiskOptionKey, OptionState> {
  const vm = ctx.vm;
  const iface = v.interface;
  const scsi = iface === 'virtio_scsi';

  const sharable: OptionState = { applies: true };
  const propagateErrors: OptionState = {
    applies: true,
    note: t('domain.diskOptions.propagateErrorsNote'),
  };

  if (!vm) {
    // A floating disk: what belongs to the attachment (interface, bootable, read-only, reservation, discard,
    // plug) waits for an attach; sgio is the disk's own, so pass-through can be set now (reference §4.1–4.2).
    const passthrough: OptionState = { applies: true, note: t('domain.diskOptions.passthroughFloatingNote') };
    const privilegedIo: OptionState = v.passthrough
      ? { applies: true, note: t('domain.diskOptions.privilegedIoNote') }
      : { applies: false, reason: t('domain.diskOptions.privilegedIoNeedsPassthrough') };
    return {
      bootable: { applies: false, reason: perVm() },
      sharable,
      readOnly: { applies: false, reason: perVm() },
      passthrough,
      privilegedIo,
      scsiReservation: { applies: false, reason: perVm() },
      passDiscard: { applies: false, reason: perVm() },
      propagateErrors,
      activate: { applies: false, reason: t('domain.diskOptions.activateFloating') },
    };
  }

  const bootable: OptionState = vm.bootableDiskAlias
    ? { applies: false, reason: t('domain.diskOptions.bootableTaken', { disk: vm.bootableDiskAlias, vm: vm.name }) }
    : (ctx.batchSize ?? 1) > 1
      ? { applies: false, reason: t('domain.diskOptions.bootableBatch', { count: ctx.batchSize, vm: vm.name }) }
      : { applies: true };

  let readOnly: OptionState = { applies: true };
  if (cannotBeReadOnly(iface)) readOnly = { applies: false, reason: t('domain.diskOptions.cannotBeReadOnly', { interface: interfaceText(iface) }) };
  else if (ctx.diskPassthrough && !scsi) {
    readOnly = { applies: false, reason: t('domain.diskOptions.readOnlyDiskPassthrough') };
  } else if (scsi && v.passthrough) {
    readOnly = { applies: false, reason: t('domain.diskOptions.readOnlyPassthrough') };
  }
  const readOnlyOn = readOnly.applies && v.readOnly;

  let passthrough: OptionState = { applies: true };
  if (!scsi) passthrough = { applies: false, reason: t('domain.diskOptions.passthroughNeedsVirtioScsi') };
  else if (readOnlyOn) passthrough = { applies: false, reason: t('domain.diskOptions.passthroughReadOnly') };
  const passthroughOn = passthrough.applies && v.passthrough;

  const privilegedIo: OptionState = passthroughOn
    ? { applies: true, note: t('domain.diskOptions.privilegedIoNote') }
    : { applies: false, reason: t('domain.diskOptions.privilegedIoNeedsPassthrough') };
  const privilegedOn = privilegedIo.applies && v.privilegedIo;

  const scsiReservation: OptionState = privilegedOn
    ? { applies: true, note: t('domain.diskOptions.scsiReservationNote', { vm: vm.name }) }
    : { applies: false, reason: t('domain.diskOptions.scsiReservationNeedsPrivileged') };

  let passDiscard: OptionState = { applies: true };
  if (!ctx.lun) passDiscard = { applies: false, reason: t('domain.diskOptions.discardPickLun') };
  else if (!ctx.lun.reachable) {
    passDiscard = { applies: false, reason: t('domain.diskOptions.discardUnreachable') };
  } else if (!ctx.lun.discardMaxSize) passDiscard = { applies: false, reason: t('domain.diskOptions.discardUnsupported') };

  let activate: OptionState = { applies: true };
  if (!takesDisk(vm.status)) {
    activate = { applies: false, reason: t('domain.diskOptions.activateVmStatus') };
  } else if (isVmRunning(vm.status) && iface === 'ide') {
    activate = { applies: false, reason: t('domain.diskOptions.activateIde') };
  } else if (isVmRunning(vm.status) && !isHotPluggable(iface)) {
    activate = {
      applies: false,
      reason: t('domain.diskOptions.activateNotHotPluggable', { interface: interfaceText(iface) }),
    };
  } else if (isVmRunning(vm.status)) {
    activate = { applies: true, note: t('domain.diskOptions.activateRunning', { vm: vm.name }) };
  } else {
    activate = { applies: true, note: t('domain.diskOptions.activateDown', { vm: vm.name }) };
  }

  return { bootable, sharable, readOnly, passthrough, privilegedIo, scsiReservation, passDiscard, propagateErrors, activate };
}

/** The values that are sent: an option that does not apply is off, whatever its checkbox was left at. */
export function effectiveOptions(ctx: DiskOptionContext, v: DiskOptionValues): DiskOptionValues {
  const s = diskOptionStates(ctx, v);
  const on = (k: DiskOptionKey) => s[k].applies && v[k];
  return {
    interface: v.interface,
    bootable: on('bootable'),
    sharable: on('sharable'),
    readOnly: on('readOnly'),
    passthrough: on('passthrough'),
    privilegedIo: on('privilegedIo'),
    scsiReservation: on('scsiReservation'),
    passDiscard: on('passDiscard'),
    propagateErrors: on('propagateErrors'),
    activate: on('activate'),
  };
}

/**
 * The disk's sgio from the pass-through choices (AbstractDiskModel.flush): none when pass-through is off,
 * unfiltered with privileged SCSI I/O, filtered otherwise.
 */
export function sgioOf(effective: Pick<DiskOptionValues, 'passthrough' | 'privilegedIo'>): 'filtered' | 'unfiltered' | undefined {
  if (!effective.passthrough) return undefined;
  return effective.privilegedIo ? 'unfiltered' : 'filtered';
}

/** The selected interface itself is no longer allowed (e.g. VirtIO-SCSI on a VM that has it disabled). */
export function interfaceProblem(ctx: DiskOptionContext, v: DiskOptionValues): string | undefined {
  if (!ctx.vm) return undefined;
  const choice = interfaceChoices(ctx, v).find((c) => c.value === v.interface);
  return choice?.disabled ? choice.reason : undefined;
}

export function interfaceLabel(i: DiskInterface): string {
  return interfaceText(i);
}
