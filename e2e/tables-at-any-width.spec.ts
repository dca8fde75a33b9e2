// Tables that read at any width (issue 13, docs/decisions/050): at 1280×800, 1440×900 and 1920×1080 no header a
// user needs is cut and sizes never wrap; the LUN table shows its eight columns at 1440 and wider without scrolling
// sideways, keeps the pick and the actions in view when it does scroll, shows a cut cell's full text on hover (its
// title) and on keyboard focus (the line under the table), and exports the rows shown as CSV. Screenshots of each
// screen at each size go to /tmp/widths-shots/ for a person to look at.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, openConsole, tabTo, test } from './fixtures';
import { AddDiskWizard } from './pages/add-disk-wizard';

/** LunTableRow.tsx's ROW_HEIGHT (that module loads styles and icons: not importable here). */
const ROW_HEIGHT = 44;

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;
const SHOTS = '/tmp/widths-shots';
const EIGHT = ['LUN ID', 'Size', 'Paths', 'Status', 'Vendor', 'Product', 'Serial', 'Target'];

/** Header cells whose text does not fit (the text wider than the cell or than its sort button's text box). */
async function cutHeaders(table: Locator): Promise<string[]> {
  return table.locator('thead th').evaluateAll((ths) =>
    ths
      .filter((th) => {
        const boxes = [th, ...th.querySelectorAll<HTMLElement>('.pf-v6-c-table__text, .pf-v6-c-table__button-content')];
        return boxes.some((el) => el.scrollWidth > el.clientWidth + 1);
      })
      .map((th) => th.textContent?.trim() ?? '?'),
  );
}

