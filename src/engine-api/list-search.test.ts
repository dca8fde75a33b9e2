import { describe, expect, it } from 'vitest';
import { engineSearch, searchValue, toListPage, userSearch } from './list-search';

describe('engineSearch', () => {
  it('writes conditions, sortby and page in the order the engine reads them', () => {
    expect(engineSearch({ conditions: ['name=*db*', 'status=up'], sortBy: 'name', desc: true, page: 3, max: 100 })).toBe('name=*db* and status=up sortby name desc page 3');
    expect(engineSearch({ conditions: [], sortBy: 'on_host', page: 2, max: 100 })).toBe('sortby on_host asc page 2');
    expect(engineSearch({ conditions: [], page: 1, max: 100 })).toBe('');
    expect(engineSearch({ conditions: ['disk_type=lun'], page: 1, max: 100 })).toBe('disk_type=lun');
  });
});

describe('searchValue', () => {
  it("quotes values with spaces and leaves out what the engine refuses (' ; \")", () => {
    expect(searchValue('db01')).toBe('db01');
    expect(searchValue('prod east')).toBe('"prod east"');
    expect(searchValue("o'brien;")).toBe('obrien');
  });
});

describe('userSearch', () => {
  const fields = ['name', 'status', 'host', 'cluster'];
  it('reads plain words as a name that contains them; a typed * is the wildcard', () => {
    expect(userSearch('db', 'name', fields)).toEqual({ ok: true, conditions: ['name=*db*'] });
    expect(userSearch('db*', 'name', fields)).toEqual({ ok: true, conditions: ['name=db*'] });
    expect(userSearch('web  server', 'alias', fields)).toEqual({ ok: true, conditions: ['alias="*web server*"'] });
    expect(userSearch('  ', 'name', fields)).toEqual({ ok: true, conditions: [] });
  });

  it('passes field=value terms for the list\'s fields, with or without "and"', () => {
    expect(userSearch('host=host001 cluster=cluster01', 'name', fields)).toEqual({ ok: true, conditions: ['host=host001', 'cluster=cluster01'] });
    expect(userSearch('Status != down and name=db*', 'name', fields)).toEqual({ ok: true, conditions: ['status!=down', 'name=db*'] });
    expect(userSearch('cluster="prod east"', 'name', fields)).toEqual({ ok: true, conditions: ['cluster="prod east"'] });
  });

  it('refuses other fields, sortby or page typed in, and the characters the engine refuses, saying why', () => {
    expect(userSearch('memory=4', 'name', fields)).toMatchObject({ ok: false, reason: expect.stringMatching(/name, status, host, cluster/) });
    expect(userSearch('name=a sortby name', 'name', fields).ok).toBe(false);
    expect(userSearch('name=a page 2', 'name', fields).ok).toBe(false);
    expect(userSearch("o'brien", 'name', fields)).toMatchObject({ ok: false, reason: expect.stringMatching(/' or ;/) });
  });
});

describe('toListPage', () => {
  const q = (page: number) => ({ conditions: [], page, max: 3 });
  it('knows the total only from a short page (the engine has no count)', () => {
    expect(toListPage([1, 2], q(1)).total).toBe(2);
    expect(toListPage([1, 2], q(4)).total).toBe(11);
    expect(toListPage([1, 2, 3], q(1)).total).toBeUndefined();
    expect(toListPage([], q(1)).total).toBe(0);
    // An empty page after the first says nothing about how many came before.
    expect(toListPage([], q(3)).total).toBeUndefined();
  });
});
