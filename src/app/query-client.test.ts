// @vitest-environment jsdom
// The app's query client polls nothing in a background tab (ui/polling.ts, issue 15 item 2): the browser says the
// tab is hidden with document.visibilityState and a visibilitychange event, which TanStack Query's focusManager
// listens to; with refetchIntervalInBackground false an interval's fetch is skipped while it is hidden.
import { QueryObserver, focusManager } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { vmsWithAttachmentsQueryOptions } from '../engine-api/disk-attachments';
import { POLL_IDLE_MS, viewPollInterval } from '../ui/polling';
import { createQueryClient } from './query-client';

function setVisibility(state: 'hidden' | 'visible') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  // As a browser fires it: at the document, bubbling to the window (where TanStack Query listens).
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
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

  it('re-reads the VM index (a whole collection, not polled) when the tab comes back, and nothing else', async () => {
    const client = createQueryClient();
    client.mount(); // what QueryClientProvider does: subscribes the client to focus changes
    const index = { n: 0 };
    const other = { n: 0 };
    const observers = [
      new QueryObserver(client, { ...vmsWithAttachmentsQueryOptions(), queryFn: () => (++index.n, []) }),
      new QueryObserver(client, { queryKey: ['other'], queryFn: () => ++other.n }),
    ];
    const stops = observers.map((o) => o.subscribe(() => undefined));
    await vi.advanceTimersByTimeAsync(60_000);
    setVisibility('hidden');
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(0);
    for (const stop of stops) stop();
    client.unmount();
    expect(index.n).toBe(2);
    expect(other.n).toBe(1);
  });
});
