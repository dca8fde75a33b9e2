// The Targets step's model, without React: which targets to list and in what state, how discovery answers merge
// into the list, and where an engine error belongs — on a form field or a target's row (webadmin-direct-lun.md
// §2.3 shows one catch-all text for all of them; we do not).
import { isEngineError } from '../../engine-api/errors';
import { tpgtOf } from '../../engine-api/host-storage';
import type { DiscoveredTarget, HostLun } from '../../domain/model';
import type { DiscoveredTargetEntry, TargetLoginResult } from './form';

export type TargetState =
  | { kind: 'busy' }
  | { kind: 'logged-in'; luns: number | undefined }
  | { kind: 'failed'; message: string }
  | { kind: 'not-logged-in' };

export interface TargetRowModel {
  iqn: string;
  portals: Array<{ address: string; port: number; tpgt?: number | undefined }>;
  state: TargetState;
  discovered: boolean;
}

export type SeenTargets = Map<string, { luns: number; portal: { address: string; port: number } | undefined }>;

/** iSCSI targets the host lists LUNs of: it is logged in to them (GET /hosts/{id}/storage has one entry per LUN). */
export function targetsSeenByHost(luns: readonly HostLun[] | undefined): SeenTargets {
  const m: SeenTargets = new Map();
  for (const l of luns ?? []) {
    if (l.type !== 'iscsi' || !l.lu.target) continue;
    const cur = m.get(l.lu.target);
    if (cur) cur.luns++;
    else m.set(l.lu.target, { luns: 1, portal: l.lu.address ? { address: l.lu.address, port: l.lu.port ?? 3260 } : undefined });
  }
  return m;
}

/** Discovery answers one entry per portal × target: merge them into the list, one row per target. */
export function mergeDiscovered(list: readonly DiscoveredTargetEntry[], found: readonly DiscoveredTarget[]): { list: DiscoveredTargetEntry[]; added: number } {
  const out = list.map((t) => ({ iqn: t.iqn, portals: [...t.portals] }));
  let added = 0;
  for (const f of found) {
    let t = out.find((x) => x.iqn === f.target);
    if (!t) {
      t = { iqn: f.target, portals: [] };
      out.push(t);
      added++;
    }
    const tpgt = tpgtOf(f.portal);
    if (!t.portals.some((p) => p.address === f.address && p.port === f.port)) {
      t.portals.push({ address: f.address, port: f.port, ...(tpgt !== undefined ? { tpgt } : {}) });
    }
  }
  return { list: out, added };
}

/**
 * One row per discovered target, then one per target the host is already logged in to without discovery. A
 * login's result counts only for the host it was made from: another host's logins say nothing about this one.
 */
export function buildTargetRows(input: {
  discovered: readonly DiscoveredTargetEntry[];
  logins: readonly TargetLoginResult[];
  hostId: string;
  busy: ReadonlySet<string>;
  seen: SeenTargets;
}): TargetRowModel[] {
  const { discovered, logins, hostId, busy, seen } = input;
  const mine = new Map(logins.filter((l) => l.hostId === hostId).map((l) => [l.iqn, l]));
  const stateOf = (iqn: string): TargetState => {
    if (busy.has(iqn)) return { kind: 'busy' };
    const s = seen.get(iqn);
    const r = mine.get(iqn);
    if (s || r?.ok) return { kind: 'logged-in', luns: s?.luns };
    if (r && !r.ok) return { kind: 'failed', message: r.message ?? 'The login failed.' };
    return { kind: 'not-logged-in' };
  };
  const out: TargetRowModel[] = discovered.map((t) => ({ iqn: t.iqn, portals: t.portals, state: stateOf(t.iqn), discovered: true }));
  // Targets the host is already logged in to (storage domains, running VMs, earlier logins) need no discovery.
  for (const [iqn, s] of seen) {
    if (!discovered.some((t) => t.iqn === iqn)) out.push({ iqn, portals: s.portal ? [s.portal] : [], state: stateOf(iqn), discovered: false });
  }
  return out;
}

/** The discovered targets "Log in to all" would log in to: those not logged in yet, or whose login failed. */
export function targetsToLogIn(rows: readonly TargetRowModel[]): TargetRowModel[] {
  return rows.filter((r) => r.discovered && (r.state.kind === 'not-logged-in' || r.state.kind === 'failed'));
}

/** Why "Log in to all" does not apply, in words next to it; undefined when it does. */
export function loginAllReason(rows: readonly TargetRowModel[], hostName: string): string | undefined {
  if (rows.filter((r) => r.discovered).length === 0) return 'Discover a portal first.';
  if (targetsToLogIn(rows).length === 0) return `${hostName} is logged in to every discovered target.`;
  return undefined;
}

