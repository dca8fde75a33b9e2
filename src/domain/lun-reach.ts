// Whether a host can reach a LUN, worked out from the real API only: the host's own device list
// (GET /hosts/{id}/storage, one entry per LUN it sees, with `paths` / `active_paths`, reference §3.4).
// - iSCSI: a host lists a target's LUNs only once it is logged in to the target. A LUN missing from a host that
//   is not logged in to its target is not "unreachable": the engine connects the target first (the seed's
//   design) and only then finds out. A LUN missing from a host that IS logged in to its target is not visible
//   there (LUN masking on the array).
// - FC: no sessions; the host sees the LUN through its zoning or not at all.
import { t } from '../i18n/i18n';
import { hostStatusText } from './format';
import type { HostLun, HostStatus, LunStorageType } from './model';

export type LunReach =
  /** Listed with at least one active path (or an engine too old to report active paths). */
  | { kind: 'reachable'; paths: number | undefined; activePaths: number | undefined }
  /** Listed, but no path is active: the host lost its way to the storage. */
  | { kind: 'no-active-path'; paths: number | undefined }
  /** iSCSI: not logged in to the LUN's target; the engine will try to connect it first. */
  | { kind: 'not-connected'; target: string | undefined }
  /** iSCSI: logged in to the target, yet the LUN is not in the device list. */
  | { kind: 'not-visible'; target: string }
  /** FC: the host's HBAs are not zoned to it. */
  | { kind: 'not-zoned' }
  /** The host is not Up: the engine cannot ask it (GET /hosts/{id}/storage needs an Up host). */
  | { kind: 'host-not-up'; status: HostStatus };

export interface LunRef {
  id: string;
  type: LunStorageType | undefined;
  /** The target the engine stored for the LUN (its first connection), for iSCSI. */
  target?: string | undefined;
}

export function lunReach(lun: LunRef, hostStatus: HostStatus, hostLuns: readonly HostLun[] | undefined): LunReach {
  if (hostStatus !== 'up' || !hostLuns) return { kind: 'host-not-up', status: hostStatus };
  const seen = hostLuns.find((l) => l.id === lun.id);
  if (seen) {
    const { paths, activePaths } = seen.lu;
    if (activePaths === 0) return { kind: 'no-active-path', paths };
    return { kind: 'reachable', paths, activePaths };
  }
  const type = lun.type ?? (lun.target ? 'iscsi' : undefined);
  if (type === 'fcp') return { kind: 'not-zoned' };
  if (lun.target && hostLuns.some((l) => l.lu.target === lun.target)) return { kind: 'not-visible', target: lun.target };
  return { kind: 'not-connected', target: lun.target };
}

/** yes: usable now; connect: the engine will try to connect first; no: it cannot. */
export function reachVerdict(r: LunReach): 'yes' | 'connect' | 'no' {
  switch (r.kind) {
    case 'reachable':
      return 'yes';
    case 'not-connected':
      return 'connect';
    default:
      return 'no';
  }
}

export function pathsText(paths: number | undefined, activePaths: number | undefined): string {
  if (paths === undefined) return t('domain.lunReach.pathsUnknown');
  // Engines before late 2024 do not send active_paths (reference §3.4): say so rather than guess.
  if (activePaths === undefined) return t('domain.lunReach.pathsNoActiveCount', { paths });
  return t('domain.lunReach.pathsActive', { active: activePaths, paths });
}

/** The short form for a table column, "2/4" (active/total), "4" when the engine does not report active paths. */
export function pathsShort(paths: number | undefined, activePaths: number | undefined): string {
  if (paths === undefined) return '?';
  return activePaths === undefined ? String(paths) : `${activePaths}/${paths}`;
}

/** One line, host and LUN named: what a user reads next to a host. */
export function reachText(r: LunReach, host: string, lunLabel: string): string {
  switch (r.kind) {
    case 'reachable':
      return t('domain.lunReach.sees', { host, lun: lunLabel, paths: pathsText(r.paths, r.activePaths) });
    case 'no-active-path':
      return t('domain.lunReach.noActivePath', { host, lun: lunLabel, paths: pathsText(r.paths, 0) });
    case 'not-connected':
      return r.target
        ? t('domain.lunReach.notConnectedTarget', { host, target: r.target })
        : t('domain.lunReach.notConnected', { host, lun: lunLabel });
    case 'not-visible':
      return t('domain.lunReach.notVisible', { host, lun: lunLabel, target: r.target });
    case 'not-zoned':
      return t('domain.lunReach.notZoned', { host, lun: lunLabel });
    case 'host-not-up':
      return t('domain.lunReach.hostNotUp', { host, status: hostStatusText(r.status).toLowerCase() });
  }
}
