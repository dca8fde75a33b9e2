import { describe, expect, it } from 'vitest';
import { VM_STATUSES, type VmStatus } from './model';
import { detachable, isLaunching, isTransitional, isVmRunning, runnable, takesDisk } from './vm-status';

/** The statuses for which a predicate holds, over every status the engine reports. */
const where = (p: (s: VmStatus) => boolean) => VM_STATUSES.filter(p);

describe('VM status sets', () => {
  it('running is Up or Paused', () => {
    expect(where(isVmRunning)).toEqual(['up', 'paused']);
  });

  it('a VM takes (is added, attached, plugged or unplugged) a disk while Up, Paused or Down', () => {
    expect(where(takesDisk)).toEqual(['down', 'up', 'paused']);
  });

  it('detach accepts Up and Down, not Paused', () => {
    expect(where(detachable)).toEqual(['down', 'up']);
  });

  it('Run accepts a Down or Paused VM', () => {
    expect(where(runnable)).toEqual(['down', 'paused']);
  });

  it('launching is on the way up, before Up', () => {
    expect(where(isLaunching)).toEqual(['powering_up', 'wait_for_launch']);
  });

  it('transitional: the VM has not settled yet', () => {
    expect(where(isTransitional)).toEqual(['powering_up', 'powering_down', 'migrating', 'unknown', 'wait_for_launch', 'reboot_in_progress']);
    expect(isTransitional('not_responding')).toBe(false);
    expect(isTransitional('up')).toBe(false);
    expect(isTransitional('down')).toBe(false);
  });
});
