// Filtered answers for a user who is not an admin (decision 043), through the real handlers (msw/node).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeEmulator } from '../node';
import { INSUFFICIENT_PERMISSIONS } from './filter';

const { emulator, server } = createNodeEmulator('lab');
const BASE = 'https://engine.example/ovirt-engine/api/v4';
const ADMIN = 'filter-test-admin';
const USER = 'filter-test-user';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  emulator.reset('lab');
  const exp = Date.now() + 3_600_000;
  emulator.engine.state.tokens.push({ token: ADMIN, user: 'admin@internal', exp }, { token: USER, user: 'user@internal', exp });
});
afterEach(() => emulator.idle());
afterAll(() => server.close());

function call(token: string, method: string, path: string, opts: { body?: unknown; headers?: Record<string, string> } = {}) {
  return fetch(`${BASE}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json', ...opts.headers },
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
}

const host = (name: string) => emulator.engine.state.hosts.find((h) => h.name === name)?.id ?? '';
const vmId = (name: string) => emulator.engine.state.vms.find((v) => v.name === name)?.id ?? '';

async function jobCount(token: string, search: string, headers?: Record<string, string>) {
  const r = await call(token, 'GET', `/jobs?search=${encodeURIComponent(search)}`, { headers });
  const body = (await r.json()) as { job?: unknown[] };
  return { status: r.status, count: body.job?.length ?? 0 };
}

describe('the seed', () => {
  it('has a user who is not an admin next to admin@internal', () => {
    expect(emulator.engine.state.users.map((u) => [u.name, u.admin])).toEqual([
      ['admin@internal', true],
      ['user@internal', false],
    ]);
  });
});

describe('the API root', () => {
  // R/BackendApiResource.java:284-288: `if (!isFiltered()) { addSummary(api); … }` (bz 1612124).
  it('carries the system summary for an unfiltered request only', async () => {
    const root = async (token: string, headers?: Record<string, string>): Promise<unknown> => (await call(token, 'GET', '', { headers })).json();
    expect(await root(ADMIN)).toHaveProperty('summary');
    expect(await root(USER)).not.toHaveProperty('summary');
    expect(await root(ADMIN, { Filter: 'true' })).not.toHaveProperty('summary');
    // Still the version and the user, which the console reads after login.
    expect(await root(USER)).toMatchObject({ product_info: { version: { major: '4' } }, authenticated_user: { id: expect.any(String) as unknown } });
  });
});

describe('jobs', () => {
  beforeEach(async () => {
    await call(ADMIN, 'POST', `/vms/${vmId('app01')}/start?correlation_id=mine`, { body: {} });
    await emulator.idle();
  });

  it('an admin searches by correlation id, the only field the engine has', async () => {
    expect(await jobCount(ADMIN, 'correlation_id=mine')).toEqual({ status: 200, count: 1 });
    expect(await jobCount(ADMIN, 'correlation_id=nobody')).toEqual({ status: 200, count: 0 });
    const bad = await call(ADMIN, 'GET', `/jobs?search=${encodeURIComponent('status=started')}`);
    expect(bad.status).toBe(400);
  });

  it('keeps the oldest with max (the engine sorts jobs by start time, oldest first)', async () => {
    await call(ADMIN, 'POST', `/vms/${vmId('app01')}/stop?correlation_id=later`, { body: {} });
    await emulator.idle();
    const r = await call(ADMIN, 'GET', '/jobs?max=1');
    const body = (await r.json()) as { job: Array<{ description: string }> };
    expect(body.job.map((j) => j.description)).toEqual([expect.stringMatching(/^Launching VM app01/)]);
  });

  it('refuses a filtered session — a user who is not an admin by default, or anyone sending Filter: true', async () => {
    for (const [token, headers] of [[USER, undefined], [ADMIN, { Filter: 'true' }]] as const) {
      const r = await call(token, 'GET', `/jobs?search=${encodeURIComponent('correlation_id=mine')}`, { headers });
      expect(r.status).toBe(400);
      expect(await r.json()).toEqual({ reason: 'Operation Failed', detail: INSUFFICIENT_PERMISSIONS });
    }
    const job = emulator.engine.state.jobs[0]?.id ?? '';
    expect((await call(USER, 'GET', `/jobs/${job}/steps`)).status).toBe(400);
  });

  it('refuses a user who is not an admin asking for unfiltered answers (Filter: false)', async () => {
    expect((await jobCount(USER, 'correlation_id=mine', { Filter: 'false' })).status).toBe(400);
  });

  it('events honour the correlation id search for a filtered user', async () => {
    const r = await call(USER, 'GET', `/events?search=${encodeURIComponent('correlation_id=mine')}&max=10`);
    expect(r.status).toBe(200);
    const body = (await r.json()) as { event: Array<{ correlation_id?: string }> };
    expect(body.event.length).toBeGreaterThan(0);
    expect(new Set(body.event.map((e) => e.correlation_id))).toEqual(new Set(['mine']));
  });
});

describe('storage and hosts', () => {
  it('storage domains carry no volume group (no LUNs) when filtered', async () => {
    const read = async (token: string) =>
      ((await (await call(token, 'GET', '/storagedomains')).json()) as { storage_domain: Array<{ storage: { volume_group?: unknown } }> }).storage_domain;
    expect((await read(ADMIN)).some((sd) => sd.storage.volume_group)).toBe(true);
    expect((await read(USER)).some((sd) => sd.storage.volume_group)).toBe(false);
  });

  it('a filtered user cannot list a host\'s LUNs, discover targets or read one host; the hosts list answers', async () => {
    expect((await call(USER, 'GET', `/hosts/${host('host1')}/storage`)).status).toBe(400);
    expect((await call(USER, 'POST', `/hosts/${host('host1')}/iscsidiscover`, { body: { iscsi: { address: '10.35.1.72' } } })).status).toBe(400);
    expect((await call(USER, 'GET', `/hosts/${host('host1')}`)).status).toBe(400);
    expect((await call(USER, 'GET', '/hosts')).status).toBe(200);
    expect((await call(ADMIN, 'GET', `/hosts/${host('host1')}/storage`)).status).toBe(200);
  });

  it('iSCSI login needs an admin role: 403 with the action echoed', async () => {
    const r = await call(USER, 'POST', `/hosts/${host('host1')}/iscsilogin`, {
      body: { iscsi: { address: '10.35.1.72', port: 3260, target: 'iqn.2024-03.com.example.lab:array-a.data' } },
    });
    expect(r.status).toBe(403);
    expect(await r.json()).toMatchObject({ status: 'failed', fault: { detail: '[User is not authorized to perform this action.]' } });
  });
});
