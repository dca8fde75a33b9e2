import { describe, expect, it } from 'vitest';
import {
  attachability, attachableAnywhere, attachInTwoSteps, attachOptionStates, bootableTakenBy, defaultAttachChoice, effectiveAttachChoice,
  type AttachChoice, type AttachDisk, type AttachVm,
} from './attach-options';
import type { Disk } from './model';

const lun = (o: Partial<Extract<Disk, { storageType: 'lun' }>> = {}): Disk => ({
  id: 'd1', alias: 'data', description: '', sharable: false, propagateErrors: false, wipeAfterDelete: false, storageType: 'lun', sgio: undefined,
  lun: { id: 'L1', type: 'iscsi', logicalUnits: [] }, ...o,
});
const image = (status: 'ok' | 'locked' | 'illegal' | 'unknown'): Disk => ({
  id: 'i1', alias: 'os', description: '', sharable: false, propagateErrors: false, wipeAfterDelete: false, storageType: 'image',
  provisionedSize: 1, actualSize: 1, status, format: 'cow', storageDomainIds: [],
});
const vm = { id: 'vm1', name: 'app01' };
const up: AttachVm = { name: 'db01', status: 'up', virtioScsiEnabled: true };
const down: AttachVm = { name: 'app01', status: 'down', virtioScsiEnabled: true };
const disk: AttachDisk = { id: 'd1', alias: 'data', sharable: false };
const c = (o: Partial<AttachChoice> = {}): AttachChoice => ({ ...defaultAttachChoice(up), ...o });

describe('which disks can be attached', () => {
  it('a floating disk can; a sharable one attached elsewhere can, and says where', () => {
    expect(attachability(lun(), vm, [])).toEqual({ selectable: true, note: 'Floating (not attached to any VM).' });
    expect(attachability(lun({ sharable: true }), vm, [{ vmId: 'a', vmName: 'db01' }, { vmId: 'b', vmName: 'web01' }])).toEqual({
      selectable: true,
      note: 'Sharable; also attached to db01 and web01.',
    });
  });

  it('a non-sharable disk attached elsewhere stays listed with the reason; one already on this VM says so', () => {
    expect(attachability(lun(), vm, [{ vmId: 'a', vmName: 'db01' }])).toEqual({ selectable: false, reason: 'Attached to VM db01 and not sharable.' });
    expect(attachability(lun({ sharable: true }), vm, [{ vmId: 'vm1', vmName: 'app01' }])).toEqual({ selectable: false, reason: 'Already attached to app01.' });
    expect(attachability(image('locked'), vm, [])).toMatchObject({ selectable: false, reason: expect.stringMatching(/locked/) });
  });

  it('from a disk\'s page: a non-sharable attached disk can go nowhere else', () => {
    expect(attachableAnywhere({ alias: 'redo', sharable: false, storageType: 'lun' }, [{ vmId: 'a', vmName: 'db01' }])).toEqual({
      ok: false,
      reason: 'redo is attached to VM db01 and not sharable: detach it there first.',
    });
    expect(attachableAnywhere({ alias: 'q', sharable: true, storageType: 'image' }, [{ vmId: 'a', vmName: 'db01' }])).toEqual({ ok: true });
  });

  it('an "other" disk (cinder, Kubernetes, a type not reported) and an image of unknown status are listed, not attachable', () => {
    const other: Disk = { id: 'k1', alias: 'pvc-disk', description: '', sharable: false, propagateErrors: false, wipeAfterDelete: false, storageType: 'other', wireStorageType: undefined, provisionedSize: undefined };
    expect(attachability(other, vm, [])).toMatchObject({ selectable: false, reason: expect.stringMatching(/image and direct LUN disks only/) });
    expect(attachableAnywhere(other, [])).toMatchObject({ ok: false, reason: expect.stringMatching(/image and direct LUN disks only/) });
    expect(attachability(image('unknown'), vm, [])).toMatchObject({ selectable: false, reason: expect.stringMatching(/does not know/) });
  });
});

