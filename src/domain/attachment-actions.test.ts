import { describe, expect, it } from 'vitest';
import { canActivate, canAttachTo, canDeactivate, canDetach, hotplugProblem } from './attachment-actions';

const att = (o: Partial<{ active: boolean; interface: 'virtio' | 'virtio_scsi' | 'ide' | 'sata' }> = {}) => ({ active: false, interface: 'virtio_scsi' as const, ...o });

describe('attachment actions', () => {
  it('activates on up, paused and down VMs, not while migrating', () => {
    expect(canActivate({ status: 'up' }, att())).toEqual({ ok: true });
    expect(canActivate({ status: 'paused' }, att())).toEqual({ ok: true });
    expect(canActivate({ status: 'down' }, att())).toEqual({ ok: true });
    expect(canActivate({ status: 'migrating' }, att())).toEqual({ ok: false, reason: 'Cannot activate a disk while the VM is migrating; it must be Up, Paused or Down.' });
  });

  it('refuses hot plug of IDE and SATA on a running VM, allows them on a down VM', () => {
    expect(canActivate({ status: 'up' }, att({ interface: 'ide' }))).toMatchObject({ ok: false, reason: expect.stringMatching(/IDE/) });
    expect(canActivate({ status: 'up' }, att({ interface: 'sata' }))).toMatchObject({ ok: false, reason: expect.stringMatching(/SATA/) });
    expect(canActivate({ status: 'down' }, att({ interface: 'ide' }))).toEqual({ ok: true });
    expect(canDeactivate({ status: 'paused' }, att({ active: true, interface: 'ide' }))).toMatchObject({ ok: false });
  });

  it('says when there is nothing to do', () => {
    expect(canActivate({ status: 'up' }, att({ active: true }))).toEqual({ ok: false, reason: 'The disk is already active.' });
    expect(canDeactivate({ status: 'up' }, att())).toEqual({ ok: false, reason: 'The disk is already inactive.' });
  });

  it('refuses detach on a paused VM with the engine\'s reason', () => {
    expect(canDetach({ status: 'paused' }, att({ active: true }))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('Cannot detach Virtual Disk because the VM is in Paused status.'),
    });
    expect(canDetach({ status: 'up' }, att({ active: true }))).toEqual({ ok: true });
    expect(canDetach({ status: 'down' }, att({ active: true, interface: 'ide' }))).toEqual({ ok: true });
    expect(canDetach({ status: 'up' }, att({ active: true, interface: 'ide' }))).toMatchObject({ ok: false });
  });

  it('attaches to up, paused and down VMs only; the hot-plug rule is disk-options\' isHotPluggable', () => {
    expect(canAttachTo({ status: 'paused' })).toEqual({ ok: true });
    expect(canAttachTo({ status: 'migrating' })).toEqual({ ok: false, reason: 'Cannot attach a disk while the VM is migrating; it must be Up, Paused or Down.' });
    expect(hotplugProblem('virtio')).toBeUndefined();
    expect(hotplugProblem('sata')).toBe('SATA disks cannot be plugged or unplugged while the VM runs (only VirtIO and VirtIO-SCSI can).');
  });
});
