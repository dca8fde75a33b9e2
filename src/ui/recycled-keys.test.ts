import { describe, expect, it } from 'vitest';
import { recycleKeys, type RowKeys } from './recycled-keys';

function start(items: string[]): RowKeys {
  return { items, keys: items.map((_, i) => `k${i}`) };
}
function run(prev: RowKeys, items: string[]) {
  let n = 0;
  return recycleKeys(prev, items, () => `new${n++}`);
}
/** How many elements React would move: kept old indices that come after a larger one. */
function moves(prev: RowKeys, keys: string[]): number {
  let last = -1;
  let moved = 0;
  for (const k of keys) {
    const o = prev.keys.indexOf(k);
    if (o < 0) continue;
    if (o < last) moved++;
    else last = o;
  }
  return moved;
}

describe('recycleKeys', () => {
  const prev = start(['a', 'b', 'c', 'd', 'e']);

  it('a new order in the same window (a sort, a search) re-uses every element in place', () => {
    const keys = run(prev, ['v', 'w', 'x', 'y', 'z']);
    expect(keys).toEqual(['k0', 'k1', 'k2', 'k3', 'k4']);
  });

  it('a shorter list (a search) re-uses the first elements and drops the rest', () => {
    expect(run(prev, ['x', 'y'])).toEqual(['k0', 'k1']);
  });

  it('a scroll down keeps the staying rows and mounts the arriving ones: nothing moves', () => {
    const keys = run(prev, ['c', 'd', 'e', 'f', 'g']);
    expect(keys).toEqual(['k2', 'k3', 'k4', 'new0', 'new1']);
    expect(moves(prev, keys)).toBe(0);
  });

  it('a scroll up keeps the staying rows and mounts the arriving ones: nothing moves', () => {
    const keys = run(prev, ['y', 'z', 'a', 'b', 'c']);
    expect(keys).toEqual(['new0', 'new1', 'k0', 'k1', 'k2']);
    expect(moves(prev, keys)).toBe(0);
  });

  it('an item that stays keeps its element wherever it goes; arriving ones fill the gaps around it', () => {
    const keys = run(prev, ['x', 'c', 'y', 'z', 'w']);
    expect(keys[1]).toBe('k2');
    expect(keys[0]).toBe('k0');
    expect(keys.slice(2)).toEqual(['k3', 'k4', 'new0']);
    expect(moves(prev, keys)).toBe(0);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('the same rows again keep their keys (a pick re-renders rows without re-keying them)', () => {
    expect(run(prev, ['a', 'b', 'c', 'd', 'e'])).toEqual(prev.keys);
  });
});
