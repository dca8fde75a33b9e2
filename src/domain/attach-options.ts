// Attaching existing disks to a VM: which disks can be picked (and why not), and the per-disk options —
// interface, bootable, read-only, activate — under the same rules as a new disk (disk-options.ts), with what the
// disk brings itself fixed: its SCSI pass-through (sgio is the disk's, reference §4.1) and sharable.
// Sources: AttachDiskToVmCommand.validate, GetAllAttachableDisksByPoolId (webadmin-direct-lun.md §4.3, §5),
// reference/engine-rest-api.md §4.3.
import {
  defaultInterface, diskOptionStates, effectiveOptions, interfaceChoices, interfaceProblem,
  type DiskOptionContext, type DiskOptionValues, type InterfaceChoice, type OptionState,
} from './disk-options';
import { t } from '../i18n/i18n';
import type { Disk, DiskInterface, VmStatus } from './model';
import { nameList } from './texts';
import { isVmRunning } from './vm-status';

/** What the user chooses per disk when attaching it. */
export interface AttachChoice {
  interface: DiskInterface;
  bootable: boolean;
  readOnly: boolean;
  activate: boolean;
}

export interface AttachVm {
  name: string;
  status: VmStatus;
  /** Undefined: not reported by the engine (see DiskOptionVm). */
  virtioScsiEnabled: boolean | undefined;
  /** Alias of the disk already bootable on the VM, if any. */
  bootableDiskAlias?: string | undefined;
}

/** The disk's own settings that an attach cannot change. */
export interface AttachDisk {
  id: string;
  alias: string;
  sgio?: 'filtered' | 'unfiltered' | undefined;
  sharable: boolean;
}

export function attachDiskOf(d: Disk): AttachDisk {
  return { id: d.id, alias: d.alias, sgio: d.storageType === 'lun' ? d.sgio : undefined, sharable: d.sharable };
}

/** VirtIO-SCSI when the VM has it, VirtIO otherwise; activated, not bootable, not read-only (as webadmin). */
export function defaultAttachChoice(vm: Pick<AttachVm, 'name' | 'status' | 'virtioScsiEnabled'>): AttachChoice {
  return { interface: defaultInterface(vm), bootable: false, readOnly: false, activate: true };
}

// ---- which disks can be picked ---------------------------------------------------------------------------

export interface DiskUser {
  vmId: string;
  vmName: string;
}

export type Attachability =
  | { selectable: true; note: string }
  | { selectable: false; reason: string };

function names(users: readonly DiskUser[]): string {
  return nameList(users.map((u) => u.vmName));
}

/**
 * Whether `disk` can be attached to the VM `vmId`: a floating disk or a sharable one, not already on this VM,
 * and (images) neither locked nor illegal. A non-sharable disk attached elsewhere stays listed with the reason.
 */
export function attachability(disk: Disk, vm: { id: string; name: string }, users: readonly DiskUser[]): Attachability {
  if (users.some((u) => u.vmId === vm.id)) return { selectable: false, reason: t('domain.attach.alreadyAttached', { vm: vm.name }) };
  if (!disk.sharable && users.length > 0) {
    return { selectable: false, reason: t('domain.attach.notSharable', { vms: names(users) }) };
  }
  const other = otherDiskReason(disk);
  if (other) return { selectable: false, reason: other };
  if (disk.storageType === 'image' && (disk.status === 'locked' || disk.status === 'illegal')) {
    return { selectable: false, reason: disk.status === 'locked' ? t('domain.attach.diskLocked') : t('domain.attach.diskIllegal') };
  }
  if (disk.storageType === 'image' && disk.status === 'unknown') {
    return { selectable: false, reason: t('domain.attach.diskStatusUnknown') };
  }
  if (users.length > 0) return { selectable: true, note: t('domain.attach.sharableAlso', { vms: names(users) }) };
  return { selectable: true, note: t('domain.attach.floating') };
}

// ---- per-disk options ------------------------------------------------------------------------------------

export interface AttachOptionStates {
  interfaces: InterfaceChoice[];
  /** The chosen interface is not available (e.g. VirtIO-SCSI on a VM without it). */
  interfaceProblem: string | undefined;
  bootable: OptionState;
  readOnly: OptionState;
  activate: OptionState;
  /** The disk's own pass-through and whether it takes effect with the chosen interface. */
  passthroughNote: string | undefined;
}

