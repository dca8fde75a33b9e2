import { describe, expect, it } from 'vitest';
import { canActivate, canAttachTo, canDeactivate, canDetach, canEdit, hotplugProblem, withKnownInterface } from './attachment-actions';

const att = (o: Partial<{ active: boolean; interface: 'virtio' | 'virtio_scsi' | 'ide' | 'sata' }> = {}) => ({ active: false, interface: 'virtio_scsi' as const, ...o });

describe('attachment actions', () => {
  it('a VM whose status the console does not know ("some_new_status" reads unknown) takes no hot plug, and says why', () => {
    expect(canActivate({ status: 'unknown' }, att())).toEqual({ ok: false, reason: 'Cannot activate a disk while the VM is unknown; it must be Up, Paused or Down.' });
    expect(canAttachTo({ status: 'unknown' })).toMatchObject({ ok: false, reason: expect.stringMatching(/while the VM is unknown/) });
    expect(canDetach({ status: 'unknown' }, att())).toMatchObject({ ok: false, reason: expect.stringMatching(/Unknown status/) });
  });

  it('an interface the console does not know: no hot plug or unplug on a running VM, no Edit, each saying why', () => {
    const odd = { active: false, interface: 'unknown' as const };
    expect(canActivate({ status: 'up' }, odd)).toMatchObject({ ok: false, reason: expect.stringMatching(/interface this console does not know/) });
    expect(canActivate({ status: 'down' }, odd)).toEqual({ ok: true });
    expect(canEdit(odd, undefined)).toEqual({ ok: false, reason: 'Loading the disk…' });
    const disk = { id: 'd', alias: 'd', description: '', sharable: false, propagateErrors: false, wipeAfterDelete: false, storageType: 'other' as const, wireStorageType: undefined, provisionedSize: undefined };
    expect(canEdit(odd, disk)).toMatchObject({ ok: false, reason: expect.stringMatching(/does not know/) });
    expect(withKnownInterface(odd)).toBeUndefined();
    expect(withKnownInterface({ interface: 'virtio' as const, id: 'a' })).toEqual({ interface: 'virtio', id: 'a' });
  });

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