describe('per-disk options', () => {
  it('the disk\'s own pass-through holds read-only back on every interface, and says it only works on VirtIO-SCSI', () => {
    const pt: AttachDisk = { ...disk, sgio: 'filtered' };
    expect(attachOptionStates(up, pt, c()).readOnly).toMatchObject({ applies: false, reason: expect.stringMatching(/pass-through/) });
    expect(attachOptionStates(up, pt, c()).passthroughNote).toBe("data has SCSI pass-through (the disk's own setting).");
    expect(attachOptionStates(up, pt, c({ interface: 'virtio' })).passthroughNote).toMatch(/takes effect only with the VirtIO-SCSI interface/);
    // The engine refuses read-only with sgio set whatever the interface (reference §4.6): the disk keeps its sgio.
    expect(attachOptionStates(up, pt, c({ interface: 'virtio' })).readOnly).toMatchObject({ applies: false, reason: expect.stringMatching(/any interface/) });
    expect(attachOptionStates(up, disk, c({ interface: 'virtio' })).readOnly.applies).toBe(true);
    expect(effectiveAttachChoice(up, pt, c({ readOnly: true }))).toMatchObject({ readOnly: false });
  });

  it('IDE on a running VM cannot be activated: attached inactive; on a down VM it can', () => {
    expect(attachOptionStates(up, disk, c({ interface: 'ide' })).activate).toMatchObject({ applies: false });
    expect(effectiveAttachChoice(up, disk, c({ interface: 'ide' })).activate).toBe(false);
    expect(effectiveAttachChoice(down, disk, c({ interface: 'ide' })).activate).toBe(true);
  });

  it('VirtIO-SCSI on a VM that has it disabled is a problem to fix', () => {
    expect(attachOptionStates({ ...up, virtioScsiEnabled: false }, disk, c()).interfaceProblem).toMatch(/VirtIO-SCSI is disabled for db01/);
    expect(defaultAttachChoice({ ...up, virtioScsiEnabled: false }).interface).toBe('virtio');
  });

  it('VirtIO-SCSI not reported by the engine is no problem: it stays the default, with the note (044 §15 F-A)', () => {
    const unknown = { ...up, virtioScsiEnabled: undefined };
    const s = attachOptionStates(unknown, disk, c());
    expect(s.interfaceProblem).toBeUndefined();
    expect(s.interfaces.find((i) => i.value === 'virtio_scsi')).toMatchObject({ disabled: false, note: expect.stringMatching(/did not say whether db01 has VirtIO-SCSI/) as unknown });
    expect(defaultAttachChoice(unknown).interface).toBe('virtio_scsi');
  });

  it('one bootable disk per VM counts the disks being attached: the first one checked holds it', () => {
    const batch = [
      { disk: { ...disk, alias: 'a' }, choice: c() },
      { disk: { ...disk, alias: 'b' }, choice: c({ bootable: true }) },
      { disk: { ...disk, alias: 'c' }, choice: c({ bootable: true }) },
    ];
    expect(bootableTakenBy(batch, 0)).toBe('b (also being attached)');
    expect(bootableTakenBy(batch, 1)).toBeUndefined();
    expect(bootableTakenBy(batch, 2)).toBe('b (also being attached)');
    const third = attachOptionStates(up, disk, c({ bootable: true }), bootableTakenBy(batch, 2));
    expect(third.bootable).toEqual({ applies: false, reason: 'There can be only one bootable disk: b (also being attached) is already bootable on db01.' });
    // The VM's own bootable disk comes first.
    expect(attachOptionStates({ ...up, bootableDiskAlias: 'db01_Disk1' }, disk, c(), 'b (also being attached)').bootable.reason).toMatch(/db01_Disk1/);
  });

  it('a running VM with Activate: attach inactive, then plug; otherwise one request', () => {
    expect(attachInTwoSteps('up', true)).toBe(true);
    expect(attachInTwoSteps('paused', true)).toBe(true);
    expect(attachInTwoSteps('up', false)).toBe(false);
    expect(attachInTwoSteps('down', true)).toBe(false);
  });
});
