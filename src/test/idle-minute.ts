// What a page asks the engine over a simulated idle minute (the polling tests: ui/polling.ts): the requests it sends,
// ids folded so they group by kind, and a minute of fake time.
import { act } from '@testing-library/react';
import { vi } from 'vitest';
import type { SetupServer } from 'msw/node';
import { POLL_IDLE_MS } from '../ui/polling';

/** Every engine request from now on, as its path after /api/v4 with ids folded ("/hosts/{id}/storage"); `query`: with its query. */
export function recordEngineRequests(server: SetupServer, { query = false } = {}): string[] {
  const seen: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const u = new URL(request.url);
    seen.push(u.pathname.replace(/^.*\/api\/v4/, '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '{id}') + (query ? u.search : ''));
  });
  return seen;
}

/** Fake timers (and Date) for the minute; restore with vi.useRealTimers() after each test. */
export const useFakeMinuteTimers = () => vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'Date'] });

export async function idleMinute(): Promise<void> {
  await act(() => vi.advanceTimersByTimeAsync(60_000));
}

/** How many reads a view polled at the idle interval makes in the minute, the first one included. */
export const IDLE_MINUTE_POLLS = 1 + Math.floor(60_000 / POLL_IDLE_MS);
