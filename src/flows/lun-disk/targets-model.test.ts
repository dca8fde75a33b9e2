import { describe, expect, it } from 'vitest';
import { EngineError } from '../../engine-api/errors';
import type { DiscoveredTarget, HostLun } from '../../domain/model';
import type { TargetLoginResult } from './form';
import {
  buildTargetRows,
  chapPair,
  discoveryErrorPlacement,
  discoveryOutcomeText,
  loginAllReason,
  loginAllSummary,
  loginErrorPlacement,
  loginFailureText,
  mergeDiscovered,
  shortIqn,
  targetsSeenByHost,
  targetsToLogIn,
  type SeenTargets,
  type TargetRowModel,
} from './targets-model';

const APPS = 'iqn.2003-01.org.linux-iscsi.array-a:apps';
const DATA = 'iqn.2003-01.org.linux-iscsi.array-a:data';
const DB = 'iqn.2003-01.org.linux-iscsi.array-b:db';

function lun(id: string, o: Partial<HostLun['lu']> = {}, type: HostLun['type'] = 'iscsi'): HostLun {
  return { id, type, hostId: 'h1', lu: { id, size: 2 ** 30, paths: 1, activePaths: 1, vendorId: 'LIO-ORG', productId: 'lun0', serial: `S-${id}`, target: APPS, address: '10.35.1.72', port: 3260, ...o } };
}

function found(target: string, address = '10.35.1.72', port = 3260, tpgt = 1): DiscoveredTarget {
  return { target, address, port, portal: `${address}:${port},${tpgt}` };
}

/** An engine fault the way the transport builds it from a failed action (reference/engine-rest-api.md §2.3). */
function fault(detail: string, status = 400): EngineError {
  return new EngineError({ kind: 'fault', status, reason: 'Operation Failed', detail: `[${detail}]` });
}

const authFailure = () => fault('Failed to setup iSCSI subsystem due to authorization failure.');
const discoveryFailure = () => fault('Failed discovery of iSCSI targets');
const loginFailure = () => fault('Failed to login to iSCSI node due to network problem.');
const network = () => new EngineError({ kind: 'network', status: 0, reason: 'Failed to fetch' });

describe('targetsSeenByHost', () => {
  it('counts the LUNs of each iSCSI target the host lists, with the portal of its first LUN', () => {
    const seen = targetsSeenByHost([
      lun('a1'),
      lun('a2', { address: '10.35.1.73', port: 3261 }),
      lun('d1', { target: DATA, address: 'storage.example.com', port: undefined }),
      lun('x1', { target: DB, address: undefined }),
    ]);
    expect([...seen]).toEqual([
      [APPS, { luns: 2, portal: { address: '10.35.1.72', port: 3260 } }],
      [DATA, { luns: 1, portal: { address: 'storage.example.com', port: 3260 } }],
      [DB, { luns: 1, portal: undefined }],
    ]);
  });

  it('skips FCP LUNs and LUNs without a target; nothing listed yet is no target', () => {
    expect(targetsSeenByHost([lun('f1', {}, 'fcp'), lun('n1', { target: undefined })]).size).toBe(0);
    expect(targetsSeenByHost(undefined).size).toBe(0);
  });
});

describe('mergeDiscovered', () => {
  it('makes one entry per target with every portal it was found behind, and counts the new targets', () => {
    const r = mergeDiscovered([], [found(APPS), found(APPS, '10.35.1.73', 3260, 2), found(DATA)]);
    expect(r.list).toEqual([
      { iqn: APPS, portals: [{ address: '10.35.1.72', port: 3260, tpgt: 1 }, { address: '10.35.1.73', port: 3260, tpgt: 2 }] },
      { iqn: DATA, portals: [{ address: '10.35.1.72', port: 3260, tpgt: 1 }] },
    ]);
    expect(r.added).toBe(2);
  });

  it('keeps the portal group tag discovery reported, for the login; an old engine\'s IQN-only answer has none', () => {
    const r = mergeDiscovered([], [{ target: APPS, address: '10.35.1.72', port: 3260, portal: undefined }]);
    expect(r.list).toEqual([{ iqn: APPS, portals: [{ address: '10.35.1.72', port: 3260 }] }]);
  });

  it('adds to what was found before without repeating a portal, and leaves the old list as it was', () => {
    const before = [{ iqn: APPS, portals: [{ address: '10.35.1.72', port: 3260 }] }];
    const r = mergeDiscovered(before, [found(APPS), found(APPS, '10.35.1.72', 3261), found(DB, '10.35.2.90')]);
    expect(r.list).toEqual([
      { iqn: APPS, portals: [{ address: '10.35.1.72', port: 3260 }, { address: '10.35.1.72', port: 3261, tpgt: 1 }] },
      { iqn: DB, portals: [{ address: '10.35.2.90', port: 3260, tpgt: 1 }] },
    ]);
    expect(r.added).toBe(1);
    expect(before).toEqual([{ iqn: APPS, portals: [{ address: '10.35.1.72', port: 3260 }] }]);
  });
});

