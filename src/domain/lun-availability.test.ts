import { describe, expect, it } from 'vitest';
import { countAvailability, lunAvailability, pathsText, sharedAvailability, type AvailabilityContext } from './lun-availability';
import { interner } from './intern';
import type { LogicalUnit } from './model';

const ctx: AvailabilityContext = {
  hostName: 'host2',
  disk: (id) => (id === 'd1' ? { id: 'd1', alias: 'archive-lun', sharable: false } : id === 'd2' ? { id: 'd2', alias: 'cluster-quorum', sharable: true } : undefined),
  vmNamesOfDisk: (id) => (id === 'd2' ? ['db01', 'web01'] : []),
  storageDomainName: (id) => (id === 'sd1' ? 'data1' : undefined),
};

const lu = (o: Partial<LogicalUnit> = {}): LogicalUnit => ({ id: '36001405aa', size: 2 ** 30, paths: 1, activePaths: 1, ...o });

describe('LUN availability', () => {
  it('a free LUN with all paths up is available and selectable', () => {
    const a = lunAvailability(lu(), ctx);
    expect(a).toMatchObject({ selectable: true, label: 'Available', text: 'Available', unreachable: false, degraded: false });
  });

  it('a LUN behind a floating disk is not selectable and names the disk', () => {
    const a = lunAvailability(lu({ diskId: 'd1' }), ctx);
    expect(a.selectable).toBe(false);
    expect(a.use).toMatchObject({ kind: 'used-by-disk', diskAlias: 'archive-lun', vmNames: [] });
    expect(a.text).toBe('Used by disk archive-lun (not attached to any VM): not selectable, a LUN backs at most one disk');
  });

  it('names the VMs a used LUN\'s disk is attached to', () => {
    const a = lunAvailability(lu({ diskId: 'd2' }), ctx);
    expect(a.text).toMatch(/^Used by disk cluster-quorum \(attached to db01 and web01\)/);
  });

  it('falls back to the disk id when the disk is unknown to the console', () => {
    expect(lunAvailability(lu({ diskId: 'zzz' }), ctx).text).toMatch(/^Used by disk with id zzz/);
  });

  it('a storage-domain LUN stays selectable with a warning naming the domain', () => {
    const a = lunAvailability(lu({ storageDomainId: 'sd1' }), ctx);
    expect(a.selectable).toBe(true);
    expect(a.label).toBe('In storage domain');
    expect(a.text).toMatch(/Part of storage domain data1: selectable, but using it needs your explicit approval/);
  });

  it('a disk wins over a storage domain (the engine checks the disk map)', () => {
    expect(lunAvailability(lu({ storageDomainId: 'sd1', diskId: 'd1' }), ctx).use.kind).toBe('used-by-disk');
  });

  it('no active path: selectable, but says it is not reachable from this host', () => {
    const a = lunAvailability(lu({ paths: 2, activePaths: 0 }), ctx);
    expect(a).toMatchObject({ unreachable: true, selectable: true, label: 'No active path' });
    expect(a.text).toBe('Not reachable from host2: none of its 2 paths is active');
  });

  it('some paths down: degraded', () => {
    const a = lunAvailability(lu({ paths: 2, activePaths: 1 }), ctx);
    expect(a).toMatchObject({ degraded: true, unreachable: false, label: 'Degraded paths' });
    expect(a.text).toBe('Only 1 of its 2 paths are active from host2');
  });

  it('an engine that does not report active paths is neither degraded nor unreachable', () => {
    const a = lunAvailability(lu({ paths: 2, activePaths: undefined }), ctx);
    expect(a).toMatchObject({ degraded: false, unreachable: false });
    expect(pathsText(a.paths)).toBe('2 paths');
    expect(pathsText({ total: 4, active: 2 })).toBe('2 of 4 active');
  });

  it('orders states: available < degraded < storage domain < unreachable < used', () => {
    const ranks = [lu(), lu({ paths: 2, activePaths: 1 }), lu({ storageDomainId: 'sd1' }), lu({ activePaths: 0 }), lu({ diskId: 'd1' })].map(
      (x) => lunAvailability(x, ctx).rank,
    );
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('counts free, storage-domain and used LUNs', () => {
    const items = [lu(), lu({ storageDomainId: 'sd1' }), lu({ diskId: 'd1' }), lu({ activePaths: 0 })].map((x) => ({ availability: lunAvailability(x, ctx) }));
    expect(countAvailability(items)).toEqual({ total: 4, available: 2, storageDomain: 1, used: 1 });
  });

  // Decision 059: many LUNs of one listing; the free ones with the same paths share one (equal) object.
  it('shares one availability among free LUNs with the same paths, equal to each one\'s own', () => {
    const of = sharedAvailability(ctx, interner());
    const luns = [lu({ id: 'a' }), lu({ id: 'b' }), lu({ id: 'c', paths: 2, activePaths: 1 }), lu({ id: 'd', paths: 2, activePaths: 1 }), lu({ id: 'e', activePaths: 0 }), lu({ id: 'f', diskId: 'd1' }), lu({ id: 'g', diskId: 'd1' }), lu({ id: 'h', storageDomainId: 'sd1' })];
    const shared = luns.map(of);
    shared.forEach((a, i) => expect(a, luns[i]?.id).toEqual(lunAvailability(luns[i]!, ctx)));
    expect(shared[1]).toBe(shared[0]);
    expect(shared[3]).toBe(shared[2]);
    expect(shared[2]).not.toBe(shared[0]);
    expect(shared[4]).not.toBe(shared[0]);
    // A LUN in use names its disk or domain: its own object.
    expect(shared[6]).not.toBe(shared[5]);
  });
});
