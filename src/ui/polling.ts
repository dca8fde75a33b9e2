// How often the console asks the engine again — one rule, here (audit F9, issue 15):
// - an operation's own record (its jobs or events, the VM it moves) every POLL_LIVE_MS while it runs, then never;
// - the views (lists, pages) every POLL_BUSY_MS while an operation started in this tab runs — they show what it
//   changes — and every POLL_IDLE_MS otherwise;
// - nothing in a background tab: TanStack Query skips an interval's fetch while `focusManager.isFocused()` is false,
//   which by default is `document.visibilityState === 'hidden'` (query-core queryObserver.js:
//   "if (this.options.refetchIntervalInBackground || focusManager.isFocused()) this.#executeFetch()"), and the
//   app's query client sets refetchIntervalInBackground: false (app/query-client.ts);
// - collections the console polls are bounded by the engine (`max` on lists and events; jobs by correlation id) —
//   never the whole job table on a timer while nothing moves (VmJobs reads it when the VM's events change, and
//   every POLL_BUSY_MS only while the VM is in transition). The job table is bounded by the engine itself: it
//   deletes finished jobs after 10 minutes and failed ones after 60 (ovirt-engine 0000_config.sql:652
//   SucceededJobCleanupTimeInMinutes 10, :122 FailedJobCleanupTimeInMinutes 60);
// - a whole collection (no `max`: every VM with its attachments, every disk) is never on a timer (POLL_UNBOUNDED):
//   on a datacenter that is thousands of items every few seconds. It is read when its page opens and refreshed when
//   an operation of this tab changes it (engine-api/changes.ts). One request per host is polled only for a few
//   hosts (fanOutPollInterval): a lab's four, not a datacenter's 500 every tick;
// - a host's device list (GET /hosts/{id}/storage, no `max` in the API) is polled while it is a few hundred LUNs;
//   above POLL_DEVICES_MAX it is a whole collection too (devicesRefetchInterval): each tick of a 10,000-LUN answer
//   is parsed and compared on the main thread (with the emulated engine's save after it, 100–220 ms stalls of the
//   host page's scrolling every 8 s; 75 ms of that was the save, mocks/browser.ts, since fixed);
// - no view sends one request per row.
import { useEffect, useSyncExternalStore } from 'react';

export const POLL_LIVE_MS = 1_000;
export const POLL_BUSY_MS = 3_000;
export const POLL_IDLE_MS = 8_000;
/** The `refetchInterval` of a whole-collection read or of one request per host: no timer (see above). */
export const POLL_UNBOUNDED = false;
/** One request per host is polled only up to this many hosts a tick (a lab); a datacenter's 500 are read once. */
export const POLL_FAN_OUT_MAX = 8;

/** The interval of each of `n` per-host requests: the view's while `n` ≤ POLL_FAN_OUT_MAX, else none. */
export function fanOutPollInterval(n: number, viewInterval: number): number | false {
  return n <= POLL_FAN_OUT_MAX ? viewInterval : POLL_UNBOUNDED;
}

/** A host's device list is polled up to this many LUNs; above it, it is read once and refreshed by operations. */
export const POLL_DEVICES_MAX = 1_000;

/** The interval of a host's device list that had `count` LUNs last time: the view's, or none when it is large. */
export function devicesPollInterval(count: number | undefined, viewInterval: number): number | false {
  return (count ?? 0) <= POLL_DEVICES_MAX ? viewInterval : POLL_UNBOUNDED;
}

/** The `refetchInterval` of a host's device list: `interval` (or none) while it is small, none when large. */
export function devicesRefetchInterval(interval: number | false) {
  return (query: { state: { data?: readonly unknown[] | undefined } }): number | false => (interval === false ? false : devicesPollInterval(query.state.data?.length, interval));
}

let running = 0;
const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};

/** Counts an operation as running until the returned release is called (a second call does nothing). */
export function markOperationRunning(): () => void {
  running += 1;
  notify();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    running -= 1;
    notify();
  };
}

export function operationsRunning(): boolean {
  return running > 0;
}

/** The views' interval now: busy while an operation of this tab runs, idle otherwise. */
export function viewPollInterval(): number {
  return running > 0 ? POLL_BUSY_MS : POLL_IDLE_MS;
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
}

/** For a view's `refetchInterval`: re-renders when an operation starts or the last one ends. */
export function useViewPollInterval(): number {
  return useSyncExternalStore(subscribe, viewPollInterval, viewPollInterval);
}

/** Counts the caller's operation as running while `isRunning`. */
export function useMarkRunning(isRunning: boolean): void {
  useEffect(() => (isRunning ? markOperationRunning() : undefined), [isRunning]);
}
