// Whether a LUN a host sees can back a new direct-LUN disk, and why not, in words (docs/decisions/001).
// The engine's rules (reference/engine-rest-api.md §6.4, webadmin-direct-lun.md §2.6): a LUN that already backs
// a disk cannot back another (409 LUN_IS_ALREADY_IN_USE); a LUN of a storage domain can, but only after an
// explicit destructive-action approval; a LUN with no active path from the host cannot be checked by it
// (ACTION_TYPE_FAILED_DISK_LUN_INVALID when the host is named). Pure: no React, no fetch.
import { t } from '../i18n/i18n';
import type { LogicalUnit } from './model';
import { nameList } from './texts';

export type LunUse =
  /** Free to use. */
  | { kind: 'available' }
  /** Backs a disk: never selectable (a LUN backs at most one disk). */
  | { kind: 'used-by-disk'; diskId: string; diskAlias: string | undefined; sharable: boolean; vmNames: string[] }
  /** Part of a storage domain: selectable, with a warning and an explicit approval at Create. */
  | { kind: 'storage-domain'; storageDomainId: string; storageDomainName: string | undefined };

export interface LunPaths {
  total: number | undefined;
  /** Undefined on engines older than late 2024, which do not report active paths (reference §3.4). */
  active: number | undefined;
}

export interface LunAvailability {
  use: LunUse;
  paths: LunPaths;
  /** No active path from the host the LUN was listed on (known only when the engine reports active paths). */
  unreachable: boolean;
  /** Some, but not all, paths are active. */
  degraded: boolean;
  selectable: boolean;
  /** One line a screen reader reads for the row: the state and, when not plain available, why. */
  text: string;
  /** Short label: "Available", "Used", "In storage domain", "No active path", "Degraded paths". */
  label: string;
  /** One short line for the table's status cell: "Used by disk X (attached to db01)", "In storage domain data1: needs approval". */
  short: string;
  /** Sort order of states: available first, then warnings, then not selectable. */
  rank: number;
}

export interface DiskInfo {
  id: string;
  alias: string;
  sharable: boolean;
}

export interface AvailabilityContext {
  /** The host the LUN list came from, for the words ("Not reachable from host2"). */
  hostName: string;
  disk: (id: string) => DiskInfo | undefined;
  /** Names of the VMs a disk is attached to. */
  vmNamesOfDisk: (diskId: string) => string[];
  storageDomainName: (id: string) => string | undefined;
}

export function lunPaths(lu: Pick<LogicalUnit, 'paths' | 'activePaths'>): LunPaths {
  return { total: lu.paths, active: lu.activePaths };
}

/** "2 of 4 active", "1 path" (when the engine does not say how many are active). */
export function pathsText(p: LunPaths): string {
  if (p.total === undefined) return t('domain.lunAvailability.pathsUnknown');
  if (p.active === undefined) return t('domain.lunAvailability.paths', { total: p.total });
  return t('domain.lunAvailability.pathsActive', { active: p.active, total: p.total });
}

export function usedByText(use: Extract<LunUse, { kind: 'used-by-disk' }>): string {
  const vms = nameList(use.vmNames);
  if (use.diskAlias === undefined) {
    return use.vmNames.length > 0
      ? t('domain.lunAvailability.usedByIdAttached', { id: use.diskId, vms })
      : t('domain.lunAvailability.usedByIdFloating', { id: use.diskId });
  }
  return use.vmNames.length > 0
    ? t('domain.lunAvailability.usedByAttached', { disk: use.diskAlias, vms })
    : t('domain.lunAvailability.usedByFloating', { disk: use.diskAlias });
}

