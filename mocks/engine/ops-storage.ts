// What hosts see and how they connect: iSCSI discovery and login, the device list, and the reference-counted
// connect / release of a direct LUN's target connections on a host (docs/design.md §5).
import {
  acquire, findSession, parseHolder, release, type ConnectionRef, type HostSession, type ReleaseOutcome,
} from './connection-refs';
import type { Engine } from './engine';
import { EngineFault, VDSM, backendFailure, incompleteParameters, queryFailure } from './messages';
import type { ReleasePoint } from './resume-points';
import type { EmConnection, EmHost, EmLun, EmLunDisk, EmPortal } from './state';

export interface PortalRequest {
  address?: string | undefined;
  port?: number | undefined;
  username?: string | undefined;
  password?: string | undefined;
}

export interface LoginRequest extends PortalRequest {
  target?: string | undefined;
  /**
   * `iscsi.portal` as sent: the target portal group tag. The engine copies it into the connection
   * (R/BackendHostResource.java iscsiLogin `cnx.setPortal(iscsiDetails.getPortal())`) and sends it to VDSM as `tpgt`
   * (StorageConnectionHelper `con.putIfNotEmpty("tpgt", connection.getPortal())`); VDSM reads it with
   * `int(conDict.get('tpgt', iscsi.DEFAULT_TPGT))` (lib/vdsm/storage/storageServer.py).
   */
  tpgt?: string | undefined;
}

