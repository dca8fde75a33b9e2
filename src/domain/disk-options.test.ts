import { describe, expect, it } from 'vitest';
import {
  defaultInterface, diskOptionStates, effectiveOptions, interfaceChoices, interfaceProblem, sgioOf,
  type DiskOptionContext, type DiskOptionValues,
} from './disk-options';

const base: DiskOptionValues = {
  interface: 'virtio_scsi', bootable: false, sharable: false, readOnly: false, passthrough: false, privilegedIo: false,
  scsiReservation: false, passDiscard: false, propagateErrors: false, activate: true,
};
const lun = { discardMaxSize: 4096, reachable: true };
const up: DiskOptionContext = { vm: { name: 'db01', status: 'up', virtioScsiEnabled: true }, lun };
const down: DiskOptionContext = { vm: { name: 'app01', status: 'down', virtioScsiEnabled: true }, lun };
const v = (o: Partial<DiskOptionValues>) => ({ ...base, ...o });

describe('interface', () => {
  it('defaults to VirtIO-SCSI when the VM has it, VirtIO otherwise', () => {
    expect(defaultInterface({ name: 'a', status: 'up', virtioScsiEnabled: true })).toBe('virtio_scsi');
    expect(defaultInterface({ name: 'a', status: 'up', virtioScsiEnabled: false })).toBe('virtio');
  });
  it('VirtIO-SCSI is disabled, with the reason, when the VM has it disabled', () => {
    const ctx: DiskOptionContext = { vm: { name: 'web01', status: 'up', virtioScsiEnabled: false }, lun };
    const scsi = interfaceChoices(ctx, base).find((c) => c.value === 'virtio_scsi');
    expect(scsi).toMatchObject({ disabled: true, reason: "VirtIO-SCSI is disabled for web01: enable it in the VM's settings to use it." });
    expect(interfaceProblem(ctx, base)).toMatch(/VirtIO-SCSI is disabled for web01/);
  });
  it('a VM whose VirtIO-SCSI the engine did not report is "unknown", never "disabled" (044 §15 F-A)', () => {
    // Without all_content the engine sends no virtio_scsi: the engine's own default for a VM is VirtIO-SCSI
    // (AddVmCommand.isVirtioScsiEnabled), so it stays the default and choosable, with a note that the engine decides.
    const vm = { name: 'db01', status: 'up' as const, virtioScsiEnabled: undefined };
    expect(defaultInterface(vm)).toBe('virtio_scsi');
    const ctx: DiskOptionContext = { vm, lun };
    const scsi = interfaceChoices(ctx, base).find((c) => c.value === 'virtio_scsi');
    expect(scsi).toMatchObject({ disabled: false, note: 'The engine did not say whether db01 has VirtIO-SCSI enabled; if it is not, the engine refuses the disk and says why.' });
    expect(interfaceProblem(ctx, base)).toBeUndefined();
    expect(diskOptionStates(ctx, v({ passthrough: true })).passthrough.applies).toBe(true);
    // Known either way: no note.
    expect(interfaceChoices(up, base).find((c) => c.value === 'virtio_scsi')?.note).toBeUndefined();
  });
  it('read-only in effect holds IDE and SATA back instead of being dropped', () => {
    const c = interfaceChoices(up, v({ readOnly: true }));
    expect(c.find((x) => x.value === 'ide')).toMatchObject({ disabled: true, reason: "IDE disks can't be read-only: uncheck Read-only first." });
    expect(c.find((x) => x.value === 'sata')?.disabled).toBe(true);
    expect(c.find((x) => x.value === 'virtio')?.disabled).toBe(false);
  });
  it('a floating disk has no interface yet', () => {
    expect(interfaceChoices({ lun }, base).every((c) => c.disabled && /per VM/.test(c.reason ?? ''))).toBe(true);
  });
});

