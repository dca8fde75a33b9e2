// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { columnWidths, DEFAULT_LUN_COLUMNS, LUN_COLUMNS_KEY, readLunColumns, visibleLunColumns, writeLunColumns } from './lun-columns';

beforeEach(() => localStorage.clear());

describe('the LUN table columns', () => {
  it('shows the eight columns an administrator matches against the array, plus the pick and the actions', () => {
    expect(visibleLunColumns(DEFAULT_LUN_COLUMNS, true, false).map((c) => c.key)).toEqual([
      'select', 'id', 'size', 'paths', 'status', 'vendor', 'product', 'serial', 'target', 'action',
    ]);
    // Grouped, each group names the target; Fibre Channel has none.
    expect(visibleLunColumns(DEFAULT_LUN_COLUMNS, true, true).map((c) => c.key)).not.toContain('target');
    expect(visibleLunColumns(['portal', 'size'], false, false).map((c) => c.key)).toEqual(['select', 'id', 'size', 'action']);
  });

  it('fits the 1440 px wizard (852 px of table) in the flat list without scrolling sideways', () => {
    const cols = visibleLunColumns(DEFAULT_LUN_COLUMNS, true, false);
    const w = columnWidths(cols, 852);
    expect(w.reduce((s, x) => s + x, 0)).toBeLessThanOrEqual(852);
    w.forEach((x, i) => expect(x).toBeGreaterThanOrEqual(cols[i]!.min));
  });

  it('gives room to the status, then the whole ID, then the others; never below a minimum', () => {
    const cols = visibleLunColumns(DEFAULT_LUN_COLUMNS, true, false);
    const at = (w: number[], key: string) => w[cols.findIndex((c) => c.key === key)]!;
    const wide = columnWidths(cols, 1332);
    expect(at(wide, 'id')).toBe(264);
    expect(at(wide, 'status')).toBeGreaterThanOrEqual(200);
    expect(wide.reduce((s, x) => s + x, 0)).toBe(1332);
    const narrow = columnWidths(cols, 500);
    expect(narrow).toEqual(cols.map((c) => c.min));
  });

  it('keeps the choice under a dlc. key, ignores what it cannot read, and forgets the defaults', () => {
    writeLunColumns(['size', 'portal']);
    expect(localStorage.getItem(LUN_COLUMNS_KEY)).toBe('["size","portal"]');
    expect(readLunColumns()).toEqual(['size', 'portal']);
    localStorage.setItem(LUN_COLUMNS_KEY, '{oops');
    expect(readLunColumns()).toEqual(DEFAULT_LUN_COLUMNS);
    localStorage.setItem(LUN_COLUMNS_KEY, '["id","select","bogus","serial"]');
    expect(readLunColumns()).toEqual(['serial']);
    writeLunColumns(DEFAULT_LUN_COLUMNS);
    expect(localStorage.getItem(LUN_COLUMNS_KEY)).toBeNull();
  });
});
