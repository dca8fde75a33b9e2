import { act, render, screen } from '@testing-library/react';
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
});
