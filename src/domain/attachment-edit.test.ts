import { describe, expect, it } from 'vitest';
import { currentEditValues, editStates, editUpdate, shownValue, type EditContext } from './attachment-edit';

const att = { interface: 'virtio_scsi' as const, bootable: false, readOnly: false, usesScsiReservation: false };
const ctx = (o: { status?: 'up' | 'down' | 'paused'; active?: boolean; users?: EditContext['users']; kind?: 'lun' | 'image'; bootable?: string } = {}): EditContext => ({
  vm: { name: 'db01', status: o.status ?? 'down', virtioScsiEnabled: true, bootableDiskAlias: o.bootable },
  attachment: { active: o.active ?? true },
  disk: { alias: 'redo', kind: o.kind ?? 'lun', sharable: false },
  users: o.users ?? [{ name: 'db01', status: o.status ?? 'down' }],
});

describe('edit a VM disk: what the engine allows now', () => {
  it('on a down VM everything the option chain allows can change', () => {
    const s = editStates(ctx(), currentEditValues(att, undefined));
    expect(s.interface.editable).toBe(true);
    expect(s.bootable.editable).toBe(true);
    expect(s.readOnly.editable).toBe(true);
    expect(s.passthrough.editable).toBe(true);
    expect(s.privilegedIo).toMatchObject({ editable: false, locked: false, reason: 'Privileged SCSI I/O can be set only when SCSI pass-through is enabled.' });
  });

  it('running and plugged: interface, bootable and pass-through are locked (every VM must be down), read-only too', () => {
    const s = editStates(ctx({ status: 'up' }), currentEditValues(att, 'filtered'));
    expect(s.interface).toMatchObject({ editable: false, locked: true, reason: 'The interface can change only while every VM using redo is down: db01 is Up.' });
    expect(s.bootable.locked).toBe(true);
    expect(s.passthrough.reason).toBe('SCSI pass-through can change only while every VM using redo is down: db01 is Up.');
    expect(s.readOnly.reason).toBe('Read-only can change only while redo is inactive or db01 is down (db01 is Up and the disk is plugged).');
    // A locked box shows the current value, not off.
    expect(shownValue(s.passthrough, true, true)).toBe(true);
  });

  it('running but unplugged: read-only can change; a sharable disk is held by every VM using it', () => {
    expect(editStates(ctx({ status: 'up', active: false }), currentEditValues(att, undefined)).readOnly.editable).toBe(true);
    const shared = ctx({ users: [{ name: 'db01', status: 'down' }, { name: 'web01', status: 'up' }] });
    expect(editStates(shared, currentEditValues(att, undefined)).interface.reason).toBe('The interface can change only while every VM using redo is down: web01 is Up.');
    expect(editStates(shared, currentEditValues(att, undefined)).readOnly.editable).toBe(true);
  });

  it('an image disk has no pass-through; another bootable disk holds Bootable back', () => {
    const s = editStates(ctx({ kind: 'image', bootable: 'db01_Disk1' }), currentEditValues(att, undefined));
    expect(s.passthrough).toMatchObject({ editable: false, reason: expect.stringMatching(/image disk/) });
    expect(s.bootable).toMatchObject({ editable: false, locked: false, reason: expect.stringMatching(/db01_Disk1 is already bootable/) });
  });
});

describe('what an edit sends', () => {
  it('only what changed; pass-through as the disk\'s sgio', () => {
    const cur = currentEditValues(att, undefined);
    expect(editUpdate(ctx(), cur, cur)).toEqual({ update: {}, changes: [] });
    expect(editUpdate(ctx(), cur, { ...cur, interface: 'virtio', bootable: true })).toEqual({
      update: { interface: 'virtio', bootable: true },
      changes: ['Interface: VirtIO-SCSI → VirtIO', 'Bootable: off → on'],
    });
    expect(editUpdate(ctx(), cur, { ...cur, passthrough: true, privilegedIo: true }).update).toEqual({ sgio: 'unfiltered' });
    const pt = currentEditValues(att, 'filtered');
    expect(editUpdate(ctx(), pt, { ...pt, passthrough: false }).update).toEqual({ sgio: 'disabled' });
  });

  it('switching away from VirtIO-SCSI keeps the disk\'s pass-through: no side effect on a disk other VMs may share', () => {
    const pt = { ...currentEditValues(att, 'unfiltered'), scsiReservation: false };
    expect(editUpdate(ctx(), pt, { ...pt, interface: 'virtio' }).update).toEqual({ interface: 'virtio' });
  });

  it('reservation goes off with privileged I/O; nothing locked is sent', () => {
    const cur = { ...currentEditValues({ ...att, usesScsiReservation: true }, 'unfiltered') };
    expect(editUpdate(ctx(), cur, { ...cur, privilegedIo: false }).update).toEqual({ sgio: 'filtered', usesScsiReservation: false });
    expect(editUpdate(ctx({ status: 'up' }), cur, { ...cur, interface: 'virtio', readOnly: true }).update).toEqual({});
  });
});
