// The VM page's engine requests over a simulated minute (audit F9, ui/polling.ts): bounded, no request per row,
// the job table read only when the VM's events change — not every 3 s with one more request per job.
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderRoute } from '../../test/render-route';
import { setupEmulatedEngine } from '../../test/engine-harness';
import { POLL_IDLE_MS } from '../../ui/polling';
import { VmPage } from './VmPage';

const { ctx, server } = setupEmulatedEngine('lab');
afterEach(() => vi.useRealTimers());

function countRequests() {
  const seen: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const u = new URL(request.url);
    // "/jobs?…", "/jobs/{id}/steps", "/events?…", "/vms/{id}" …, ids folded so requests group by kind.
    seen.push(u.pathname.replace(/^.*\/api\/v4/, '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '{id}') + (u.pathname.endsWith('/jobs') ? `?${u.searchParams.has('search') ? 'search' : 'all'}` : '') + (u.searchParams.has('all_content') ? '?all_content' : ''));
  });
  return seen;
}

const count = (seen: string[], kind: string) => seen.filter((s) => s === kind).length;

describe('the VM page over a minute, nothing running', () => {
  it('polls the VM and its events at the idle interval, reads the job table once and never per job again', async () => {
    const vm = ctx.emulator.engine.state.vms.find((v) => v.name === 'db01');
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'Date'] });
    const seen = countRequests();
    renderRoute([{ path: '/vms/:vmId', element: <VmPage /> }], `/vms/${vm?.id ?? ''}?tab=events`);
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(screen.getByRole('region', { name: 'Recent engine jobs' })).toBeInTheDocument();

    const polls = 1 + Math.floor(60_000 / POLL_IDLE_MS);
    expect(count(seen, '/vms/{id}')).toBeLessThanOrEqual(polls);
    expect(count(seen, '/vms/{id}')).toBeGreaterThanOrEqual(polls - 1);
    // virtio_scsi needs all_content, which costs the engine extra queries: read once, never polled (044 §15 F-A).
    expect(count(seen, '/vms/{id}?all_content')).toBe(1);
    expect(count(seen, '/events')).toBeLessThanOrEqual(polls);
    // The probe (search) once; the job table once (no event of db01 changed during the minute).
    expect(count(seen, '/jobs?search')).toBe(1);
    expect(count(seen, '/jobs?all')).toBe(1);
    expect(count(seen, '/jobs/{id}/steps')).toBeLessThanOrEqual(5);
    // Everything in the minute: a handful per idle interval, not the old 20 job-table reads plus steps.
    expect(seen.length).toBeLessThanOrEqual(polls * 4 + 10);
  });
});
