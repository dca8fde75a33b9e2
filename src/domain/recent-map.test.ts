import { describe, expect, it } from 'vitest';
import { RecentMap } from './recent-map';

describe('RecentMap', () => {
  it('keeps the most recently used entries: a get makes an entry the newest, a set past the limit drops the oldest', () => {
    const m = new RecentMap<string, number>(2);
    m.set('a', 1).set('b', 2);
    expect(m.get('a')).toBe(1);
    m.set('c', 3);
    expect(m.get('b')).toBeUndefined();
    expect(m.get('a')).toBe(1);
    expect(m.get('c')).toBe(3);
    expect(m.size).toBe(2);
    // Setting a present key replaces its value without dropping another.
    m.set('c', 4);
    expect(m.size).toBe(2);
    expect(m.get('a')).toBe(1);
    expect(m.get('c')).toBe(4);
  });
});
