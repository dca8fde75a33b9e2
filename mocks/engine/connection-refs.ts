// Reference counting of iSCSI target connections per host, after the seed's engine design
// (docs/design.md §5): a target stays connected on a host while anything on that host still needs it — a
// storage domain, or a LUN disk plugged into a VM running there — and is logged out when the last holder lets
// go. Pure functions over a list of sessions, used by the emulated engine only: a real engine keeps no such list
// (it connects lazily and never disconnects), and the console derives what holds a session from the real API
// instead (src/domain/host-sessions.ts).

export interface ConnectionRef {
  target: string;
  address: string;
  port: number;
  username?: string | undefined;
}

export type SessionOrigin = 'engine' | 'iscsilogin';

export interface HostSession extends ConnectionRef {
  hostId: string;
  /** What needs this connection on this host; see `holders` for the forms. */
  holders: string[];
  /** Who logged it in: the engine for a holder, or an administrator with iscsilogin (then no holder yet). */
  origin: SessionOrigin;
  /** 'failed' once the host lost its path to the portal: the session exists, its LUNs have no active path. */
  state: 'logged_in' | 'failed';
}

/** Every hold of one VM starts with this: one per disk of the VM (`holders.vmDisk`). */
const vmPrefix = (vmId: string) => `vm:${vmId}/`;
const OPERATION_PREFIX = 'op:';

export const holders = {
  storageDomain: (sdId: string) => `sd:${sdId}`,
  vmDisk: (vmId: string, diskId: string) => `${vmPrefix(vmId)}disk:${diskId}`,
  /** Held while an operation (a run, a migration, an add) has connected a host but not yet decided to keep it. */
  operation: (opId: string) => `${OPERATION_PREFIX}${opId}`,
  /** Matches every hold of one VM (any of its disks): what a VM that stops or fails to start lets go of. */
  ofVm: (vmId: string) => (holder: string): boolean => holder.startsWith(vmPrefix(vmId)),
  /** Matches every operation's temporary hold: what nothing keeps once the operations are gone. */
  anyOperation: (holder: string): boolean => holder.startsWith(OPERATION_PREFIX),
};

export type ParsedHolder =
  | { kind: 'storage-domain'; sdId: string }
  | { kind: 'vm-disk'; vmId: string; diskId: string }
  | { kind: 'operation'; opId: string }
  | { kind: 'unknown'; raw: string };

export function parseHolder(h: string): ParsedHolder {
  let m = /^sd:(.+)$/.exec(h);
  if (m?.[1]) return { kind: 'storage-domain', sdId: m[1] };
  m = /^vm:([^/]+)\/disk:(.+)$/.exec(h);
  if (m?.[1] && m[2]) return { kind: 'vm-disk', vmId: m[1], diskId: m[2] };
  m = /^op:(.+)$/.exec(h);
  if (m?.[1]) return { kind: 'operation', opId: m[1] };
  return { kind: 'unknown', raw: h };
}

export function sameConnection(a: ConnectionRef, b: ConnectionRef): boolean {
  return a.target === b.target && a.address === b.address && a.port === b.port;
}

export function findSession(sessions: readonly HostSession[], hostId: string, c: ConnectionRef): HostSession | undefined {
  return sessions.find((s) => s.hostId === hostId && sameConnection(s, c));
}

/** Adds `holder` to the host's session for `c`, logging in (creating the session) when there is none. */
export function acquire(
  sessions: readonly HostSession[],
  hostId: string,
  c: ConnectionRef,
  holder: string | undefined,
  origin: SessionOrigin = 'engine',
): HostSession[] {
  const existing = findSession(sessions, hostId, c);
  if (existing) {
    return sessions.map((s) =>
      s === existing
        ? { ...s, state: 'logged_in', holders: holder && !s.holders.includes(holder) ? [...s.holders, holder] : s.holders }
        : s,
    );
  }
  return [
    ...sessions,
    {
      hostId,
      target: c.target,
      address: c.address,
      port: c.port,
      ...(c.username ? { username: c.username } : {}),
      holders: holder ? [holder] : [],
      origin,
      state: 'logged_in',
    },
  ];
}

export interface ReleaseOutcome {
  session: HostSession;
  /** True when the last holder let go and the host logged out of the target. */
  loggedOut: boolean;
  /** What still holds the session when it stays. */
  remaining: string[];
}

/**
 * Drops every holder matching `which` from the host's sessions (all sessions, or only `only`). A session whose
 * last holder goes is logged out; one that never had a holder (an administrator's login) is left alone.
 */
export function release(
  sessions: readonly HostSession[],
  hostId: string,
  which: (holder: string) => boolean,
  only?: ConnectionRef,
): { sessions: HostSession[]; outcomes: ReleaseOutcome[] } {
  const outcomes: ReleaseOutcome[] = [];
  const next: HostSession[] = [];
  for (const s of sessions) {
    if (s.hostId !== hostId || (only && !sameConnection(s, only)) || !s.holders.some(which)) {
      next.push(s);
      continue;
    }
    const remaining = s.holders.filter((h) => !which(h));
    const loggedOut = remaining.length === 0;
    outcomes.push({ session: s, loggedOut, remaining });
    if (!loggedOut) next.push({ ...s, holders: remaining });
  }
  return { sessions: next, outcomes };
}

/** Everything a host loses when it crashes or is fenced: all its sessions, holders or not. */
export function dropHost(sessions: readonly HostSession[], hostId: string): HostSession[] {
  return sessions.filter((s) => s.hostId !== hostId);
}
