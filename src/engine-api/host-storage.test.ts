// Discovery by engine version and the TPGT at login, against the emulated engine at 4.4.0 (no discoveriscsi) and the
// newest; the requests the engine received are recorded from MSW's request events.
import { describe, expect, it } from 'vitest';
import { parseEngineVersion, type EngineVersion } from '../domain/engine-version';
import { lunReach, reachText, reachVerdict } from '../domain/lun-reach';
import { byName, setupEmulatedEngine } from '../test/engine-harness';
import { getApiRoot } from './api-root';
import { discoverIscsi, discoveryPlan, iscsiLogin, listHostStorage, tpgtOf } from './host-storage';
import { errorText, isEngineError } from './errors';
import { listHosts } from './hosts';

function v(text: string): EngineVersion {
  const x = parseEngineVersion(text);
  if (!x) throw new Error(text);
  return x;
}

function recordRequests(server: ReturnType<typeof setupEmulatedEngine>['server']) {
  const seen: Array<{ method: string; path: string; body: Promise<string> }> = [];
  server.events.on('request:start', ({ request }) => {
    seen.push({ method: request.method, path: new URL(request.url).pathname, body: request.clone().text() });
  });
  return seen;
}

describe('discoveryPlan', () => {
  it('sends discoveriscsi from 4.4.6, iscsidiscover before, and tries discoveriscsi then iscsidiscover when the version is unknown', () => {
    expect(discoveryPlan(v('4.5.7'))).toEqual({ first: 'discoveriscsi', fallbackOn404: false });
    expect(discoveryPlan(v('4.4.6'))).toEqual({ first: 'discoveriscsi', fallbackOn404: false });
    expect(discoveryPlan(v('4.4.5'))).toEqual({ first: 'iscsidiscover', fallbackOn404: false });
    expect(discoveryPlan(v('4.3.0'))).toEqual({ first: 'iscsidiscover', fallbackOn404: false });
    expect(discoveryPlan(undefined)).toEqual({ first: 'discoveriscsi', fallbackOn404: true });
  });
});

describe('tpgtOf', () => {
  it('reads the tag after the last comma of a discovered portal', () => {
    expect(tpgtOf('10.35.1.72:3260,1')).toBe(1);
    expect(tpgtOf('[fd00:35:2::90]:3260,12')).toBe(12);
    expect(tpgtOf('10.35.1.72:3260')).toBeUndefined();
    expect(tpgtOf(undefined)).toBeUndefined();
  });
});

describe('against an emulated engine 4.4.0', () => {
  const { server } = setupEmulatedEngine('lab', { version: v('4.4.0') });

  it('reads the version from the API root', async () => {
    expect(await getApiRoot()).toMatchObject({ name: 'oVirt Engine', version: { major: 4, minor: 4, build: 0 } });
  });

  it('discovers with iscsidiscover, the portal being the one asked (IQNs only)', async () => {
    const seen = recordRequests(server);
    const host1 = byName(await listHosts(), 'host1');
    const found = await discoverIscsi(host1.id, { address: '10.35.1.72', port: 3260 }, { engineVersion: v('4.4.0') });
    expect(seen.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([`/ovirt-engine/api/v4/hosts/${host1.id}/iscsidiscover`]);
    expect(found).toContainEqual({ address: '10.35.1.72', port: 3260, target: 'iqn.2024-03.com.example.lab:array-a.data', portal: undefined });
  });

  it('with the version unknown, tries discoveriscsi, gets 404, and falls back to iscsidiscover', async () => {
    const seen = recordRequests(server);
    const host1 = byName(await listHosts(), 'host1');
    const found = await discoverIscsi(host1.id, { address: '10.35.1.72', port: 3260 });
    expect(seen.filter((r) => r.method === 'POST').map((r) => r.path.split('/').pop())).toEqual(['discoveriscsi', 'iscsidiscover']);
    expect(found.map((f) => f.target)).toContain('iqn.2024-03.com.example.lab:array-a.apps');
  });

  it('host storage without active_paths (before 4.5.7): the LUN still counts as reachable and says the count is not reported (044 §13.5)', async () => {
    const host1 = byName(await listHosts(), 'host1');
    const luns = await listHostStorage(host1.id);
    const lun = luns[0];
    if (!lun) throw new Error('host1 sees no LUN');
    expect(luns.every((l) => l.lu.activePaths === undefined && (l.lu.paths ?? 0) > 0)).toBe(true);
    const r = lunReach({ id: lun.id, type: lun.type, target: lun.lu.target }, 'up', luns);
    expect(reachVerdict(r)).toBe('yes');
    expect(reachText(r, 'host1', `LUN ${lun.id}`)).toMatch(/^host1 sees LUN \S+ \(\d+ paths? \(active count not reported\)\)$/);
  });
});

describe('against the newest emulated engine', () => {
  const { server } = setupEmulatedEngine('lab');

  it('discovers with discoveriscsi and logs in with the TPGT as "portal"', async () => {
    const seen = recordRequests(server);
    const host1 = byName(await listHosts(), 'host1');
    const found = await discoverIscsi(host1.id, { address: '10.35.1.72', port: 3260 }, { engineVersion: v('4.5.7') });
    const data = found.find((f) => f.target === 'iqn.2024-03.com.example.lab:array-a.data');
    expect(data?.portal).toBe('10.35.1.72:3260,1');
    await iscsiLogin(host1.id, { address: '10.35.1.72', port: 3260, target: 'iqn.2024-03.com.example.lab:array-a.data', tpgt: tpgtOf(data?.portal) });
    const posts = seen.filter((r) => r.method === 'POST' && r.path.startsWith('/ovirt-engine/api'));
    expect(posts.map((r) => r.path.split('/').pop())).toEqual(['discoveriscsi', 'iscsilogin']);
    expect(JSON.parse(await (posts[1]?.body ?? Promise.resolve('{}')))).toEqual({
      iscsi: { address: '10.35.1.72', port: 3260, target: 'iqn.2024-03.com.example.lab:array-a.data', portal: '1' },
    });
  });

  it('a host that is not Up: the engine\'s own text, naming the host\'s address, read as HOST_NOT_UP (044 §15 F-D)', async () => {
    // GetDeviceListQuery.isActiveVds: "Cannot fetch storage devices, host %s is not UP." with vds.getHostName() (the
    // address), lower-cased by the REST layer's translator (ErrorTranslatorImpl.translate), 400.
    const host4 = byName(await listHosts(), 'host4');
    const err: unknown = await listHostStorage(host4.id).then(() => undefined, (e: unknown) => e);
    if (!isEngineError(err)) throw new Error('expected an engine error');
    expect(err).toMatchObject({ kind: 'fault', status: 400, reason: 'Operation Failed', key: 'HOST_NOT_UP' });
    expect(errorText(err)).toBe(`cannot fetch storage devices, host ${host4.address} is not up.`);
  });
});
