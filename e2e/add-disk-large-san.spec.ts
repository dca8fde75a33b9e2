// The LUN table on the large-san scenario (10,000 LUNs behind 8 targets; host01 logged in to all of them): only
// the rows on screen are rendered, and search, sort, scroll and pick work on the whole list. Timing is measured
// by `npm run bench`, not asserted here.
import type { Locator, Page } from '@playwright/test';
import { expect, openConsole, test } from './fixtures';
import { AddDiskWizard } from './pages/add-disk-wizard';

test.describe('Add Direct LUN disk: a large SAN', () => {
  test('10,000 LUNs: counts, only visible rows rendered, search, sort, End, pick', async ({ page }) => {
    await openConsole(page, '/disks/new', { scenario: 'large-san' });
    const w = new AddDiskWizard(page);
    await expect(w.host().locator('option:checked')).toHaveText('host01');
    await w.next().click();
    await expect(w.targetRow('iqn.2023-11.com.example:san.vol8')).toContainText('Logged in (1,250 LUNs)');
    await w.next().click();

    await expect(w.counts()).toContainText('10,000 LUNs: 9,782 available, 20 in a storage domain, 198 used by disks · 10,000 shown.', { timeout: 20_000 });
    // 10,000 LUNs and 8 target rows, plus the header row.
    await expect(w.lunGrid()).toHaveAttribute('aria-rowcount', '10009');
    const rendered = await w.lunGrid().locator('tbody tr[aria-rowindex]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);

    await w.search().fill('lun-disk-1100');
    await expect(w.counts()).toContainText('1 shown for “lun-disk-1100”');
    await expect(w.lunRows('used')).toContainText('Used by disk lun-disk-1100 (attached to vm02)');
    await w.search().fill('');
    await page.getByRole('button', { name: 'Flat list' }).click();
    await w.lunGrid().getByRole('button', { name: 'LUN ID' }).click();
    await w.lunGrid().getByRole('button', { name: 'LUN ID' }).click();
    await expect(w.lunGrid().getByRole('columnheader', { name: 'LUN ID' })).toHaveAttribute('aria-sort', 'descending');

    await w.lunGrid().locator('tr[tabindex="0"]').focus();
    await page.keyboard.press('End');
    const last = page.locator('tr:focus');
    await expect(last).toHaveAttribute('aria-rowindex', '10001');
    const ids = await w.lunGrid().locator('tr[data-lun-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-lun-id') ?? ''));
    // Descending string order of LUN IDs in what is rendered at the end of the list.
    expect([...ids].sort().reverse()).toEqual(ids);
    await page.keyboard.press('Home');
    await expect(page.locator('tr:focus')).toHaveAttribute('aria-rowindex', '2');
    await page.keyboard.press('PageDown');
    for (let i = 0; i < 5 && (await page.locator('tr:focus').getAttribute('data-state')) !== 'selectable'; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.locator('tr:focus')).toHaveAttribute('aria-selected', 'true');
    await expect(w.picked()).toContainText('LUN 36001405');

    // Rows are keyed by place (decision 061): a wheel scroll gives the focused row's element another LUN, and the
    // focus goes with its LUN to the element that shows it now, still on screen and still the picked one.
    const pickedId = await page.locator('tr:focus').getAttribute('data-lun-id');
    const pickedRow = w.lunGrid().locator(`tr[data-lun-id="${pickedId}"]`);
    const top = await pickedRow.evaluate((r) => r.getBoundingClientRect().top);
    await pickedRow.hover();
    // Eight rows: the row (near the bottom after Page Down) stays on screen, and the window moves past its overscan.
    await page.mouse.wheel(0, 8 * 44);
    await expect.poll(() => pickedRow.evaluate((r) => r.getBoundingClientRect().top)).toBeLessThan(top - 300);
    expect(await w.lunGrid().locator('tr[aria-rowindex="2"]').count()).toBe(0);
    await expect(page.locator('tr:focus')).toHaveAttribute('data-lun-id', pickedId ?? '?');
    await expect(page.locator('tr:focus')).toHaveAttribute('aria-selected', 'true');
    // Arrows go on from there.
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('tr:focus')).not.toHaveAttribute('data-lun-id', pickedId ?? '?');
    await expect(page.locator('tr:focus')).toHaveAttribute('aria-rowindex', String(Number(await pickedRow.getAttribute('aria-rowindex')) + 1));
  });
});