function normaliseAddress(a: string): string {
  return a.trim().replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

export function resolvePortal(e: Engine, address: string, port: number): EmPortal | undefined {
  const a = normaliseAddress(address);
  return e.state.portals.find(
    (p) => p.port === port && (normaliseAddress(p.address) === a || p.aliases.some((x) => normaliseAddress(x) === a)),
  );
}

export function portalLabel(p: { address: string; port: number }): string {
  return p.address.includes(':') ? `[${p.address}]:${p.port}` : `${p.address}:${p.port}`;
}

function requireUp(e: Engine, host: EmHost) {
  if (host.status !== 'up') throw backendFailure(409, `Cannot perform the operation. Host ${host.name} is not Up.`);
  void e;
}

export interface DiscoveredEntry {
  address: string;
  port: number;
  target: string;
  portal: string;
}

/** POST /hosts/{id}/discoveriscsi (and iscsidiscover): SendTargets from this host to one portal. */
export async function discoverTargets(e: Engine, hostId: string, req: PortalRequest): Promise<DiscoveredEntry[]> {
  const host = e.host(hostId);
  if (!req.address) throw incompleteParameters('Action', ['iscsi.address'], 'discoverIscsi');
  requireUp(e, host);
  await e.delay('discover');
  const port = req.port ?? 3260;
  const portal = resolvePortal(e, req.address, port);
  // Every way SendTargets can fail — no route, nothing listening, a wrong or missing CHAP pair (iscsiadm exit 24) —
  // is one error to the engine: vdsm hsm.py discoverSendTargets turns any IscsiError into
  // se.iSCSIDiscoveryError (code 475, "Failed discovery of iSCSI targets"); the engine's DiscoverSendTargetsQuery
  // passes it on as the query's failure, and REST answers 400 {reason: "Operation Failed", detail: "Failed discovery
  // of iSCSI targets"} (VdsmErrors.properties iSCSIDiscoveryError). The cause shows only in the emulator's event log.
  const discoveryFailed = (cause: string): EngineFault => {
    e.event(996, 'error', `Failed discovery of iSCSI targets on ${portalLabel({ address: req.address ?? '', port })} from host ${host.name}: ${cause}.`, { hostId });
    return queryFailure(400, VDSM.discoveryError);
  };
  // An unknown address or a portal outside this host's network: the SendTargets request times out.
  if (!portal || !host.reach.portalIds.includes(portal.id)) throw discoveryFailed('no route to the portal');
  const targets = e.state.targets.filter((t) => t.portalIds.includes(portal.id));
  // CHAP given for discovery must be right for the CHAP-protected targets behind this portal; a wrong pair
  // is rejected by the portal before it lists anything.
  if (req.username || req.password) {
    const chapTargets = targets.filter((t) => t.chap);
    const matches = chapTargets.some((t) => t.chap?.username === req.username && t.chap?.password === req.password);
    if (chapTargets.length > 0 && !matches) throw discoveryFailed('the portal refused the CHAP credentials (iscsiadm exit 24)');
  }
  const out: DiscoveredEntry[] = [];
  for (const t of targets) {
    for (const pid of t.portalIds) {
      const p = e.state.portals.find((x) => x.id === pid);
      if (p) out.push({ address: p.address, port: p.port, target: t.iqn, portal: `${portalLabel(p)},${p.tpgt}` });
    }
  }
  return out;
}

export type LoginCheck =
  | { ok: true; conn: ConnectionRef; portal: EmPortal }
  | { ok: false; reason: string; vdsm: string };

/** Whether `host` can log in to `target` at `address:port` with these credentials, and why not. */
export function checkLogin(
  e: Engine,
  host: EmHost,
  c: { address: string; port: number; target: string; username?: string | undefined; password?: string | undefined },
): LoginCheck {
  if (host.status !== 'up') return { ok: false, reason: `${host.name} is not Up`, vdsm: VDSM.networkError };
  const portal = resolvePortal(e, c.address, c.port);
  const label = portalLabel({ address: c.address, port: c.port });
  if (!portal || !host.reach.portalIds.includes(portal.id)) {
    return { ok: false, reason: `${host.name} cannot reach portal ${label}`, vdsm: VDSM.loginError };
  }
  const target = e.target(c.target);
  if (!target || !target.portalIds.includes(portal.id)) {
    return { ok: false, reason: `portal ${label} has no target ${c.target}`, vdsm: VDSM.loginError };
  }
  if (target.chap && (target.chap.username !== c.username || target.chap.password !== c.password)) {
    return { ok: false, reason: `${c.target} rejected the CHAP credentials of ${host.name}`, vdsm: VDSM.loginAuthError };
  }
  if (target.failLoginHostIds?.includes(host.id)) {
    return { ok: false, reason: `${c.target} refused the login from ${host.name}`, vdsm: VDSM.loginError };
  }
  return {
    ok: true,
    portal,
    conn: { target: c.target, address: portal.address, port: portal.port, ...(c.username ? { username: c.username } : {}) },
  };
}

/** POST /hosts/{id}/iscsilogin: an administrator logs this host in to one target (no holder, nothing manages it). */
export async function loginTarget(e: Engine, hostId: string, req: LoginRequest): Promise<void> {
  const host = e.host(hostId);
  const missing = [!req.address && 'iscsi.address', !req.target && 'iscsi.target'].filter((x): x is string => !!x);
  if (missing.length > 0 || !req.address || !req.target) throw incompleteParameters('Action', missing, 'iscsiLogin');
  requireUp(e, host);
  await e.delay('login');
  // A tag that is not an integer ("10.35.1.72:3260,1" passed through whole) fails VDSM's int() before any login: a
  // ValueError outside the per-connection try, which VDSM's dispatcher reports as code 100, "General Exception".
  if (req.tpgt !== undefined && req.tpgt !== '' && !/^\s*[+-]?\d+\s*$/.test(req.tpgt)) {
    e.event(996, 'error', `Failed to log in host ${host.name} to ${req.target}: VDSM cannot read the portal group tag ${JSON.stringify(req.tpgt)}.`, { hostId });
    throw backendFailure(400, VDSM.generalException).asAction();
  }
  const check = checkLogin(e, host, { ...req, address: req.address, port: req.port ?? 3260, target: req.target });
  if (!check.ok) {
    e.event(996, 'error', `Failed to log in host ${host.name} to ${req.target}: ${check.reason}.`, { hostId });
    throw backendFailure(400, check.vdsm).asAction();
  }
  e.state.sessions = acquire(e.state.sessions, host.id, check.conn, undefined, 'iscsilogin');
  e.changed();
}

export interface HostLunEntry {
  lun: EmLun;
  session: HostSession | undefined;
  paths: number;
  activePaths: number;
}

/** GET /hosts/{id}/storage: the LUNs of the targets this host is logged in to, and the FC LUNs zoned to it. */
export function hostLuns(e: Engine, host: EmHost): HostLunEntry[] {
  const out: HostLunEntry[] = [];
  // The LUN records themselves, not their IDs: a Set of 50,000 ID strings puts each in V8's string table, which the
  // page's every major garbage collection then walks (decision 065). A real engine's records are not in the page.
  const seen = new Set<EmLun>();
  for (const s of e.state.sessions) {
    if (s.hostId !== host.id) continue;
    for (const lun of e.state.luns) {
      if (lun.targetIqn !== s.target || seen.has(lun)) continue;
      seen.add(lun);
      out.push({ lun, session: s, paths: lun.paths, activePaths: s.state === 'failed' ? 0 : lun.activePaths });
    }
  }
  for (const lun of e.state.luns) {
    if (lun.storageType === 'fcp' && lun.fabricId && host.reach.fabricIds.includes(lun.fabricId)) {
      out.push({ lun, session: undefined, paths: lun.paths, activePaths: lun.activePaths });
    }
  }
  return out;
}

export async function listHostLuns(e: Engine, hostId: string): Promise<HostLunEntry[]> {
  const host = e.host(hostId);
  if (host.status !== 'up') {
    // upstream-engine BLL/storage/disk/lun/GetDeviceListQuery.java:69-79 isActiveVds: `String.format("Cannot fetch
    // storage devices, host %s is not UP.", vds.getHostName())` — the host's address (HostMapper.java:215
    // `model.setAddress(entity.getHostName())`), not its name. The REST layer's backendFailure(String)
    // (R/BackendResource.java:408-410) runs it through ErrorTranslatorImpl.translate (:136-152), which lower-cases a
    // text that is no message key, and ErrorMessageHelper.getErrorStatus gives no status for it → 400 (handleError).
    throw new EngineFault(400, 'Operation Failed', `cannot fetch storage devices, host ${host.address} is not up.`);
  }
  const luns = hostLuns(e, host);
  await e.delay('deviceList', 1 + luns.length / 2000);
  return luns;
}

export function lunVisibleOnHost(e: Engine, host: EmHost, lunId: string): boolean {
  return hostLuns(e, host).some((x) => x.lun.id === lunId && x.activePaths > 0);
}

export function connectionsOf(e: Engine, disk: EmLunDisk): EmConnection[] {
  return disk.lun.connectionIds
    .map((id) => e.state.connections.find((c) => c.id === id))
    .filter((c): c is EmConnection => !!c);
}

export interface ConnectResult {
  ok: boolean;
  /** True when every needed session was already there ("asserted", not connected). */
  already: boolean;
  /** One line for the user: what happened on this host. */
  detail: string;
}

/**
 * Makes sure `host` can use LUN `lun`, logging in to its targets (`conns`) where needed and adding `holder` to
 * each session. Like ISCSIStorageHelper.isConnectSucceeded, it fails only when all connections failed.
 * FC LUNs have no connections: the host must be zoned to the LUN.
 */
export async function connectLun(
  e: Engine,
  host: EmHost,
  lun: { id: string; type: 'iscsi' | 'fcp' },
  conns: readonly EmConnection[],
  holder: string,
): Promise<ConnectResult> {
  if (lun.type === 'fcp') {
    await e.delay('connect', 0.3);
    const sanLun = e.lun(lun.id);
    const zoned = !!sanLun?.fabricId && host.reach.fabricIds.includes(sanLun.fabricId) && host.status === 'up';
    return zoned
      ? { ok: true, already: true, detail: `${host.name} sees FC LUN ${lun.id}` }
      : { ok: false, already: false, detail: `${host.name} is not zoned to FC LUN ${lun.id}` };
  }
  if (conns.length === 0) return { ok: false, already: false, detail: `LUN ${lun.id} has no storage connection` };
  const okDetails: string[] = [];
  const failures: string[] = [];
  let already = true;
  for (const c of conns) {
    const portal = resolvePortal(e, c.address, c.port);
    const existing = portal
      ? findSession(e.state.sessions, host.id, { target: c.target, address: portal.address, port: portal.port })
      : undefined;
    if (existing && existing.state === 'logged_in' && host.status === 'up') {
      e.state.sessions = acquire(e.state.sessions, host.id, existing, holder);
      okDetails.push(`${host.name} is already connected to ${c.target}`);
      continue;
    }
    already = false;
    await e.delay('connect');
    const check = checkLogin(e, host, c);
    if (!check.ok) {
      failures.push(check.reason);
      continue;
    }
    e.state.sessions = acquire(e.state.sessions, host.id, check.conn, holder);
    okDetails.push(`${host.name} connected to ${c.target} at ${portalLabel(check.portal)}`);
  }
  e.changed();
  if (okDetails.length > 0) return { ok: true, already, detail: okDetails.join('; ') };
  return { ok: false, already: false, detail: failures.join('; ') };
}

export function connectDisk(e: Engine, host: EmHost, disk: EmLunDisk, holder: string): Promise<ConnectResult> {
  return connectLun(e, host, disk.lun, connectionsOf(e, disk), holder);
}

/** Who holds a session, in words: "disk db01-redo of VM db01", "storage domain data1". */
export function describeHolder(e: Engine, h: string): string {
  const p = parseHolder(h);
  switch (p.kind) {
    case 'storage-domain':
      return `storage domain ${e.state.storageDomains.find((s) => s.id === p.sdId)?.name ?? p.sdId}`;
    case 'vm-disk':
      return `disk ${e.findDisk(p.diskId)?.alias ?? p.diskId} of VM ${e.state.vms.find((v) => v.id === p.vmId)?.name ?? p.vmId}`;
    case 'operation':
      return 'an operation in progress';
    default:
      return p.raw;
  }
}

/** Release holders on a host, log out what nothing needs any more, and say what happened per target. */
export async function releaseOnHost(
  e: Engine,
  hostId: string,
  which: (holder: string) => boolean,
  only?: ConnectionRef,
): Promise<Array<ReleaseOutcome & { text: string }>> {
  const described = releaseNow(e, hostId, which, only);
  if (described.some((o) => o.loggedOut)) await e.delay('disconnect');
  return described;
}

/** The synchronous part of `releaseOnHost`: the sessions change at once; the host's logout takes its time after. */
export function releaseNow(
  e: Engine,
  hostId: string,
  which: (holder: string) => boolean,
  only?: ConnectionRef,
): Array<ReleaseOutcome & { text: string }> {
  const { sessions, outcomes } = release(e.state.sessions, hostId, which, only);
  e.state.sessions = sessions;
  e.changed();
  const host = e.hostName(hostId);
  return outcomes.map((o) => ({
    ...o,
    text: o.loggedOut
      ? `${host} logged out of ${o.session.target} (nothing on ${host} needs it any more)`
      : `${host} stays connected to ${o.session.target}: still used by ${o.remaining.map((h) => describeHolder(e, h)).join(', ')}`,
  }));
}

/**
 * `releaseOnHost` for a resumable job: what was released is written into `point` (part of the job's resume
 * record) before the host's logout delay, so a job resumed after a reload says the same and releases nothing twice.
 */
export async function releaseRecorded(
  e: Engine,
  hostId: string,
  which: (holder: string) => boolean,
  point: ReleasePoint,
): Promise<ReleasePoint & { texts: string[] }> {
  if (!point.texts) {
    const outs = releaseNow(e, hostId, which);
    point.texts = outs.map((o) => o.text);
    point.loggedOut = outs.some((o) => o.loggedOut);
  }
  const texts = point.texts;
  if (point.loggedOut) await e.delay('disconnect');
  return { ...point, texts };
}

/** Fault injection: cut a host off from a portal. Its sessions through that portal lose their paths. */
export function cutPortal(e: Engine, hostId: string, portalId: string): void {
  const host = e.host(hostId);
  host.reach.portalIds = host.reach.portalIds.filter((p) => p !== portalId);
  const portal = e.state.portals.find((p) => p.id === portalId);
  e.state.sessions = e.state.sessions.map((s) =>
    s.hostId === hostId && portal && s.address === portal.address && s.port === portal.port ? { ...s, state: 'failed' } : s,
  );
  e.event(9, 'warning', `Host ${host.name} lost its network path to iSCSI portal ${portal ? portalLabel(portal) : portalId}.`, { hostId });
}

export function restorePortal(e: Engine, hostId: string, portalId: string): void {
  const host = e.host(hostId);
  if (!host.reach.portalIds.includes(portalId)) host.reach.portalIds.push(portalId);
  const portal = e.state.portals.find((p) => p.id === portalId);
  e.state.sessions = e.state.sessions.map((s) =>
    s.hostId === hostId && portal && s.address === portal.address && s.port === portal.port ? { ...s, state: 'logged_in' } : s,
  );
  e.event(9, 'normal', `Host ${host.name} reaches iSCSI portal ${portal ? portalLabel(portal) : portalId} again.`, { hostId });
}
