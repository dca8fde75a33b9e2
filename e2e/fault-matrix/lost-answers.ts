// Fault-matrix rows: the answer to a mutation is lost, after the engine acted ('lose-after') or before the request
// reached it ('lose-before'). Whatever the console says at first, the user ends with what they asked for, once:
// pressing the button again (or the console's own check) finds the engine's work instead of doing it twice.
import { expect, type Page } from '@playwright/test';
import { openConsole } from '../fixtures';
import { AddDiskWizard } from '../pages/add-disk-wizard';
import { VmLifecycle } from '../pages/vm-lifecycle';
import { attachmentsOf, disksOnLun, failNext, firedFaults, hotplugs, jobStatuses, vmState } from './engine';
import { attachToReview, deactivate, diskMenu, floatingToReview, migrateDialog, vmDiskToReview, vmPath } from './flows';

export type LostMode = 'lose-after' | 'lose-before';

export interface LostRow {
  operation: string;
  check: (page: Page, mode: LostMode) => Promise<void>;
}

/** The wizard still shows what was typed (Review's "What you chose"). */
async function typedStillThere(page: Page, alias: string, description: string) {
  const chosen = page.getByLabel('What you chose');
  await expect(chosen).toContainText(alias);
  await expect(chosen).toContainText(description);
}

/**
 * After the lost answer: either the console already says `created` (it checked the engine), or it says the answer
 * was lost and Create, pressed again, finds the disk (or makes it when the engine made none). Never "pick another
 * LUN" for the console's own disk.
 */
async function createAgainUntilCreated(page: Page, w: AddDiskWizard, created: string, mode: LostMode, typed: { alias: string; description: string }, lunId: string) {
  const success = page.getByRole('heading', { name: created });
  const lost = page.getByRole('alert').filter({ hasText: /answer/i });
  await expect(success.or(lost).first()).toBeVisible();
  expect(await firedFaults(page)).toHaveLength(1);
  if (mode === 'lose-before') {
    // Nothing reached the engine: no disk, and nothing typed is lost.
    expect(await disksOnLun(page, lunId)).toEqual([]);
    await expect(w.heading()).toHaveText('Review');
    await typedStillThere(page, typed.alias, typed.description);
  }
  if (!(await success.isVisible())) {
    await expect(lost).toContainText(/answer/i);
    await w.create().click();
  }
  await expect(success).toBeVisible();
  await expect(page.getByText(/pick another LUN/i)).toHaveCount(0);
  await expect(page.getByText(/Used by disk/)).toHaveCount(0);
  expect(await disksOnLun(page, lunId)).toEqual([typed]);
}

