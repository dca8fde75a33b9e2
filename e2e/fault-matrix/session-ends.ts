// Fault-matrix rows: the session ends just before the click (the engine answers the mutation 401 without doing
// anything); the user logs in again in the dialog, the console sends the same request once more, and the engine
// does the work once.
import { expect, type Page } from '@playwright/test';
import { emulator, openConsole } from '../fixtures';
import { AddDiskWizard } from '../pages/add-disk-wizard';
import { VmLifecycle } from '../pages/vm-lifecycle';
import { attachmentsOf, disksNamed, disksOnLun, jobStatuses, vmState } from './engine';
import { attachToReview, deactivate, diskMenu, floatingToReview, migrateDialog, reLogInInDialog } from './flows';

export interface SessionRow {
  mutation: string;
  check: (page: Page) => Promise<void>;
}

/**
 * The session ends as the next change reaches the engine (its auth filter answers 401 without acting): armed on
 * the emulator rather than expired at once, so a poll that happens to come before the click is not the request
 * that meets the 401 (the page's lists poll while the user works).
 */
async function expireSessions(page: Page) {
  await emulator(page, (em) => em.failNext({ method: 'POST|PUT|DELETE', path: '/ovirt-engine/api', mode: 'session-ends' }));
}

/** From the VM list: the row's kebab → action → the confirmation (if any) → the operation's card. */
async function lifecycleFromList(page: Page, vm: string, action: 'Run' | 'Shut down', confirm?: string) {
  const lc = new VmLifecycle(page);
  await lc.rowMenu(vm).click();
  if (confirm) {
    await lc.menuItem(action).click();
    const dialog = lc.confirmDialog(confirm);
    await expireSessions(page);
    await dialog.getByRole('button', { name: action }).click();
  } else {
    await expireSessions(page);
    await lc.menuItem(action).click();
  }
  await reLogInInDialog(page);
  return lc;
}