function contextFor(vm: AttachVm, disk: AttachDisk, bootableTakenBy: string | undefined): DiskOptionContext {
  return {
    vm: { name: vm.name, status: vm.status, virtioScsiEnabled: vm.virtioScsiEnabled, bootableDiskAlias: vm.bootableDiskAlias ?? bootableTakenBy },
    diskPassthrough: !!disk.sgio,
  };
}

function valuesFor(disk: AttachDisk, c: AttachChoice): DiskOptionValues {
  return {
    interface: c.interface,
    bootable: c.bootable,
    // The disk's own: an attach cannot change them, but they hold read-only back (pass-through) as on create.
    sharable: disk.sharable,
    passthrough: !!disk.sgio,
    privilegedIo: disk.sgio === 'unfiltered',
    readOnly: c.readOnly,
    scsiReservation: false,
    passDiscard: false,
    propagateErrors: false,
    activate: c.activate,
  };
}

export function attachOptionStates(vm: AttachVm, disk: AttachDisk, c: AttachChoice, bootableTakenBy?: string): AttachOptionStates {
  const ctx = contextFor(vm, disk, bootableTakenBy);
  const v = valuesFor(disk, c);
  const s = diskOptionStates(ctx, v);
  let passthroughNote: string | undefined;
  if (disk.sgio) {
    const privileged = disk.sgio === 'unfiltered';
    if (c.interface === 'virtio_scsi') {
      passthroughNote = privileged ? t('domain.attach.passthroughPrivileged', { disk: disk.alias }) : t('domain.attach.passthrough', { disk: disk.alias });
    } else {
      passthroughNote = privileged
        ? t('domain.attach.passthroughPrivilegedOtherInterface', { disk: disk.alias })
        : t('domain.attach.passthroughOtherInterface', { disk: disk.alias });
    }
  }
  return {
    interfaces: interfaceChoices(ctx, v),
    interfaceProblem: interfaceProblem(ctx, v),
    bootable: s.bootable,
    readOnly: s.readOnly,
    activate: s.activate,
    passthroughNote,
  };
}

/** What is sent: an option that does not apply is off (decision 011). */
export function effectiveAttachChoice(vm: AttachVm, disk: AttachDisk, c: AttachChoice, bootableTakenBy?: string): AttachChoice {
  const e = effectiveOptions(contextFor(vm, disk, bootableTakenBy), valuesFor(disk, c));
  return { interface: e.interface, bootable: e.bootable, readOnly: e.readOnly, activate: e.activate };
}

/**
 * One bootable disk per VM counts the disks being attached too: the first disk of the batch with Bootable
 * checked holds it; for every other disk it is taken (by the VM's own bootable disk, or by that first one).
 */
export function bootableTakenBy(batch: ReadonlyArray<{ disk: AttachDisk; choice: AttachChoice }>, index: number): string | undefined {
  const first = batch.findIndex((b) => b.choice.bootable);
  if (first < 0 || first === index) return undefined;
  const holder = batch[first];
  return holder ? t('domain.attach.bootableHolder', { disk: holder.disk.alias }) : undefined;
}

/**
 * The engine fails a whole attach when the hot plug inside it fails (AttachDiskToVmCommand). On a running VM
 * the console therefore attaches the disk inactive and then plugs it, so a failed plug leaves the disk attached
 * and inactive and only the plug is retried. A down VM only records the flag: one request.
 */
export function attachInTwoSteps(vmStatus: VmStatus, activate: boolean): boolean {
  return activate && isVmRunning(vmStatus);
}

/**
 * Whether a disk can be attached to some other VM at all (Disks → a disk → Attach to VM): a non-sharable disk
 * already attached to a VM cannot (AttachDiskToVmCommand: NOT_SHAREABLE_DISK_ALREADY_ATTACHED).
 */
/**
 * A disk that is neither an image nor a direct LUN (cinder, managed block storage, a Kubernetes disk sent without
 * a type, a type a newer engine adds): listed, never attached from here — the console knows neither the rules nor
 * the options of those types.
 */
function otherDiskReason(disk: Pick<Disk, 'storageType'>): string | undefined {
  return disk.storageType === 'other'
    ? t('domain.attach.otherDiskType')
    : undefined;
}

export function attachableAnywhere(disk: Pick<Disk, 'alias' | 'sharable' | 'storageType'>, users: readonly DiskUser[]): { ok: true } | { ok: false; reason: string } {
  const other = otherDiskReason(disk);
  if (other) return { ok: false, reason: other };
  if (!disk.sharable && users.length > 0) {
    return { ok: false, reason: t('domain.attach.detachFirst', { disk: disk.alias, vms: names(users) }) };
  }
  return { ok: true };
}
