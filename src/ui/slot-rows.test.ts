import { describe, expect, it } from 'vitest';
import { ITEM_KEYS_BELOW, nextAnchor, slotKey } from './slot-rows';

describe('nextAnchor (decision 067)', () => {
  const items = ['list'];
  const keyOf = (anchor: number, i: number) => slotKey(i - anchor);

  it('keeps the anchor on a small move, so each staying item keeps its key', () => {
    const first = nextAnchor(undefined, 0, items);
    const next = nextAnchor(first, ITEM_KEYS_BELOW - 1, items);
    expect(next.anchor).toBe(first.anchor);
    expect(keyOf(next.anchor, 10)).toBe(keyOf(first.anchor, 10));
    // Moving back up: the arriving rows above get keys of their own (negative places), not the staying rows' keys.
    const up = nextAnchor(next, 1, items);
    expect(up.anchor).toBe(first.anchor);
    expect(keyOf(up.anchor, 1)).toBe('slot-1');
  });

  it('moves the anchor with the window on a large move, so each place keeps its key', () => {
    const first = nextAnchor(nextAnchor(undefined, 0, items), 3, items);
    const far = nextAnchor(first, 3 + ITEM_KEYS_BELOW, items);
    expect(keyOf(far.anchor, far.start)).toBe(keyOf(first.anchor, first.start));
    const back = nextAnchor(far, 3 - ITEM_KEYS_BELOW - 500, items);
    expect(keyOf(back.anchor, back.start + 4)).toBe(keyOf(first.anchor, first.start + 4));
  });

  it('moves the anchor with the window for another list, even without a move (a sort, a search)', () => {
    const first = nextAnchor(nextAnchor(undefined, 0, items), 2, items);
    const sorted = nextAnchor(first, 4, ['sorted']);
    expect(keyOf(sorted.anchor, 4)).toBe(keyOf(first.anchor, 2));
  });

  it('names places before the anchor and far past it without clashing', () => {
    expect(slotKey(-1)).toBe('slot--1');
    expect(slotKey(1000)).toBe('slot-1000');
    expect(new Set([-2, -1, 0, 1, 255, 256, 257].map(slotKey)).size).toBe(7);
  });
});