export const SESSION_ROWS: SessionRow[] = [
  {
    mutation: 'create (floating disk)',
    check: async (page) => {
      await openConsole(page, '/disks/new');
      const typed = { alias: 'after-401-create', description: 'Typed before the session ended' };
      const lunId = await floatingToReview(page, typed);
      await expireSessions(page);
      await new AddDiskWizard(page).create().click();
      await reLogInInDialog(page);
      await expect(page.getByRole('heading', { name: 'Disk after-401-create created' })).toBeVisible();
      expect(await disksOnLun(page, lunId)).toEqual([typed]);
    },
  },
  {
    mutation: 'attach (archive-lun to the down app01)',
    check: async (page) => {
      await openConsole(page, '/vms');
      const w = await attachToReview(page, 'app01');
      await expireSessions(page);
      await w.attach().click();
      await reLogInInDialog(page);
      await expect(w.result('archive-lun')).toContainText('archive-lun is attached to app01 and plugged');
      expect(await attachmentsOf(page, 'archive-lun')).toEqual([expect.objectContaining({ vm: 'app01', active: true })]);
    },
  },
  {
    mutation: 'activate (db01-redo on db01)',
    check: async (page) => {
      await openConsole(page, '/vms');
      await deactivate(page, 'db01', 'db01-redo');
      const vm = await diskMenu(page, 'db01', 'db01-redo');
      await expireSessions(page);
      await vm.action('Activate').click();
      await reLogInInDialog(page);
      const dialog = vm.dialog(/Activate VM disk: db01-redo/);
      await expect(dialog.getByRole('heading', { name: 'Activated db01-redo on db01' })).toBeVisible();
      expect(await attachmentsOf(page, 'db01-redo')).toEqual([expect.objectContaining({ vm: 'db01', active: true })]);
      expect(await jobStatuses(page, 'Activating Disk db01-redo')).toEqual(['finished']);
    },
  },
  {
    mutation: 'deactivate (db01-redo on db01)',
    check: async (page) => {
      await openConsole(page, '/vms');
      const vm = await diskMenu(page, 'db01', 'db01-redo');
      await vm.action('Deactivate').click();
      const dialog = vm.dialog(/Deactivate VM disk: db01-redo/);
      await expireSessions(page);
      await dialog.getByRole('button', { name: 'Deactivate' }).click();
      await reLogInInDialog(page);
      await expect(dialog.getByRole('heading', { name: 'Deactivated db01-redo on db01' })).toBeVisible();
      expect(await attachmentsOf(page, 'db01-redo')).toEqual([expect.objectContaining({ vm: 'db01', active: false })]);
      expect(await jobStatuses(page, 'Deactivating Disk db01-redo')).toEqual(['finished']);
    },
  },
  {
    mutation: 'detach (app01-data from the down app01)',
    check: async (page) => {
      await openConsole(page, '/vms');
      const vm = await diskMenu(page, 'app01', 'app01-data');
      await vm.action('Detach').click();
      const dialog = vm.dialog(/Detach VM disk: app01-data/);
      await expireSessions(page);
      await dialog.getByRole('button', { name: 'Detach' }).click();
      await reLogInInDialog(page);
      await expect(dialog.getByRole('heading', { name: 'Detached app01-data from app01' })).toBeVisible();
      expect(await attachmentsOf(page, 'app01-data')).toEqual([]);
      expect(await disksNamed(page, 'app01-data'), 'the disk stays, floating').toBe(1);
    },
  },
  {
    mutation: 'edit (app01-data interface to VirtIO)',
    check: async (page) => {
      await openConsole(page, '/vms');
      const vm = await diskMenu(page, 'app01', 'app01-data');
      await vm.action('Edit').click();
      const dialog = vm.dialog('Edit VM disk: app01-data');
      await dialog.getByLabel('Interface').selectOption('virtio');
      await expireSessions(page);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await reLogInInDialog(page);
      await expect(dialog.getByRole('heading', { name: 'Saved the changes to app01-data' })).toBeVisible();
      expect(await attachmentsOf(page, 'app01-data')).toEqual([expect.objectContaining({ vm: 'app01', interface: 'virtio' })]);
      expect(await jobStatuses(page, 'Editing Disk app01-data')).toEqual(['finished']);
    },
  },
  {
    mutation: 'run (test01)',
    check: async (page) => {
      await openConsole(page, '/vms');
      const lc = await lifecycleFromList(page, 'test01', 'Run');
      await expect(lc.operation(/test01 is Up on host[12]$/)).toBeVisible();
      expect((await vmState(page, 'test01')).status).toBe('up');
      expect(await jobStatuses(page, 'Launching VM test01')).toEqual(['finished']);
    },
  },
  {
    mutation: 'shut down (db01)',
    check: async (page) => {
      await openConsole(page, '/vms');
      const lc = await lifecycleFromList(page, 'db01', 'Shut down', 'Shut down db01?');
      await expect(lc.operation('db01 is Down')).toBeVisible();
      expect(await vmState(page, 'db01')).toEqual({ status: 'down', host: undefined });
      expect(await jobStatuses(page, 'Shutting down VM db01')).toEqual(['finished']);
    },
  },
  {
    mutation: 'migrate (db01 to host3)',
    check: async (page) => {
      await openConsole(page, '/vms');
      const migrate = await migrateDialog(page, 'db01', 'host3');
      await expireSessions(page);
      await migrate.click();
      await reLogInInDialog(page);
      await expect(new VmLifecycle(page).operation('db01 migrated from host1 to host3')).toBeVisible();
      await expect(page.getByLabel('Virtual machine summary')).toContainText('host3');
      expect(await vmState(page, 'db01')).toEqual({ status: 'up', host: 'host3' });
      expect(await jobStatuses(page, 'Migrating VM db01')).toEqual(['finished']);
    },
  },
];
