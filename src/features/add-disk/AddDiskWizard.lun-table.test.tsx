// The LUN table's display choices and the storage team's list (docs/decisions/050), in the wizard against the
// emulated engine: "Manage columns" kept in this browser, "Export CSV" of the rows shown after a search, in the
// order shown, and "Copy details" of one row. And what a pick or a focus move re-renders (decision 054).
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNodeEmulator } from '../../../mocks/node';
import { login, logout } from '../../engine-api/sso';
import { session } from '../../engine-api/session';
import { LUN_COLUMNS_KEY } from '../../flows/lun-disk/lun-columns';
import { renderRoute } from '../../test/render-route';
import { AddDiskPage } from './AddDiskPage';
import type * as PatternflyTable from '@patternfly/react-table';
import type * as ManageLunColumnsModule from '../../flows/lun-disk/ManageLunColumns';
import type * as RichModule from '../../i18n/Rich';

// Render counts of parts of the LUN step, the real components underneath: the toolbar's "Manage columns", the Rich
// texts by message (the counts line, the batch summary) and the table's header cells (PatternFly's Th).
const renders = vi.hoisted(() => ({ columns: 0, th: 0, rich: new Map<string, number>() }));
vi.mock('@patternfly/react-table', async (original) => {
  const real = await original<typeof PatternflyTable>();
  const { forwardRef, createElement } = await import('react');
  return {
    ...real,
    Th: forwardRef<HTMLTableCellElement, Parameters<typeof real.Th>[0]>(function CountedTh(props, ref) {
      renders.th++;
      return createElement(real.Th, { ...props, ref });
    }),
  };
});
vi.mock('../../flows/lun-disk/ManageLunColumns', async (original) => {
  const real = await original<typeof ManageLunColumnsModule>();
  return {
    ManageLunColumns: (props: Parameters<typeof real.ManageLunColumns>[0]) => {
      renders.columns++;
      return real.ManageLunColumns(props);
    },
  };
});
vi.mock('../../i18n/Rich', async (original) => {
  const real = await original<typeof RichModule>();
  return {
    ...real,
    Rich: (props: Parameters<typeof real.Rich>[0]) => {
      renders.rich.set(props.id, (renders.rich.get(props.id) ?? 0) + 1);
      return real.Rich(props);
    },
  };
});

const { emulator, server } = createNodeEmulator('lab');
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(async () => {
  emulator.reset('lab');
  sessionStorage.clear();
  localStorage.clear();
  await login({ username: 'admin@internal', password: 'ovirt' });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await emulator.idle();
  if (session.get().status !== 'anonymous') await logout();
});
afterAll(() => server.close());

function renderWizard() {
  return renderRoute([{ path: '/disks/new', element: <AddDiskPage /> }], '/disks/new');
}

async function toLun(user: ReturnType<typeof userEvent.setup>) {
  const host1 = emulator.engine.state.hosts.find((h) => h.name === 'host1')?.id;
  await waitFor(() => expect(screen.getByLabelText(/Host to use/)).toHaveValue(host1));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByRole('heading', { name: 'iSCSI targets of host1' });
  await user.click(screen.getByRole('button', { name: 'Next' }));
  return screen.findByRole('grid', { name: 'iSCSI LUNs host1 sees' });
}

const headers = (grid: HTMLElement) => within(grid).getAllByRole('columnheader').map((h) => h.textContent?.trim() ?? '');