export const LOST_ROWS: LostRow[] = [
  {
    operation: 'Create of a floating disk',
    check: async (page, mode) => {
      await openConsole(page, '/disks/new');
      const typed = { alias: `floating-${mode}`, description: `Typed before a ${mode} answer` };
      const lunId = await floatingToReview(page, typed);
      await failNext(page, { method: 'POST', path: '/api/v4/disks?', mode });
      const w = new AddDiskWizard(page);
      await w.create().click();
      await createAgainUntilCreated(page, w, `Disk ${typed.alias} created`, mode, typed, lunId);
    },
  },
  {
    operation: 'Create of a VM disk with plug (db01)',
    check: async (page, mode) => {
      await openConsole(page, '/vms');
      const typed = { alias: `db01-${mode}`, description: `Plugged after a ${mode} answer` };
      const lunId = await vmDiskToReview(page, typed);
      await failNext(page, { method: 'POST', path: await vmPath(page, 'db01', 'diskattachments'), mode });
      const w = new AddDiskWizard(page);
      await w.create().click();
      await createAgainUntilCreated(page, w, `Disk ${typed.alias} created, attached to db01 and plugged`, mode, typed, lunId);
      expect(await attachmentsOf(page, typed.alias)).toEqual([expect.objectContaining({ vm: 'db01', active: true })]);
    },
  },
  {
    operation: 'Attach to a running VM (attach + plug, db01)',
    check: async (page, mode) => {
      await openConsole(page, '/vms');
      const w = await attachToReview(page, 'db01');
      await failNext(page, { method: 'POST', path: await vmPath(page, 'db01', 'diskattachments'), mode });
      await w.attach().click();
      const result = w.result('archive-lun');
      const done = result.filter({ hasText: 'archive-lun is attached to db01 and plugged' });
      const tryAgain = page.getByRole('button', { name: 'Try again to attach archive-lun' });
      await expect(done.or(tryAgain).first()).toBeVisible();
      expect(await firedFaults(page)).toHaveLength(1);
      if (mode === 'lose-before') expect(await attachmentsOf(page, 'archive-lun')).toEqual([]);
      if (!(await done.isVisible())) await tryAgain.click();
      await expect(done).toBeVisible();
      expect(await attachmentsOf(page, 'archive-lun')).toEqual([expect.objectContaining({ vm: 'db01', active: true })]);
    },
  },
  {
    operation: 'Activate (cluster-quorum on the running web01)',
    check: async (page, mode) => {
      await openConsole(page, '/vms');
      await deactivate(page, 'web01', 'cluster-quorum');
      const vm = await diskMenu(page, 'web01', 'cluster-quorum');
      await failNext(page, { method: 'PUT', path: await vmPath(page, 'web01', 'diskattachments/'), mode });
      await vm.action('Activate').click();
      const dialog = vm.dialog(/Activate VM disk: cluster-quorum/);
      const done = dialog.getByRole('heading', { name: 'Activated cluster-quorum on web01' });
      const retry = dialog.getByRole('button', { name: 'Retry activate' });
      await expect(done.or(retry).first()).toBeVisible();
      expect(await firedFaults(page)).toHaveLength(1);
      if (!(await done.isVisible())) await retry.click();
      await expect(done).toBeVisible();
      await dialog.getByRole('button', { name: 'Done' }).click();
      await expect(vm.diskRow('web01', 'cluster-quorum')).toContainText('Active');
      expect(await attachmentsOf(page, 'cluster-quorum')).toEqual(
        expect.arrayContaining([expect.objectContaining({ vm: 'web01', active: true })]),
      );
      expect(await hotplugs(page, 'web01'), 'plugged once').toBe(1);
    },
  },
  {
    operation: 'Migrate (db01 to host2, lifecycle)',
    check: async (page, mode) => {
      await openConsole(page, '/vms', { scenario: 'lifecycle' });
      const migrate = await migrateDialog(page, 'db01', 'host2');
      await failNext(page, { method: 'POST', path: await vmPath(page, 'db01', 'migrate'), mode });
      await migrate.click();
      const lc = new VmLifecycle(page);
      const summary = page.getByLabel('Virtual machine summary');
      if (mode === 'lose-after') {
        // The engine migrated it: the console finds its job by correlation id and says so.
        await expect(lc.operation('db01 migrated from host1 to host2')).toBeVisible();
        await expect(summary).toContainText('host2');
        expect(await vmState(page, 'db01')).toEqual({ status: 'up', host: 'host2' });
        expect(await jobStatuses(page, 'Migrating VM db01')).toEqual(['finished']);
      } else {
        // Nothing reached the engine: a failed operation, never a migration, and db01 still on host1.
        const op = lc.operations().locator('.pf-v6-c-alert[data-operation-state="failed"]');
        await expect(op).toHaveCount(1);
        await expect(op).toContainText('db01');
        await expect(lc.operation(/migrated/)).toHaveCount(0);
        await expect(summary).toContainText('host1');
        expect(await vmState(page, 'db01')).toEqual({ status: 'up', host: 'host1' });
        expect(await jobStatuses(page, 'Migrating VM db01')).toEqual([]);
      }
      expect(await firedFaults(page)).toHaveLength(1);
    },
  },
];
