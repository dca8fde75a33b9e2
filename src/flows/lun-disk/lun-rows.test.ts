import { describe, expect, it } from 'vitest';
import type { AvailabilityContext } from '../../domain/lun-availability';
import type { HostLun } from '../../domain/model';
import { toListItems, warmLunLists } from './lun-list';
import { buildLunRows, collationKey, LUN_SORT_KEYS, lunRowCounts, sortAhead, sortRows, type LunRow } from './lun-rows';
import { filterAndSort, filterRows, rowSearchText } from './lun-search';

const ctx: AvailabilityContext = {
  hostName: 'host1',
  disk: (id) => ({ id, alias: 'archive-lun', sharable: false }),
  vmNamesOfDisk: () => [],
  storageDomainName: () => 'data1',
};

function lun(id: string, o: Partial<HostLun['lu']> = {}, type: HostLun['type'] = 'iscsi'): HostLun {
  return { id, type, hostId: 'h1', lu: { id, size: 2 ** 30, paths: 1, activePaths: 1, vendorId: 'LIO-ORG', productId: 'lun0', serial: `S-${id}`, target: 'iqn.x:apps', address: '10.35.1.72', port: 3260, ...o } };
}

const luns = [
  lun('36001405b', { size: 10 * 2 ** 30, target: 'iqn.x:data' }),
  lun('36001405a', { size: 2 ** 40, diskId: 'd1' }),
  lun('360014059', { size: 2 ** 30, vendorId: 'DGC', storageDomainId: 'sd' }),
  lun('3600a0980', {}, 'fcp'),
];

