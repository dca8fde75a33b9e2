import { describe, expect, it } from 'vitest';
import { diskConnections, matchConnection } from './disk-connections';
import type { LogicalUnit, StorageConnection } from './model';

const lu = (o: Partial<LogicalUnit> = {}): LogicalUnit => ({ id: 'W1', size: 0, address: '10.35.1.72', port: 3260, target: 'iqn.2015-08.com.tgt:444', ...o });
const conn = (o: Partial<StorageConnection> = {}): StorageConnection => ({
  id: 'c1', type: 'iscsi', address: '10.35.1.72', port: 3260, target: 'iqn.2015-08.com.tgt:444', username: 'chapuser', ...o,
});

describe('a disk\'s connections (lun_storage first connection + /storageconnections)', () => {
  it('matches by address + port + target: all three must agree; host names without case, IPv6 with or without brackets', () => {
    expect(matchConnection(lu(), [conn({ id: 'x', port: 3261 }), conn({ id: 'y', target: 'iqn.other' }), conn({ id: 'z', address: '10.35.1.73' }), conn()])?.id).toBe('c1');
    expect(matchConnection(lu({ address: 'SAN1.example.com' }), [conn({ address: 'san1.example.com' })])?.id).toBe('c1');
    expect(matchConnection(lu({ address: 'fd00::72' }), [conn({ address: '[fd00::72]' })])?.id).toBe('c1');
    // The engine defaults a missing port to 3260 (StorageLogicalUnitMapper DEFAULT_ISCSI_PORT).
    expect(matchConnection(lu({ port: undefined }), [conn()])?.id).toBe('c1');
    expect(matchConnection(lu(), [conn({ type: 'nfs' })])).toBeUndefined();
    expect(matchConnection(lu({ target: undefined }), [conn()])).toBeUndefined();
  });

  it('the CHAP user comes from the matched stored connection; none there is "none", never a guess', () => {
    expect(diskConnections([lu()], [conn()])).toEqual([
      { address: '10.35.1.72', port: 3260, target: 'iqn.2015-08.com.tgt:444', connectionId: 'c1', chap: { kind: 'user', username: 'chapuser' } },
    ]);
    expect(diskConnections([lu()], [conn({ username: undefined })])[0]?.chap).toEqual({ kind: 'none' });
  });

  it('without /storageconnections (non-admin, error) or without a match the CHAP user is "not reported"', () => {
    expect(diskConnections([lu()], undefined)[0]?.chap).toEqual({ kind: 'not-reported' });
    expect(diskConnections([lu()], [])[0]?.chap).toEqual({ kind: 'not-reported' });
    expect(diskConnections([lu()], [conn({ target: 'iqn.other' })])[0]).toMatchObject({ connectionId: undefined, chap: { kind: 'not-reported' } });
  });

  it('a logical unit without address or target (FC, or a LUN the engine stored no connection for) is no connection', () => {
    expect(diskConnections([lu({ address: undefined, target: undefined })], [conn()])).toEqual([]);
  });
});
