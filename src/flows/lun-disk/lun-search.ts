// The LUN table's search: every word of the search box in what a row shows (its columns and its state in words).
// Searched in one text per data set, by each row's place in it (decision 057), narrowing the last result as the user
// types on; the rows themselves and their sort are lun-rows.ts's.
import { keepPlaces, placesOfList, sortRows, type LunRow, type LunSort } from './lun-rows';

/**
 * Everything the row shows, lower-cased, for the search box. Made when a data set's search text is built (or a list
 * not from sortRows is searched), not kept on each row: 50,000 of them were ~9 MB of the page's heap, which each of
 * V8's major collections walks (decision 059).
 */
export function rowSearchText(row: LunRow): string {
  const a = row.availability;
  return [row.id, row.sizeText, row.pathsText, row.vendor, row.product, row.serial, row.target, row.portal, a.label, a.text].join('\u0000').toLowerCase();
}

/**
 * Every row's search text in one string, in data order, and where each row's starts. Searching it is one scan of
 * contiguous memory: filtering 10,000 rows by `haystack.includes` took 3.3–4.4 ms a keystroke in the page, most of it
 * reaching 10,000 row objects and strings spread over the heap (the same filter over fresh copies: ~1 ms).
 */
interface SearchText {
  text: string;
  starts: Int32Array;
}
const searchTexts = new WeakMap<readonly LunRow[], SearchText>();

// Between rows: a character no search word holds (words are split on whitespace, and this is not typed).
const ROW_BREAK = '\u0001';

function searchTextOf(rows: readonly LunRow[]): SearchText {
  let s = searchTexts.get(rows);
  if (!s) {
    const starts = new Int32Array(rows.length + 1);
    const texts = rows.map(rowSearchText);
    let at = 0;
    for (let i = 0; i < rows.length; i++) {
      starts[i] = at;
      at += texts[i]!.length + 1;
    }
    starts[rows.length] = at;
    s = { text: texts.join(ROW_BREAK) + ROW_BREAK, starts };
    searchTexts.set(rows, s);
  }
  return s;
}

/** How many of the words each row of the data set holds (a word counts once per row). */
function wordHits(rows: readonly LunRow[], words: readonly string[]): Uint8Array {
  const { text, starts } = searchTextOf(rows);
  const hits = new Uint8Array(rows.length);
  for (const w of words) {
    let row = 0;
    for (let pos = text.indexOf(w); pos >= 0; ) {
      while (starts[row + 1]! <= pos) row++;
      hits[row]!++;
      // On to the next row: this one holds the word.
      pos = text.indexOf(w, starts[++row]);
    }
  }
  return hits;
}

/**
 * Builds the data set's search text and runs a search over it once, ahead of the first keystroke (an idle moment while
 * the user is on an earlier step): the first search found it missing and its code cold, 9 ms against ~1 after.
 */
export function warmSearch(rows: readonly LunRow[]): void {
  if (rows.length > 0) wordHits(rows, ['0']);
}

/** The last search filtered out of each sorted list: the next keystroke usually narrows it. */
const lastFilter = new WeakMap<readonly LunRow[], { words: readonly string[]; result: readonly LunRow[] }>();

/**
 * The rows whose text holds every word of the search, in the order given (a filter keeps the sort). Typing on narrows
 * the last result instead of filtering every row again: when each word of the last search is inside a word of this
 * one, a row this search keeps was kept by the last one. A result with the same rows is the same array — the sorted
 * list itself when the search keeps every row — so the list built from it (toListItems) is not built again. A list
 * from sortRows is searched in its data set's search text (searchTextOf); any other list row by row.
 */
export function filterRows(sorted: readonly LunRow[], search: string): readonly LunRow[] {
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return sorted;
  const last = lastFilter.get(sorted);
  const narrowed = last?.words.every((o) => words.some((w) => w.includes(o))) ? last.result : undefined;
  const from = narrowed ?? sorted;
  const places = placesOfList(from);
  let kept: LunRow[];
  // (A row's hits count to 255.)
  if (places && words.length < 256) {
    const hits = wordHits(places.rows, words);
    kept = [];
    const keptAt: number[] = [];
    const at = places.at;
    for (let i = 0; i < at.length; i++) {
      if (hits[at[i]!] === words.length) {
        kept.push(from[i]!);
        keptAt.push(at[i]!);
      }
    }
    keepPlaces(kept, { rows: places.rows, at: Int32Array.from(keptAt) });
  } else {
    kept = from.filter((r) => {
      const text = rowSearchText(r);
      return words.every((w) => text.includes(w));
    });
  }
  // As long as the list it was filtered from (the last result, or every row): the same rows, in the same order.
  const result = kept.length === from.length ? from : kept;
  lastFilter.set(sorted, { words, result });
  return result;
}

/** Filter by the search text (every word must match somewhere in the row), then sort; stable on LUN ID. */
export function filterAndSort(rows: readonly LunRow[], search: string, sort: LunSort): LunRow[] {
  return filterRows(sortRows(rows, sort), search).slice();
}