/** The wizard on large-san at its LUN step: host01 logged in to its 8 targets, the 10,000 LUNs listed. */
async function openLunStep(page: Page): Promise<AddDiskWizard> {
  await openConsole(page, '/disks/new', { scenario: 'large-san' });
  const w = new AddDiskWizard(page);
  await w.next().click();
  await expect(w.targetRow('iqn.2023-11.com.example:san.vol8')).toContainText('Logged in (1,250 LUNs)');
  await w.next().click();
  await expect(w.counts()).toContainText('10,000 shown.', { timeout: 20_000 });
  return w;
}

// Decision 067: a wheel moves the window a few rows at a time, and the rows are then keyed by item. In a real browser
// (smooth-scrolled wheel notches, many scroll events), the rows shown stay the right LUNs in order, and a focused row
// stays the same element with its LUN until it leaves the window, when the focus is let go.
test.describe('Add Direct LUN disk: a large SAN under the wheel', () => {
  test('a wheel scroll down and back up shows the LUNs in order; a focused row keeps its LUN', async ({ page }) => {
    const w = await openLunStep(page);
    await page.getByRole('button', { name: 'Flat list' }).click();
    await w.lunGrid().getByRole('button', { name: 'LUN ID' }).click();
    await expect(w.lunGrid().getByRole('columnheader', { name: 'LUN ID' })).toHaveAttribute('aria-sort', 'ascending');
    const row = w.lunRows().nth(4);
    const id = (await row.getAttribute('data-lun-id')) ?? '?';
    await row.focus();
    const box = await w.lunScroll().boundingBox();
    if (!box) throw new Error('no LUN table on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const scrollTop = () => w.lunScroll().evaluate((el) => el.scrollTop);

    const element = await row.elementHandle();
    await page.mouse.wheel(0, 100);
    await expect.poll(scrollTop).toBeGreaterThanOrEqual(100);
    // A small move: the focused row is the same element, still showing its LUN (keyed by item, decision 067).
    await expect(page.locator('tr:focus')).toHaveAttribute('data-lun-id', id);
    expect(await element?.evaluate((el) => el === document.activeElement && el.getAttribute('data-lun-id'))).toBe(id);

    const inOrder = async () => {
      // Once the wheel's smooth scroll has come to rest.
      let last = -1;
      await expect.poll(async () => {
        const now = await scrollTop();
        const still = now === last;
        last = now;
        return still;
      }, { intervals: [150] }).toBe(true);
      // The scroll position and the rows read at once.
      const { top, height, shown } = await w.lunScroll().evaluate((el) => ({
        top: el.scrollTop,
        height: el.clientHeight,
        shown: [...el.querySelectorAll('tr[data-lun-id]')].map((r) => ({ at: Number(r.getAttribute('aria-rowindex')), id: r.getAttribute('data-lun-id') ?? '' })),
      }));
      // Contiguous rows, in ascending LUN ID, covering what is on screen: row i (aria-rowindex i + 2) spans
      // 48 + 44·i … 48 + 44·(i + 1) px under the sticky header.
      expect(shown.map((r) => r.at)).toEqual(shown.map((_, k) => (shown[0]?.at ?? 0) + k));
      expect(shown.map((r) => r.id)).toEqual(shown.map((r) => r.id).sort());
      expect(48 + ((shown[0]?.at ?? 0) - 2) * 44).toBeLessThanOrEqual(top + 48);
      expect(48 + ((shown.at(-1)?.at ?? 0) - 1) * 44).toBeGreaterThanOrEqual(top + height);
    };
    for (let i = 0; i < 30; i++) await page.mouse.wheel(0, 100);
    await expect.poll(scrollTop).toBeGreaterThanOrEqual(3000);
    await inOrder();
    // The focused LUN left the window: its row is gone and no row has the focus.
    await expect(w.lunRow(id)).toHaveCount(0);
    await expect(page.locator('tr:focus')).toHaveCount(0);
    const down = await scrollTop();
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, -100);
    await expect.poll(scrollTop).toBeLessThanOrEqual(down - 1200);
    await inOrder();
  });
});

test.describe('Add Direct LUN disk: a large SAN at 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('a pick never moves the table under the pointer: the picked lines keep their height', async ({ page }) => {
    const w = await openLunStep(page);
    // Where the table starts, from the step's title (the wizard's body may scroll).
    const tableTop = () => w.lunScroll().evaluate((el) => el.getBoundingClientRect().top - (document.getElementById('lun-step-title')?.getBoundingClientRect().top ?? 0));
    const before = await tableTop();
    const row = w.lunRows('selectable').nth(1);
    const id = (await row.getAttribute('data-lun-id')) ?? '?';
    await row.locator('td').nth(1).click();
    await expect(w.picked()).toContainText(`LUN ${id}`);
    // Vendor, product and target: a line of their own, whole on hover.
    const details = page.getByTestId('selected-lun-details');
    await expect(details).toContainText('iqn.2023-11.com.example:san.vol');
    expect(await details.getAttribute('title')).toBe(await details.textContent());
    expect(await tableTop()).toBe(before);
  });
});

