// What an older or newer emulated engine answers: the API root's version, discoveriscsi only from 4.4.6,
// active_paths only from 4.5.7, one discovery failure for every cause, and the TPGT at login.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseEngineVersion, type EngineVersion } from '../engine/version';
import { LAB_CHAP } from '../scenarios/lab';
import { createNodeEmulator } from '../node';

const BASE = 'http://engine.test/ovirt-engine/api';

function version(text: string): EngineVersion {
  const v = parseEngineVersion(text);
  if (!v) throw new Error(text);
  return v;
}

function engineAt(text?: string) {
  const { emulator, server } = createNodeEmulator('lab', text ? version(text) : undefined);
  let token = '';
  const login = async () => {
    const res = await fetch('http://engine.test/ovirt-engine/sso/oauth/token', {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', scope: 'ovirt-app-api', username: 'admin@internal', password: 'ovirt' }),
    });
    const body: unknown = await res.json();
    token = typeof body === 'object' && body && 'access_token' in body && typeof body.access_token === 'string' ? body.access_token : '';
  };
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${BASE}${path}`, {
      method,
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const hostId = (name: string) => {
    const h = emulator.engine.state.hosts.find((x) => x.name === name);
    if (!h) throw new Error(name);
    return h.id;
  };
  return { emulator, server, login, call, hostId };
}

describe.each([
  ['4.4.0', { discoverIscsi: false, activePaths: false }],
  ['4.4.6', { discoverIscsi: true, activePaths: false }],
  ['4.5.7', { discoverIscsi: true, activePaths: true }],
] as const)('emulated engine %s', (v, has) => {
  const env = engineAt(v);
  beforeAll(() => env.server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => env.login());
  afterEach(() => env.emulator.reset());
  afterAll(() => env.server.close());

  it('answers the API root with product_info.version as strings, at both /api and /api/v4', async () => {
    const [major, minor, build] = v.split('.');
    for (const path of ['', '/v4']) {
      const res = await env.call('GET', path);
      expect(res.status).toBe(200);
      const root: unknown = await res.json();
      expect(root).toMatchObject({
        product_info: { name: 'oVirt Engine', vendor: 'ovirt.org', version: { major, minor, build, revision: '0', full_version: `${v}-1` } },
        authenticated_user: { id: expect.any(String) },
        summary: { hosts: { total: '4' } },
      });
    }
  });

  it(has.discoverIscsi ? 'has discoveriscsi, filling both lists' : 'has no discoveriscsi (404); iscsidiscover fills only iscsi_targets', async () => {
    const body = { iscsi: { address: '10.35.1.72', port: '3260' } };
    const modern = await env.call('POST', `/hosts/${env.hostId('host1')}/discoveriscsi`, body);
    expect(modern.status).toBe(has.discoverIscsi ? 200 : 404);
    const old = await env.call('POST', `/hosts/${env.hostId('host1')}/iscsidiscover`, body);
    expect(old.status).toBe(200);
    const json: unknown = await old.json();
    expect(json).toMatchObject({ iscsi_targets: { iscsi_target: expect.arrayContaining(['iqn.2024-03.com.example.lab:array-a.data']) } });
    expect(json && typeof json === 'object' && 'discovered_targets' in json).toBe(has.discoverIscsi);
    // The host links only the actions this engine has (HostService.java DiscoverIscsi @since 4.4.6).
    const host = await (await env.call('GET', `/hosts/${env.hostId('host1')}`)).text();
    expect(host.includes('"rel":"discoveriscsi"')).toBe(has.discoverIscsi);
    expect(host).toContain('"rel":"iscsidiscover"');
  });

  it(has.activePaths ? 'sends active_paths on host storage' : 'sends no active_paths on host storage', async () => {
    const res = await env.call('GET', `/hosts/${env.hostId('host1')}/storage`);
    const text = await res.text();
    expect(text).toContain('"paths"');
    expect(text.includes('"active_paths"')).toBe(has.activePaths);
  });
});

describe('emulated engine: discovery failures and the TPGT at login', () => {
  const env = engineAt();
  beforeAll(() => env.server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => env.login());
  afterEach(() => env.emulator.reset());
  afterAll(() => env.server.close());

  // vdsm hsm.py discoverSendTargets: every IscsiError → iSCSIDiscoveryError; REST: a failed query, one message.
  const DISCOVERY_FAULT = { reason: 'Operation Failed', detail: 'Failed discovery of iSCSI targets' };

  it('answers a wrong discovery CHAP pair exactly like an unreachable portal', async () => {
    const chap = await env.call('POST', `/hosts/${env.hostId('host1')}/discoveriscsi`, {
      iscsi: { address: '10.35.1.72', port: '3260', username: LAB_CHAP.username, password: 'wrong' },
    });
    expect(chap.status).toBe(400);
    expect(await chap.json()).toEqual(DISCOVERY_FAULT);
    const unreachable = await env.call('POST', `/hosts/${env.hostId('host3')}/discoveriscsi`, { iscsi: { address: '10.35.2.90', port: '3260' } });
    expect(unreachable.status).toBe(400);
    expect(await unreachable.json()).toEqual(DISCOVERY_FAULT);
    // The cause is the emulator's to tell, in its event log, never in the answer.
    expect(env.emulator.engine.state.events.some((e) => /refused the CHAP credentials/.test(e.description))).toBe(true);
  });

  it('logs in with the TPGT sent as an integer string, and refuses one VDSM cannot read', async () => {
    const target = 'iqn.2024-03.com.example.lab:array-a.data';
    const ok = await env.call('POST', `/hosts/${env.hostId('host1')}/iscsilogin`, { iscsi: { address: '10.35.1.72', port: '3260', target, portal: '1' } });
    expect(ok.status).toBe(200);
    const bad = await env.call('POST', `/hosts/${env.hostId('host2')}/iscsilogin`, {
      iscsi: { address: '10.35.1.72', port: '3260', target, portal: '10.35.1.72:3260,1' },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ status: 'failed', fault: { reason: 'Operation Failed', detail: '[General Exception]' } });
  });
});

describe('emulated engine: the API root needs a session', () => {
  const env = engineAt();
  beforeAll(() => env.server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => env.server.close());
  it('answers 401 without a token', async () => {
    const res = await fetch(BASE, { headers: { Accept: 'application/json' } });
    expect(res.status).toBe(401);
  });
});