/** The CHAP credentials to send: both or neither (the username trimmed, the password as typed). */
export function chapPair(v: { chapUsername: string; chapPassword: string }): { username?: string; password?: string } {
  return v.chapUsername.trim() && v.chapPassword ? { username: v.chapUsername.trim(), password: v.chapPassword } : {};
}

/** The short name of a target for messages: the part after the colon ("array-a.apps"). */
export function shortIqn(iqn: string): string {
  const i = iqn.lastIndexOf(':');
  return i >= 0 && i < iqn.length - 1 ? iqn.slice(i + 1) : iqn;
}

/** What a discovery found, for the status line next to the Discover button. */
export function discoveryOutcomeText(
  found: readonly DiscoveredTarget[],
  added: number,
  ctx: { portal: string; hostName: string; initiator: string | undefined },
): string {
  const { portal, hostName, initiator } = ctx;
  const iqns = new Set(found.map((f) => f.target));
  return found.length === 0
    ? `${portal} answered but offers no target to ${hostName}. Check that the array maps its targets to ${hostName}'s initiator${initiator ? ` ${initiator}` : ''}.`
    : `Found ${iqns.size} ${iqns.size === 1 ? 'target' : 'targets'} at ${portal}${added < iqns.size ? ` (${added} new)` : ''}.`;
}

export type DiscoveryField = 'address';

/**
 * Where a discovery failure goes and what it says: on the address, with the causes to check. A real engine gives
 * one answer for every failure of SendTargets — a wrong or missing CHAP pair included: vdsm's discoverSendTargets
 * (lib/vdsm/storage/hsm.py) raises iSCSIDiscoveryError for any iscsiadm error and the engine's
 * DiscoverSendTargetsQuery passes it on as "Failed discovery of iSCSI targets" — so the console cannot tell CHAP
 * from a network problem and names them all (an authorization failure is only ever told at login). Undefined when
 * the error is not a discovery failure (then the step shows it whole).
 */
export function discoveryErrorPlacement(
  e: unknown,
  ctx: { portal: string; hostName: string; chapGiven: boolean; initiator?: string | undefined },
): { field: DiscoveryField; message: string } | undefined {
  if (!isEngineError(e)) return undefined;
  const { portal, hostName, chapGiven, initiator } = ctx;
  if (e.key === 'ISCSI_DISCOVERY_ERROR' || (e.kind === 'fault' && e.status === 400 && /discovery/i.test(e.userMessage))) {
    const chap = chapGiven
      ? 'the CHAP username or password for discovery is wrong'
      : 'the portal requires CHAP for discovery (enter the CHAP username and password)';
    return {
      field: 'address',
      message: `${hostName} could not discover targets at ${portal}. The engine says: “${e.userMessage}”. Possible causes: ${hostName} cannot reach this address (network, firewall or routing); the address or port is wrong; no iSCSI service listens there; ${chap}; the array's access list does not let ${hostName}'s initiator${initiator ? ` ${initiator}` : ''} in.`,
    };
  }
  return undefined;
}

/** Why a login to a target failed, for its row: the engine's words, then what to check. */
export function loginFailureText(e: unknown, hostName: string, initiator: string | undefined, chapGiven: boolean): string {
  if (!isEngineError(e)) return String(e);
  const said = `The engine says: “${e.userMessage}”.`;
  if (e.key === 'ISCSI_LOGIN_AUTH_ERROR') {
    return chapGiven
      ? `${said} The target rejected the CHAP credentials: check the CHAP username and password, then log in again.`
      : `${said} The target requires CHAP: enter its CHAP username and password above, then log in again.`;
  }
  if (e.key === 'ISCSI_LOGIN_ERROR') {
    return `${said} ${hostName} could not log in to this target: check that ${hostName} reaches the portal and that the array lets its initiator${
      initiator ? ` ${initiator}` : ''
    } in.`;
  }
  return e.userMessage;
}

/**
 * A login the target refused for CHAP also marks the CHAP field to fix (the row says why as well); undefined
 * for every other failure, which belongs to the row alone.
 */
export function loginErrorPlacement(e: unknown, iqn: string, chapGiven: boolean): { field: 'chapUsername' | 'chapPassword'; message: string } | undefined {
  if (!isEngineError(e) || e.key !== 'ISCSI_LOGIN_AUTH_ERROR') return undefined;
  return chapGiven
    ? { field: 'chapPassword', message: `${shortIqn(iqn)} rejected these CHAP credentials: check the username and password, then log in again.` }
    : { field: 'chapUsername', message: `${shortIqn(iqn)} requires CHAP: enter its username and password, then log in again.` };
}

/** The announcement after "Log in to all". */
export function loginAllSummary(okCount: number, total: number): string {
  return `Logged in to ${okCount} of ${total} ${total === 1 ? 'target' : 'targets'}${okCount < total ? '; see the failed rows for why' : ''}.`;
}
