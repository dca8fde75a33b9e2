// Fault-matrix rows: the page is reloaded while the engine works (the engine keeps its running job and finishes
// it; the console picks the operation up and says how it really ended), and a host crashes while a VM starts on it.
import { expect, type Page } from '@playwright/test';
import { emulator, openConsole } from '../fixtures';
import { AddDiskWizard } from '../pages/add-disk-wizard';
import { VmLifecycle } from '../pages/vm-lifecycle';
import { attachmentsOf, disksOnLun, failNext, hotplugs, jobStatuses, stepRunning, vmState } from './engine';
import { attachToReview, floatingToReview, stillSignedIn, migrateDialog } from './flows';

export interface InterruptionRow {
  fault: string;
  check: (page: Page) => Promise<void>;
}

/** Wait until the engine has a running job whose description starts with `prefix`. */
async function jobRunning(page: Page, prefix: string) {
  await expect.poll(async () => (await jobStatuses(page, prefix)).includes('started'), { timeout: 10_000, intervals: [50] }).toBe(true);
}

export const INTERRUPTION_ROWS: InterruptionRow[] = [
  {
    fault: 'reload mid-Create (floating disk)',
    check: async (page) => {
      // Slow latency: the engine's create (connect on every Up host, then the disk) takes long enough that the
      // reload lands before its answer even on a loaded machine (with 'normal' the answer sometimes came first).
      await openConsole(page, '/disks/new', { latency: 'slow' });
      const typed = { alias: 'reloaded-create', description: 'Created across a reload' };
      const lunId = await floatingToReview(page, typed);
      await new AddDiskWizard(page).create().click();
      await jobRunning(page, 'Adding Disk reloaded-create');
      await page.reload();
      await stillSignedIn(page);
      // The page was gone when the answer came: the console checks the engine and finds its own disk.
      await expect(page.getByRole('heading', { name: 'Disk reloaded-create created' })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByText(/pick another LUN/i)).toHaveCount(0);
      expect(await disksOnLun(page, lunId)).toEqual([typed]);
      expect(await jobStatuses(page, 'Adding Disk reloaded-create')).toEqual(['finished']);
    },
  },
  {
    fault: 'a lost create answer (the engine made the disk), then a reload before Create is pressed again',
    check: async (page) => {
      await openConsole(page, '/disks/new');
      const typed = { alias: 'lost-then-reloaded', description: 'Lost answer, then a reload' };
      const lunId = await floatingToReview(page, typed);
      await failNext(page, { method: 'POST', path: '/api/v4/disks?', mode: 'lose-after' });
      const w = new AddDiskWizard(page);
      await w.create().click();
      await expect.poll(() => disksOnLun(page, lunId)).toEqual([typed]);
      await expect(page.getByRole('alert').filter({ hasText: /answer/i }).or(page.getByRole('heading', { name: `Disk ${typed.alias} created` })).first()).toBeVisible();
      await page.reload();
      await stillSignedIn(page);
      // Back on the wizard: whether the console checks the engine by itself or the user presses Create again, it
      // ends with the console's own disk reported as created, never "pick another LUN".
      const created = page.getByRole('heading', { name: `Disk ${typed.alias} created` });
      await expect(created.or(w.create()).first()).toBeVisible();
      if (!(await created.isVisible())) {
        await expect(w.heading()).toHaveText('Review');
        await w.create().click();
      }
      await expect(created).toBeVisible();
      await expect(page.getByText(/pick another LUN/i)).toHaveCount(0);
      expect(await disksOnLun(page, lunId)).toEqual([typed]);
    },
  },
  {
    fault: 'reload mid-attach (archive-lun to the running db01, during the hot plug)',
    check: async (page) => {
      await openConsole(page, '/vms', { latency: 'normal' });
      const w = await attachToReview(page, 'db01');
      await w.attach().click();
      await expect.poll(() => stepRunning(page, 'Hot plugging archive-lun'), { timeout: 15_000, intervals: [50] }).toBe(true);
      await page.reload();
      await stillSignedIn(page);
      await expect(page.getByText('archive-lun is attached to db01 and plugged')).toBeVisible({ timeout: 15_000 });
      expect(await attachmentsOf(page, 'archive-lun')).toEqual([expect.objectContaining({ vm: 'db01', active: true })]);
      expect(await jobStatuses(page, 'Attaching Disk archive-lun to VM db01')).toEqual(['finished']);
      expect(await jobStatuses(page, 'Activating Disk archive-lun on VM db01')).toEqual(['finished']);
      expect(await hotplugs(page, 'db01'), 'plugged once').toBe(1);
    },
  },
  {
    fault: 'reload mid-migrate (db01 to host2, lifecycle)',
    check: async (page) => {
      await openConsole(page, '/vms', { scenario: 'lifecycle', latency: 'normal' });
      const migrate = await migrateDialog(page, 'db01', 'host2');
      await migrate.click();
      await jobRunning(page, 'Migrating VM db01');
      await page.reload();
      await stillSignedIn(page);
      // The console finds the migration again and shows how it really ended, not a failure at once.
      const lc = new VmLifecycle(page);
      await expect(lc.operation('db01 migrated from host1 to host2')).toBeVisible({ timeout: 15_000 });
      await expect(lc.operation(/Migration failed/)).toHaveCount(0);
      await expect(page.getByLabel('Virtual machine summary')).toContainText('host2');
      expect(await vmState(page, 'db01')).toEqual({ status: 'up', host: 'host2' });
      expect(await jobStatuses(page, 'Migrating VM db01')).toEqual(['finished']);
    },
  },
  {
    fault: 'host crash mid-run (app01, lifecycle: its host crashes while it starts)',
    check: async (page) => {
      await openConsole(page, '/vms', { scenario: 'lifecycle', latency: 'normal' });
      const lc = new VmLifecycle(page);
      await lc.rowMenu('app01').click();
      await lc.menuItem('Power off').click();
      await lc.confirmDialog('Power off app01?').getByRole('button', { name: 'Power off' }).click();
      await expect(lc.operation('app01 is Down')).toBeVisible();

      await lc.rowMenu('app01').click();
      await lc.menuItem('Run').click();
      await expect.poll(async () => (await vmState(page, 'app01')).status, { timeout: 15_000, intervals: [20] }).toBe('powering_up');
      const crashed = (await vmState(page, 'app01')).host ?? '';
      expect(crashed).not.toBe('');
      await emulator(page, (em, h) => em.crashHost(h as string), crashed);

      // The engine's Run job takes the next host: the VM ends Up elsewhere, and the card says where.
      const up = lc.operation(/app01 is Up on host\d$/);
      await expect(up).toBeVisible({ timeout: 20_000 });
      await expect(up.getByRole('heading')).not.toContainText(crashed);
      await expect(lc.steps(up)).toContainText(`Failed to run app01 on ${crashed}: ${crashed} stopped responding`);
      const app01 = await vmState(page, 'app01');
      expect(app01.status).toBe('up');
      expect(app01.host).not.toBe(crashed);
      await expect(up.getByRole('heading')).toContainText(app01.host ?? 'missing');
      expect(await jobStatuses(page, 'Launching VM app01')).toEqual(['finished']);
      // The earlier Power off ended with app01 down: running it again is the VM's state now, not a failed power off.
      await expect(lc.operation('app01 is Down')).toBeVisible();
      await expect(lc.operation(/did not power off/)).toHaveCount(0);
    },
  },
];
