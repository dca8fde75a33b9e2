// React keys for the rows of a windowed list that re-use row elements where that costs no DOM move (decision 053).
// Keyed by item, a sort or a search with the window in place unmounts every row on screen and mounts as many new
// ones: each new element is created, styled and laid out from nothing. Keyed by position, a scroll would turn the
// element under the user's focus into another item. Here a row that stays keeps its element; an item that arrives
// takes the element of one that left, but only where React can keep it in place — React moves an element that comes
// after one it has placed from later in the old list, and a move is a removal and an insertion, as costly as a new
// row. So a sort or a search updates the rows' texts in place, a scroll down or up mounts the arriving rows and
// unmounts the leaving ones as before, and a pick changes no key at all.
import { useLayoutEffect, useState } from 'react';

/** The keys of one commit, in order, with the item each one showed. */
export interface RowKeys {
  keys: readonly string[];
  items: readonly string[];
}

/**
 * The key of each of `items` (item keys, in order), given the previous commit's keys: an item that was there keeps its
 * key; a new one takes a key whose item left when that keeps the old keys in increasing order (no move), else a
 * fresh one from `fresh`.
 */
export function recycleKeys(prev: RowKeys, items: readonly string[], fresh: () => string): string[] {
  const oldIndexOfItem = new Map<string, number>();
  prev.items.forEach((it, i) => oldIndexOfItem.set(it, i));
  const kept = new Set<string>();
  for (const it of items) if (oldIndexOfItem.has(it)) kept.add(it);
  // The keys whose item left, in their old order: the ones that can be handed on.
  const free: number[] = [];
  prev.items.forEach((it, i) => {
    if (!kept.has(it)) free.push(i);
  });
  // For each position, the old index of the next staying item after it (Infinity: none): a handed-on key must sit
  // between the last old index placed and that one.
  const nextKeptOld = new Array<number>(items.length);
  let bound = Infinity;
  for (let i = items.length - 1; i >= 0; i--) {
    nextKeptOld[i] = bound;
    const o = oldIndexOfItem.get(items[i] ?? '');
    if (o !== undefined) bound = o;
  }
  const keys: string[] = [];
  let lastOld = -1;
  let f = 0;
  items.forEach((it, i) => {
    const o = oldIndexOfItem.get(it);
    if (o !== undefined) {
      keys.push(prev.keys[o] ?? fresh());
      lastOld = Math.max(lastOld, o);
      return;
    }
    while (f < free.length && (free[f] ?? 0) <= lastOld) f++;
    const candidate = free[f];
    if (candidate !== undefined && candidate < (nextKeptOld[i] ?? Infinity)) {
      keys.push(prev.keys[candidate] ?? fresh());
      lastOld = candidate;
      f++;
    } else {
      keys.push(fresh());
    }
  });
  return keys;
}

/** The last committed rows' keys, and fresh keys. */
class KeyRecycler {
  private committed: RowKeys = { keys: [], items: [] };
  private count = 0;
  keysFor(items: readonly string[]): string[] {
    return recycleKeys(this.committed, items, () => `row-${this.count++}`);
  }
  commit(rows: RowKeys): void {
    this.committed = rows;
  }
}

/**
 * The keys for the rows rendered now (`items`: their item keys, in order). Computed from the last committed rows,
 * and committed in a layout effect, so a render React throws away leaves nothing behind.
 */
export function useRecycledKeys(items: readonly string[]): readonly string[] {
  const [recycler] = useState(() => new KeyRecycler());
  const keys = recycler.keysFor(items);
  useLayoutEffect(() => recycler.commit({ keys, items }));
  return keys;
}
