// Edit of a VM's disk: interface, bootable, read-only and the pass-through options, whatever the engine allows in
// the VM's current state, and why not in words. UpdateDiskCommand (reference/engine-rest-api.md §4.5,
// webadmin-direct-lun.md §1.6, §5): interface, bootable and sgio (the disk's pass-through) need every VM using
// the disk down; read-only can change only while the disk is unplugged or the VM is down. On top of those, the
// same option chain as a new disk (disk-options.ts). See docs/decisions/022-edit-what-the-engine-allows.md.
import { diskOptionStates, interfaceChoices, sgioOf, type DiskOptionValues, type InterfaceChoice } from './disk-options';
import { INTERFACE_TEXT, vmStatusText } from './format';
import type { DiskInterface, Sgio, VmStatus } from './model';

export interface EditValues {
  interface: DiskInterface;
  bootable: boolean;
  readOnly: boolean;
  passthrough: boolean;
  privilegedIo: boolean;
  scsiReservation: boolean;
}

export type EditKey = Exclude<keyof EditValues, 'interface'>;

export interface EditContext {
  vm: { name: string; status: VmStatus; virtioScsiEnabled: boolean | undefined; /** Another disk of the VM that is bootable. */ bootableDiskAlias?: string | undefined };
  attachment: { active: boolean };
  disk: { alias: string; kind: 'image' | 'lun' | 'other'; sharable: boolean };
  /** Every VM the disk is attached to, this one included. */
  users: ReadonlyArray<{ name: string; status: VmStatus }>;
}

export interface EditFieldState {
  /** The user can change it now. */
  editable: boolean;
  /** Why not (the VM's state, or a rule of the option chain). */
  reason?: string | undefined;
  note?: string | undefined;
  /** Locked by the VM's state: shows the current value. Otherwise a rule: shows it off. */
  locked: boolean;
}

export interface EditStates {
  interface: EditFieldState & { choices: InterfaceChoice[] };
  bootable: EditFieldState;
  readOnly: EditFieldState;
  passthrough: EditFieldState;
  privilegedIo: EditFieldState;
  scsiReservation: EditFieldState;
}

export function currentEditValues(att: { interface: DiskInterface; bootable: boolean; readOnly: boolean; usesScsiReservation: boolean }, sgio: Sgio | undefined): EditValues {
  return {
    interface: att.interface,
    bootable: att.bootable,
    readOnly: att.readOnly,
    passthrough: !!sgio,
    privilegedIo: sgio === 'unfiltered',
    scsiReservation: att.usesScsiReservation,
  };
}

