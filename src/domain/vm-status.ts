// The sets of VM statuses the engine's rules turn on, each written once for the whole console. The emulator keeps
// its own copy (mocks/engine/ops-disks.ts): it enforces the engine's rules independently of what the console
// pre-checks (design §4).
import type { VmStatus } from './model';

/**
 * Running = Up or Paused: the VM has its process on a host, so a disk is hot plugged into it (or unplugged from
 * it) there, and its LUN's target must be connected on that host (HotPlugDiskToVmCommand; decision 021).
 */
export const RUNNING_STATUSES = ['up', 'paused'] as const satisfies readonly VmStatus[];

/**
 * The statuses in which a VM takes a disk: add (AddDiskCommand → VmValidator), attach (AttachDiskToVmCommand),
 * plug and unplug (HotPlugDiskToVmCommand, HotUnPlugDiskFromVmCommand) all need Up, Paused or Down.
 */
export const TAKES_DISK_STATUSES = ['up', 'paused', 'down'] as const satisfies readonly VmStatus[];

/** Detach (DetachDiskFromVmCommand) accepts Up and Down only — not Paused, unlike plug and attach. */
export const DETACHABLE_STATUSES = ['up', 'down'] as const satisfies readonly VmStatus[];

/** RunVm starts a Down VM or resumes a Paused one (reference §5.2); any other status is refused. */
export const RUNNABLE_STATUSES = ['down', 'paused'] as const satisfies readonly VmStatus[];

/** On its way up: the engine has sent it to a host and it is not Up yet (stop and shutdown wait for Up). */
export const LAUNCHING_STATUSES = ['wait_for_launch', 'powering_up'] as const satisfies readonly VmStatus[];

/**
 * Between two stable states: when a lifecycle operation's engine jobs have ended while the VM is in one of these,
 * the VM has not settled yet, so the console keeps watching instead of calling the operation failed
 * (operation-outcome: the engine answers before the VM changes state, reference §2.5).
 */
export const TRANSITIONAL_STATUSES = [
  'wait_for_launch', 'powering_up', 'powering_down', 'migrating', 'unknown', 'reboot_in_progress',
] as const satisfies readonly VmStatus[];

function oneOf(statuses: readonly VmStatus[]): (status: VmStatus) => boolean {
  const set: ReadonlySet<VmStatus> = new Set(statuses);
  return (status) => set.has(status);
}

export const isVmRunning = oneOf(RUNNING_STATUSES);
export const takesDisk = oneOf(TAKES_DISK_STATUSES);
export const detachable = oneOf(DETACHABLE_STATUSES);
export const runnable = oneOf(RUNNABLE_STATUSES);
export const isLaunching = oneOf(LAUNCHING_STATUSES);
export const isTransitional = oneOf(TRANSITIONAL_STATUSES);
