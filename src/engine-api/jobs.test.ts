// Correlated jobs only where the engine honours the search (decision 043, audit F4).
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { setupEmulatedEngine } from '../test/engine-harness';
import { login } from './sso';
import { forgetJobSearchProbes, jobSearchHonoured, jobsAbout, jobsByCorrelation } from './jobs';

const { ctx, server } = setupEmulatedEngine('lab');

function countJobRequests() {
  const seen: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const u = new URL(request.url);
    if (u.pathname.includes('/jobs')) seen.push(`${u.pathname}${u.search}`);
  });
  return seen;
}

describe('jobSearchHonoured', () => {
  it('an admin: the made-up correlation id matches nothing, so the search is applied; asked once per user', async () => {
    const seen = countJobRequests();
    expect(await jobSearchHonoured()).toBe(true);
    expect(await jobSearchHonoured()).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/\/jobs\?search=correlation_id%3Dprobe-[0-9a-f-]+&max=1$/);
  });

  it('a user who is not an admin: the engine refuses the filtered job list, so no jobs — never someone else\'s', async () => {
    await login({ username: 'user@internal', password: 'ovirt' });
    expect(await jobSearchHonoured()).toBe(false);
    expect(await jobsByCorrelation('whatever')).toEqual([]);
  });

  it('an engine that ignores the search (answers jobs for an id nobody used): the jobs are not taken as ours', async () => {
    const foreign = { id: 'j1', description: 'Launching VM web01', status: 'started' };
    server.use(http.get('*/ovirt-engine/api/v4/jobs', () => HttpResponse.json({ job: [foreign] })));
    expect(await jobSearchHonoured()).toBe(false);
    expect(await jobsByCorrelation('mine')).toEqual([]);
  });

  it('network trouble decides nothing: asked again next time', async () => {
    server.use(http.get('*/ovirt-engine/api/v4/jobs', () => HttpResponse.error()));
    await expect(jobSearchHonoured()).rejects.toThrow();
    server.resetHandlers();
    expect(await jobSearchHonoured()).toBe(true);
    forgetJobSearchProbes();
  });
});

// The job list comes oldest first (searchbackend SearchObjectAutoCompleter.java: JOB "start_time ASC"), so `max`
// keeps the OLDEST jobs (044 §15 F-E): the VM page's recent jobs must not ask for `max`, and must keep the newest.
describe('jobsAbout', () => {
  it('keeps the newest jobs about the subject, reading the table without max (max would keep the oldest)', async () => {
    const e = ctx.emulator.engine;
    const base = Date.now() - 60 * 60_000;
    for (let i = 0; i < 8; i++) {
      e.state.jobs.push({ id: `f-e-${i}`, description: `Migrating VM db01 to Host host${(i % 3) + 1}`, status: 'finished', startTime: base + i * 60_000, endTime: base + i * 60_000 + 1000, lastUpdated: base + i * 60_000 + 1000 });
    }
    e.state.jobs.push({ id: 'f-e-other', description: 'Migrating VM db011 to Host host1', status: 'finished', startTime: base + 9 * 60_000, lastUpdated: base + 9 * 60_000 });
    const seen = countJobRequests();
    const jobs = await jobsAbout('VM db01', 3);
    expect(jobs.map((j) => j.job.id)).toEqual(['f-e-7', 'f-e-6', 'f-e-5']);
    const tableReads = seen.filter((s) => /\/jobs(\?|$)/.test(s) && !s.includes('probe'));
    expect(tableReads).toHaveLength(1);
    expect(tableReads[0]).not.toMatch(/[?&]max=/);
  });
});
