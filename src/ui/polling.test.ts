// @vitest-environment jsdom
// The polling rule (audit F9): views poll slowly when idle, faster while an operation runs, never in a hidden tab.
import { QueryClient, QueryObserver, focusManager } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { POLL_BUSY_MS, POLL_DEVICES_MAX, POLL_FAN_OUT_MAX, POLL_IDLE_MS, devicesPollInterval, devicesRefetchInterval, fanOutPollInterval, markOperationRunning, operationsRunning, viewPollInterval } from './polling';

describe('view interval', () => {
  it('is idle with nothing running, busy while an operation runs, idle again after; a release counts once', () => {
    expect(viewPollInterval()).toBe(POLL_IDLE_MS);
    const a = markOperationRunning();
    const b = markOperationRunning();
    expect(viewPollInterval()).toBe(POLL_BUSY_MS);
    a();
    a();
    expect(operationsRunning()).toBe(true);
    b();
    expect(viewPollInterval()).toBe(POLL_IDLE_MS);
    expect(POLL_IDLE_MS).toBeGreaterThan(POLL_BUSY_MS);
  });
});

describe('one request per host', () => {
  it("is polled for a lab's few hosts, never for a datacenter's hundreds", () => {
    expect(fanOutPollInterval(4, POLL_IDLE_MS)).toBe(POLL_IDLE_MS);
    expect(fanOutPollInterval(POLL_FAN_OUT_MAX, POLL_BUSY_MS)).toBe(POLL_BUSY_MS);
    expect(fanOutPollInterval(POLL_FAN_OUT_MAX + 1, POLL_IDLE_MS)).toBe(false);
    expect(fanOutPollInterval(500, POLL_BUSY_MS)).toBe(false);
  });
});

describe("a host's device list", () => {
  it("is polled while it is a lab's few hundred LUNs (and before the first answer), never a large SAN's 10,000", () => {
    expect(devicesPollInterval(undefined, POLL_IDLE_MS)).toBe(POLL_IDLE_MS);
    expect(devicesPollInterval(18, POLL_BUSY_MS)).toBe(POLL_BUSY_MS);
    expect(devicesPollInterval(POLL_DEVICES_MAX, POLL_IDLE_MS)).toBe(POLL_IDLE_MS);
    expect(devicesPollInterval(POLL_DEVICES_MAX + 1, POLL_IDLE_MS)).toBe(false);
    expect(devicesPollInterval(10_000, POLL_BUSY_MS)).toBe(false);
    // As a query's refetchInterval: from its last answer; no interval given, none.
    const of = (n: number | undefined) => ({ state: { data: n === undefined ? undefined : new Array<unknown>(n) } });
    expect(devicesRefetchInterval(POLL_IDLE_MS)(of(undefined))).toBe(POLL_IDLE_MS);
    expect(devicesRefetchInterval(POLL_IDLE_MS)(of(18))).toBe(POLL_IDLE_MS);
    expect(devicesRefetchInterval(POLL_IDLE_MS)(of(10_000))).toBe(false);
    expect(devicesRefetchInterval(false)(of(18))).toBe(false);
  });
});

describe('TanStack Query with the rule (fake timers)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    focusManager.setFocused(undefined);
    vi.useRealTimers();
  });

  function observe(fetches: { n: number }) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, refetchIntervalInBackground: false } } });
    const observer = new QueryObserver(client, {
      queryKey: ['poll-test'],
      queryFn: () => {
        fetches.n += 1;
        return fetches.n;
      },
      refetchInterval: () => viewPollInterval(),
    });
    const stop = observer.subscribe(() => undefined);
    return { stop };
  }

  it('asks once per idle interval: a minute idle is 1 + 60 s / POLL_IDLE_MS requests', async () => {
    const fetches = { n: 0 };
    const { stop } = observe(fetches);
    await vi.advanceTimersByTimeAsync(60_000);
    stop();
    expect(fetches.n).toBe(1 + Math.floor(60_000 / POLL_IDLE_MS));
  });

  it('asks nothing while the tab is hidden, and goes on when it is visible again', async () => {
    const fetches = { n: 0 };
    const { stop } = observe(fetches);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches.n).toBe(1);
    focusManager.setFocused(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetches.n).toBe(1);
    focusManager.setFocused(true);
    await vi.advanceTimersByTimeAsync(POLL_IDLE_MS);
    stop();
    expect(fetches.n).toBeGreaterThan(1);
  });
});