describe('buildTargetRows', () => {
  const portal = { address: '10.35.1.72', port: 3260 };
  const discovered = [APPS, DATA, DB].map((iqn) => ({ iqn, portals: [portal] }));
  const none: SeenTargets = new Map();

  it('a discovered target is not logged in until a login on this host succeeds or fails', () => {
    const logins: TargetLoginResult[] = [
      { hostId: 'h1', iqn: APPS, ok: true },
      { hostId: 'h1', iqn: DATA, ok: false, message: 'Wrong CHAP.' },
      { hostId: 'h2', iqn: DB, ok: true }, // another host's login says nothing about this one
    ];
    const rows = buildTargetRows({ discovered, logins, hostId: 'h1', busy: new Set(), seen: none });
    expect(rows).toEqual([
      { iqn: APPS, portals: [portal], state: { kind: 'logged-in', luns: undefined }, discovered: true },
      { iqn: DATA, portals: [portal], state: { kind: 'failed', message: 'Wrong CHAP.' }, discovered: true },
      { iqn: DB, portals: [portal], state: { kind: 'not-logged-in' }, discovered: true },
    ]);
  });

  it('a failed login without a message still says it failed', () => {
    const rows = buildTargetRows({ discovered, logins: [{ hostId: 'h1', iqn: APPS, ok: false }], hostId: 'h1', busy: new Set(), seen: none });
    expect(rows[0]?.state).toEqual({ kind: 'failed', message: 'The login failed.' });
  });

  it('busy wins over every other state; the host listing LUNs of a target means logged in, even after a failed login', () => {
    const seen: SeenTargets = new Map([[DATA, { luns: 3, portal }]]);
    const logins: TargetLoginResult[] = [{ hostId: 'h1', iqn: DATA, ok: false, message: 'x' }];
    const rows = buildTargetRows({ discovered, logins, hostId: 'h1', busy: new Set([APPS, DATA]), seen });
    expect(rows.map((r) => r.state)).toEqual([{ kind: 'busy' }, { kind: 'busy' }, { kind: 'not-logged-in' }]);
    const idle = buildTargetRows({ discovered, logins, hostId: 'h1', busy: new Set(), seen });
    expect(idle[1]?.state).toEqual({ kind: 'logged-in', luns: 3 });
  });

  it("lists the host's targets nobody discovered after the discovered ones, with their portal if known", () => {
    const seen: SeenTargets = new Map([
      [APPS, { luns: 1, portal }],
      ['iqn.x:other', { luns: 2, portal: undefined }],
      ['iqn.x:third', { luns: 1, portal: { address: '10.0.0.1', port: 3261 } }],
    ]);
    const rows = buildTargetRows({ discovered: discovered.slice(0, 1), logins: [], hostId: 'h1', busy: new Set(), seen });
    expect(rows).toEqual([
      { iqn: APPS, portals: [portal], state: { kind: 'logged-in', luns: 1 }, discovered: true },
      { iqn: 'iqn.x:other', portals: [], state: { kind: 'logged-in', luns: 2 }, discovered: false },
      { iqn: 'iqn.x:third', portals: [{ address: '10.0.0.1', port: 3261 }], state: { kind: 'logged-in', luns: 1 }, discovered: false },
    ]);
  });

  it('nothing discovered and nothing on the host is no row', () => {
    expect(buildTargetRows({ discovered: [], logins: [], hostId: 'h1', busy: new Set(), seen: none })).toEqual([]);
  });
});

