// The LUN table's rows: each LUN a host sees, with its availability in words and the text every column shows, and the
// table's sort (its search: lun-search.ts; its list and grouping: lun-list.ts). Pure functions over arrays. What costs
// per row (sort ranks, the search text) is computed once per data set, not per keystroke.
import { formatSize } from '../../domain/format';
import { interner } from '../../domain/intern';
import { RecentMap } from '../../domain/recent-map';
import { TextIndex } from '../../domain/text-index';
import { countAvailability, pathsText, sharedAvailability, type AvailabilityContext, type LunAvailability } from '../../domain/lun-availability';
import type { HostLun, LunStorageType } from '../../domain/model';

export interface LunRow {
  id: string;
  type: LunStorageType;
  lun: HostLun;
  availability: LunAvailability;
  sizeText: string;
  pathsText: string;
  vendor: string;
  product: string;
  serial: string;
  target: string;
  /** "10.35.1.72:3260" ("[fd00::1]:3260" for IPv6). */
  portal: string;
}

export function portalText(address: string | undefined, port: number | undefined): string {
  if (!address) return '';
  const a = address.includes(':') ? `[${address}]` : address;
  return port ? `${a}:${port}` : a;
}

export function buildLunRows(luns: readonly HostLun[], type: LunStorageType, ctx: AvailabilityContext): LunRow[] {
  const out: LunRow[] = [];
  // The texts most rows share ("500 GiB", "2 of 2 active", the portal, the state in words) as one string each, not
  // one formatted copy per row (decision 058).
  const same = interner();
  // LUNs in no use with the same paths share one availability (decision 059).
  const availabilityOf = sharedAvailability(ctx, same);
  for (const l of luns) {
    if (l.type !== type) continue;
    const availability = availabilityOf(l.lu);
    const row: LunRow = {
      id: l.id,
      type: l.type,
      lun: l,
      availability,
      sizeText: same(formatSize(l.lu.size)),
      pathsText: same(pathsText(availability.paths)),
      vendor: l.lu.vendorId ?? '',
      product: l.lu.productId ?? '',
      serial: l.lu.serial ?? '',
      target: l.lu.target ?? '',
      portal: same(portalText(l.lu.address, l.lu.port)),
    };
    out.push(row);
  }
  return out;
}

export type LunSortKey = 'id' | 'size' | 'paths' | 'vendor' | 'product' | 'serial' | 'target' | 'status';
export interface LunSort {
  key: LunSortKey;
  direction: 'asc' | 'desc';
}

