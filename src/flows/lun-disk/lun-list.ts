// The LUN table's list: one item per row, under a header per target when grouped (lun-rows.ts makes the rows, sorts
// and searches them). Built once per sorted or searched rows array, and ahead of the LUN step while the user is on an
// earlier one: Next, a sort or a search then finds its list made.
import { t } from '../../i18n/i18n';
import { collator, lunRowCounts, placesOfList, sortRows, type LunRow, type LunSort, type Places } from './lun-rows';

export type LunListItem =
  | { kind: 'group'; key: string; target: string; portal: string; total: number; available: number }
  | { kind: 'lun'; key: string; row: LunRow };

// One list item per row for the life of the data set: the table's memoized rows see the same item after a search
// or a sort, so a row that stays on screen does not re-render. Lists from sortRows and filterRows (every list the LUN
// step shows) take it from their data set's array (groupDataOf): one array, not a WeakMap entry per row for the data
// set's life (decision 059). This map serves other lists (tests) only.
const itemOf = new WeakMap<LunRow, LunListItem>();
function lunItem(row: LunRow): LunListItem {
  let it = itemOf.get(row);
  if (!it) {
    it = { kind: 'lun', key: row.id, row };
    itemOf.set(row, it);
  }
  return it;
}

/** Rows as a flat list, or grouped under their target (targets by name; rows keep the chosen order inside). */
// The list for a sorted (and filtered) rows array, flat or grouped: built once per array, so the LUN step finds the
// lists warmLunLists made while the user was on an earlier step.
const listsOf = new WeakMap<readonly LunRow[], { flat?: readonly LunListItem[]; grouped?: readonly LunListItem[] }>();

export function toListItems(rows: readonly LunRow[], grouped: boolean): readonly LunListItem[] {
  let lists = listsOf.get(rows);
  if (!lists) {
    lists = {};
    listsOf.set(rows, lists);
  }
  return grouped ? (lists.grouped ??= buildListItems(rows, true)) : (lists.flat ??= buildListItems(rows, false));
}

/**
 * Sorts a host's LUNs and builds the list the LUN step opens with, ahead of it (sortRows and toListItems keep
 * them per data set): Next on Targets then mounts the table without sorting 10,000 rows first. Returns that list.
 */
export function warmLunLists(rows: readonly LunRow[], sort: LunSort, grouped: boolean): readonly LunListItem[] {
  if (rows.length === 0) return [];
  lunRowCounts(rows);
  return toListItems(sortRows(rows, sort), grouped);
}

/**
 * Per data set, by each row's place in it: its list item, its group (by target) and whether it counts as available.
 * A list built from a search result then reads typed arrays, not 6,000–10,000 row objects spread over the heap.
 */
interface GroupData {
  items: LunListItem[];
  group: Int32Array;
  names: string[];
  available: Uint8Array;
}
const groupData = new WeakMap<readonly LunRow[], GroupData>();

function groupDataOf(rows: readonly LunRow[]): GroupData {
  let g = groupData.get(rows);
  if (!g) {
    const n = rows.length;
    const byName = new Map<string, number>();
    const names: string[] = [];
    const group = new Int32Array(n);
    const available = new Uint8Array(n);
    const items = new Array<LunListItem>(n);
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      const name = groupName(r);
      let k = byName.get(name);
      if (k === undefined) {
        k = names.length;
        byName.set(name, k);
        names.push(name);
      }
      group[i] = k;
      available[i] = r.availability.use.kind === 'available' ? 1 : 0;
      items[i] = { kind: 'lun', key: r.id, row: r };
    }
    g = { items, group, names, available };
    groupData.set(rows, g);
  }
  return g;
}

function groupName(r: LunRow): string {
  return r.target || t('lunDisk.row.noTarget');
}

/** buildListItems for a list whose rows' places are known: the same list, from typed arrays. */
function buildFromPlaces(rows: readonly LunRow[], places: Places, grouped: boolean): LunListItem[] {
  const g = groupDataOf(places.rows);
  const at = places.at;
  if (!grouped) return Array.from(at, (p) => g.items[p]!);
  const k = g.names.length;
  const total = new Int32Array(k);
  const available = new Int32Array(k);
  const first = new Int32Array(k).fill(-1);
  for (let i = 0; i < at.length; i++) {
    const p = at[i]!;
    const grp = g.group[p]!;
    if (total[grp] === 0) first[grp] = i;
    total[grp]!++;
    available[grp]! += g.available[p]!;
  }
  const order = [...g.names.keys()].filter((grp) => total[grp]! > 0).sort((a, b) => collator.compare(g.names[a]!, g.names[b]!));
  const out = new Array<LunListItem>(at.length + order.length);
  const next = new Int32Array(k);
  let pos = 0;
  for (const grp of order) {
    const target = g.names[grp]!;
    out[pos++] = { kind: 'group', key: `group:${target}`, target, portal: rows[first[grp]!]?.portal ?? '', total: total[grp]!, available: available[grp]! };
    next[grp] = pos;
    pos += total[grp]!;
  }
  for (let i = 0; i < at.length; i++) {
    const p = at[i]!;
    out[next[g.group[p]!]!++] = g.items[p]!;
  }
  return out;
}

function buildListItems(rows: readonly LunRow[], grouped: boolean): LunListItem[] {
  const places = placesOfList(rows);
  if (places) return buildFromPlaces(rows, places, grouped);
  if (!grouped) return rows.map(lunItem);
  const groups = new Map<string, LunRow[]>();
  for (const r of rows) {
    const k = groupName(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const out: LunListItem[] = [];
  for (const target of [...groups.keys()].sort((a, b) => collator.compare(a, b))) {
    const g = groups.get(target) ?? [];
    out.push({
      kind: 'group',
      key: `group:${target}`,
      target,
      portal: g[0]?.portal ?? '',
      total: g.length,
      available: g.filter((r) => r.availability.use.kind === 'available').length,
    });
    for (const row of g) out.push(lunItem(row));
  }
  return out;
}