describe('Log in to all', () => {
  const row = (iqn: string, state: TargetRowModel['state'], discovered = true): TargetRowModel => ({ iqn, portals: [], state, discovered });

  it('takes the discovered targets not logged in yet and those whose login failed', () => {
    const rows = [
      row(APPS, { kind: 'not-logged-in' }),
      row(DATA, { kind: 'failed', message: 'x' }),
      row(DB, { kind: 'logged-in', luns: 1 }),
      row('iqn.x:busy', { kind: 'busy' }),
      row('iqn.x:host-only', { kind: 'not-logged-in' }, false),
    ];
    expect(targetsToLogIn(rows).map((r) => r.iqn)).toEqual([APPS, DATA]);
    expect(loginAllReason(rows, 'host1')).toBeUndefined();
  });

  it('says why it does not apply: nothing discovered, or every discovered target logged in', () => {
    expect(loginAllReason([], 'host1')).toBe('Discover a portal first.');
    expect(loginAllReason([row(APPS, { kind: 'logged-in', luns: 1 }, false)], 'host1')).toBe('Discover a portal first.');
    expect(loginAllReason([row(APPS, { kind: 'logged-in', luns: 1 }), row(DATA, { kind: 'busy' })], 'host1')).toBe('host1 is logged in to every discovered target.');
  });

  it('sums up how many logins succeeded, pointing to the failed rows if any', () => {
    expect(loginAllSummary(2, 2)).toBe('Logged in to 2 of 2 targets.');
    expect(loginAllSummary(0, 1)).toBe('Logged in to 0 of 1 target; see the failed rows for why.');
    expect(loginAllSummary(1, 3)).toBe('Logged in to 1 of 3 targets; see the failed rows for why.');
  });
});

describe('chapPair', () => {
  it('sends both or neither, the username trimmed and the password as typed', () => {
    expect(chapPair({ chapUsername: ' admin ', chapPassword: ' s3cret ' })).toEqual({ username: 'admin', password: ' s3cret ' });
    expect(chapPair({ chapUsername: 'admin', chapPassword: '' })).toEqual({});
    expect(chapPair({ chapUsername: '   ', chapPassword: 's3cret' })).toEqual({});
    expect(chapPair({ chapUsername: '', chapPassword: '' })).toEqual({});
  });
});

describe('shortIqn', () => {
  it('is the part after the last colon, or the whole name when there is none', () => {
    expect(shortIqn(APPS)).toBe('apps');
    expect(shortIqn('iqn.x:a:b')).toBe('b');
    expect(shortIqn('no-colon')).toBe('no-colon');
    expect(shortIqn('ends-with:')).toBe('ends-with:');
  });
});

describe('discoveryOutcomeText', () => {
  const ctx = { portal: '10.35.1.72:3260', hostName: 'host1', initiator: 'iqn.1994-05.com.redhat:host1' };

  it('counts distinct targets and says how many are new when some were found before', () => {
    expect(discoveryOutcomeText([found(APPS), found(APPS, '10.35.1.73'), found(DATA)], 2, ctx)).toBe('Found 2 targets at 10.35.1.72:3260.');
    expect(discoveryOutcomeText([found(APPS)], 1, ctx)).toBe('Found 1 target at 10.35.1.72:3260.');
    expect(discoveryOutcomeText([found(APPS), found(DATA)], 1, ctx)).toBe('Found 2 targets at 10.35.1.72:3260 (1 new).');
    expect(discoveryOutcomeText([found(APPS)], 0, ctx)).toBe('Found 1 target at 10.35.1.72:3260 (0 new).');
  });

  it('an empty answer points to the initiator mapping, naming the initiator when known', () => {
    expect(discoveryOutcomeText([], 0, ctx)).toBe(
      "10.35.1.72:3260 answered but offers no target to host1. Check that the array maps its targets to host1's initiator iqn.1994-05.com.redhat:host1.",
    );
    expect(discoveryOutcomeText([], 0, { ...ctx, initiator: undefined })).toBe(
      "10.35.1.72:3260 answered but offers no target to host1. Check that the array maps its targets to host1's initiator.",
    );
  });
});

