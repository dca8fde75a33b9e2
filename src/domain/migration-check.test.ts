import { describe, expect, it } from 'vitest';
import type { Host, HostLun } from './model';
import { checkDestination, type VmLun } from './migration-check';

const T = 'iqn.x:apps';
const host = (name: string, status: Host['status'] = 'up'): Host => ({ id: name, name, address: '', status, clusterId: 'c', spm: 'none', iscsiInitiator: undefined });
const seen = (id: string, o: Partial<HostLun['lu']> = {}): HostLun => ({ id, type: 'iscsi', hostId: 'x', lu: { id, size: 1, target: T, paths: 1, activePaths: 1, ...o } });
const luns: VmLun[] = [{ alias: 'redo', lun: { id: 'L1', type: 'iscsi', target: T } }, { alias: 'fc', lun: { id: 'F1', type: 'fcp' } }];
const vm = { name: 'db01', hostId: 'host1' };
const err = (e: unknown) => String(e);

describe('can a host take the VM (from its device list)', () => {
  it('the source and hosts that are not Up cannot be chosen, with why', () => {
    expect(checkDestination(host('host1'), vm, luns, { pending: false }, err)).toMatchObject({ verdict: 'source', selectable: false, lines: ['db01 runs here'] });
    expect(checkDestination(host('host4', 'maintenance'), vm, luns, { pending: false }, err)).toMatchObject({
      verdict: 'not-up', selectable: false, lines: ['host4 is not Up (Maintenance); only an Up host can take db01'],
    });
  });

  it('a host that sees every LUN is ready; one LUN it cannot reach makes it unselectable, naming LUN and disk', () => {
    const fc: HostLun = { id: 'F1', type: 'fcp', hostId: 'x', lu: { id: 'F1', size: 1, paths: 4, activePaths: 2 } };
    const ok = checkDestination(host('host2'), vm, luns, { data: [seen('L1'), fc], pending: false }, err);
    expect(ok.verdict).toBe('yes');
    expect(ok.lines).toEqual(['host2 sees LUN L1 (disk redo) (1 of 1 path active)', 'host2 sees FC LUN F1 (disk fc) (2 of 4 paths active)']);
    const noFc = checkDestination(host('host2'), vm, luns, { data: [seen('L1')], pending: false }, err);
    expect(noFc).toMatchObject({ verdict: 'no', selectable: false });
    expect(noFc.lines).toContain('host2 cannot reach FC LUN F1 (disk fc): its Fibre Channel ports are not zoned to it');
  });

  it('a host not logged in to the target stays selectable: the engine connects first', () => {
    const c = checkDestination(host('host3'), vm, [luns[0] as VmLun], { data: [], pending: false }, err);
    expect(c).toMatchObject({ verdict: 'connect', selectable: true, lines: [`host3 is not connected to target ${T} yet; the engine will try to connect it first`] });
  });

  it('a device list that could not be read does not block: the engine checks anyway', () => {
    const c = checkDestination(host('host3'), vm, luns, { error: 'boom', pending: false }, err);
    expect(c).toMatchObject({ verdict: 'unknown', selectable: true });
    expect(c.lines[0]).toContain('(boom); the engine still checks before migrating');
  });
});