/** The text order of the table's columns (and of its groups, lun-list.ts). */
export const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Plain code-point order: the LUN ID is a string, not a number (webadmin's BZ 1588027). */
function plain(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Sorting 10,000 rows with Intl.Collator costs ~10 µs a comparison (~100 ms a sort on these machines), and the old
// comparator fell back to comparing LUN IDs for every tie. So each column is ranked once per data set: an integer
// per row, equal ranks for rows the column's order holds equal. A sort is then an integer sort over precomputed
// ranks (a few ms), and a search filters the sorted list (filtering keeps the order) instead of sorting again.

/**
 * The collator's order of printable ASCII, derived from the collator itself once: each character's primary weight
 * ('a' and 'A' share one). Comparing strings of these characters weight by weight, with digit runs compared as
 * numbers, is the collator's order (a unit test checks it against Intl.Collator on random strings).
 */
let asciiWeights: Uint16Array | undefined;
function weights(): Uint16Array {
  if (asciiWeights) return asciiWeights;
  const chars = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
  chars.sort((a, b) => collator.compare(a, b) || plain(a, b));
  const w = new Uint16Array(0x80);
  let rank = 0x100;
  chars.forEach((c, i) => {
    if (i > 0 && collator.compare(chars[i - 1]!, c) !== 0) rank++;
    w[c.charCodeAt(0)] = rank;
  });
  asciiWeights = w;
  return w;
}

/** A string whose code-point order is the collator's order, or undefined for text outside printable ASCII. */
export function collationKey(text: string): string | undefined {
  const w = weights();
  let out = '';
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return undefined;
    if (c >= 0x30 && c <= 0x39) {
      // A digit run compares by its value (numeric collation): the digits' weight, the length without leading
      // zeros, then the digits.
      let j = i;
      while (j < text.length && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
      let k = i;
      while (k < j - 1 && text.charCodeAt(k) === 0x30) k++;
      out += String.fromCharCode(w[0x30]!, 0x100 + (j - k)) + text.slice(k, j);
      i = j;
    } else {
      out += String.fromCharCode(w[c]!);
      i++;
    }
  }
  return out;
}

/** Ranks of texts in the collator's order (equal texts at base sensitivity share a rank). */
function collatedRanks(texts: readonly string[]): Int32Array {
  // The distinct texts, numbered by a TextIndex: a Set or Map of them would put every serial in V8's string table,
  // which each major garbage collection walks while the page waits (decision 065).
  const index = new TextIndex();
  const numbers = Int32Array.from(texts, (text) => index.add(text));
  const distinct = index.texts;
  const keys = distinct.map(collationKey);
  const fast = keys.every((k) => k !== undefined);
  const order = distinct.map((_, i) => i);
  // Keys compare in code-point order; other text (non-ASCII) uses the collator, on distinct values only.
  if (fast) order.sort((a, b) => plain(keys[a]!, keys[b]!));
  else order.sort((a, b) => collator.compare(distinct[a]!, distinct[b]!));
  const rankOf = new Int32Array(distinct.length);
  let rank = 0;
  order.forEach((d, i) => {
    const prev = order[i - 1];
    if (prev !== undefined && (fast ? keys[prev] !== keys[d] : collator.compare(distinct[prev]!, distinct[d]!) !== 0)) rank++;
    rankOf[d] = rank;
  });
  return numbers.map((d) => rankOf[d]!);
}

function numberRanks(values: readonly number[]): Int32Array {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  const rankOf = new Map(distinct.map((v, i) => [v, i]));
  return Int32Array.from(values, (v) => rankOf.get(v) ?? 0);
}

/** Each row's place in LUN ID order (distinct per row), and the row at each place. */
interface IdOrder {
  ranks: Int32Array;
  rowAt: Int32Array;
}

function idOrder(rows: readonly LunRow[]): IdOrder {
  const n = rows.length;
  const ranks = new Int32Array(n);
  const rowAt = new Int32Array(n);
  // The engine often lists LUNs in ID order already: one pass says so, and the ranks are the positions.
  let inOrder = true;
  for (let i = 1; i < n && inOrder; i++) inOrder = plain(rows[i - 1]!.id, rows[i]!.id) <= 0;
  if (inOrder) {
    for (let i = 0; i < n; i++) ranks[i] = rowAt[i] = i;
    return { ranks, rowAt };
  }
  const order = rows.map((_, i) => i).sort((a, b) => plain(rows[a]!.id, rows[b]!.id));
  order.forEach((r, i) => {
    ranks[r] = i;
    rowAt[i] = r;
  });
  return { ranks, rowAt };
}

const RANK: Record<LunSortKey, (rows: readonly LunRow[], ids: () => Int32Array) => Int32Array> = {
  id: (_rows, ids) => ids(),
  size: (rows) => numberRanks(rows.map((r) => r.lun.lu.size)),
  paths: (rows) => {
    // Active paths (or all paths when the engine does not say), then all paths.
    const total = numberRanks(rows.map((r) => r.availability.paths.total ?? 0));
    const active = numberRanks(rows.map((r) => r.availability.paths.active ?? r.availability.paths.total ?? 0));
    return numberRanks(rows.map((_, i) => active[i]! * (rows.length + 1) + total[i]!));
  },
  vendor: (rows) => collatedRanks(rows.map((r) => r.vendor)),
  product: (rows) => collatedRanks(rows.map((r) => r.product)),
  serial: (rows) => collatedRanks(rows.map((r) => r.serial)),
  target: (rows) => {
    const target = collatedRanks(rows.map((r) => r.target));
    const portal = collatedRanks(rows.map((r) => r.portal));
    return numberRanks(rows.map((_, i) => target[i]! * (rows.length + 1) + portal[i]!));
  },
  status: (rows) => Int32Array.from(rows, (r) => r.availability.rank),
};

interface SortCache {
  ids?: IdOrder;
  ranks: Map<LunSortKey, Int32Array>;
  /** Each sort's order as places in the data set, kept for the data set (a typed array: no pointers for the GC). */
  orders: Map<string, Int32Array>;
  /** The last few sorts used, as arrays of rows. */
  sorted: RecentMap<string, readonly LunRow[]>;
}

/**
 * Sorts kept as arrays of rows per data set. Every sort's order is kept (as places); its rows array is made again
 * from them when asked for after this many others — 16 arrays of 50,000 row pointers (and a list per array) were
 * ~8 MB that each of V8's major collections walked (decision 059).
 */
const KEPT_SORTED = 3;

/** Per data set (the rows array built once per host listing): ranks and sorted orders, computed when first asked. */
const sortCache = new WeakMap<readonly LunRow[], SortCache>();

function cacheOf(rows: readonly LunRow[]): SortCache {
  let cache = sortCache.get(rows);
  if (!cache) {
    cache = { ranks: new Map(), orders: new Map(), sorted: new RecentMap(KEPT_SORTED) };
    sortCache.set(rows, cache);
  }
  return cache;
}

function idsOf(rows: readonly LunRow[], c: SortCache): IdOrder {
  return (c.ids ??= idOrder(rows));
}

function ranksOf(rows: readonly LunRow[], c: SortCache, key: LunSortKey): Int32Array {
  let ranks = c.ranks.get(key);
  if (!ranks) {
    ranks = RANK[key](rows, () => idsOf(rows, c).ranks);
    c.ranks.set(key, ranks);
  }
  return ranks;
}

/** Every column the table sorts by: the order sortAhead works through them. */
export const LUN_SORT_KEYS: readonly LunSortKey[] = ['id', 'size', 'status', 'paths', 'vendor', 'product', 'serial', 'target'];

/** A LUN a batch may hold: selectable, and not in a storage domain (that one is picked alone, with its approval). */
export function checkableRow(row: LunRow): boolean {
  return row.availability.selectable && row.availability.use.kind !== 'storage-domain';
}

/** What the LUN step counts over every row of a data set: the availability counts, and the LUNs a batch may hold. */
export type LunRowCounts = ReturnType<typeof countAvailability> & { checkable: number };
const countsOf = new WeakMap<readonly LunRow[], LunRowCounts>();

/** Counted once per data set (kept like the sorted orders), not on each mount of the LUN step. */
export function lunRowCounts(rows: readonly LunRow[]): LunRowCounts {
  let c = countsOf.get(rows);
  if (!c) {
    let checkable = 0;
    for (const r of rows) if (checkableRow(r)) checkable++;
    c = { ...countAvailability(rows), checkable };
    countsOf.set(rows, c);
  }
  return c;
}

/** The places of the rows in the order asked, ties by LUN ID ascending: kept per data set and sort. */
function sortOrder(rows: readonly LunRow[], c: SortCache, sort: LunSort): Int32Array {
  const cacheKey = `${sort.key}:${sort.direction}`;
  const hit = c.orders.get(cacheKey);
  if (hit) return hit;
  const r = ranksOf(rows, c, sort.key);
  const { ranks: id, rowAt } = idsOf(rows, c);
  // One number per row, (rank in the direction asked) × n + place in LUN ID order: distinct, exact in a double
  // (below n²), so a typed-array sort without a comparator orders the rows, ties by LUN ID ascending.
  const n = rows.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (r[i]! > max) max = r[i]!;
  const keys = new Float64Array(n);
  if (sort.direction === 'asc') for (let i = 0; i < n; i++) keys[i] = r[i]! * n + id[i]!;
  else for (let i = 0; i < n; i++) keys[i] = (max - r[i]!) * n + id[i]!;
  keys.sort();
  const at = new Int32Array(n);
  for (let i = 0; i < n; i++) at[i] = rowAt[keys[i]! % n]!;
  c.orders.set(cacheKey, at);
  return at;
}

/**
 * Ranks a column and sorts the data set by it both ways, ahead of a click on its header (kept as places): ranking a
 * text column of 10,000 distinct values (serial numbers) took ~25 ms of a header click here (CPU profile,
 * 2026-12-06); the click now looks the order up and makes the rows array from it.
 */
export function sortAhead(rows: readonly LunRow[], key: LunSortKey): void {
  if (rows.length === 0) return;
  const c = cacheOf(rows);
  sortOrder(rows, c, { key, direction: 'asc' });
  sortOrder(rows, c, { key, direction: 'desc' });
}

/** The rows in the order asked, ties by LUN ID ascending; the same array for the same rows and sort while it is kept. */
export function sortRows(rows: readonly LunRow[], sort: LunSort): readonly LunRow[] {
  const c = cacheOf(rows);
  const cacheKey = `${sort.key}:${sort.direction}`;
  const hit = c.sorted.get(cacheKey);
  if (hit) return hit;
  const at = sortOrder(rows, c, sort);
  const sorted = Array.from(at, (p) => rows[p]!);
  c.sorted.set(cacheKey, sorted);
  placesOf.set(sorted, { rows, at });
  return sorted;
}

/** A sorted list's rows as places in its data set (the rows array it was sorted from): a search works on numbers. */
export interface Places {
  rows: readonly LunRow[];
  at: Int32Array;
}
const placesOf = new WeakMap<readonly LunRow[], Places>();

/** A list's places, when it came from sortRows or filterRows (lun-list.ts builds its items from them). */
export function placesOfList(list: readonly LunRow[]): Places | undefined {
  return placesOf.get(list);
}

/** Records a list's places (filterRows, lun-search.ts, for the lists it keeps). */
export function keepPlaces(list: readonly LunRow[], places: Places): void {
  placesOf.set(list, places);
}