/**
 * The strings in V8's string table, from a heap snapshot. In Chromium a string used as a Map or Set key, or as a
 * property name, is put there for as long as it lives, and every major garbage collection walks the whole table while
 * the page waits (decision 065).
 */
async function internalizedStrings(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (c) => chunks.push(c.chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const snap = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; edge_fields: string[] } };
    nodes: number[];
    edges: number[];
    strings: string[];
  };
  const nf = snap.snapshot.meta.node_fields.length;
  const ef = snap.snapshot.meta.edge_fields.length;
  const name = snap.snapshot.meta.node_fields.indexOf('name');
  const edgeCount = snap.snapshot.meta.node_fields.indexOf('edge_count');
  const toNode = snap.snapshot.meta.edge_fields.indexOf('to_node');
  let edge = 0;
  for (let i = 0; i < snap.nodes.length; i += nf) {
    const count = snap.nodes[i + edgeCount]!;
    if (snap.strings[snap.nodes[i + name]!] === '(Internalized strings)') {
      return Array.from({ length: count }, (_, j) => snap.strings[snap.nodes[snap.edges[(edge + j) * ef + toNode]! + name]!]!);
    }
    edge += count;
  }
  throw new Error('no string table in the heap snapshot');
}

/** Scrolls a list end to end a screenful a frame: every row rendered once, as a user's scroll does. */
async function scrollEveryRow(scroller: Locator): Promise<void> {
  await scroller.evaluate(async (el) => {
    for (el.scrollTop = 0; el.scrollTop + el.clientHeight < el.scrollHeight - 1; el.scrollTop += el.clientHeight) {
      await new Promise((frame) => requestAnimationFrame(frame));
    }
  });
}

test.describe('Add Direct LUN disk: a large SAN in memory', () => {
  test('the LUNs’ IDs and serials stay out of V8’s string table, through sorts, a pick and a scroll of every row', async ({ page }) => {
    const w = await openLunStep(page);
    await page.getByRole('button', { name: 'Flat list' }).click();
    // Each sort ranks its column over every row (the serials: distinct texts numbered, decision 065).
    for (const column of ['Serial', 'LUN ID']) {
      await w.lunGrid().getByRole('button', { name: column }).click();
      await expect(w.lunGrid().getByRole('columnheader', { name: column })).toHaveAttribute('aria-sort', 'ascending');
    }
    // A pick first (rows keyed by place: a row under the pointer after a scroll may show another LUN a moment later).
    const row = w.lunRows('selectable').first();
    const id = (await row.getAttribute('data-lun-id')) ?? '?';
    await row.locator('td').nth(1).click();
    await expect(w.picked()).toContainText(`LUN ${id}`);
    await scrollEveryRow(w.lunScroll());
    await expect(w.lunGrid().locator('tr[aria-rowindex="10001"]')).toBeVisible();
    await expect(w.picked()).toContainText(`LUN ${id}`);

    const table = await internalizedStrings(page);
    // Before decision 065: every one of the 10,000 LUN IDs (a Map by ID, the emulator's Set of listed LUNs, the batch's
    // Set asked about each row shown) and of the serials (the serial sort's Set and Map). A few may be keys for a
    // moment (the picked LUN, a focused row).
    expect(table.filter((s) => s.startsWith('36001405')).length).toBeLessThan(50);
    expect(table.filter((s) => /^S(PURE|LIO-ORG)_/.test(s)).length).toBeLessThan(50);
  });

  test('the host page’s LUN list keeps them out too, through a scroll of every row', async ({ page }) => {
    await openConsole(page, '/hosts', { scenario: 'large-san' });
    await page.getByRole('link', { name: 'host01', exact: true }).click();
    await expect(page.getByText('10,000 LUNs', { exact: true })).toBeVisible({ timeout: 20_000 });
    const list = page.locator('[data-filter]');
    await scrollEveryRow(list);
    await expect(list.locator('tr[aria-rowindex]').last()).toBeVisible();
    const table = await internalizedStrings(page);
    // Before decision 065: every LUN ID (the host's sessions looked each up in Maps of the disks' and domains' LUNs).
    expect(table.filter((s) => s.startsWith('36001405')).length).toBeLessThan(50);
  });
});
