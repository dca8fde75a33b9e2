// The engine's search grammar as the emulator reads it for /vms, /disks and /hosts (list-search.ts), and what a
// request with `search` and `max` returns through the handlers.
import { describe, expect, it } from 'vitest';
import { EngineFault } from '../engine/messages';
import { applyListSearch, parseListSearch } from './list-search';

const F = ['name', 'status', 'host', 'cluster'];
const S = ['name', 'status', 'cluster', 'on_host'];

function fault(run: () => unknown): EngineFault {
  try {
    run();
  } catch (err) {
    if (err instanceof EngineFault) return err;
    throw err;
  }
  throw new Error('expected an EngineFault');
}

describe('parseListSearch', () => {
  it('reads nothing from an empty search', () => {
    expect(parseListSearch(null, F, S)).toEqual({ terms: [] });
    expect(parseListSearch('  ', F, S)).toEqual({ terms: [] });
  });

  it('reads conditions joined by AND, or by nothing (an implicit AND), with = and !=', () => {
    expect(parseListSearch('name=db* and status!=down', F, S).terms).toEqual([
      { field: 'name', negated: false, value: 'db*' },
      { field: 'status', negated: true, value: 'down' },
    ]);
    expect(parseListSearch('Name = db* Cluster="prod east"', F, S).terms).toEqual([
      { field: 'name', negated: false, value: 'db*' },
      { field: 'cluster', negated: false, value: 'prod east' },
    ]);
  });

  it('reads sortby with its direction, and the page, in that order (SyntaxChecker stateMap)', () => {
    expect(parseListSearch('name=db* sortby name asc', F, S)).toEqual({ terms: [{ field: 'name', negated: false, value: 'db*' }], sort: { field: 'name', desc: false } });
    expect(parseListSearch('status=up SORTBY on_host DESC page 3', F, S)).toMatchObject({ sort: { field: 'on_host', desc: true }, page: 3 });
    expect(parseListSearch('sortby cluster page 2', F, S)).toEqual({ terms: [], sort: { field: 'cluster', desc: false }, page: 2 });
    expect(parseListSearch('page 4', F, S)).toEqual({ terms: [], page: 4 });
    // QueryHelper.parsePageNum: "page " without a number is page 1.
    expect(parseListSearch('name=a page', F, S).page).toBe(1);
  });

  it('refuses what the engine refuses, saying what is supported', () => {
    expect(fault(() => parseListSearch('memory=4096', F, S))).toMatchObject({ status: 400, reason: 'Operation Failed' });
    expect(fault(() => parseListSearch('name=a sortby host', F, S)).detail).toMatch(/Sort by one of: name, status, cluster, on_host/);
    expect(fault(() => parseListSearch("name='x'", F, S)).detail).toMatch(/' and ; are not allowed/);
    expect(fault(() => parseListSearch('name=a;drop', F, S)).detail).toMatch(/not allowed/);
    expect(fault(() => parseListSearch('page 2 sortby name', F, S)).detail).toMatch(/Nothing may follow the page/);
    expect(fault(() => parseListSearch('name=a or name=b', F, S)).detail).toMatch(/AND only/);
    expect(fault(() => parseListSearch('name=', F, S)).status).toBe(400);
  });
});

describe('applyListSearch', () => {
  const rows = Array.from({ length: 25 }, (_, i) => ({ name: `vm${i + 1}`, status: i % 2 ? 'up' : 'down', host: i % 3 ? `host${i % 3}` : undefined }));
  const spec = {
    text: (r: (typeof rows)[number], f: string) => (f === 'name' ? r.name : f === 'status' ? r.status : r.host),
    sortKey: (r: (typeof rows)[number], f: string) => (f === 'name' ? r.name : f === 'status' ? r.status : (r.host ?? '')),
    defaultSort: 'name',
  };
  const names = (q: string, max?: number) => applyListSearch(rows, parseListSearch(q, F, S), max, spec).map((r) => r.name);

  it('filters with * wildcards, case-insensitive, and != negates', () => {
    expect(names('name=VM2*')).toEqual(['vm2', 'vm20', 'vm21', 'vm22', 'vm23', 'vm24', 'vm25']);
    expect(names('name=vm2* and status!=up')).toEqual(['vm21', 'vm23', 'vm25']);
    // A VM without a host matches no host condition, not even *.
    expect(names('host=*')).toHaveLength(16);
  });

  it('sorts by the default order (as SQL text: "vm10" before "vm2"), by a field, descending; ties keep the default order', () => {
    expect(names('', 4)).toEqual(['vm1', 'vm10', 'vm11', 'vm12']);
    expect(names('sortby name desc', 3)).toEqual(['vm9', 'vm8', 'vm7']);
    expect(names('sortby status asc', 3)).toEqual(['vm1', 'vm11', 'vm13']);
    expect(names('sortby status desc', 3)).toEqual(['vm10', 'vm12', 'vm14']);
  });

  it('pages with max: page N holds rows (N-1)·max+1 … N·max (getPagePhrase); pages never overlap', () => {
    expect(names('page 2', 10)).toEqual(['vm19', 'vm2', 'vm20', 'vm21', 'vm22', 'vm23', 'vm24', 'vm25', 'vm3', 'vm4']);
    expect(names('page 3', 10)).toEqual(['vm5', 'vm6', 'vm7', 'vm8', 'vm9']);
    expect(names('page 4', 10)).toEqual([]);
    const all = [1, 2, 3].flatMap((p) => names(`sortby status desc page ${p}`, 10));
    expect(new Set(all).size).toBe(25);
    // Without max the count is Integer.MAX_VALUE: everything on page 1, nothing after.
    expect(names('')).toHaveLength(25);
    expect(names('page 2')).toEqual([]);
  });
});