describe('the LUN table: Manage columns', () => {
  it('hides and shows columns, keeps the choice in this browser, and restores the defaults', async () => {
    const user = userEvent.setup();
    renderWizard();
    let grid = await toLun(user);
    await user.click(screen.getByRole('button', { name: 'Flat list' }));
    expect(headers(grid)).toEqual(['Pick', 'LUN ID', 'Size', 'Paths', 'Status', 'Vendor', 'Product', 'Serial', 'Target', 'Actions']);

    await user.click(screen.getByRole('button', { name: 'Manage columns' }));
    const dialog = await screen.findByRole('dialog', { name: 'Manage columns' });
    expect(within(dialog).getByRole('checkbox', { name: /LUN ID/ })).toBeDisabled();
    await user.click(within(dialog).getByRole('checkbox', { name: /Serial/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /Portal/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(headers(grid)).toEqual(['Pick', 'LUN ID', 'Size', 'Paths', 'Status', 'Vendor', 'Product', 'Target', 'Portal', 'Actions']);
    // A display preference under a dlc. key, nothing else.
    expect(JSON.parse(localStorage.getItem(LUN_COLUMNS_KEY) ?? 'null')).toEqual(['size', 'paths', 'status', 'vendor', 'product', 'target', 'portal']);

    // Another visit in this browser shows the same columns.
    cleanup();
    sessionStorage.clear(); // the wizard's draft, not the column choice
    renderWizard();
    grid = await toLun(user);
    await user.click(screen.getByRole('button', { name: 'Flat list' }));
    expect(headers(grid)).not.toContain('Serial');
    expect(headers(grid)).toContain('Portal');

    // Cancel changes nothing; Restore defaults + Save goes back (and clears the stored choice).
    await user.click(screen.getByRole('button', { name: 'Manage columns' }));
    let d = await screen.findByRole('dialog', { name: 'Manage columns' });
    await user.click(within(d).getByRole('checkbox', { name: /Vendor/ }));
    await user.click(within(d).getByRole('button', { name: 'Cancel' }));
    expect(headers(grid)).toContain('Vendor');
    await user.click(screen.getByRole('button', { name: 'Manage columns' }));
    d = await screen.findByRole('dialog', { name: 'Manage columns' });
    await user.click(within(d).getByRole('button', { name: 'Restore defaults' }));
    await user.click(within(d).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(headers(grid)).toContain('Serial'));
    expect(localStorage.getItem(LUN_COLUMNS_KEY)).toBeNull();
  });
});

describe('the LUN table: the storage team\u2019s list', () => {
  it('Export CSV writes the rows shown after a search, in the order shown', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      if (b instanceof Blob) blobs.push(b);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    renderWizard();
    const grid = await toLun(user);
    await user.click(screen.getByRole('button', { name: 'Flat list' }));
    await user.type(screen.getByLabelText('Search LUNs'), 'used by');
    await waitFor(() => expect(grid.querySelectorAll('tr[data-lun-id]')).toHaveLength(3));
    const shownIds = [...grid.querySelectorAll('tr[data-lun-id]')].map((r) => r.getAttribute('data-lun-id'));

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(clicked).toHaveLength(1);
    expect(clicked[0]).toMatch(/^luns-host1-\d{4}-\d{2}-\d{2}\.csv$/);
    // jsdom's Blob has no text(); FileReader reads it.
    const text = await new Promise<string>((resolve) => {
      const r = new FileReader();
      r.onload = () => resolve(typeof r.result === 'string' ? r.result : '');
      r.readAsText(blobs[0]!);
    });
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('LUN ID,Size (bytes),Size,Paths,Vendor,Product,Serial,Target,Portal,Status,Disk');
    expect(lines).toHaveLength(1 + 3);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(shownIds);
    const archive = lines.find((l) => l.includes('archive-lun'));
    // The exact size in bytes next to the words, and the disk using the LUN.
    expect(archive).toMatch(/^36001405663e32f5ce89c75351cd36350,2199023255552,2 TiB,/);
    expect(archive?.endsWith(',archive-lun')).toBe(true);
    expect(screen.getByTestId('lun-export-note')).toHaveTextContent('Exported 3 LUNs as CSV.');
  });

  it('Copy details puts one LUN\u2019s details on the clipboard, one line each', async () => {
    const user = userEvent.setup();
    renderWizard();
    const grid = await toLun(user);
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const row = [...grid.querySelectorAll('tr[data-lun-id]')].find((r) => /archive-lun/.test(r.textContent ?? ''));
    const id = row?.getAttribute('data-lun-id') ?? '';
    await user.click(within(row as HTMLElement).getByRole('button', { name: `Copy details of LUN ${id}` }));
    expect(writeText).toHaveBeenCalledTimes(1);
    const text = writeText.mock.calls[0]?.[0] ?? '';
    expect(text.split('\n')).toEqual(
      expect.arrayContaining([`LUN ID: ${id}`, 'Size: 2 TiB (2,199,023,255,552 bytes)', 'Status: Used by disk archive-lun (not attached to any VM): not selectable, a LUN backs at most one disk', 'Disk: archive-lun']),
    );
    expect(await screen.findByTestId('lun-export-note')).toHaveTextContent(`Copied the details of LUN ${id}.`);
  });

  it('Copy details refused by the browser says so next to the table, and nothing claims it was copied', async () => {
    const user = userEvent.setup();
    renderWizard();
    const grid = await toLun(user);
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('NotAllowedError'));
    const row = grid.querySelector('tr[data-lun-id]');
    const id = row?.getAttribute('data-lun-id') ?? '';
    await user.click(within(row as HTMLElement).getByRole('button', { name: `Copy details of LUN ${id}` }));
    expect(await screen.findByTestId('lun-export-note')).toHaveTextContent(`Could not copy the details of LUN ${id}: the browser refused the clipboard.`);
    expect(screen.getByTestId('lun-export-note')).not.toHaveTextContent('Copied');
  });
});

describe('the LUN table: what a pick and a focus move re-render', () => {
  it('another pick re-renders the rows and the batch line, not the toolbar, the counts or the header; a focus move not the step', async () => {
    const user = userEvent.setup();
    renderWizard();
    const grid = await toLun(user);
    const [first, second] = [...grid.querySelectorAll('tr[data-state="selectable"]')] as HTMLElement[];
    // The first pick enables "Clear selection" and counts one less to select: the toolbar has something to show.
    await user.click(first?.querySelectorAll('td')[1] as HTMLElement);
    await waitFor(() => expect(first).toHaveAttribute('aria-selected', 'true'));
    renders.columns = 0;
    renders.th = 0;
    renders.rich.clear();
    await user.click(second?.querySelectorAll('td')[1] as HTMLElement);
    await waitFor(() => expect(second).toHaveAttribute('aria-selected', 'true'));
    expect(first).toHaveAttribute('aria-selected', 'false');
    expect(screen.getByTestId('selected-lun')).toHaveTextContent(second?.getAttribute('data-lun-id') ?? '?');
    expect(renders.columns).toBe(0);
    expect(renders.th).toBe(0);
    expect(renders.rich.get('lunDisk.lunStep.counts') ?? 0).toBe(0);
    expect(renders.rich.get('lunDisk.lunStep.batchNone') ?? 0).toBeGreaterThan(0);

    // ↓ moves to the next row: its details show under the table; the step (its batch line) does not re-render.
    act(() => second?.focus());
    renders.rich.clear();
    const details = screen.getByTestId('lun-row-details').textContent;
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(screen.getByTestId('lun-row-details').textContent).not.toBe(details));
    expect(screen.getByTestId('lun-row-details')).toHaveTextContent(/LUN \S+/);
    expect([...renders.rich.keys()]).toEqual([]);
    expect(renders.th).toBe(0);
  });
});