describe('LUN rows', () => {
  it('keeps only the storage type asked for', () => {
    expect(buildLunRows(luns, 'iscsi', ctx).map((r) => r.id)).toEqual(['36001405b', '36001405a', '360014059']);
    expect(buildLunRows(luns, 'fcp', ctx).map((r) => r.id)).toEqual(['3600a0980']);
  });

  it('search matches any column, every word, including the state in words', () => {
    const rows = buildLunRows(luns, 'iscsi', ctx);
    const sort = { key: 'id', direction: 'asc' } as const;
    expect(filterAndSort(rows, 'dgc', sort).map((r) => r.id)).toEqual(['360014059']);
    expect(filterAndSort(rows, '1 TiB', sort).map((r) => r.id)).toEqual(['36001405a']);
    expect(filterAndSort(rows, 'archive-lun', sort).map((r) => r.id)).toEqual(['36001405a']);
    expect(filterAndSort(rows, 'iqn.x:data 10 gib', sort).map((r) => r.id)).toEqual(['36001405b']);
    expect(filterAndSort(rows, 'nothing-like-this', sort)).toEqual([]);
  });

  it('sorts the LUN ID as a string, sizes as numbers, states by rank', () => {
    const rows = buildLunRows(luns, 'iscsi', ctx);
    expect(filterAndSort(rows, '', { key: 'id', direction: 'asc' }).map((r) => r.id)).toEqual(['360014059', '36001405a', '36001405b']);
    expect(filterAndSort(rows, '', { key: 'id', direction: 'desc' }).map((r) => r.id)).toEqual(['36001405b', '36001405a', '360014059']);
    expect(filterAndSort(rows, '', { key: 'size', direction: 'asc' }).map((r) => r.sizeText)).toEqual(['1 GiB', '10 GiB', '1 TiB']);
    expect(filterAndSort(rows, '', { key: 'status', direction: 'asc' }).map((r) => r.availability.label)).toEqual(['Available', 'In storage domain', 'Used']);
  });

  it('groups by target, targets by name, with counts', () => {
    const rows = filterAndSort(buildLunRows(luns, 'iscsi', ctx), '', { key: 'id', direction: 'asc' });
    const items = toListItems(rows, true);
    expect(items.map((i) => (i.kind === 'group' ? `# ${i.target} ${i.total}/${i.available}` : i.row.id))).toEqual([
      '# iqn.x:apps 2/0',
      '360014059',
      '36001405a',
      '# iqn.x:data 1/1',
      '36001405b',
    ]);
    expect(toListItems(rows, false).every((i) => i.kind === 'lun')).toBe(true);
  });

  it('warmLunLists builds the opening list ahead: the LUN step then gets the same sorted rows and items, not new ones', () => {
    const rows = buildLunRows(luns, 'iscsi', ctx);
    const sort = { key: 'status', direction: 'asc' } as const;
    warmLunLists(rows, sort, true);
    const sorted = sortRows(rows, sort);
    expect(sortRows(rows, sort)).toBe(sorted);
    const items = toListItems(sorted, true);
    expect(toListItems(sorted, true)).toBe(items);
    expect(items.filter((i) => i.kind === 'lun')).toHaveLength(rows.length);
    expect(toListItems(sorted, false)).not.toBe(items);
  });

  it('sortAhead keeps each column sorted both ways: what a header click then gets is the same order a cold sort makes', () => {
    const warm = buildLunRows(luns, 'iscsi', ctx);
    const cold = buildLunRows(luns, 'iscsi', ctx);
    for (const key of LUN_SORT_KEYS) sortAhead(warm, key);
    for (const key of LUN_SORT_KEYS) {
      for (const direction of ['asc', 'desc'] as const) {
        const sorted = sortRows(warm, { key, direction });
        expect(sorted.map((r) => r.id), `${key} ${direction}`).toEqual(sortRows(cold, { key, direction }).map((r) => r.id));
        expect(toListItems(sorted, false).map((i) => i.key)).toEqual(sorted.map((r) => r.id));
      }
    }
  });

  // Decision 059: every sort's order is kept per data set, as places; only the last few sorts stay arrays of rows.
  it('keeps the same rows array for a sort while it is among the last used, and makes an equal one after', () => {
    const rows = buildLunRows(luns, 'iscsi', ctx);
    const bySize = sortRows(rows, { key: 'size', direction: 'asc' });
    // Used again between other sorts: kept.
    sortRows(rows, { key: 'vendor', direction: 'asc' });
    expect(sortRows(rows, { key: 'size', direction: 'asc' })).toBe(bySize);
    sortRows(rows, { key: 'vendor', direction: 'desc' });
    sortRows(rows, { key: 'serial', direction: 'asc' });
    expect(sortRows(rows, { key: 'size', direction: 'asc' })).toBe(bySize);
    // Three others used since: made again from its kept order, the same rows in the same order.
    for (const key of ['id', 'paths', 'product'] as const) sortRows(rows, { key, direction: 'asc' });
    const again = sortRows(rows, { key: 'size', direction: 'asc' });
    expect(again).not.toBe(bySize);
    expect(again).toEqual(bySize);
    expect(toListItems(again, true).map((i) => i.key)).toEqual(toListItems(bySize, true).map((i) => i.key));
    // Searched: the same rows a filter of every row keeps.
    expect(filterRows(again, 'lio').map((r) => r.id)).toEqual(bySize.filter((r) => rowSearchText(r).includes('lio')).map((r) => r.id));
  });

  it('counts once per data set: available, in a storage domain, used, and what a batch may hold', () => {
    const rows = buildLunRows(luns, 'iscsi', ctx);
    const counts = lunRowCounts(rows);
    expect(counts).toEqual({ total: 3, available: 1, storageDomain: 1, used: 1, checkable: 1 });
    expect(lunRowCounts(rows)).toBe(counts);
  });

  // Typing on narrows the last result (filterRows keeps it per sorted list); every step must still equal a filter of
  // all the rows, whatever came before: typing, deleting, a second word, a word replaced, the search cleared.
  it('narrows the last search as the user types, and equals a filter of every row after each step', () => {
    const many = Array.from({ length: 600 }, (_, i) =>
      lun(`36001405${i.toString(16).padStart(25, '0')}`, { vendorId: ['PURE', 'LIO-ORG', 'DGC'][i % 3], productId: `FlashArray ${i % 7}`, size: (i % 5) * 2 ** 40 }),
    );
    const sorted = sortRows(buildLunRows(many, 'iscsi', ctx), { key: 'size', direction: 'asc' });
    const every = (search: string) => {
      const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
      return sorted.filter((r: LunRow) => words.every((w) => rowSearchText(r).includes(w)));
    };
    const steps = ['F', 'Fl', 'Fla', 'FlashArray', 'FlashArray ', 'FlashArray 3', 'FlashArray 3 p', 'FlashArray 3 pu', 'FlashArray 3 p', 'FlashArray 3', 'FlashArray 3 lio', 'lio FlashArray 3', 'lio', 'li', 'dgc 4', '', 'x', 'xy'];
    for (const search of steps) expect(filterRows(sorted, search).map((r) => r.id), search).toEqual(every(search).map((r) => r.id));
  });

  it('gives the same array when a keystroke keeps the same rows, so the list built from it is not built again', () => {
    const sorted = sortRows(buildLunRows(luns, 'iscsi', ctx), { key: 'id', direction: 'asc' });
    const a = filterRows(sorted, 'lio');
    const b = filterRows(sorted, 'lio-');
    expect(b).toBe(a);
    expect(toListItems(b, true)).toBe(toListItems(a, true));
    expect(filterRows(sorted, 'lio-org iqn.x:data').map((r) => r.id)).toEqual(['36001405b']);
    // A search every row holds gives the sorted list itself (and its list, built ahead by warmLunLists).
    expect(filterRows(sorted, '3600')).toBe(sorted);
  });

  it('searches the rows in one text without matching across two rows, and counts a word once per row', () => {
    const sorted = sortRows(buildLunRows(luns, 'iscsi', ctx), { key: 'id', direction: 'asc' });
    const every = (search: string) => {
      const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
      return sorted.filter((r: LunRow) => words.every((w) => rowSearchText(r).includes(w)));
    };
    // The end of one row's text and the start of the next, as one word: no row holds it.
    const [a, b] = sorted;
    const across = `${a ? rowSearchText(a).slice(-4) : ''}${b ? rowSearchText(b).slice(0, 4) : ''}`;
    expect(filterRows(sortRows(buildLunRows(luns, 'iscsi', ctx), { key: 'id', direction: 'asc' }), across)).toEqual([]);
    // A word twice, a word that is in every row many times, a word in one field of one row.
    for (const search of ['lio lio', '3600', '36001405b', 'iqn 3600 lio']) expect(filterRows(sorted, search).map((r) => r.id), search).toEqual(every(search).map((r) => r.id));
  });

  it('builds the same list from a sorted or searched list as from a plain copy of its rows, flat and grouped', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      lun(`36001405${i.toString(16).padStart(25, '0')}`, { vendorId: ['PURE', 'LIO-ORG'][i % 2], target: ['iqn.b:data', 'iqn.a:logs', '', 'iqn.c:x'][i % 4], address: `10.0.0.${i % 3}`, size: (i % 4) * 2 ** 40, ...(i % 5 === 0 ? { diskId: `d${i}` } : {}) }),
    );
    const rows = buildLunRows(many, 'iscsi', ctx);
    for (const key of ['target', 'size', 'vendor'] as const) {
      const sorted = sortRows(rows, { key, direction: 'desc' });
      for (const search of ['', 'lio', 'iqn.a', '36001405 pure', 'nothing-holds-this']) {
        const shown = filterRows(sorted, search);
        // A copy has no places in the data set: the list is built row by row (the reference).
        for (const grouped of [true, false]) expect(toListItems(shown, grouped), `${key} '${search}' ${grouped}`).toEqual(toListItems([...shown], grouped));
      }
    }
  });

  // How fast is the bench's (npm run bench, in the browser): a timed test here measured the CI machine, not the code.
  it('filters 10,000 rows: every match and nothing else, in the sort\'s order', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => lun(`36001405${i.toString(16).padStart(25, '0')}`, { vendorId: i % 3 ? 'PURE' : 'LIO-ORG', size: (i % 97) * 2 ** 30 }));
    const rows = buildLunRows(many, 'iscsi', ctx);
    const shown = filterAndSort(rows, 'lio', { key: 'size', direction: 'desc' });
    expect(shown.length).toBe(3334);
    expect(shown.every((r) => r.vendor === 'LIO-ORG')).toBe(true);
    const sizes = shown.map((r) => r.lun.lu.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('orders text columns as the collator does (numbers by value, case ignored), from ranks computed once', () => {
    const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
    const sign = (x: number) => Math.sign(x);
    // Random printable-ASCII strings, digit-heavy so that numeric runs and leading zeros are exercised.
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const alphabet = ' -_.:,;!?/@#$%&*+=<>|~^`()[]{}"\'0123456789000aAbBzZ';
    const texts = Array.from({ length: 3000 }, () => Array.from({ length: 1 + rand(8) }, () => alphabet[rand(alphabet.length)]).join(''));
    for (let i = 0; i + 1 < texts.length; i++) {
      const [a, b] = [texts[i]!, texts[i + 1]!];
      const [ka, kb] = [collationKey(a)!, collationKey(b)!];
      expect([a, b, sign(ka < kb ? -1 : ka > kb ? 1 : 0)]).toEqual([a, b, sign(collator.compare(a, b))]);
    }
    expect(collationKey('café')).toBeUndefined();

    const rows = buildLunRows(luns, 'iscsi', ctx);
    const bySerial = sortRows(rows, { key: 'serial', direction: 'desc' });
    // Numeric runs by value: S-360014059 holds the number 360014059, S-36001405b the smaller 36001405.
    expect(bySerial.map((r) => r.id)).toEqual(['360014059', '36001405b', '36001405a']);
    // The same sort of the same data set is not computed twice.
    expect(sortRows(rows, { key: 'serial', direction: 'desc' })).toBe(bySerial);
    // LIO-ORG before DGC descending; the two LIO-ORG rows tie and keep LUN ID ascending, whichever the direction.
    expect(sortRows(rows, { key: 'vendor', direction: 'desc' }).map((r) => r.id)).toEqual(['36001405a', '36001405b', '360014059']);
  });
});
