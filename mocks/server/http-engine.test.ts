// The HTTP engine at the HTTP level: what a real engine's REST web application does before and around a resource
// (mocks/handlers/http-rules.ts, context.ts), the request log, and the /__emulator admin endpoint other suites use.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHttpEngine, type HttpEngine } from './http-engine';

let engine: HttpEngine;
const lines: string[] = [];
let token = '';

async function getToken(password = 'ovirt') {
  const res = await fetch(`${engine.url}/ovirt-engine/sso/oauth/token`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', scope: 'ovirt-app-api', username: 'admin@internal', password }),
  });
  const body: unknown = await res.json();
  const t = typeof body === 'object' && body !== null && 'access_token' in body ? body.access_token : undefined;
  if (typeof t !== 'string') throw new Error(`no token: ${JSON.stringify(body)}`);
  return t;
}

function api(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  return fetch(`${engine.url}/ovirt-engine/api${path}`, {
    ...init,
    headers: { Accept: 'application/json', Authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
  });
}

async function admin(method: string, path: string, body?: unknown) {
  const res = await fetch(`${engine.url}/__emulator${path}`, {
    method,
    ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } } : {}),
  });
  const answer: unknown = await res.json();
  return { status: res.status, body: answer };
}

const vmId = (name: string) => {
  const vm = engine.emulator.engine.state.vms.find((v) => v.name === name);
  if (!vm) throw new Error(`no ${name}`);
  return vm.id;
};
const hostId = (name: string) => {
  const h = engine.emulator.engine.state.hosts.find((x) => x.name === name);
  if (!h) throw new Error(`no ${name}`);
  return h.id;
};

beforeAll(async () => {
  engine = await startHttpEngine({ port: 0, latency: 0, log: (l) => lines.push(l) });
});

beforeEach(async () => {
  await admin('POST', '/reset', { scenario: 'lab', version: '4.5.7', latency: 'none' });
  token = await getToken();
  lines.length = 0;
});

afterAll(async () => {
  await engine.emulator.idle();
  await engine.close();
});

describe('what the engine checks before a resource answers', () => {
  it('answers 401 with the container\'s HTML page without a valid token, also on an unknown path', async () => {
    for (const path of ['/v4/hosts', '/v4/no-such-thing']) {
      const res = await fetch(`${engine.url}/ovirt-engine/api${path}`, { headers: { Accept: 'application/json' } });
      expect(res.status, path).toBe(401);
      expect(res.headers.get('Content-Type')).toMatch(/text\/html/);
    }
    await admin('POST', '/actions/expireSessions', { args: [] });
    expect((await api('/v4/hosts')).status).toBe(401);
  });

  it('takes the version from the path, else the Version header, else 4; any other version is a 400 page', async () => {
    expect((await api('/v4/hosts')).status).toBe(200);
    expect((await api('/hosts')).status).toBe(200);
    expect((await api('/hosts', { headers: { Version: '4' } })).status).toBe(200);
    // The path wins over the header (VersionFilter.java:98-115).
    expect((await api('/v4/hosts', { headers: { Version: '3' } })).status).toBe(200);
    const refused = await api('/hosts', { headers: { Version: '3' } });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/<html>.*Bad Request/);
    expect((await api('/v3/hosts')).status).toBe(400);
  });

  it('answers XML to Accept: application/xml, to */* and to no Accept (XML first in @Produces), JSON to application/json', async () => {
    const xml = await api('/v4/hosts', { headers: { Accept: 'application/xml' } });
    expect(xml.status).toBe(200);
    expect(xml.headers.get('Content-Type')).toBe('application/xml');
    expect(await xml.text()).toMatch(/^<\?xml [^>]*\?>\n<hosts><host href="[^"]+" id="[^"]+">/);
    for (const accept of ['*/*', '', 'application/*', 'application/json;q=0.5, application/xml']) {
      const res = await fetch(`${engine.url}/ovirt-engine/api/v4/hosts`, { headers: { Authorization: `Bearer ${token}`, Accept: accept } });
      expect(res.headers.get('Content-Type'), accept).toBe('application/xml');
    }
    for (const accept of ['application/json', 'application/json, application/xml', 'application/xml;q=0.2, */*;q=0.1, application/json']) {
      const res = await fetch(`${engine.url}/ovirt-engine/api/v4/hosts`, { headers: { Authorization: `Bearer ${token}`, Accept: accept } });
      expect(res.headers.get('Content-Type'), accept).toMatch(/^application\/json/);
    }
    // The accept query parameter stands in for the header (web.xml resteasy.media.type.param.mapping).
    expect((await api('/v4/hosts?accept=application/json', { headers: { Accept: 'application/xml' } })).headers.get('Content-Type')).toMatch(/json/);
    const refused = await api('/v4/hosts', { headers: { Accept: 'text/plain' } });
    expect(refused.status).toBe(406);
  });

  it('reads XML bodies as the JSON ones; another Content-Type is a 415', async () => {
    const res = await api(`/v4/vms/${vmId('app01')}/start`, { method: 'POST', body: '<action/>', headers: { 'Content-Type': 'application/xml' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'complete' });
    const plain = await api(`/v4/vms/${vmId('db01')}/stop`, { method: 'POST', body: 'stop', headers: { 'Content-Type': 'text/plain' } });
    expect(plain.status).toBe(415);
    expect(await plain.json()).toMatchObject({ reason: 'Unsupported Media Type' });
    const bad = await api(`/v4/vms/${vmId('db01')}/stop`, { method: 'POST', body: '<action>', headers: { 'Content-Type': 'application/xml' } });
    expect(bad.status).toBe(400);
  });

  it('answers an unknown path under /ovirt-engine/api with an empty 404', async () => {
    const res = await api('/v4/no-such-collection');
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('');
  });
});

