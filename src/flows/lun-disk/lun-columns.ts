// The LUN table's columns: which exist, which the user shows (kept per browser: a display preference, nothing
// secret, under a `dlc.` key like the theme), and how wide each is for the width the table has (docs/decisions/050).
// The widths are computed here, not left to the browser: the table is a fixed layout (a windowed grid whose rows come
// and go must not change its column widths as they scroll), so each column gets a minimum that keeps its header
// whole, and the room left over goes to the columns whose text is long (ID, target, status), up to their natural width.
import { useCallback, useSyncExternalStore } from 'react';
import type { LunSortKey } from './lun-rows';
import type { MessageId } from '../../i18n/i18n';

export type LunColumnKey = LunSortKey | 'select' | 'action' | 'portal';

export interface LunColumn {
  key: LunColumnKey;
  /** The header's words (a catalog message, read at render time). */
  title: MessageId;
  /** Narrowest width, px: the header's text and sort button whole. */
  min: number;
  /** Width at which its usual content is whole; extra room stops there. */
  max: number;
  /**
   * Takes room before the others share what is left, in this order (1 first), up to `grabTo` (else `max`): the
   * status' usual sentence, then the whole ID, whenever the room allows.
   */
  grab?: number;
  grabTo?: number;
  /** Kept visible while the table scrolls sideways. */
  sticky?: 'start' | 'end';
  /** Always shown (the pick, the ID, the row's actions): not offered in "Manage columns". */
  fixed?: boolean;
  iscsiOnly?: boolean;
  /** Shown until the user chooses otherwise. */
  byDefault: boolean;
}

export const LUN_COLUMNS: readonly LunColumn[] = [
  // The pick (a radio today; a checkbox column for batches keeps `sticky: 'start'`).
  { key: 'select', title: 'lunDisk.column.pick', min: 36, max: 36, sticky: 'start', fixed: true, byDefault: true },
  { key: 'id', title: 'lunDisk.column.id', min: 120, max: 264, grab: 2, fixed: true, byDefault: true },
  // "250 GiB" and "16.5 TiB" whole with the cell's padding: a size is never cut (issue 13).
  { key: 'size', title: 'lunDisk.column.size', min: 92, max: 104, byDefault: true },
  { key: 'paths', title: 'lunDisk.column.paths', min: 72, max: 96, byDefault: true },
  { key: 'status', title: 'lunDisk.column.status', min: 80, max: 360, grab: 1, grabTo: 200, byDefault: true },
  { key: 'vendor', title: 'lunDisk.column.vendor', min: 80, max: 110, byDefault: true },
  // Wide enough that the header's name is not ellipsized: PatternFly swaps an ellipsized sort header's text for a
  // tooltip wrapper on focus, so a quick click (press on the old text, release on the new) was lost.
  { key: 'product', title: 'lunDisk.column.product', min: 84, max: 150, byDefault: true },
  { key: 'serial', title: 'lunDisk.column.serial', min: 72, max: 220, byDefault: true },
  { key: 'target', title: 'lunDisk.column.target', min: 96, max: 340, iscsiOnly: true, byDefault: true },
  // The portal is in each target group's header; in the flat list it is one click away in "Manage columns".
  { key: 'portal', title: 'lunDisk.column.portal', min: 76, max: 160, iscsiOnly: true, byDefault: false },
  { key: 'action', title: 'lunDisk.column.actions', min: 120, max: 120, sticky: 'end', fixed: true, byDefault: true },
];

export const LUN_COLUMNS_KEY = 'dlc.lun-table.columns';
const OPTIONAL = LUN_COLUMNS.filter((c) => !c.fixed).map((c) => c.key);
export const DEFAULT_LUN_COLUMNS: readonly LunColumnKey[] = LUN_COLUMNS.filter((c) => !c.fixed && c.byDefault).map((c) => c.key);

/** The optional columns the user shows, from storage; the defaults when nothing (or nothing readable) is there. */
export function readLunColumns(): readonly LunColumnKey[] {
  try {
    const raw = window.localStorage.getItem(LUN_COLUMNS_KEY);
    if (raw === null) return DEFAULT_LUN_COLUMNS;
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return DEFAULT_LUN_COLUMNS;
    return OPTIONAL.filter((k) => parsed.includes(k));
  } catch {
    return DEFAULT_LUN_COLUMNS;
  }
}

