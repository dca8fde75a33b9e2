import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { manyHostLuns } from '../../test/host-luns';
import { scrollToRow } from '../../test/scroll';
import { LunTable } from './LunTable';
import { toListItems } from './lun-list';
import { buildLunRows } from './lun-rows';

const luns = manyHostLuns(10_000);
const rows = buildLunRows(luns, 'iscsi', { hostName: 'h1', disk: () => undefined, vmNamesOfDisk: () => [], storageDomainName: () => undefined });

describe('LunTable', () => {
  it('renders the rows around the scroll position only, and follows a scroll', () => {
    render(<LunTable label="LUNs" items={toListItems(rows, false)} iscsi selectedId="" onSelect={vi.fn()} sort={{ key: 'id', direction: 'asc' }} onSort={vi.fn()} />);
    const rendered = () => [...document.querySelectorAll('tr[aria-rowindex]')].map((r) => Number(r.getAttribute('aria-rowindex'))).filter((i) => i > 1);
    expect(rendered()[0]).toBe(2);
    expect(rendered().length).toBeLessThan(40);
    const el = screen.getByTestId('lun-table-scroll');
    scrollToRow(el, 5000, 44);
    expect(rendered()).toContain(5002);
    expect(rendered()).not.toContain(2);
    expect(screen.getByRole('grid', { name: 'LUNs' })).toHaveAttribute('aria-rowcount', '10001');
  });

  it('renders a short list whole, so every LUN is findable without scrolling (find-in-page, tests)', () => {
    render(<LunTable label="LUNs" items={toListItems(rows.slice(0, 120), false)} iscsi selectedId="" onSelect={vi.fn()} sort={{ key: 'id', direction: 'asc' }} onSort={vi.fn()} />);
    expect(document.querySelectorAll('tr[data-lun-id]')).toHaveLength(120);
  });

  // Decisions 053 and 061: a pick, a sort, a search and a large scroll keep the row elements where they are (a sort,
  // a search or a large scroll changes which LUN each one shows).
  it('re-uses the rows\' elements in place on a pick, a new order and a scroll', () => {
    const sort = { key: 'id', direction: 'asc' } as const;
    const onSelect = vi.fn();
    const props = { label: 'LUNs', iscsi: true, selectedId: '', onSelect, sort, onSort: vi.fn() };
    const { rerender } = render(<LunTable {...props} items={toListItems(rows, false)} />);
    const lunRows = () => [...document.querySelectorAll<HTMLTableRowElement>('tr[data-lun-id]')];
    const before = lunRows();
    const ids = before.map((r) => r.dataset.lunId);

    // A pick: the rows are the same elements.
    const second = before[1];
    if (!second) throw new Error('no rows');
    fireEvent.click(second);
    expect(onSelect).toHaveBeenCalledWith(rows[1]);
    rerender(<LunTable {...props} selectedId={rows[1]?.id ?? ''} items={toListItems(rows, false)} />);
    expect(lunRows()).toEqual(before);

    // A new order: the same elements, in the same places, showing other LUNs.
    rerender(<LunTable {...props} selectedId={rows[1]?.id ?? ''} items={toListItems([...rows].reverse(), false)} />);
    const sorted = lunRows();
    expect(sorted).toEqual(before);
    expect(sorted.map((r) => r.dataset.lunId)).not.toEqual(ids);
    expect(sorted[0]?.dataset.lunId).toBe(rows.at(-1)?.id);

    // A scroll of ten rows (the window, one row kept above, decision 062, moves by nine): the same elements in the same
    // places, each showing the LUN now at its place.
    const el = screen.getByTestId('lun-table-scroll');
    scrollToRow(el, 10, 44);
    const scrolled = lunRows();
    expect(scrolled.slice(0, sorted.length)).toEqual(sorted);
    expect(scrolled[0]?.dataset.lunId).toBe(rows.at(-10)?.id);
    expect(scrolled[0]?.getAttribute('data-row-key')).toBe(rows.at(-10)?.id);
  });

  // Decision 067: a move of a few rows (a wheel's notch) keeps the window's anchor, so the rows are keyed by item: the
  // staying rows keep their elements and their LUNs, only the arriving rows are new elements, and none moves (React
  // moves an element, a removal and an insertion, when a staying row's key comes after one placed from later in the
  // old list: decision 053). Keyed by place, a small move would add and remove none and change every row's LUN.
  it('on small scrolls down and up, keeps the staying rows with their LUNs and adds only the arriving ones, moving none', () => {
    render(<LunTable label="LUNs" items={toListItems(rows, false)} iscsi selectedId="" onSelect={vi.fn()} sort={{ key: 'id', direction: 'asc' }} onSort={vi.fn()} />);
    const el = screen.getByTestId('lun-table-scroll');
    const body = el.querySelector('tbody');
    if (!body) throw new Error('no body');
    const lunRows = () => new Set(body.querySelectorAll('tr[data-lun-id]'));
    const isRow = (n: Node): n is HTMLElement => n instanceof HTMLElement && n.hasAttribute('data-lun-id');
    const scrollTo = (rowsDown: number) => scrollToRow(el, rowsDown, 44);
    scrollTo(10);
    const observer = new MutationObserver(() => {});
    observer.observe(body, { childList: true });
    for (const rowsDown of [13, 10, 8]) {
      const before = lunRows();
      const lunOf = new Map([...before].map((r) => [r, r.getAttribute('data-lun-id')]));
      scrollTo(rowsDown);
      const records = observer.takeRecords();
      const added = records.flatMap((r) => [...r.addedNodes]).filter(isRow);
      const removed = records.flatMap((r) => [...r.removedNodes]).filter(isRow);
      const after = lunRows();
      const arrived = [...after].filter((r) => !before.has(r));
      const left = [...before].filter((r) => !after.has(r));
      expect(arrived.length).toBeGreaterThan(0);
      // Exactly those: no element went out and back in (a move), none was made or dropped otherwise.
      expect(new Set(added)).toEqual(new Set(arrived));
      expect(new Set(removed)).toEqual(new Set(left));
      for (const r of after) if (before.has(r)) expect(r.getAttribute('data-lun-id')).toBe(lunOf.get(r));
    }
    observer.disconnect();
  });

  // Decision 061: after a large move (rows keyed by place) an element that had the focus shows another LUN; the focus
  // goes with its LUN. After a small one (decision 067) it stays on its element, which still shows its LUN.
  it('keeps the keyboard focus on its LUN through a scroll, and lets it go when the LUN leaves the window', () => {
    render(<LunTable label="LUNs" items={toListItems(rows, false)} iscsi selectedId="" onSelect={vi.fn()} sort={{ key: 'id', direction: 'asc' }} onSort={vi.fn()} />);
    const ninth = rows[8]?.id ?? '';
    const row = document.querySelector<HTMLElement>(`tr[data-lun-id="${ninth}"]`);
    if (!row) throw new Error('no ninth row');
    act(() => row.focus());
    const el = screen.getByTestId('lun-table-scroll');
    const scrollTo = (rowsDown: number) => scrollToRow(el, rowsDown, 44);
    scrollTo(2);
    expect(row.dataset.lunId).toBe(ninth);
    expect(document.activeElement).toBe(row);
    // Seven rows further: the element that showed the ninth LUN shows another one now; the focus is on the one
    // showing the ninth.
    scrollTo(9);
    expect(row.dataset.lunId).not.toBe(ninth);
    expect(document.activeElement).not.toBe(row);
    expect(document.activeElement).toHaveAttribute('data-lun-id', ninth);
    scrollTo(5000);
    expect(document.querySelector(`tr[data-lun-id="${ninth}"]`)).toBeNull();
    expect(document.activeElement).toBe(document.body);
  });

  // Decision 053: the rows' icons are CSS masks (lun-table.css), not an <svg> and its <path> in every row; what they
  // say is in words (the row's name, the button's name).
  it('draws the rows\' icons without elements of their own', () => {
    const onCopy = vi.fn();
    render(<LunTable label="LUNs" items={toListItems(rows.slice(0, 300), false)} iscsi selectedId={rows[0]?.id ?? ''} onSelect={vi.fn()} sort={{ key: 'id', direction: 'asc' }} onSort={vi.fn()} onCopyDetails={onCopy} />);
    expect(document.querySelector('tbody svg')).toBeNull();
    const picked = document.querySelector('tr[data-state="selected"] td');
    expect(picked).toHaveClass('dlc-mark', 'dlc-mark-picked');
    const copy = screen.getByRole('button', { name: `Copy details of LUN ${rows[1]?.id ?? ''}` });
    expect(copy).toBeEmptyDOMElement();
    fireEvent.click(copy);
    expect(onCopy).toHaveBeenCalledWith(rows[1]);
    // A LUN with one of its two paths down: its status cell carries the warning mark; a healthy one does not.
    const degraded = luns.slice(0, 3).map((l, i) => (i === 1 ? { ...l, lu: { ...l.lu, activePaths: 1 } } : l));
    const degradedRows = buildLunRows(degraded, 'iscsi', { hostName: 'h1', disk: () => undefined, vmNamesOfDisk: () => [], storageDomainName: () => undefined });
    const statusCell = (i: number) => document.querySelectorAll('tr[data-lun-id]')[i]?.querySelectorAll('td')[4];
    cleanup();
    render(<LunTable label="LUNs" items={toListItems(degradedRows, false)} iscsi selectedId="" onSelect={vi.fn()} sort={{ key: 'id', direction: 'asc' }} onSort={vi.fn()} />);
    expect(statusCell(1)).toHaveClass('dlc-warn');
    expect(statusCell(1)?.textContent).toMatch(/1 of 2 paths/i);
    expect(statusCell(0)).not.toHaveClass('dlc-warn');
  });
});