describe('correlation ids (CurrentFilter)', () => {
  it('takes the header before the query and echoes the one it used', async () => {
    const res = await api(`/v4/vms/${vmId('app01')}/start?correlation_id=from-query`, {
      method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json', 'Correlation-Id': 'from-header' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('Correlation-Id')).toBe('from-header');
    await engine.emulator.idle();
    const jobs = engine.emulator.engine.state.jobs.filter((j) => j.correlationId === 'from-header');
    expect(jobs.length).toBeGreaterThan(0);
  });

  it('echoes the query\'s id, or a fresh one when none was given', async () => {
    expect((await api('/v4/hosts?correlation_id=q-1')).headers.get('Correlation-Id')).toBe('q-1');
    expect((await api('/v4/hosts')).headers.get('Correlation-Id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('failed actions answer the action envelope (F7, AbstractBackendActionableResource.handleError)', () => {
  it('VM start on a running VM: the echoed action, status failed and the fault', async () => {
    const res = await api(`/v4/vms/${vmId('db01')}/start`, { method: 'POST', body: '{"use_sysprep":"false"}', headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      use_sysprep: 'false',
      status: 'failed',
      fault: { reason: 'Operation Failed', detail: expect.stringMatching(/^\[Cannot run VM/) },
    });
  });

  it('iscsilogin on a host that is not Up: the action envelope; missing parameters stay a bare fault', async () => {
    const body = { iscsi: { address: '10.35.1.72', port: '3260', target: 'iqn.2024-03.com.example.lab:array-a.apps' } };
    const res = await api(`/v4/hosts/${hostId('host4')}/iscsilogin`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ ...body, status: 'failed', fault: { reason: 'Operation Failed' } });

    const incomplete = await api(`/v4/hosts/${hostId('host1')}/iscsilogin`, { method: 'POST', body: '{"iscsi":{"address":"10.35.1.72"}}', headers: { 'Content-Type': 'application/json' } });
    expect(incomplete.status).toBe(400);
    const fault: unknown = await incomplete.json();
    expect(fault).toMatchObject({ reason: 'Incomplete parameters' });
    expect(fault).not.toHaveProperty('status');
  });
});

describe('the request log', () => {
  it('writes one line per request, METHOD path?query STATUS ms, with passwords and tokens masked', async () => {
    await api('/v4/hosts?search=name%3Dhost1');
    await fetch(`${engine.url}/ovirt-engine/sso/oauth/token?password=ovirt&access_token=abc`, { method: 'POST', headers: { Accept: 'application/json' } });
    expect(lines[0]).toMatch(/^GET \/ovirt-engine\/api\/v4\/hosts\?search=name%3Dhost1 200 \d+ms$/);
    expect(lines[1]).toMatch(/^POST \/ovirt-engine\/sso\/oauth\/token\?password=\*\*\*&access_token=\*\*\* 400 \d+ms$/);
    expect(lines.join('\n')).not.toMatch(/ovirt&|abc|Bearer|chap-secret/);
  });
});

describe('starting', () => {
  it('refuses an unknown scenario or engine version, naming what it knows', async () => {
    await expect(startHttpEngine({ port: 0, scenario: 'nope' })).rejects.toThrow(/unknown scenario "nope".*lab, empty/);
    await expect(startHttpEngine({ port: 0, version: 'four' })).rejects.toThrow(/not an engine version: four/);
  });
});

describe('the admin endpoint', () => {
  it('says what it is, and resets to another scenario, version and latency', async () => {
    expect(await admin('GET', '')).toEqual({
      status: 200,
      body: { scenario: 'lab', version: '4.5.7', latency: 0, scenarios: expect.arrayContaining([{ name: 'empty', describe: expect.any(String) }]) },
    });
    expect((await admin('POST', '/reset', { scenario: 'empty', version: '4.4.0', latency: 'fast' })).body).toMatchObject({ scenario: 'empty', version: '4.4.0', latency: 0.15 });
    expect((await admin('POST', '/reset', {})).body).toMatchObject({ scenario: 'empty', version: '4.4.0' });
    expect((await admin('POST', '/latency', { latency: 2 })).body).toMatchObject({ latency: 2 });
    expect(await admin('POST', '/reset', { scenario: 'nope' })).toMatchObject({ status: 400, body: { error: expect.stringMatching(/unknown scenario "nope".*lab/) } });
    expect(await admin('POST', '/latency', { latency: 'warp' })).toMatchObject({ status: 400 });
  });

  it('gives the state without tokens or passwords', async () => {
    const { status, body } = await admin('GET', '/state');
    expect(status).toBe(200);
    const text = JSON.stringify(body);
    expect(text).toContain('"scenario":"lab"');
    expect(text).not.toContain(token);
    expect(text).not.toContain('chap-secret-42');
    expect(text).not.toMatch(/"password"/);
  });

  it('arms, lists and clears transport faults', async () => {
    expect((await admin('POST', '/faults', { method: 'GET', path: '/hosts', mode: 'status-500-html' })).body).toMatchObject({ pending: [{ path: '/hosts', mode: 'status-500-html', method: 'GET' }] });
    expect((await api('/v4/hosts')).status).toBe(500);
    expect((await admin('GET', '/faults')).body).toMatchObject({ pending: [], fired: [{ mode: 'status-500-html', request: 'GET /ovirt-engine/api/v4/hosts' }] });
    await admin('POST', '/faults', { path: '/hosts', mode: 'lose-before' });
    await expect(api('/v4/hosts')).rejects.toThrow();
    expect((await admin('DELETE', '/faults')).body).toEqual({ pending: [], fired: [] });
    expect(await admin('POST', '/faults', { path: '/hosts', mode: 'explode' })).toMatchObject({ status: 400 });
  });

  it('runs the Emulator\'s named helpers, refusing unknown names and bad arguments', async () => {
    expect(await admin('POST', '/actions/crashHost', { args: ['host3'] })).toEqual({ status: 200, body: { ok: true } });
    expect(engine.emulator.engine.state.hosts.find((h) => h.name === 'host3')?.status).not.toBe('up');
    expect(await admin('POST', '/idle')).toEqual({ status: 200, body: { ok: true } });
    expect(await admin('POST', '/actions/setFailRuns', { args: ['host2', true] })).toMatchObject({ status: 200 });
    expect(await admin('POST', '/actions/cutPortal', { args: ['host2', '10.35.2.90'] })).toMatchObject({ status: 200 });
    expect(await admin('POST', '/actions/cutPortal', { args: ['host9', '10.35.2.90'] })).toMatchObject({ status: 400, body: { error: 'no host host9' } });
    expect(await admin('POST', '/actions/setFailRuns', { args: ['host2'] })).toMatchObject({ status: 400 });
    expect(await admin('POST', '/actions/selfDestruct', { args: [] })).toMatchObject({ status: 400, body: { error: expect.stringMatching(/unknown action selfDestruct/) } });
    expect(await admin('POST', '/actions/toString', { args: [] })).toMatchObject({ status: 400 });
  });
});

describe('the REST API session in an HTTP session (Prefer: persistent-auth)', () => {
  it('sets a real JSESSIONID cookie, HttpOnly, on the API path, that later requests use without a token until one goes without Prefer', async () => {
    const opened = await api('/v4/hosts', { headers: { Prefer: 'persistent-auth', 'Session-TTL': '30' } });
    expect(opened.status).toBe(200);
    const setCookie = opened.headers.getSetCookie();
    expect(setCookie).toHaveLength(1);
    expect(setCookie[0]).toMatch(/^JSESSIONID=[\w-]+; Path=\/ovirt-engine\/api; HttpOnly$/);
    const cookie = (setCookie[0] ?? '').split(';')[0] ?? '';
    const byCookie = (prefer?: string) =>
      fetch(`${engine.url}/ovirt-engine/api`, { headers: { Accept: 'application/json', Cookie: cookie, ...(prefer ? { Prefer: prefer } : {}) } });
    expect((await byCookie('persistent-auth')).status).toBe(200);
    expect((await byCookie()).status).toBe(401);
    expect((await byCookie('persistent-auth')).status).toBe(401);
    const { body } = await admin('GET', '/state');
    expect(JSON.stringify(body)).not.toContain(cookie.slice('JSESSIONID='.length));
  });
});