/** Cells of a column (by header text) whose text wraps onto more than one line or is cut. */
async function wrappedOrCut(table: Locator, header: string): Promise<string[]> {
  return table.evaluate((t, h) => {
    const heads = [...t.querySelectorAll('thead th')];
    const i = heads.findIndex((th) => th.textContent?.trim() === h);
    if (i < 0) return [`no column ${h}`];
    const bad: string[] = [];
    for (const tr of t.querySelectorAll('tbody tr')) {
      const td = tr.children[i];
      if (!(td instanceof HTMLElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(td);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1 || td.scrollWidth > td.clientWidth + 1) bad.push(td.textContent ?? '');
    }
    return bad;
  }, header);
}

/** A table by its accessible name (PatternFly's tables are grids). */
function tableNamed(page: Page, name: string): Locator {
  return page.getByRole('grid', { name, exact: true }).or(page.getByRole('table', { name, exact: true }));
}

async function shot(page: Page, name: string, width: number) {
  await page.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
}

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('the LUN step: the columns read, the pick and actions stay, cut cells read whole, CSV of the rows shown', async ({ page }) => {
      await openConsole(page, '/disks/new');
      const w = new AddDiskWizard(page);
      await expect(w.host().locator('option:checked')).toHaveText('host1');
      await w.advance();
      await w.advance();
      await expect(w.lunGrid()).toBeVisible();
      await expect(w.lunRows()).not.toHaveCount(0);
      await shot(page, 'lun-step-by-target', size.width);
      await w.flatList().click();
      await expect(w.lunGrid().getByRole('columnheader', { name: 'Target' })).toBeVisible();
      await shot(page, 'lun-step-flat', size.width);

      const grid = w.lunGrid();
      expect(await cutHeaders(grid), 'cut headers').toEqual([]);
      expect(await wrappedOrCut(grid, 'Size'), 'sizes wrapped or cut').toEqual([]);
      // Every row (used ones with their action, free ones with Copy details) is the height the row window counts
      // with (ROW_HEIGHT, 44 px): a taller row drifts from its spacers as the table scrolls.
      const heights = await w.lunRows().evaluateAll((rows) => [...new Set(rows.map((r) => Math.round(r.getBoundingClientRect().height)))]);
      expect(heights, 'LUN row heights').toEqual([ROW_HEIGHT]);
      const frame = w.lunScroll();
      const { scrollWidth, clientWidth } = await frame.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
      if (size.width >= 1440) {
        // The eight columns an administrator matches against the array, without scrolling sideways.
        expect(scrollWidth, 'the LUN table scrolls sideways').toBeLessThanOrEqual(clientWidth);
        for (const name of EIGHT) await expect(grid.getByRole('columnheader', { name, exact: true })).toBeInViewport();
      } else {
        // Narrower: it scrolls sideways in its frame, and the pick and the actions stay in view.
        expect(scrollWidth).toBeGreaterThan(clientWidth);
        await frame.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
        const box = await frame.boundingBox();
        const firstRow = w.lunRows().first();
        const pick = await firstRow.locator('td').first().boundingBox();
        const copy = await firstRow.getByRole('button', { name: /^Copy details of LUN / }).boundingBox();
        expect(box && pick && pick.x >= box.x - 1 && pick.x + pick.width <= box.x + box.width).toBe(true);
        expect(box && copy && copy.x >= box.x && copy.x + copy.width <= box.x + box.width).toBe(true);
        // A picked row's sticky cells are opaque: the columns scrolled under them do not show through.
        await firstRow.locator('td').nth(1).click();
        await expect(firstRow).toHaveAttribute('aria-selected', 'true');
        const alphas = await firstRow.locator('td.dlc-sticky-start, td.dlc-sticky-end').evaluateAll((cells) =>
          cells.map((c) => {
            const m = /rgba?\(([^)]+)\)/.exec(getComputedStyle(c).backgroundColor);
            const parts = (m?.[1] ?? '').split(/[ ,/]+/).filter(Boolean);
            return parts.length === 4 ? Number(parts[3]) : 1;
          }),
        );
        expect(alphas, 'the picked row\'s sticky cells\' background alpha').toEqual([1, 1]);
        await shot(page, 'lun-step-scrolled', size.width);
        await frame.evaluate((el) => el.scrollTo({ left: 0 }));
      }

      // A used LUN's status, cut in its cell: whole on hover (the cell's title) and on keyboard focus (the line
      // under the table shows the row the user is on).
      const used = w.lunRows('used').filter({ hasText: 'archive-lun' });
      const status = used.locator('td[title^="Used by disk archive-lun"]');
      await expect(status).toHaveAttribute('title', 'Used by disk archive-lun (not attached to any VM): not selectable, a LUN backs at most one disk');
      await status.hover();
      await tabTo(page, grid.locator('tr[tabindex="0"]'));
      const focused = page.locator('tr:focus');
      for (let i = 0; i < 20 && !((await focused.getAttribute('aria-label')) ?? '').includes('archive-lun'); i++) await page.keyboard.press('ArrowDown');
      await expect(focused).toHaveAttribute('data-state', 'used');
      await expect(w.rowDetails()).toContainText('Used by disk archive-lun (not attached to any VM): not selectable, a LUN backs at most one disk.');
      const id = (await focused.getAttribute('data-lun-id')) ?? '?';
      await expect(w.rowDetails()).toContainText(`LUN ${id}`);
      // The focus ring goes round the whole row: the sticky cells, which paint over the row's outline, draw their part.
      const ring = await focused.evaluate((r) => getComputedStyle(r).outlineColor);
      for (const cell of await focused.locator('td.dlc-sticky-start, td.dlc-sticky-end').all()) {
        expect(await cell.evaluate((c) => getComputedStyle(c).boxShadow), 'a sticky cell of the focused row').toContain(`${ring} 0px 2px 0px 0px inset`);
      }
      await shot(page, 'lun-step-focus', size.width);

      await expectNoAxeViolations(page);

      // The storage team's list: the rows shown after a search, as CSV.
      await w.search().fill('LIO-ORG lun3');
      await expect(w.counts()).toContainText(/ (\d+) shown for “LIO-ORG lun3”/);
      const shown = await w.lunRows().count();
      expect(shown).toBeGreaterThan(0);
      const [download] = await Promise.all([page.waitForEvent('download'), w.exportCsv().click()]);
      expect(download.suggestedFilename()).toMatch(/^luns-host1-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = await readFile(await download.path(), 'utf8');
      const lines = csv.trimEnd().split('\r\n');
      expect(lines[0]).toBe('LUN ID,Size (bytes),Size,Paths,Vendor,Product,Serial,Target,Portal,Status,Disk');
      expect(lines).toHaveLength(1 + shown);
      expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(await w.lunRows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-lun-id'))));
    });

    test('the Disks, Virtual Machines and Hosts lists and a host page: no header cut, sizes on one line', async ({ page }) => {
      await openConsole(page, '/disks');
      const disks = tableNamed(page, 'Disks');
      await expect(disks.getByRole('row')).not.toHaveCount(1);
      await shot(page, 'disks', size.width);
      expect(await cutHeaders(disks), 'cut Disks headers').toEqual([]);
      expect(await wrappedOrCut(disks, 'Size'), 'Disks sizes wrapped or cut').toEqual([]);
      expect(await wrappedOrCut(disks, 'LUN ID'), 'LUN IDs wrapped or cut').toEqual([]);
      await expect(disks.getByRole('columnheader', { name: 'Attached to' })).toBeInViewport();
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: 'Virtual Machines' }).first().click();
      const vms = tableNamed(page, 'Virtual machines');
      await expect(vms.getByRole('row')).not.toHaveCount(1);
      await shot(page, 'vms', size.width);
      expect(await cutHeaders(vms), 'cut VM headers').toEqual([]);

      await page.getByRole('link', { name: 'Hosts', exact: true }).first().click();
      const hosts = tableNamed(page, 'Hosts');
      await expect(hosts.getByRole('row')).not.toHaveCount(1);
      await shot(page, 'hosts', size.width);
      expect(await cutHeaders(hosts), 'cut Host headers').toEqual([]);

      await hosts.getByRole('link', { name: 'host1', exact: true }).click();
      const luns = tableNamed(page, 'LUNs host1 sees');
      await expect(luns).toBeVisible();
      await luns.scrollIntoViewIfNeeded();
      await shot(page, 'host1', size.width);
      expect(await cutHeaders(luns), 'cut host LUN headers').toEqual([]);
      expect(await wrappedOrCut(luns, 'Size'), 'host LUN sizes wrapped or cut').toEqual([]);
      expect(await wrappedOrCut(luns, 'LUN ID'), 'host LUN IDs wrapped or cut').toEqual([]);
    });
  });
}