const listeners = new Set<() => void>();
let cached: { raw: string | null; value: readonly LunColumnKey[] } | undefined;

function snapshot(): readonly LunColumnKey[] {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(LUN_COLUMNS_KEY);
  } catch {
    // storage refused: the defaults
  }
  if (!cached || cached.raw !== raw) cached = { raw, value: readLunColumns() };
  return cached.value;
}

export function writeLunColumns(keys: readonly LunColumnKey[]): void {
  try {
    const same = keys.length === DEFAULT_LUN_COLUMNS.length && keys.every((k) => DEFAULT_LUN_COLUMNS.includes(k));
    if (same) window.localStorage.removeItem(LUN_COLUMNS_KEY);
    else window.localStorage.setItem(LUN_COLUMNS_KEY, JSON.stringify(OPTIONAL.filter((k) => keys.includes(k))));
  } catch {
    // storage refused (private mode): the choice holds for this page only
    cached = { raw: null, value: OPTIONAL.filter((k) => keys.includes(k)) };
  }
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  // Another tab of this browser changed the choice.
  const onStorage = (e: StorageEvent) => {
    if (e.key === LUN_COLUMNS_KEY) l();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(l);
    window.removeEventListener('storage', onStorage);
  };
}

/** The optional columns shown, and a setter that keeps the choice in this browser. */
export function useLunColumns(): [readonly LunColumnKey[], (keys: readonly LunColumnKey[]) => void] {
  const shown = useSyncExternalStore(subscribe, snapshot, () => DEFAULT_LUN_COLUMNS);
  const set = useCallback((keys: readonly LunColumnKey[]) => writeLunColumns(keys), []);
  return [shown, set];
}

/** The columns the table shows, in order: the fixed ones, the optional ones chosen, the iSCSI ones for iSCSI. */
export function visibleLunColumns(shown: readonly LunColumnKey[], iscsi: boolean, grouped: boolean): LunColumn[] {
  return LUN_COLUMNS.filter(
    (c) =>
      (c.fixed || shown.includes(c.key)) &&
      (iscsi || !c.iscsiOnly) &&
      // Grouped by target, each group's header names the target and portal: no need to repeat them per row.
      !(grouped && (c.key === 'target' || c.key === 'portal')),
  );
}

/**
 * Each column's width for a table `available` px wide: the minimums, then the room left shared among the columns
 * in proportion to how much wider they would like to be, none past its natural width. Narrower than the minimums,
 * the table scrolls sideways (the pick and the actions stay, sticky).
 */
export function columnWidths(columns: readonly LunColumn[], available: number): number[] {
  const widths = columns.map((c) => c.min);
  let room = Math.floor(available) - widths.reduce((s, w) => s + w, 0);
  const grabbing = columns.map((c, i) => ({ c, i })).filter(({ c }) => c.grab !== undefined);
  grabbing.sort((a, b) => (a.c.grab ?? 0) - (b.c.grab ?? 0));
  for (const { c, i } of grabbing) {
    const add = Math.max(0, Math.min(room, (c.grabTo ?? c.max) - widths[i]!));
    widths[i]! += add;
    room -= add;
  }
  for (let pass = 0; pass < 4 && room > 0; pass++) {
    const want = columns.map((c, i) => c.max - widths[i]!);
    const total = want.reduce((s, w) => s + w, 0);
    if (total <= 0) break;
    const share = Math.min(1, room / total);
    let given = 0;
    columns.forEach((_, i) => {
      const add = Math.floor(want[i]! * share);
      widths[i]! += add;
      given += add;
    });
    room -= given;
    if (given === 0) break;
  }
  // Room past every natural width goes to the status (the longest text), so the table fills its frame.
  if (room > 0) {
    const i = columns.findIndex((c) => c.key === 'status');
    if (i >= 0) widths[i]! += room;
  }
  return widths;
}
