import { matchPath } from 'react-router';
import { describe, expect, it } from 'vitest';
import { paths, ROUTE_PATTERNS } from './paths';

const ID = '6f1e9c2a-0b7d-4c1e-9a55-3d2f8e4b7c10';

describe('paths', () => {
  it('builds each page from its id, an engine UUID left as it is', () => {
    expect(paths.vms()).toBe('/vms');
    expect(paths.vm(ID)).toBe(`/vms/${ID}`);
    expect(paths.disks()).toBe('/disks');
    expect(paths.disk(ID)).toBe(`/disks/${ID}`);
    expect(paths.hosts()).toBe('/hosts');
    expect(paths.host(ID)).toBe(`/hosts/${ID}`);
  });

  it('encodes an id that is not URL-safe, in the path and in the query', () => {
    expect(paths.vm('a/b c?')).toBe('/vms/a%2Fb%20c%3F');
    expect(paths.disk('x#1')).toBe('/disks/x%231');
    expect(paths.host('h&1')).toBe('/hosts/h%261');
    expect(paths.addDisk({ vm: 'a&b=c' })).toBe('/disks/new?vm=a%26b%3Dc');
    expect(paths.attachDisk({ disk: 'd 1' })).toBe('/attach-disk?disk=d%201');
  });

  it('puts the VM tab, the VM of a new disk and the side an attach starts from in the query', () => {
    expect(paths.vm(ID, { tab: 'disks' })).toBe(`/vms/${ID}?tab=disks`);
    expect(paths.vm(ID, {})).toBe(`/vms/${ID}`);
    expect(paths.addDisk()).toBe('/disks/new');
    expect(paths.addDisk({ vm: ID })).toBe(`/disks/new?vm=${ID}`);
    expect(paths.attachDisk({ vm: ID })).toBe(`/attach-disk?vm=${ID}`);
    expect(paths.attachDisk({ disk: ID })).toBe(`/attach-disk?disk=${ID}`);
  });

  it('builds addresses the route patterns match, with the ids back in the params', () => {
    const at = (pattern: string, path: string) => matchPath(`/${pattern}`, path.split('?')[0] ?? '')?.params;
    expect(at(ROUTE_PATTERNS.vms, paths.vms())).toEqual({});
    expect(at(ROUTE_PATTERNS.vm, paths.vm('a/b', { tab: 'events' }))).toEqual({ vmId: 'a/b' });
    expect(at(ROUTE_PATTERNS.disks, paths.disks())).toEqual({});
    expect(at(ROUTE_PATTERNS.addDisk, paths.addDisk({ vm: ID }))).toEqual({});
    expect(at(ROUTE_PATTERNS.disk, paths.disk(ID))).toEqual({ diskId: ID });
    expect(at(ROUTE_PATTERNS.attachDisk, paths.attachDisk({ disk: ID }))).toEqual({});
    expect(at(ROUTE_PATTERNS.hosts, paths.hosts())).toEqual({});
    expect(at(ROUTE_PATTERNS.host, paths.host(ID))).toEqual({ hostId: ID });
  });
});
