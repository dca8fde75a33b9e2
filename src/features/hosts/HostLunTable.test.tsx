// The LUNs a host sees: a window of one-line rows over a large list, a filter that finds any of them, paths short on
// screen and in words for screen readers.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { HostLunUse } from '../../domain/host-sessions';
import { manyHostLuns } from '../../test/host-luns';
import { scrollToRow } from '../../test/scroll';
import { HostLunTable } from './HostLunTable';

function uses(count: number): HostLunUse[] {
  return manyHostLuns(count).map((lun, i) => ({
    lun: i === 1 ? { ...lun, lu: { ...lun.lu, activePaths: 0 } } : lun,
    holders: i === 0 ? [{ kind: 'storage-domain' as const, id: 'sd-1', name: 'prod-data' }] : [],
    idleDisk: i === 2 ? { id: 'd-2', alias: 'web01-data' } : undefined,
  }));
}

function show(luns: HostLunUse[]) {
  render(
    <MemoryRouter>
      <HostLunTable hostName="host1" luns={luns} />
    </MemoryRouter>,
  );
  return screen.getByRole('grid', { name: 'LUNs host1 sees' });
}

const bodyRows = (grid: HTMLElement) => within(grid).getAllByRole('row').filter((r) => r.getAttribute('aria-rowindex') !== '1');

describe('HostLunTable', () => {
  it("lists a lab's LUNs whole, one line each: paths short on screen and in words, the user linked to its disk", () => {
    const grid = show(uses(18));
    expect(grid).toHaveAttribute('aria-rowcount', '19');
    const rows = bodyRows(grid);
    expect(rows).toHaveLength(18);
    expect(rows[0]).toHaveTextContent('storage domain prod-data');
    // Paths: "2/2" on screen (hidden from screen readers), the words for them and in the cell's title.
    const ok = within(rows[0]!).getByTitle('2 of 2 paths active');
    expect(within(ok).getByText('2/2')).toHaveAttribute('aria-hidden', 'true');
    expect(within(ok).getByText('2 of 2 paths active')).toHaveClass('pf-v6-screen-reader');
    const none = within(rows[1]!).getByTitle('No active path (0 of 2 paths active)');
    expect(within(none).getByText('0/2')).toBeInTheDocument();
    expect(none).toHaveClass('dlc-host-lun-nopath');
    // A long target is cut in the middle on screen, whole in the DOM and the title.
    expect(within(rows[0]!).getByTitle('iqn.x:a')).toHaveTextContent('iqn.x:a');
    expect(within(rows[2]!).getByRole('link', { name: 'disk web01-data (not plugged into a VM running here)' })).toHaveAttribute('href', '/disks/d-2');
    expect(rows[3]).toHaveTextContent('Free');
  });

  it('renders a window of a large list, and the filter finds a LUN far outside it', async () => {
    const user = userEvent.setup();
    const luns = uses(10_000);
    const grid = show(luns);
    expect(grid).toHaveAttribute('aria-rowcount', '10001');
    expect(bodyRows(grid).length).toBeLessThan(40);
    expect(screen.getByText('10,000 LUNs')).toBeInTheDocument();
    const far = luns[9_876]!.lun.id;
    expect(within(grid).queryByText(far)).toBeNull();
    await user.type(screen.getByRole('textbox', { name: 'Filter the LUNs host1 sees' }), far);
    expect(await screen.findByText('1 of 10,000 LUNs')).toBeInTheDocument();
    const rows = bodyRows(grid);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent(far);
    expect(rows[0]).toHaveAttribute('aria-rowindex', '2');
  });

  /** 1,000 idle LUN disks listed, the sixth disk link focused; `scrollTo` scrolls the list `rows` rows down. */
  function focusSixthLink() {
    const luns = uses(1_000).map((u, i) => ({ ...u, holders: [], idleDisk: { id: `d-${i}`, alias: `disk-${i}` } }));
    const grid = show(luns);
    const link = within(grid).getAllByRole('link')[5];
    const frame = grid.parentElement;
    if (!link || !frame) throw new Error('no sixth link or no scrolling frame');
    act(() => link.focus());
    expect(link).toHaveFocus();
    const scrollTo = (rows: number) => scrollToRow(frame, rows, 40);
    return { link, href: link.getAttribute('href'), scrollTo };
  }

  // Decision 061: rows are keyed by place on a large move, so a scroll gives a row element another LUN; a link that
  // had the focus must not end up pointing at another LUN's disk. Host rows are not focusable themselves: the focus is
  // let go.
  it('lets go of a focused disk link when a scroll gives its row another LUN', () => {
    const { link, href, scrollTo } = focusSixthLink();
    scrollTo(10);
    // The element now links another disk; the focus did not stay on it.
    expect(link.isConnected && link.getAttribute('href') !== href).toBe(true);
    expect(link).not.toHaveFocus();
    expect(document.activeElement).toBe(document.body);
  });

  // Decision 067: a move of a few rows (a wheel's notch) keeps the rows on their LUNs: the focused link stays, focused.
  it('keeps a focused disk link, on its disk, through a small scroll', () => {
    const { link, href, scrollTo } = focusSixthLink();
    scrollTo(3);
    expect(link.getAttribute('href')).toBe(href);
    expect(link).toHaveFocus();
  });
});
