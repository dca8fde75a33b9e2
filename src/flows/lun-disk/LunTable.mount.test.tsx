// Decision 064: the first LUN table of a page measures its frame before it renders the table, so mounting lays the
// table out once, at its widths — not at the columns' minimum widths and then again. A file of its own: the table
// remembers the last frame's width for the next one (module state).
import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { manyHostLuns } from '../../test/host-luns';
import { LunTable } from './LunTable';
import { toListItems } from './lun-list';
import { buildLunRows } from './lun-rows';

const rows = buildLunRows(manyHostLuns(200), 'iscsi', { hostName: 'h1', disk: () => undefined, vmNamesOfDisk: () => [], storageDomainName: () => undefined });

describe('LunTable, mounted first on a page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('inserts the table at its frame\'s width and never changes that width after', () => {
    // jsdom lays nothing out: the frame says it is 1,200 px wide.
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return this.dataset.testid === 'lun-table-scroll' ? 1200 : 0;
    });
    const widthChanges: string[] = [];
    const seen = new MutationObserver((records) => {
      for (const r of records) if (r.type === 'attributes' && r.target instanceof HTMLTableElement) widthChanges.push(r.target.style.width);
    });
    seen.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['style'] });
    render(<LunTable label="LUNs" items={toListItems(rows, false)} iscsi selectedId="" onSelect={vi.fn()} sort={{ key: 'id', direction: 'asc' }} onSort={vi.fn()} />);
    const records = seen.takeRecords();
    seen.disconnect();
    for (const r of records) if (r.target instanceof HTMLTableElement) widthChanges.push(r.target.style.width);
    const table = document.querySelector('table');
    expect(table?.style.width).toBe('1200px');
    expect(widthChanges).toEqual([]);
  });
});
