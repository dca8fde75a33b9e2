// Correlated jobs only where the engine honours the search (decision 043, audit F4).
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { setupEmulatedEngine } from '../test/engine-harness';
import { login } from './sso';
import { forgetJobSearchProbes, jobSearchHonoured, jobsByCorrelation } from './jobs';

const { server } = setupEmulatedEngine('lab');

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
