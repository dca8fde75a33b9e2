// The LUN table's texts for each row (LunTableRow.tsx): its accessible name in each state, the size's title, the
// buttons' names, a target group's header. Made once per row and kept for the rows met last (decisions 053, 059), not
// on every mount: a scroll mounts every row that comes on screen.
import { RecentMap } from '../../domain/recent-map';
import { t } from '../../i18n/i18n';
import { vendorProduct } from './lun-export-rows';
import type { LunListItem } from './lun-list';
import type { LunRow } from './lun-rows';

/**
 * A row's texts, made when it mounts and kept for the rows met last: a row mounts on every scroll that brings it on
 * screen, and formatting its messages each time was most of what a scroll allocated (decision 053). Kept for the last
 * KEPT_ROWS rows only, not for every row ever shown: kept for all, a scroll through 50,000 LUNs left ~29 MB of texts
 * alive in as many WeakMap entries, and V8's major collections, which walk both in their pause, took longer
 * (decision 059).
 */
interface RowTexts {
  label: [string | undefined, string | undefined];
  bytes?: string;
  copyLabel?: string;
  checks?: Map<string, string>;
}

/** The value kept in `map` for `key`, made by `make` the first time it is asked for. */
function kept<K, V>(map: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** A few screenfuls of rows: scrolling back and forth near one place finds their texts made. */
export const KEPT_ROWS = 512;
const TEXTS = new RecentMap<LunRow, RowTexts>(KEPT_ROWS);
function textsOf(row: LunRow): RowTexts {
  return kept(TEXTS, row, () => ({ label: [undefined, undefined] }));
}

/** How many rows' texts are kept (for a test). */
export function keptRowTexts(): number {
  return TEXTS.size;
}

function formatRowLabel(row: LunRow, selected: boolean): string {
  const a = row.availability;
  const details = [
    vendorProduct(row) || undefined,
    row.target ? (row.portal ? t('lunDisk.row.targetAt', { target: row.target, portal: row.portal }) : t('lunDisk.row.target', { target: row.target })) : undefined,
  ];
  const state = selected ? t('lunDisk.row.selected') : a.selectable ? t('lunDisk.row.notSelected') : t('lunDisk.row.notSelectable');
  const values = { state, lun: row.id, size: row.sizeText, paths: row.pathsText, details: details.filter(Boolean).map((d) => `, ${d}`).join(''), status: a.text };
  return t('lunDisk.row.label', values);
}

/** The row's accessible name: its state, the LUN and what the columns say. */
export function rowLabel(row: LunRow, selected: boolean): string {
  const labels = textsOf(row).label;
  const i = selected ? 0 : 1;
  return (labels[i] ??= formatRowLabel(row, selected));
}

export function bytesTitle(row: LunRow): string {
  return (textsOf(row).bytes ??= t('lunDisk.row.bytes', { bytes: row.lun.lu.size }));
}

export function copyLabel(row: LunRow): string {
  return (textsOf(row).copyLabel ??= t('lunDisk.row.copyLabel', { lun: row.id }));
}

/** The batch checkbox's name, with the reason it cannot be checked (`''`: none). */
export function checkLabel(row: LunRow, reason: string): string {
  const checks = (textsOf(row).checks ??= new Map<string, string>());
  return kept(checks, reason, () => (reason ? t('lunDisk.row.checkBlocked', { lun: row.id, reason }) : t('lunDisk.row.check', { lun: row.id })));
}

/** Texts the same in every row, made once (the catalogs are loaded before a table renders). */
const SAME = new Map<'copy' | 'notSelectableMark', string>();
export function same(key: 'copy' | 'notSelectableMark'): string {
  return kept(SAME, key, () => t(key === 'copy' ? 'lunDisk.row.copy' : 'lunDisk.row.notSelectableMark'));
}

type GroupItem = Extract<LunListItem, { kind: 'group' }>;
/** A target group's header text, once per group item. */
const GROUP_TEXTS = new WeakMap<GroupItem, string>();
export function groupText(it: GroupItem): string {
  return kept(GROUP_TEXTS, it, () =>
    t(it.portal ? 'lunDisk.row.groupAt' : 'lunDisk.row.group', { target: it.target, portal: it.portal, count: it.total, available: it.available }),
  );
}
