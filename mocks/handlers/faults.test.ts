// Transport faults through the real handlers (msw/node): what the client sees, and what the engine did.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeEmulator } from '../node';
import { FaultInjector, GARBAGE_BODY, HTML_500_BODY } from './faults';

const { emulator, server } = createNodeEmulator('lifecycle');
const BASE = 'https://engine.example/ovirt-engine/api/v4';
const TOKEN = 'faults-test-token';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  emulator.reset('lifecycle');
  emulator.engine.state.tokens.push({ token: TOKEN, user: 'admin@internal', exp: Date.now() + 3_600_000 });
});
afterEach(() => emulator.idle());
afterAll(() => server.close());

const vm = (name: string) => {
  const v = emulator.engine.state.vms.find((x) => x.name === name);
  if (!v) throw new Error(`no ${name}`);
  return v;
};

function call(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${BASE}${path}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

const shutdown = () => call('POST', `/vms/${vm('app01').id}/shutdown?correlation_id=c1`, {});
const jobsOf = (corr: string) => emulator.engine.state.jobs.filter((j) => j.correlationId === corr);

describe('matching', () => {
  const url = (p: string) => new URL(`https://engine.example${p}`);

  it('matches a substring or a regular expression of path and query, and a method in any case', () => {
    const f = new FaultInjector();
    f.failNext({ method: 'post', path: '/shutdown', mode: 'lose-before' });
    f.failNext({ path: 'vms/[^/]+/migrate\\?correlation_id=m', mode: 'lose-after' });
    expect(f.take('GET', url('/ovirt-engine/api/v4/vms/1/shutdown'))).toBeUndefined();
    expect(f.take('POST', url('/ovirt-engine/api/v4/vms/1/shutdown'))?.mode).toBe('lose-before');
    expect(f.take('POST', url('/ovirt-engine/api/v4/vms/1/migrate?correlation_id=x'))).toBeUndefined();
    expect(f.take('POST', url('/ovirt-engine/api/v4/vms/1/migrate?correlation_id=m1'))?.mode).toBe('lose-after');
  });

  it('is one-shot, listable and clearable; a slow fault gets its default delay', () => {
    const f = new FaultInjector();
    f.failNext({ path: '/jobs', mode: 'slow' });
    f.failNext({ path: '/jobs', mode: 'garbage-200' });
    expect(f.list()).toEqual([{ path: '/jobs', mode: 'slow', ms: 3000 }, { path: '/jobs', mode: 'garbage-200' }]);
    expect(f.take('GET', url('/ovirt-engine/api/v4/jobs'))?.mode).toBe('slow');
    expect(f.take('GET', url('/ovirt-engine/api/v4/jobs'))?.mode).toBe('garbage-200');
    expect(f.take('GET', url('/ovirt-engine/api/v4/jobs'))).toBeUndefined();
    expect(f.firedList().map((x) => x.request)).toEqual(['GET /ovirt-engine/api/v4/jobs', 'GET /ovirt-engine/api/v4/jobs']);
    f.failNext({ path: '/jobs', mode: 'slow' });
    f.clear();
    expect(f.list()).toEqual([]);
    expect(f.firedList()).toEqual([]);
  });

  it('refuses an unknown mode or an empty path', () => {
    const f = new FaultInjector();
    // @ts-expect-error a mode the injector does not know, as a page script could send
    expect(() => f.failNext({ path: '/x', mode: 'explode' })).toThrow(/unknown fault mode explode/);
    expect(() => f.failNext({ path: '', mode: 'slow' })).toThrow(/needs a path/);
  });
});

describe('through the handlers', () => {
  it('lose-after: the engine acts, the client sees a network error', async () => {
    emulator.failNext({ method: 'POST', path: '/shutdown', mode: 'lose-after' });
    await expect(shutdown()).rejects.toThrow();
    expect(jobsOf('c1')).toHaveLength(1);
    await emulator.idle();
    expect(vm('app01').status).toBe('down');
    expect(emulator.pendingFaults()).toEqual([]);
    expect(emulator.firedFaults()).toEqual([expect.objectContaining({ mode: 'lose-after', request: `POST /ovirt-engine/api/v4/vms/${vm('app01').id}/shutdown` })]);
  });

  it('lose-before: a network error and nothing done', async () => {
    emulator.failNext({ path: '/shutdown', mode: 'lose-before' });
    await expect(shutdown()).rejects.toThrow();
    await emulator.idle();
    expect(jobsOf('c1')).toEqual([]);
    expect(vm('app01').status).toBe('up');
    // One-shot: the next request goes through.
    expect((await shutdown()).status).toBe(200);
  });

  it('session-ends: the session ends as the matching request arrives — reads before it pass, it and later ones get 401', async () => {
    emulator.failNext({ method: 'POST|PUT|DELETE', path: '/ovirt-engine/api', mode: 'session-ends' });
    expect((await call('GET', '/vms')).status).toBe(200);
    const r = await shutdown();
    expect(r.status).toBe(401);
    expect(jobsOf('c1')).toEqual([]);
    expect(vm('app01').status).toBe('up');
    expect((await call('GET', '/vms')).status).toBe(401);
    expect(emulator.engine.state.tokens).toEqual([]);
  });

  it('status-500-html: a 500 with an HTML body, nothing done', async () => {
    emulator.failNext({ path: '/shutdown', mode: 'status-500-html' });
    const r = await shutdown();
    expect(r.status).toBe(500);
    expect(r.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(await r.text()).toBe(HTML_500_BODY);
    expect(jobsOf('c1')).toEqual([]);
    expect(vm('app01').status).toBe('up');
  });

  it('garbage-200: the engine acts, the body is not JSON', async () => {
    emulator.failNext({ path: '/shutdown', mode: 'garbage-200' });
    const r = await shutdown();
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text).toBe(GARBAGE_BODY);
    expect(() => {
      JSON.parse(text);
    }).toThrow();
    await emulator.idle();
    expect(vm('app01').status).toBe('down');
  });

  it('slow: the answer comes late, and the engine acts only then', async () => {
    emulator.failNext({ path: '/shutdown', mode: 'slow', ms: 120 });
    const t0 = Date.now();
    const pending = shutdown();
    await new Promise((r) => setTimeout(r, 40));
    expect(jobsOf('c1')).toEqual([]);
    const r = await pending;
    expect(r.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(110);
    expect(jobsOf('c1')).toHaveLength(1);
  });

  it('Reset clears what is armed', () => {
    emulator.failNext({ path: '/shutdown', mode: 'lose-before' });
    emulator.reset('lifecycle');
    expect(emulator.pendingFaults()).toEqual([]);
  });

  it('leaves requests that do not match alone, and reads go through a fault armed for another method', async () => {
    emulator.failNext({ method: 'POST', path: '/vms', mode: 'lose-before' });
    const r = await call('GET', `/vms/${vm('app01').id}`);
    expect(r.status).toBe(200);
    expect(emulator.pendingFaults()).toHaveLength(1);
  });
});
