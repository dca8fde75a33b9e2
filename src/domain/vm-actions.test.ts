import { describe, expect, it } from 'vitest';
import type { DiskAttachment, Vm } from './model';
import { actionAvailability, disabledReasons } from './vm-actions';

const vm = (status: Vm['status']): Vm => ({
  id: 'v', name: 'db01', description: '', status, hostId: status === 'down' ? undefined : 'h1', clusterId: 'c',
  highAvailability: { enabled: false, priority: 0 }, virtioScsiEnabled: true, placementHostIds: [],
});
const att = (o: Partial<DiskAttachment>) => ({
  id: 'd', diskId: 'd', vmId: 'v', interface: 'virtio_scsi' as const, bootable: false, active: true, readOnly: false,
  passDiscard: false, usesScsiReservation: false, logicalName: undefined, alias: 'quorum', ...o,
});

describe('which lifecycle actions a VM allows, and why not', () => {
  it('a down VM can only run', () => {
    const s = actionAvailability({ vm: vm('down') });
    expect(s.start.enabled).toBe(true);
    expect(s.shutdown).toEqual({ enabled: false, reason: 'db01 is Down' });
    expect(s.stop.reason).toBe('db01 is Down');
    expect(s.migrate.reason).toBe('db01 is Down; only an Up VM can migrate');
    expect(disabledReasons(s)).toEqual([
      { actions: ['shutdown', 'stop'], reason: 'db01 is Down' },
      { actions: ['migrate'], reason: 'db01 is Down; only an Up VM can migrate' },
    ]);
  });

  it('an Up VM can shut down, power off and migrate, not run', () => {
    const s = actionAvailability({ vm: vm('up'), attachments: [] });
    expect(s.start).toEqual({ enabled: false, reason: 'db01 is already Up' });
    expect([s.shutdown.enabled, s.stop.enabled, s.migrate.enabled]).toEqual([true, true, true]);
  });

  it('a paused VM can run (resume) and stop, not migrate', () => {
    const s = actionAvailability({ vm: vm('paused') });
    expect(s.start.enabled).toBe(true);
    expect(s.stop.enabled).toBe(true);
    expect(s.migrate.enabled).toBe(false);
  });

  it('a launching or migrating VM waits', () => {
    expect(actionAvailability({ vm: vm('wait_for_launch') }).stop.reason).toBe('db01 is starting (Wait for launch); wait until it is Up');
    expect(actionAvailability({ vm: vm('migrating') }).shutdown.reason).toBe('db01 is migrating; wait until it is Up');
    const down = actionAvailability({ vm: vm('powering_down') });
    expect(down.shutdown.reason).toBe('db01 is already shutting down');
    expect(down.stop.enabled).toBe(true);
  });

  it('a plugged disk using SCSI reservation blocks migration and names the disk; an unplugged one does not', () => {
    expect(actionAvailability({ vm: vm('up'), attachments: [att({ usesScsiReservation: true })] }).migrate.reason).toBe(
      'db01 cannot migrate: its disk quorum uses SCSI reservation, which ties it to its host',
    );
    expect(actionAvailability({ vm: vm('up'), attachments: [att({ usesScsiReservation: true, active: false })] }).migrate.enabled).toBe(true);
  });

  it('Migrate waits, disabled and saying "checking", until the attachments it depends on are read', () => {
    const checking = actionAvailability({ vm: vm('up') });
    expect(checking.migrate).toEqual({ enabled: false, reason: 'Checking whether db01 can migrate…' });
    // The other actions do not depend on the disks: decided at once.
    expect([checking.shutdown.enabled, checking.stop.enabled]).toEqual([true, true]);
    expect(actionAvailability({ vm: vm('up'), attachments: 'unreadable' }).migrate).toEqual({
      enabled: false, reason: 'Could not read the disks of db01 to check whether it can migrate',
    });
    // A VM that is not Up cannot migrate whatever its disks: no need to wait for them.
    expect(actionAvailability({ vm: vm('down') }).migrate.reason).toBe('db01 is Down; only an Up VM can migrate');
  });

  it('an operation still running on the VM holds every action', () => {
    const s = actionAvailability({ vm: vm('up'), pending: { label: 'Migrate' } });
    expect(Object.values(s).every((x) => !x.enabled && x.reason === 'Migrate of db01 is still in progress')).toBe(true);
  });
});
