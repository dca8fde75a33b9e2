import { describe, expect, it } from 'vitest';
import { KeyedItems, TextIndex, TextSet } from './text-index';

describe('TextIndex', () => {
  it('numbers distinct texts in the order first added and finds them again, through many rehashes', () => {
    const ix = new TextIndex();
    const texts = Array.from({ length: 5000 }, (_, i) => `SPURE_FlashArray_${(i * 7919).toString(16)}`);
    texts.forEach((s, i) => expect(ix.add(s)).toBe(i));
    texts.forEach((s, i) => expect(ix.add(s)).toBe(i));
    expect(ix.size).toBe(5000);
    expect(ix.texts).toEqual(texts);
    texts.forEach((s, i) => expect(ix.numberOf(s)).toBe(i));
    expect(ix.numberOf('SPURE_FlashArray_zz')).toBe(-1);
  });

  it('tells apart texts that hash alike or differ in one code unit, and the empty text', () => {
    const ix = new TextIndex(2);
    const texts = ['', 'a', 'b', 'ab', 'ba', 'é', 'e\u0301', '\u{1F600}', 'Aa', 'BB'];
    for (const s of texts) ix.add(s);
    expect(texts.map((s) => ix.numberOf(s))).toEqual(texts.map((_, i) => i));
    expect(ix.numberOf('c')).toBe(-1);
  });
});

describe('KeyedItems', () => {
  it('finds items by key as a Map would, the later item for a repeated key', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ id: `3600${i}`, n: i }));
    const all = [...rows, { id: '36007', n: -1 }];
    const byId = new KeyedItems(all, (r) => r.id);
    const map = new Map(all.map((r) => [r.id, r]));
    for (const id of ['36000', '36007', '3600999', '36001000', '']) {
      expect(byId.get(id)).toBe(map.get(id));
      expect(byId.has(id)).toBe(map.has(id));
    }
  });
});

describe('TextSet', () => {
  it('answers has and size as a Set of the same texts, and iterates each once in the order first given', () => {
    const ids = ['b', 'a', 'b', 'c', ''];
    const set = new TextSet(ids);
    expect([...set]).toEqual([...new Set(ids)]);
    expect(set.size).toBe(4);
    for (const id of ['a', 'b', 'c', '', 'd']) expect(set.has(id)).toBe(new Set(ids).has(id));
    expect(new TextSet().size).toBe(0);
  });
});
