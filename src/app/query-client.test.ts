// @vitest-environment jsdom
// The app's query client polls nothing in a background tab (ui/polling.ts, issue 15 item 2): the browser says the
// tab is hidden with document.visibilityState and a visibilitychange event, which TanStack Query's focusManager
// listens to; with refetchIntervalInBackground false an interval's fetch is skipped while it is hidden.
import { QueryObserver, focusManager } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { POLL_IDLE_MS, viewPollInterval } from '../ui/polling';
import { createQueryClient } from './query-client';

function setVisibility(state: 'hidden' | 'visible') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe("the app's query client in a background tab", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    setVisibility('visible');
    focusManager.setFocused(undefined);
    vi.useRealTimers();
  });

  it('says so in its defaults', () => {
    expect(createQueryClient().getDefaultOptions().queries?.refetchIntervalInBackground).toBe(false);
  });

  it('asks nothing for a minute while the document is hidden, and polls again once it is visible', async () => {
    const fetches = { n: 0 };
    const observer = new QueryObserver(createQueryClient(), {
      queryKey: ['background-tab'],
      queryFn: () => ++fetches.n,
      refetchInterval: () => viewPollInterval(),
    });
    const stop = observer.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches.n).toBe(1);
    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetches.n).toBe(1);
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(2 * POLL_IDLE_MS);
    stop();
    expect(fetches.n).toBeGreaterThanOrEqual(2);
  });
});
