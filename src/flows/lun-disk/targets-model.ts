// The Targets step's model, without React: which targets to list and in what state, how discovery answers merge
// into the list, and where an engine error belongs — on a form field or a target's row (webadmin-direct-lun.md
// §2.3 shows one catch-all text for all of them; we do not).
import { isEngineError } from '../../engine-api/errors';
import { tpgtOf } from '../../engine-api/host-storage';
import type { DiscoveredTarget, HostLun } from '../../domain/model';
import type { DiscoveredTargetEntry, TargetLoginResult } from './form';
import { t } from '../../i18n/i18n';

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
    if (r && !r.ok) return { kind: 'failed', message: r.message ?? t('lunDisk.targetsModel.loginFailed') };
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
  if (rows.filter((r) => r.discovered).length === 0) return t('lunDisk.targetsModel.discoverFirst');
  if (targetsToLogIn(rows).length === 0) return t('lunDisk.targetsModel.allLoggedIn', { host: hostName });
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
  if (found.length === 0) {
    return initiator
      ? t('lunDisk.targetsModel.noTargetInitiator', { portal, host: hostName, initiator })
      : t('lunDisk.targetsModel.noTarget', { portal, host: hostName });
  }
  return added < iqns.size
    ? t('lunDisk.targetsModel.foundSomeNew', { count: iqns.size, portal, added })
    : t('lunDisk.targetsModel.found', { count: iqns.size, portal });
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
    const values = { host: hostName, portal, engine: e.userMessage, initiator };
    const message = chapGiven
      ? initiator
        ? t('lunDisk.targetsModel.discoveryFailedChapInitiator', values)
        : t('lunDisk.targetsModel.discoveryFailedChap', values)
      : initiator
        ? t('lunDisk.targetsModel.discoveryFailedNoChapInitiator', values)
        : t('lunDisk.targetsModel.discoveryFailedNoChap', values);
    return { field: 'address', message };
  }
  return undefined;
}

/** Why a login to a target failed, for its row: the engine's words, then what to check. */
export function loginFailureText(e: unknown, hostName: string, initiator: string | undefined, chapGiven: boolean): string {
  if (!isEngineError(e)) return String(e);
  const engine = e.userMessage;
  if (e.key === 'ISCSI_LOGIN_AUTH_ERROR') {
    return chapGiven ? t('lunDisk.targetsModel.loginChapRejected', { engine }) : t('lunDisk.targetsModel.loginChapRequired', { engine });
  }
  if (e.key === 'ISCSI_LOGIN_ERROR') {
    return initiator
      ? t('lunDisk.targetsModel.loginErrorInitiator', { engine, host: hostName, initiator })
      : t('lunDisk.targetsModel.loginError', { engine, host: hostName });
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
    ? { field: 'chapPassword', message: t('lunDisk.targetsModel.chapRejectedField', { target: shortIqn(iqn) }) }
    : { field: 'chapUsername', message: t('lunDisk.targetsModel.chapRequiredField', { target: shortIqn(iqn) }) };
}

/** The announcement after "Log in to all". */
export function loginAllSummary(okCount: number, total: number): string {
  return okCount < total ? t('lunDisk.targetsModel.loginAllSomeFailed', { ok: okCount, count: total }) : t('lunDisk.targetsModel.loginAllDone', { ok: okCount, count: total });
}
