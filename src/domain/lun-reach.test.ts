import { describe, expect, it } from 'vitest';
import { lunReach, pathsShort, reachText, reachVerdict } from './lun-reach';
import type { HostLun } from './model';

const T = 'iqn.2024-03.com.example.lab:array-a.apps';
const hl = (id: string, o: Partial<HostLun['lu']> = {}, type: HostLun['type'] = 'iscsi'): HostLun => ({
  id, type, hostId: 'h1', lu: { id, size: 2 ** 30, target: type === 'iscsi' ? T : undefined, paths: 1, activePaths: 1, ...o },
});

describe('whether a host can reach a LUN, from its device list', () => {
  it('reachable when listed with an active path; the paths are named', () => {
    const r = lunReach({ id: 'L1', type: 'iscsi', target: T }, 'up', [hl('L1', { paths: 2, activePaths: 1 })]);
    expect(r).toEqual({ kind: 'reachable', paths: 2, activePaths: 1 });
    expect(reachVerdict(r)).toBe('yes');
    expect(reachText(r, 'host1', 'LUN L1')).toBe('host1 sees LUN L1 (1 of 2 paths active)');
  });

  it('an engine that does not report active paths still counts as reachable, and says so', () => {
    const r = lunReach({ id: 'L1', type: 'iscsi' }, 'up', [hl('L1', { activePaths: undefined })]);
    expect(reachVerdict(r)).toBe('yes');
    expect(reachText(r, 'host1', 'LUN L1')).toBe('host1 sees LUN L1 (1 path (active count not reported))');
  });

  it('listed with no active path: cannot reach', () => {
    const r = lunReach({ id: 'L1', type: 'iscsi', target: T }, 'up', [hl('L1', { activePaths: 0 })]);
    expect(reachVerdict(r)).toBe('no');
    expect(reachText(r, 'host2', 'LUN L1')).toBe('host2 cannot reach LUN L1: no active path (0 of 1 path active)');
  });

  it('not logged in to the target: the engine will try to connect it first (not "cannot reach")', () => {
    const r = lunReach({ id: 'L1', type: 'iscsi', target: T }, 'up', [hl('OTHER', { target: 'iqn.x:other' })]);
    expect(r).toEqual({ kind: 'not-connected', target: T });
    expect(reachVerdict(r)).toBe('connect');
    expect(reachText(r, 'host3', 'LUN L1')).toBe(`host3 is not connected to target ${T} yet; the engine will try to connect it first`);
  });

  it('logged in to the target but the LUN is missing: not visible there', () => {
    const r = lunReach({ id: 'L1', type: 'iscsi', target: T }, 'up', [hl('L2')]);
    expect(r).toEqual({ kind: 'not-visible', target: T });
    expect(reachVerdict(r)).toBe('no');
  });

  it('FC: not zoned when the host does not list it', () => {
    const r = lunReach({ id: 'F1', type: 'fcp' }, 'up', [hl('F2', {}, 'fcp')]);
    expect(r).toEqual({ kind: 'not-zoned' });
    expect(reachText(r, 'host2', 'FC LUN F1')).toBe('host2 cannot reach FC LUN F1: its Fibre Channel ports are not zoned to it');
  });

  it('a host that is not Up cannot be asked', () => {
    const r = lunReach({ id: 'L1', type: 'iscsi', target: T }, 'maintenance', undefined);
    expect(r).toEqual({ kind: 'host-not-up', status: 'maintenance' });
    expect(reachText(r, 'host4', 'LUN L1')).toBe('host4 is not Up (maintenance): the engine cannot ask it');
  });
});

describe('the paths column, short', () => {
  it('says active/total, the total alone when the engine reports no active count, ? when it reports no paths', () => {
    expect(pathsShort(4, 2)).toBe('2/4');
    expect(pathsShort(2, 0)).toBe('0/2');
    expect(pathsShort(4, undefined)).toBe('4');
    expect(pathsShort(undefined, undefined)).toBe('?');
  });
});
