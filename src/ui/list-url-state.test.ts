import { describe, expect, it } from 'vitest';
import { readListState, writeListState, type ListUrlSpec } from './list-url-state';

const spec: ListUrlSpec = { filterParam: 'status', filterValues: ['all', 'up', 'down'], sortKeys: ['name', 'status', 'host'], defaultSort: 'name' };
const p = (s: string) => new URLSearchParams(s);

describe('readListState', () => {
  it('reads every part of the view', () => {
    expect(readListState(p('search=db&status=up&sort=host&dir=desc&page=3'), spec)).toEqual({ search: 'db', filter: 'up', sort: 'host', desc: true, page: 3 });
  });

  it('falls back to the defaults for missing, unknown or malformed values', () => {
    expect(readListState(p(''), spec)).toEqual({ search: '', filter: 'all', sort: 'name', desc: false, page: 1 });
    expect(readListState(p('status=weird&sort=size&dir=sideways&page=-2'), spec)).toEqual({ search: '', filter: 'all', sort: 'name', desc: false, page: 1 });
    expect(readListState(p('page=2.5'), spec).page).toBe(1);
    expect(readListState(p('page=abc'), spec).page).toBe(1);
  });
});

describe('writeListState', () => {
  it('leaves defaults out of the URL and keeps other parameters', () => {
    expect(writeListState(p('scenario=datacenter&sort=host'), spec, { sort: 'name' }).toString()).toBe('scenario=datacenter');
  });

  it('goes back to page 1 when the search, filter or sort changes', () => {
    expect(writeListState(p('page=4'), spec, { search: 'db' }).toString()).toBe('search=db');
    expect(writeListState(p('page=4&search=db'), spec, { filter: 'up' }).toString()).toBe('search=db&status=up');
    expect(writeListState(p('page=4'), spec, { sort: 'status', desc: true }).toString()).toBe('sort=status&dir=desc');
  });

  it('keeps the view when only the page changes', () => {
    expect(writeListState(p('search=db&status=down&sort=host&dir=desc'), spec, { page: 2 }).toString()).toBe('search=db&status=down&sort=host&dir=desc&page=2');
  });

  it('round-trips through readListState', () => {
    const state = { search: 'name=web*', filter: 'down', sort: 'status', desc: true, page: 7 };
    expect(readListState(writeListState(p(''), spec, state), spec)).toEqual(state);
  });
});
