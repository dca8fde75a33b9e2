// Edit of a VM's disk: interface, bootable, read-only and the pass-through options, whatever the engine allows in
// the VM's current state, and why not in words. UpdateDiskCommand (reference/engine-rest-api.md §4.5,
// webadmin-direct-lun.md §1.6, §5): interface, bootable and sgio (the disk's pass-through) need every VM using
// the disk down; read-only can change only while the disk is unplugged or the VM is down. On top of those, the
// same option chain as a new disk (disk-options.ts). See docs/decisions/022-edit-what-the-engine-allows.md.
import { diskOptionStates, interfaceChoices, sgioOf, type DiskOptionValues, type InterfaceChoice } from './disk-options';
import { t } from '../i18n/i18n';
import { interfaceText, vmStatusText } from './format';
import type { DiskInterface, Sgio, VmStatus } from './model';
import { nameList } from './texts';

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

const ok: EditFieldState = { editable: true, locked: false };
const locked = (reason: string): EditFieldState => ({ editable: false, locked: true, reason });
const off = (reason: string | undefined): EditFieldState => ({ editable: false, locked: false, reason });

function optionValues(ctx: EditContext, v: EditValues): DiskOptionValues {
  return { ...v, sharable: ctx.disk.sharable, passDiscard: false, propagateErrors: false, activate: ctx.attachment.active };
}

export function editStates(ctx: EditContext, v: EditValues): EditStates {
  const running = ctx.users.filter((u) => u.status !== 'down');
  const needAllDown = (what: 'interface' | 'bootable' | 'passthrough' | 'reservation'): string | undefined => {
    if (running.length === 0) return undefined;
    const values = { disk: ctx.disk.alias, running: nameList(running.map((u) => t('domain.edit.vmIs', { vm: u.name, status: vmStatusText(u.status) }))) };
    switch (what) {
      case 'interface':
        return t('domain.edit.allDownInterface', values);
      case 'bootable':
        return t('domain.edit.allDownBootable', values);
      case 'passthrough':
        return t('domain.edit.allDownPassthrough', values);
      case 'reservation':
        return t('domain.edit.allDownReservation', values);
    }
  };
  const optionCtx = {
    vm: { name: ctx.vm.name, status: ctx.vm.status, virtioScsiEnabled: ctx.vm.virtioScsiEnabled, bootableDiskAlias: ctx.vm.bootableDiskAlias },
    // Off VirtIO-SCSI the disk keeps its sgio (editUpdate never drops it quietly), and read-only is refused with it.
    diskPassthrough: ctx.disk.kind === 'lun' && v.passthrough && v.interface !== 'virtio_scsi',
  };
  const rules = diskOptionStates(optionCtx, optionValues(ctx, v));
  const rule = (k: EditKey): EditFieldState => (rules[k].applies ? { ...ok, note: rules[k].note } : off(rules[k].reason));
  const lunOnly = (s: EditFieldState): EditFieldState =>
    ctx.disk.kind === 'lun' ? s : off(t('domain.edit.passthroughLunOnly'));

  const ifaceLock = needAllDown('interface');
  const readOnlyLock =
    ctx.vm.status !== 'down' && ctx.attachment.active
      ? t('domain.edit.readOnlyLock', { disk: ctx.disk.alias, vm: ctx.vm.name, status: vmStatusText(ctx.vm.status) })
      : undefined;
  const sgioLock = needAllDown('passthrough');
  const reservationLock = needAllDown('reservation');
  return {
    interface: { ...(ifaceLock ? locked(ifaceLock) : ok), choices: interfaceChoices(optionCtx, optionValues(ctx, v)) },
    bootable: (() => {
      const l = needAllDown('bootable');
      return l ? locked(l) : rule('bootable');
    })(),
    readOnly: readOnlyLock ? locked(readOnlyLock) : rule('readOnly'),
    passthrough: lunOnly(sgioLock ? locked(sgioLock) : rule('passthrough')),
    privilegedIo: lunOnly(sgioLock ? locked(sgioLock) : rule('privilegedIo')),
    // Uses the disk's unfiltered SG_IO: we treat it like sgio, which it depends on (decision 022).
    scsiReservation: lunOnly(reservationLock ? locked(reservationLock) : rule('scsiReservation')),
  };
}

/** The disk's sgio in a change line: off, filtered or unfiltered. */
function sgioWord(s: Sgio | undefined): string {
  if (s === undefined) return t('domain.edit.off');
  return s === 'unfiltered' ? t('domain.edit.sgioUnfiltered') : t('domain.edit.sgioFiltered');
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
  const yes = (b: boolean) => (b ? t('domain.edit.on') : t('domain.edit.off'));
  if (s.interface.editable && chosen.interface !== current.interface) {
    update.interface = chosen.interface;
    changes.push(t('domain.edit.changeInterface', { from: interfaceText(current.interface), to: interfaceText(chosen.interface) }));
  }
  for (const [k, field, message] of [
    ['bootable', 'bootable', 'domain.edit.changeBootable'],
    ['readOnly', 'readOnly', 'domain.edit.changeReadOnly'],
    ['scsiReservation', 'usesScsiReservation', 'domain.edit.changeScsiReservation'],
  ] as const) {
    if (!s[k].locked && eff(k) !== current[k]) {
      update[field] = eff(k);
      changes.push(t(message, { from: yes(current[k]), to: yes(eff(k)) }));
    }
  }
  if (s.passthrough.editable) {
    const before = sgioOf(current);
    const after = sgioOf({ passthrough: eff('passthrough'), privilegedIo: eff('privilegedIo') });
    if (before !== after) {
      update.sgio = after ?? 'disabled';
      changes.push(t('domain.edit.changePassthrough', { from: sgioWord(before), to: sgioWord(after) }));
    }
  }
  return { update, changes };
}
