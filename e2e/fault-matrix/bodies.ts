// Fault-matrix rows: answers the console does not understand (a proxy's 500 HTML page; a 200 whose body is not
// JSON, after the engine acted) and a slow engine. The user reads the console's own words with the status said once;
// nothing typed is lost; the engine ends with exactly one of what was asked for.
import { expect, type Page } from '@playwright/test';
import { openConsole } from '../fixtures';
import { AddDiskWizard, recordEngineRequests } from '../pages/add-disk-wizard';
import { VmLifecycle } from '../pages/vm-lifecycle';
import { disksOnLun, failNext, firedFaults, jobStatuses, vmState } from './engine';
import { floatingToReview, vmPath } from './flows';

export interface BodyRow {
  fault: string;
  check: (page: Page) => Promise<void>;
}

const NOT_UNDERSTOOD = 'The engine sent an answer the console does not understand';

/** `text` names the HTTP status `status` exactly once, and never as "(HTTP …)". */
function statusOnce(text: string, status: string) {
  expect(text.split(status).length - 1, `"${status}" once in: ${text}`).toBe(1);
  expect(text).not.toContain('(HTTP');
}

async function floatingCreateWith(page: Page, mode: 'status-500-html' | 'garbage-200', alias: string) {
  await openConsole(page, '/disks/new');
  const typed = { alias, description: `Kept after a ${mode} answer` };
  const lunId = await floatingToReview(page, typed);
  await failNext(page, { method: 'POST', path: '/api/v4/disks?', mode });
  const w = new AddDiskWizard(page);
  await w.create().click();
  return { w, typed, lunId };
}

async function runTest01With(page: Page, mode: 'status-500-html' | 'garbage-200') {
  await openConsole(page, '/vms');
  await failNext(page, { method: 'POST', path: await vmPath(page, 'test01', 'start'), mode });
  const lc = new VmLifecycle(page);
  await lc.rowMenu('test01').click();
  await lc.menuItem('Run').click();
  return lc;
}

export const BODY_ROWS: BodyRow[] = [
  {
    fault: 'a 500 with an HTML body on create: not created, nothing typed lost, Create again makes one disk',
    check: async (page) => {
      const { w, typed, lunId } = await floatingCreateWith(page, 'status-500-html', 'after-500-html');
      const alert = page.getByRole('alert').filter({ hasText: NOT_UNDERSTOOD });
      await expect(alert).toContainText(/POST \/disks\S* answered HTTP 500 Internal Server Error with an HTML page/);
      statusOnce(await alert.innerText(), '500');
      expect(await disksOnLun(page, lunId)).toEqual([]);
      await expect(w.heading()).toHaveText('Review');
      await expect(page.getByLabel('What you chose')).toContainText(typed.description);
      await w.create().click();
      await expect(page.getByRole('heading', { name: 'Disk after-500-html created' })).toBeVisible();
      expect(await disksOnLun(page, lunId)).toEqual([typed]);
    },
  },
  {
    fault: 'a garbage 200 body on create (the engine made the disk): the console\'s words, then created, one disk',
    check: async (page) => {
      const { w, typed, lunId } = await floatingCreateWith(page, 'garbage-200', 'after-garbage-200');
      const created = page.getByRole('heading', { name: 'Disk after-garbage-200 created' });
      const alert = page.getByRole('alert').filter({ hasText: NOT_UNDERSTOOD });
      await expect(created.or(alert).first()).toBeVisible();
      await expect(page.getByText(/Expected property name|in JSON at position/)).toHaveCount(0);
      if (!(await created.isVisible())) {
        statusOnce(await alert.innerText(), '200');
        await w.create().click();
      }
      await expect(created).toBeVisible();
      await expect(page.getByText(/pick another LUN/i)).toHaveCount(0);
      expect(await disksOnLun(page, lunId)).toEqual([typed]);
    },
  },
  {
    fault: 'a 500 with an HTML body on Run: the engine refused nothing it saw, the VM stays down',
    check: async (page) => {
      const lc = await runTest01With(page, 'status-500-html');
      const op = lc.operations().locator('.pf-v6-c-alert[data-operation-state="failed"]');
      await expect(op).toContainText(NOT_UNDERSTOOD);
      await expect(op).toContainText(/POST \/vms\/\S+\/start answered HTTP 500 Internal Server Error with an HTML page/);
      statusOnce(await op.innerText(), '500');
      expect(await firedFaults(page)).toHaveLength(1);
      expect((await vmState(page, 'test01')).status).toBe('down');
      expect(await jobStatuses(page, 'Launching VM test01')).toEqual([]);
    },
  },
  {
    fault: 'a garbage 200 body on Run (the engine started it): never the parser\'s text, never "refused"; one run',
    check: async (page) => {
      const lc = await runTest01With(page, 'garbage-200');
      const op = lc.operations().locator('.pf-v6-c-alert');
      await expect(op).toHaveCount(1);
      await expect(op).toContainText(/test01 is Up on host[12]|does not understand/);
      await expect(op).not.toContainText(/Expected property name|in JSON at position/);
      await expect(op).not.toContainText('The engine refused');
      await expect.poll(async () => (await vmState(page, 'test01')).status, { timeout: 15_000 }).toBe('up');
      await expect.poll(() => jobStatuses(page, 'Launching VM test01')).toEqual(['finished']);
    },
  },
  {
    fault: 'a slow answer on create: the button stays busy, a double click makes one disk',
    check: async (page) => {
      const sent = recordEngineRequests(page);
      await openConsole(page, '/disks/new');
      const typed = { alias: 'slow-create', description: 'Created by a slow engine' };
      const lunId = await floatingToReview(page, typed);
      await failNext(page, { method: 'POST', path: '/api/v4/disks?', mode: 'slow', ms: 3000 });
      const w = new AddDiskWizard(page);
      await w.create().dblclick();
      const busy = page.getByRole('button', { name: 'Creating…' });
      await expect(busy).toBeVisible();
      await expect(busy).toBeDisabled();
      await busy.click({ force: true });
      await expect(page.getByRole('heading', { name: 'Disk slow-create created' })).toBeVisible();
      const posts = sent.filter((r) => r.method === 'POST' && r.path.startsWith('/ovirt-engine/api/v4/disks'));
      expect(posts).toHaveLength(1);
      expect(await disksOnLun(page, lunId)).toEqual([typed]);
    },
  },
];
