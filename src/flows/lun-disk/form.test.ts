import { describe, expect, it } from 'vitest';
import { discoverSchema, isPortalAddress, lunDiskDefaults, normalisePortalAddress } from './form';
import { chapForLun, priorLoginRequests } from './requests';
import { buildLunRows } from './lun-rows';

describe('portal address', () => {
  it('accepts host names, IPv4 and IPv6 (bare or bracketed)', () => {
    for (const a of ['10.35.1.72', 'storage-a.lab.example.com', 'san', 'fd00:35:2::90', '[fd00:35:2::90]', '::1', '2001:db8:0:0:0:0:0:1', '::ffff:10.0.0.1']) {
      expect(isPortalAddress(a), a).toBe(true);
    }
  });
  it('refuses what is neither', () => {
    for (const a of ['10.35.1.', '10.35.1.300', 'storage a', 'fd00:::1', '[10.0.0.1]', 'http://x', '-bad.example.com', '1:2:3:4:5:6:7:8:9']) {
      expect(isPortalAddress(a), a).toBe(false);
    }
  });
  it('normalises: trims, drops IPv6 brackets', () => {
    expect(normalisePortalAddress(' [fd00::1] ')).toBe('fd00::1');
  });
  it('discovery needs an address and CHAP both or neither', () => {
    const v = { address: '10.35.1.72', port: '3260', chapUsername: 'u', chapPassword: '' };
    const r = discoverSchema.safeParse(v);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['chapPassword']);
    expect(discoverSchema.safeParse({ ...v, chapPassword: 'p' }).success).toBe(true);
    expect(discoverSchema.safeParse({ ...v, port: '0', chapUsername: '' }).error?.issues[0]?.message).toBe('Enter a port from 1 to 65535 (iSCSI uses 3260).');
  });
});

describe('CHAP credentials sent with the LUN', () => {
  const ctx = { hostName: 'h', disk: () => undefined, vmNamesOfDisk: () => [], storageDomainName: () => undefined };
  const [row] = buildLunRows([{ id: 'L', type: 'iscsi', hostId: 'h1', lu: { id: 'L', size: 1, target: 'iqn.x:secure', username: 'lab-chap' } }], 'iscsi', ctx);
  const base = { ...lunDiskDefaults(undefined), hostId: 'h1', lunId: 'L' };
  it('sends the pair the form holds for the target\'s user', () => {
    expect(chapForLun({ ...base, chapUsername: 'lab-chap', chapPassword: 's' }, row!)).toEqual({ username: 'lab-chap', password: 's', passwordMissing: false });
  });
  it('sends none, and says so, when the password is not known (after a reload)', () => {
    expect(chapForLun({ ...base, chapUsername: 'lab-chap', chapPassword: '' }, row!)).toEqual({ passwordMissing: true });
    expect(chapForLun({ ...base, chapUsername: 'someone-else', chapPassword: 's' }, row!)).toEqual({ passwordMissing: true });
  });
});

describe('the login a script must make first (the "as code" tabs)', () => {
  const ctx = { hostName: 'h', disk: () => undefined, vmNamesOfDisk: () => [], storageDomainName: () => undefined };
  const [row] = buildLunRows([{ id: 'L', type: 'iscsi', hostId: 'h1', lu: { id: 'L', size: 1, target: 'iqn.x:secure', address: '10.0.0.5', port: 3260, username: 'lab-chap' } }], 'iscsi', ctx);
  const base = { ...lunDiskDefaults(undefined), hostId: 'h1', lunId: 'L', chapUsername: 'lab-chap', chapPassword: 'typed-secret' };
  const discovered = [{ iqn: 'iqn.x:secure', portals: [{ address: '10.0.0.5', port: 3260, tpgt: 2 }] }];

  it('is the successful login of the picked host to the LUN\'s target, with the TPGT, the password only a mask', () => {
    const v = { ...base, discovered, logins: [{ hostId: 'h1', iqn: 'iqn.x:secure', ok: true, chapUsername: 'lab-chap' }] };
    const specs = priorLoginRequests(v, row!);
    expect(specs).toEqual([
      { method: 'POST', path: '/hosts/h1/iscsilogin', body: { iscsi: { address: '10.0.0.5', port: 3260, target: 'iqn.x:secure', portal: '2', username: 'lab-chap', password: '********' } } },
    ]);
    expect(JSON.stringify(specs)).not.toContain('typed-secret');
  });

  it('is nothing when that host did not log in (another host, or a failed login)', () => {
    expect(priorLoginRequests({ ...base, discovered, logins: [{ hostId: 'h2', iqn: 'iqn.x:secure', ok: true }] }, row!)).toEqual([]);
    expect(priorLoginRequests({ ...base, discovered, logins: [{ hostId: 'h1', iqn: 'iqn.x:secure', ok: false }] }, row!)).toEqual([]);
  });
});