export function lunAvailability(lu: LogicalUnit, ctx: AvailabilityContext): LunAvailability {
  const paths = lunPaths(lu);
  const unreachable = paths.active !== undefined && paths.total !== undefined && paths.active === 0;
  const degraded = !unreachable && paths.active !== undefined && paths.total !== undefined && paths.active < paths.total;

  let use: LunUse = { kind: 'available' };
  // The disk↔LUN map wins over the storage domain: it is what the engine checks on create (DiskValidator).
  if (lu.diskId) {
    const d = ctx.disk(lu.diskId);
    use = { kind: 'used-by-disk', diskId: lu.diskId, diskAlias: d?.alias, sharable: d?.sharable ?? false, vmNames: ctx.vmNamesOfDisk(lu.diskId) };
  } else if (lu.storageDomainId) {
    use = { kind: 'storage-domain', storageDomainId: lu.storageDomainId, storageDomainName: ctx.storageDomainName(lu.storageDomainId) };
  }

  const parts: string[] = [];
  const shortParts: string[] = [];
  let label: string;
  let rank: number;
  switch (use.kind) {
    case 'used-by-disk':
      parts.push(t('domain.lunAvailability.usedText', { usedBy: usedByText(use) }));
      shortParts.push(usedByText(use));
      label = t('domain.lunAvailability.labelUsed');
      rank = 4;
      break;
    case 'storage-domain':
      parts.push(t('domain.lunAvailability.storageDomainText', { domain: use.storageDomainName ?? use.storageDomainId }));
      shortParts.push(t('domain.lunAvailability.storageDomainShort', { domain: use.storageDomainName ?? use.storageDomainId }));
      label = t('domain.lunAvailability.labelStorageDomain');
      rank = 2;
      break;
    default:
      label = t('domain.lunAvailability.available');
      rank = 0;
  }
  if (unreachable) {
    parts.push(t('domain.lunAvailability.unreachableText', { host: ctx.hostName, total: paths.total }));
    shortParts.push(t('domain.lunAvailability.unreachableShort', { host: ctx.hostName }));
    if (use.kind === 'available') {
      label = t('domain.lunAvailability.labelNoActivePath');
      rank = 3;
    }
  } else if (degraded) {
    parts.push(t('domain.lunAvailability.degradedText', { host: ctx.hostName, active: paths.active, total: paths.total }));
    shortParts.push(t('domain.lunAvailability.degradedShort', { active: paths.active, total: paths.total }));
    if (use.kind === 'available') {
      label = t('domain.lunAvailability.labelDegraded');
      rank = 1;
    }
  }
  const selectable = use.kind !== 'used-by-disk';
  const text = parts.length > 0 ? parts.join('. ') : t('domain.lunAvailability.available');
  const short = shortParts.length > 0 ? shortParts.join('; ') : t('domain.lunAvailability.available');
  return { use, paths, unreachable, degraded, selectable, text, label, short, rank };
}

/**
 * lunAvailability for many LUNs of one listing, where LUNs in no use (no disk, no storage domain) with the same paths
 * share one object: theirs depends on nothing else. On a host with 50,000 LUNs that is a handful of objects (with
 * their paths, use and texts) instead of 200,000 that every major garbage collection walks (decision 059). Each
 * object's texts go through `same` (an interner, decision 058), so the ones of LUNs in use share their strings too.
 * The objects are read, never changed.
 */
export function sharedAvailability(ctx: AvailabilityContext, same: <T extends string | undefined>(s: T) => T): (lu: LogicalUnit) => LunAvailability {
  const unused = new Map<string, LunAvailability>();
  const make = (lu: LogicalUnit): LunAvailability => {
    const a = lunAvailability(lu, ctx);
    return { ...a, text: same(a.text), label: same(a.label), short: same(a.short) };
  };
  return (lu) => {
    if (lu.diskId || lu.storageDomainId) return make(lu);
    const key = `${lu.paths ?? ''}/${lu.activePaths ?? ''}`;
    let a = unused.get(key);
    if (!a) {
      a = make(lu);
      unused.set(key, a);
    }
    return a;
  };
}

/**
 * Counts for the table's header: every LUN, the free ones (no disk, no storage domain), the ones in a storage
 * domain (selectable with approval) and the ones that back a disk (not selectable).
 */
export function countAvailability(items: readonly { availability: LunAvailability }[]): {
  total: number;
  available: number;
  storageDomain: number;
  used: number;
} {
  let available = 0;
  let storageDomain = 0;
  let used = 0;
  for (const i of items) {
    const k = i.availability.use.kind;
    if (k === 'available') available++;
    else if (k === 'storage-domain') storageDomain++;
    else used++;
  }
  return { total: items.length, available, storageDomain, used };
}
