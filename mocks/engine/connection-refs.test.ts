import { describe, expect, it } from 'vitest';
import { acquire, dropHost, holders, parseHolder, release, type ConnectionRef, type HostSession } from './connection-refs';

const t1: ConnectionRef = { target: 'iqn.a:t1', address: '10.0.0.1', port: 3260 };
const t2: ConnectionRef = { target: 'iqn.a:t2', address: '10.0.0.1', port: 3260 };
const d1 = holders.vmDisk('vm1', 'disk1');
const d2 = holders.vmDisk('vm1', 'disk2');
const sd = holders.storageDomain('sd1');

describe('connection reference counting per host', () => {
  it('logs in on first hold and adds holders to the same session after', () => {
    let s: HostSession[] = [];
    s = acquire(s, 'h1', t1, d1);
    s = acquire(s, 'h1', t1, d2);
    s = acquire(s, 'h1', t1, d2);
    expect(s).toHaveLength(1);
    expect(s[0]?.holders).toEqual([d1, d2]);
  });

  it('keeps a connection while another plugged disk on the same host uses the same target', () => {
    let s = acquire(acquire([], 'h1', t1, d1), 'h1', t1, d2);
    const r = release(s, 'h1', (h) => h === d1);
    s = r.sessions;
    expect(r.outcomes).toEqual([expect.objectContaining({ loggedOut: false, remaining: [d2] })]);
    expect(s).toHaveLength(1);
    const r2 = release(s, 'h1', (h) => h === d2);
    expect(r2.outcomes[0]?.loggedOut).toBe(true);
    expect(r2.sessions).toEqual([]);
  });

  it('keeps a connection a storage domain holds', () => {
    const s = acquire(acquire([], 'h1', t1, sd), 'h1', t1, d1);
    const r = release(s, 'h1', holders.ofVm('vm1'));
    expect(r.outcomes[0]).toMatchObject({ loggedOut: false, remaining: [sd] });
  });

  it('counts per host: releasing on one host leaves the other alone', () => {
    const s = acquire(acquire([], 'h1', t1, d1), 'h2', t1, holders.vmDisk('vm2', 'disk1'));
    const r = release(s, 'h1', () => true);
    expect(r.sessions.map((x) => x.hostId)).toEqual(['h2']);
  });

  it('releases only the given connection when asked', () => {
    const s = acquire(acquire([], 'h1', t1, d1), 'h1', t2, d1);
    const r = release(s, 'h1', (h) => h === d1, t2);
    expect(r.sessions.map((x) => x.target)).toEqual(['iqn.a:t1']);
  });

  it('leaves an administrator\'s login (no holder) alone', () => {
    const s = acquire([], 'h1', t1, undefined, 'iscsilogin');
    const r = release(s, 'h1', () => true);
    expect(r.sessions).toHaveLength(1);
    expect(r.outcomes).toEqual([]);
  });

  it('forgets every session of a crashed host', () => {
    const s = acquire(acquire([], 'h1', t1, sd), 'h2', t1, sd);
    expect(dropHost(s, 'h1').map((x) => x.hostId)).toEqual(['h2']);
  });

  it('tells the holds of one VM from those of another VM, a storage domain or an operation', () => {
    const ofVm1 = holders.ofVm('vm1');
    expect(ofVm1(d1)).toBe(true);
    expect(ofVm1(d2)).toBe(true);
    expect(ofVm1(holders.vmDisk('vm10', 'disk1'))).toBe(false);
    expect(ofVm1(holders.vmDisk('vm2', 'disk1'))).toBe(false);
    expect(ofVm1(sd)).toBe(false);
    expect(ofVm1(holders.operation('vm1'))).toBe(false);
    expect(ofVm1(holders.storageDomain('vm1'))).toBe(false);
  });

  it('releases every hold of a VM on a host and nothing else', () => {
    const other = holders.vmDisk('vm2', 'disk1');
    const s = acquire(acquire(acquire(acquire([], 'h1', t1, d1), 'h1', t1, other), 'h1', t2, d2), 'h1', t2, sd);
    const r = release(s, 'h1', holders.ofVm('vm1'));
    expect(r.sessions.map((x) => [x.target, x.holders])).toEqual([
      ['iqn.a:t1', [other]],
      ['iqn.a:t2', [sd]],
    ]);
  });

  it('tells an operation\'s temporary hold from the holds that stay', () => {
    expect(holders.anyOperation(holders.operation('job-1'))).toBe(true);
    expect(holders.anyOperation(d1)).toBe(false);
    expect(holders.anyOperation(sd)).toBe(false);
  });

  it('parses holders', () => {
    expect(parseHolder(d1)).toEqual({ kind: 'vm-disk', vmId: 'vm1', diskId: 'disk1' });
    expect(parseHolder(sd)).toEqual({ kind: 'storage-domain', sdId: 'sd1' });
    expect(parseHolder(holders.operation('j1'))).toEqual({ kind: 'operation', opId: 'j1' });
  });
});
