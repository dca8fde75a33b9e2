import { describe, expect, it } from 'vitest';
import {
  MAX_BATCH, batchAliasProblems, batchAliases, batchSummary, digitsFor, patternAlias, prefixProblem, rangeToAdd, type NamePattern,
} from './lun-batch';

const TiB = 1024 ** 4;

describe('batch summary', () => {
  it('counts the LUNs and adds their sizes in binary units', () => {
    expect(batchSummary([TiB / 2, TiB / 2, TiB / 2])).toBe('3 LUNs selected, 1.5 TiB');
    expect(batchSummary([TiB])).toBe('1 LUN selected, 1 TiB');
    expect(batchSummary([])).toBe('No LUN selected');
  });
  it('says when a size is unknown instead of counting it as zero silently', () => {
    expect(batchSummary([TiB, undefined])).toBe('2 LUNs selected, 1 TiB (+1 of unknown size)');
  });
});

describe('shift-click range', () => {
  const shown = ['a', 'b', 'used', 'c', 'd', 'e'];
  const selectable = (id: string) => id !== 'used';
  it('adds the selectable LUNs between the anchor and the target, either direction, skipping used ones', () => {
    expect(rangeToAdd(shown, 'a', 'd', selectable, new Set(['a']))).toEqual(['b', 'c', 'd']);
    expect(rangeToAdd(shown, 'e', 'b', selectable, new Set(['e']))).toEqual(['b', 'c', 'd']);
  });
  it('without an anchor shown, adds only the target', () => {
    expect(rangeToAdd(shown, undefined, 'c', selectable, new Set())).toEqual(['c']);
    expect(rangeToAdd(shown, 'gone', 'c', selectable, new Set())).toEqual(['c']);
  });
  it('stops at the batch cap', () => {
    const many = Array.from({ length: 80 }, (_, i) => `l${i}`);
    const already = new Set(many.slice(0, 60));
    expect(rangeToAdd(many, 'l59', 'l79', () => true, already)).toEqual(['l60', 'l61', 'l62', 'l63']);
    expect(MAX_BATCH).toBe(64);
  });
});

describe('naming pattern', () => {
  const ids = ['3600a', '3600b', '3600c'];
  it('names by LUN ID by default', () => {
    expect(batchAliases(ids, { kind: 'lun-id' }, {})).toEqual(['3600a', '3600b', '3600c']);
  });
  it('names by a prefix with a zero-padded number', () => {
    const p: NamePattern = { kind: 'prefix', prefix: 'rac-data-', start: 1, digits: digitsFor(1, 3) };
    expect(batchAliases(ids, p, {})).toEqual(['rac-data-01', 'rac-data-02', 'rac-data-03']);
    expect(patternAlias({ kind: 'prefix', prefix: 'x', start: 9, digits: digitsFor(9, 2) }, 1, 'z')).toBe('x10');
    expect(digitsFor(1, 64)).toBe(2);
    expect(digitsFor(95, 10)).toBe(3);
  });
  it('keeps the user’s own edit of one alias in its place', () => {
    const p: NamePattern = { kind: 'prefix', prefix: 'rac-', start: 1, digits: 2 };
    expect(batchAliases(ids, p, { '3600b': 'rac-voting' })).toEqual(['rac-01', 'rac-voting', 'rac-03']);
  });
});

describe('batch alias rules', () => {
  it('refuses a duplicate within the batch, on the later disk, naming the earlier one', () => {
    const problems = batchAliasProblems(['rac-01', 'rac-02', 'rac-01'], ['L1', 'L2', 'L3']);
    expect(problems[0]).toBeUndefined();
    expect(problems[1]).toBeUndefined();
    expect(problems[2]).toBe('Disk 1 of this batch (LUN L1) is already called rac-01: each disk of a batch needs its own alias.');
  });
  it('applies the engine’s alias rule to each alias, and requires one', () => {
    const problems = batchAliasProblems(['ok', 'bad name', ''], ['L1', 'L2', 'L3']);
    expect(problems[0]).toBeUndefined();
    expect(problems[1]).toMatch(/not space/);
    expect(problems[2]).toMatch(/can't be empty/);
  });
  it('checks the prefix and the first number', () => {
    expect(prefixProblem('', 1)).toMatch(/Enter a prefix/);
    expect(prefixProblem('rac data', 1)).toMatch(/not space/);
    expect(prefixProblem('rac-', -1)).toMatch(/whole number/);
    expect(prefixProblem('rac-', 1)).toBeUndefined();
  });
});