describe('discoveryErrorPlacement', () => {
  const ctx = { portal: '10.35.1.72:3260', hostName: 'host1', chapGiven: false };

  it('a failed discovery goes on the address with the likely causes: reach, address, service, CHAP, the array\'s ACL', () => {
    const causes =
      'host1 could not discover targets at 10.35.1.72:3260. The engine says: “Failed discovery of iSCSI targets”. Possible causes: host1 cannot reach this address (network, firewall or routing); the address or port is wrong; no iSCSI service listens there';
    const acl = "the array's access list does not let host1's initiator iqn.1994-05.com.redhat:host1 in.";
    const withInitiator = { ...ctx, initiator: 'iqn.1994-05.com.redhat:host1' };
    expect(discoveryErrorPlacement(discoveryFailure(), withInitiator)).toEqual({
      field: 'address',
      message: `${causes}; the portal requires CHAP for discovery (enter the CHAP username and password); ${acl}`,
    });
    expect(discoveryErrorPlacement(discoveryFailure(), { ...withInitiator, chapGiven: true })).toEqual({
      field: 'address',
      message: `${causes}; the CHAP username or password for discovery is wrong; ${acl}`,
    });
    expect(discoveryErrorPlacement(discoveryFailure(), ctx)?.message).toMatch(/the array's access list does not let host1's initiator in\.$/);
  });

  it('an authorization failure is not a discovery failure: a real engine never sends one for discovery (vdsm iSCSIDiscoveryError)', () => {
    expect(discoveryErrorPlacement(authFailure(), { ...ctx, chapGiven: true })).toBeUndefined();
  });

  it('a 400 fault that speaks of discovery in other words goes on the address too', () => {
    const e = fault('iSCSI Discovery timed out');
    expect(e.key).toBeUndefined();
    expect(discoveryErrorPlacement(e, ctx)).toEqual({ field: 'address', message: expect.stringContaining('host1 could not discover targets at 10.35.1.72:3260. The engine says: “iSCSI Discovery timed out”.') });
  });

  it('anything else belongs to no field: other faults, a 5xx about discovery, a lost connection, a non-engine error', () => {
    expect(discoveryErrorPlacement(fault('Host host1 is not UP.', 409), ctx)).toBeUndefined();
    expect(discoveryErrorPlacement(fault('iSCSI Discovery timed out', 500), ctx)).toBeUndefined();
    expect(discoveryErrorPlacement(network(), ctx)).toBeUndefined();
    expect(discoveryErrorPlacement(new Error('Failed discovery of iSCSI targets'), ctx)).toBeUndefined();
  });
});

describe('loginFailureText', () => {
  it('an authentication failure: check the credentials given, or enter them', () => {
    const said = 'The engine says: “Failed to setup iSCSI subsystem due to authorization failure.”.';
    expect(loginFailureText(authFailure(), 'host1', undefined, true)).toBe(
      `${said} The target rejected the CHAP credentials: check the CHAP username and password, then log in again.`,
    );
    expect(loginFailureText(authFailure(), 'host1', undefined, false)).toBe(`${said} The target requires CHAP: enter its CHAP username and password above, then log in again.`);
  });

  it('a login failure: the portal and the initiator to check, naming the initiator when known', () => {
    const said = 'The engine says: “Failed to login to iSCSI node due to network problem.”.';
    expect(loginFailureText(loginFailure(), 'host1', 'iqn.1994-05.com.redhat:host1', false)).toBe(
      `${said} host1 could not log in to this target: check that host1 reaches the portal and that the array lets its initiator iqn.1994-05.com.redhat:host1 in.`,
    );
    expect(loginFailureText(loginFailure(), 'host1', undefined, false)).toBe(
      `${said} host1 could not log in to this target: check that host1 reaches the portal and that the array lets its initiator in.`,
    );
  });

  it("any other engine error is the engine's words; anything else its text", () => {
    expect(loginFailureText(fault('Host host1 is not UP.', 409), 'host1', undefined, false)).toBe('Host host1 is not UP.');
    expect(loginFailureText(network(), 'host1', undefined, false)).toBe('The engine could not be reached (Failed to fetch). Check your connection and try again.');
    expect(loginFailureText(new Error('boom'), 'host1', undefined, false)).toBe('Error: boom');
  });
});

describe('loginErrorPlacement', () => {
  it('an authentication failure marks the CHAP password when CHAP was given, else the username, naming the target', () => {
    expect(loginErrorPlacement(authFailure(), APPS, true)).toEqual({
      field: 'chapPassword',
      message: 'apps rejected these CHAP credentials: check the username and password, then log in again.',
    });
    expect(loginErrorPlacement(authFailure(), APPS, false)).toEqual({ field: 'chapUsername', message: 'apps requires CHAP: enter its username and password, then log in again.' });
  });

  it('every other failure stays on its row', () => {
    expect(loginErrorPlacement(loginFailure(), APPS, true)).toBeUndefined();
    expect(loginErrorPlacement(network(), APPS, false)).toBeUndefined();
    expect(loginErrorPlacement(new Error('x'), APPS, false)).toBeUndefined();
  });
});
