import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { manyHostLuns } from '../../test/host-luns';
import { LunTable } from './LunTable';
import { buildLunRows, toListItems } from './lun-rows';

const luns = manyHostLuns(10_000);
const rows = buildLunRows(luns, 'iscsi', { hostName: 'h1', disk: () => undefined, vmNamesOfDisk: () => [], storageDomainName: () => undefined });

describe('LunTable', () => {
  it('renders the rows around the scroll position only, and follows a scroll', () => {
    render(<LunTable label="LUNs" items={toListItems(rows, false)} iscsi selectedId="" onSelect={vi.fn()} sort={{ key: 'id', direction: 'asc' }} onSort={vi.fn()} />);
    const rendered = () => [...document.querySelectorAll('tr[aria-rowindex]')].map((r) => Number(r.getAttribute('aria-rowindex'))).filter((i) => i > 1);
    expect(rendered()[0]).toBe(2);
    expect(rendered().length).toBeLessThan(40);
    const el = screen.getByTestId('lun-table-scroll');
    act(() => {
      el.scrollTop = 5000 * 44;
      el.dispatchEvent(new Event('scroll'));
    });
    expect(rendered()).toContain(5002);
    expect(rendered()).not.toContain(2);
    expect(screen.getByRole('grid', { name: 'LUNs' })).toHaveAttribute('aria-rowcount', '10001');
  });

  it('renders a short list whole, so every LUN is findable without scrolling (find-in-page, tests)', () => {
    render(<LunTable label="LUNs" items={toListItems(rows.slice(0, 120), false)} iscsi selectedId="" onSelect={vi.fn()} sort={{ key: 'id', direction: 'asc' }} onSort={vi.fn()} />);
    expect(document.querySelectorAll('tr[data-lun-id]')).toHaveLength(120);
  });

  // Decision 053: a sort or a search with the window in place re-uses the rows' elements (their texts change), and a
  // scroll hands a leaving row's element to an arriving one; the row the user is on keeps an element of its own.
  it('re-uses the rows\' elements when the list changes in place, and keeps the focused row\'s own', () => {
    const sort = { key: 'id', direction: 'asc' } as const;
    const props = { label: 'LUNs', iscsi: true, selectedId: '', onSelect: vi.fn(), sort, onSort: vi.fn() };
    const { rerender } = render(<LunTable {...props} items={toListItems(rows, false)} />);
    const lunRows = () => [...document.querySelectorAll<HTMLTableRowElement>('tr[data-lun-id]')];
    // The user is on the second row (focus: the roving tab stop moves there).
    const focused = lunRows()[1];
    if (!focused) throw new Error('no rows');
    fireEvent.focus(focused);
    const [first, second, third] = lunRows();
    if (!first || !second || !third) throw new Error('no rows');
    const before = lunRows().map((r) => r.dataset.lunId);
    const secondId = second.dataset.lunId;

    rerender(<LunTable {...props} items={toListItems([...rows].reverse(), false)} />);
    const after = lunRows();
    // The first and third rows are the same elements, showing other LUNs: updated, not mounted anew.
    expect(after[0]).toBe(first);
    expect(after[2]).toBe(third);
    expect(first.dataset.lunId).not.toBe(before[0]);
    expect(first.dataset.lunId).toBe(rows.at(-1)?.id);
    // The row the user was on is not turned into another LUN under them: its element left with its LUN.
    expect(second.dataset.lunId).toBe(secondId);
    expect(after).not.toContain(second);
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
  });
});