describe('option rules', () => {
  it('read-only is not for IDE or SATA', () => {
    expect(diskOptionStates(up, v({ interface: 'ide' })).readOnly).toEqual({ applies: false, reason: "IDE disks can't be read-only." });
    expect(diskOptionStates(up, v({ interface: 'sata' })).readOnly.reason).toBe("SATA disks can't be read-only.");
  });
  it('pass-through only on VirtIO-SCSI, and not with read-only', () => {
    expect(diskOptionStates(up, v({ interface: 'virtio' })).passthrough.reason).toBe('SCSI pass-through needs the VirtIO-SCSI interface.');
    expect(diskOptionStates(up, v({ readOnly: true })).passthrough.reason).toBe('SCSI pass-through is not supported for read-only disks.');
    expect(diskOptionStates(up, v({ passthrough: true })).readOnly.reason).toBe(
      "A VirtIO-SCSI direct LUN disk can't be read-only when SCSI pass-through is enabled.",
    );
  });
  it('the chain pass-through → privileged SCSI I/O → SCSI reservation', () => {
    let s = diskOptionStates(up, base);
    expect(s.privilegedIo.reason).toBe('Privileged SCSI I/O can be set only when SCSI pass-through is enabled.');
    expect(s.scsiReservation.applies).toBe(false);
    s = diskOptionStates(up, v({ passthrough: true }));
    expect(s.privilegedIo.applies).toBe(true);
    expect(s.scsiReservation.reason).toMatch(/only when Privileged SCSI I\/O is enabled/);
    s = diskOptionStates(up, v({ passthrough: true, privilegedIo: true }));
    expect(s.scsiReservation).toMatchObject({ applies: true, note: "While a plugged disk of db01 uses SCSI reservation, db01 can't be migrated." });
    // Leaving VirtIO-SCSI turns the whole chain off, without losing the choices.
    const e = effectiveOptions(up, v({ interface: 'virtio', passthrough: true, privilegedIo: true, scsiReservation: true }));
    expect(e).toMatchObject({ passthrough: false, privilegedIo: false, scsiReservation: false });
  });
  it('discard only when the LUN supports it and the host reaches it', () => {
    expect(diskOptionStates({ ...up, lun: { discardMaxSize: 0, reachable: true } }, base).passDiscard.reason).toBe(
      'Discard is not supported by underlying storage.',
    );
    expect(diskOptionStates({ ...up, lun: undefined }, base).passDiscard.reason).toMatch(/Pick a LUN first/);
    expect(diskOptionStates({ ...up, lun: { discardMaxSize: 4096, reachable: false } }, base).passDiscard.applies).toBe(false);
    expect(diskOptionStates(up, base).passDiscard.applies).toBe(true);
  });
  it('no hot plug of IDE or SATA into a running VM; fine on a down VM', () => {
    expect(diskOptionStates(up, v({ interface: 'ide' })).activate.reason).toBe(
      'When the VM is running, cannot activate a disk attached with IDE interface.',
    );
    expect(diskOptionStates(up, v({ interface: 'sata' })).activate.reason).toMatch(/SATA disks can't be hot plugged into a running VM/);
    expect(diskOptionStates({ ...up, vm: { ...up.vm!, status: 'paused' } }, v({ interface: 'sata' })).activate.applies).toBe(false);
    expect(diskOptionStates(down, v({ interface: 'ide' })).activate.applies).toBe(true);
    expect(diskOptionStates(up, base).activate.note).toBe('db01 is running: the disk is hot plugged.');
  });
  it('a VM that is migrating or launching cannot get an active disk', () => {
    const s = diskOptionStates({ ...up, vm: { ...up.vm!, status: 'migrating' } }, base);
    expect(s.activate.reason).toBe('Cannot activate disk, VM should be in Down, Paused or Up status.');
  });
  it('a batch of several disks is not bootable, and says why', () => {
    const s = diskOptionStates({ ...up, batchSize: 3 }, v({ bootable: true }));
    expect(s.bootable.applies).toBe(false);
    expect(s.bootable.reason).toMatch(/only one bootable disk per VM, so the 3 disks of a batch are not bootable/);
    expect(effectiveOptions({ ...up, batchSize: 3 }, v({ bootable: true })).bootable).toBe(false);
    expect(diskOptionStates({ ...up, batchSize: 1 }, v({ bootable: true })).bootable.applies).toBe(true);
  });
  it('one bootable disk per VM', () => {
    const s = diskOptionStates({ ...up, vm: { ...up.vm!, bootableDiskAlias: 'db01_Disk1' } }, v({ bootable: true }));
    expect(s.bootable.reason).toBe('There can be only one bootable disk: db01_Disk1 is already bootable on db01.');
    expect(effectiveOptions({ ...up, vm: { ...up.vm!, bootableDiskAlias: 'db01_Disk1' } }, v({ bootable: true })).bootable).toBe(false);
  });
  it('a floating disk: sharable, propagate errors and pass-through only', () => {
    const s = diskOptionStates({ lun }, v({ passthrough: true }));
    expect(s.sharable.applies && s.propagateErrors.applies && s.passthrough.applies && s.privilegedIo.applies).toBe(true);
    expect(s.activate.reason).toBe('A floating disk is not attached to a VM, so there is nothing to activate.');
    for (const k of ['bootable', 'readOnly', 'scsiReservation', 'passDiscard'] as const) expect(s[k].applies).toBe(false);
    expect(effectiveOptions({ lun }, v({ activate: true, bootable: true })).activate).toBe(false);
  });
  it('sgio from the pass-through choices', () => {
    expect(sgioOf({ passthrough: false, privilegedIo: true })).toBeUndefined();
    expect(sgioOf({ passthrough: true, privilegedIo: false })).toBe('filtered');
    expect(sgioOf({ passthrough: true, privilegedIo: true })).toBe('unfiltered');
  });
});