function list(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

const ok: EditFieldState = { editable: true, locked: false };
const locked = (reason: string): EditFieldState => ({ editable: false, locked: true, reason });
const off = (reason: string | undefined): EditFieldState => ({ editable: false, locked: false, reason });

function optionValues(ctx: EditContext, v: EditValues): DiskOptionValues {
  return { ...v, sharable: ctx.disk.sharable, passDiscard: false, propagateErrors: false, activate: ctx.attachment.active };
}

export function editStates(ctx: EditContext, v: EditValues): EditStates {
  const running = ctx.users.filter((u) => u.status !== 'down');
  const needAllDown = (what: string): string | undefined =>
    running.length === 0
      ? undefined
      : `${what} can change only while every VM using ${ctx.disk.alias} is down: ${list(running.map((u) => `${u.name} is ${vmStatusText(u.status)}`))}.`;
  const optionCtx = {
    vm: { name: ctx.vm.name, status: ctx.vm.status, virtioScsiEnabled: ctx.vm.virtioScsiEnabled, bootableDiskAlias: ctx.vm.bootableDiskAlias },
    // Off VirtIO-SCSI the disk keeps its sgio (editUpdate never drops it quietly), and read-only is refused with it.
    diskPassthrough: ctx.disk.kind === 'lun' && v.passthrough && v.interface !== 'virtio_scsi',
  };
  const rules = diskOptionStates(optionCtx, optionValues(ctx, v));
  const rule = (k: EditKey): EditFieldState => (rules[k].applies ? { ...ok, note: rules[k].note } : off(rules[k].reason));
  const lunOnly = (s: EditFieldState): EditFieldState =>
    ctx.disk.kind === 'lun' ? s : off('SCSI pass-through is for direct LUN disks: the engine does not support SCSI generic I/O on an image disk.');

  const ifaceLock = needAllDown('The interface');
  const readOnlyLock =
    ctx.vm.status !== 'down' && ctx.attachment.active
      ? `Read-only can change only while ${ctx.disk.alias} is inactive or ${ctx.vm.name} is down (${ctx.vm.name} is ${vmStatusText(ctx.vm.status)} and the disk is plugged).`
      : undefined;
  const sgioLock = needAllDown('SCSI pass-through');
  return {
    interface: { ...(ifaceLock ? locked(ifaceLock) : ok), choices: interfaceChoices(optionCtx, optionValues(ctx, v)) },
    bootable: (() => {
      const l = needAllDown('Bootable');
      return l ? locked(l) : rule('bootable');
    })(),
    readOnly: readOnlyLock ? locked(readOnlyLock) : rule('readOnly'),
    passthrough: lunOnly(sgioLock ? locked(sgioLock) : rule('passthrough')),
    privilegedIo: lunOnly(sgioLock ? locked(sgioLock) : rule('privilegedIo')),
    // Uses the disk's unfiltered SG_IO: we treat it like sgio, which it depends on (decision 022).
    scsiReservation: lunOnly(sgioLock ? locked(sgioLock.replace('SCSI pass-through', 'SCSI reservation')) : rule('scsiReservation')),
  };
}

/** What a field shows: the current value when the VM's state locks it, off when a rule says it does not apply. */
export function shownValue(s: EditFieldState, current: boolean, chosen: boolean): boolean {
  if (s.locked) return current;
  return s.editable ? chosen : false;
}

export interface EditUpdate {
  interface?: DiskInterface;
  bootable?: boolean;
  readOnly?: boolean;
  usesScsiReservation?: boolean;
  sgio?: Sgio | 'disabled';
}

/**
 * Only what changed is sent (PUT is a partial update). The disk's pass-through is changed only when the user
 * changed it where it applies: switching the interface away from VirtIO-SCSI does not quietly turn off a setting
 * of the disk that other VMs may share (the engine ignores sgio on other interfaces, reference §4.1).
 */
export function editUpdate(ctx: EditContext, current: EditValues, chosen: EditValues): { update: EditUpdate; changes: string[] } {
  const s = editStates(ctx, chosen);
  const eff = (k: EditKey) => shownValue(s[k], current[k], chosen[k]);
  const update: EditUpdate = {};
  const changes: string[] = [];
  const yes = (b: boolean) => (b ? 'on' : 'off');
  if (s.interface.editable && chosen.interface !== current.interface) {
    update.interface = chosen.interface;
    changes.push(`Interface: ${INTERFACE_TEXT[current.interface]} → ${INTERFACE_TEXT[chosen.interface]}`);
  }
  for (const [k, field, label] of [
    ['bootable', 'bootable', 'Bootable'],
    ['readOnly', 'readOnly', 'Read-only'],
    ['scsiReservation', 'usesScsiReservation', 'SCSI reservation'],
  ] as const) {
    if (!s[k].locked && eff(k) !== current[k]) {
      update[field] = eff(k);
      changes.push(`${label}: ${yes(current[k])} → ${yes(eff(k))}`);
    }
  }
  if (s.passthrough.editable) {
    const before = sgioOf(current);
    const after = sgioOf({ passthrough: eff('passthrough'), privilegedIo: eff('privilegedIo') });
    if (before !== after) {
      update.sgio = after ?? 'disabled';
      changes.push(`SCSI pass-through: ${before ?? 'off'} → ${after ?? 'off'}`);
    }
  }
  return { update, changes };
}
