// The user's ways to the click a fault-matrix row breaks: each goes through the console as a user would and stops
// just before the mutation's button, so that the row can arm a fault (or end the session) first.
import { expect, type Page } from '@playwright/test';
import { freeLun, vmIdOf } from '../engine-state';
import { AddDiskWizard, LAB } from '../pages/add-disk-wizard';
import { AttachWizard } from '../pages/attach-wizard';
import { VmLifecycle } from '../pages/vm-lifecycle';
import { VmPage } from '../pages/vm-page';
import { floatingToReview as walkToReview } from '../walks';

/**
 * After a reload the console is still signed in, through the engine's cookie session (decision 046): no login page,
 * the console with its user menu.
 */
export async function stillSignedIn(page: Page) {
  await expect(page.getByRole('button', { name: /User menu/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log in' })).toHaveCount(0);
}

/** The session ended before the click: the re-login dialog asks for the password; the request goes on after it. */
export async function reLogInInDialog(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Password').fill('ovirt');
  await dialog.getByRole('button', { name: 'Log in' }).click();
  await expect(dialog).toBeHidden();
}

export interface Typed {
  alias: string;
  description: string;
}

/** Disks → New disk (floating) on host1 → array-a.apps (host1 is logged in) → a free LUN → alias, description → Review. */
export function floatingToReview(page: Page, typed: Typed): Promise<string> {
  return walkToReview(page, { target: LAB.apps, chap: false, logIn: false, ...typed });
}

/** db01 (Up on host1) → Disks → New disk → array-b.backup → a free LUN → alias, description, plugged → Review. */
export async function vmDiskToReview(page: Page, typed: Typed): Promise<string> {
  const vm = new VmPage(page);
  await vm.open('db01');
  await vm.openDisksTab();
  await page.getByRole('link', { name: 'New disk' }).click();
  const w = new AddDiskWizard(page);
  await expect(w.host().locator('option:checked')).toHaveText('host1 (runs db01)');
  await w.advance();
  await w.address().fill(LAB.portalB);
  await w.address().press('Enter');
  await w.loginAll().click();
  await expect(w.targetRow(LAB.backup)).toContainText('Logged in (5 LUNs)');
  await w.advance();
  const lunId = await freeLun(page, LAB.backup);
  await w.lunRow(lunId).click();
  await w.advance();
  await expect(w.option('Activate (plug the disk)')).toBeChecked();
  await w.alias().fill(typed.alias);
  await w.description().fill(typed.description);
  await w.advance();
  await expect(w.heading()).toHaveText('Review');
  return lunId;
}

/** `vm` → Disks → Attach → archive-lun (floating, behind array-a.apps) → default options → Review. */
export async function attachToReview(page: Page, vmName: string): Promise<AttachWizard> {
  const vm = new VmPage(page);
  await vm.open(vmName);
  await vm.openDisksTab();
  await page.getByRole('link', { name: 'Attach', exact: true }).click();
  const w = new AttachWizard(page);
  await w.disk('archive-lun').check();
  await w.advance();
  await expect(w.option('Activate (plug the disk)')).toBeChecked();
  await w.advance();
  await expect(w.plan('archive-lun')).toContainText(`Attaches archive-lun to ${vmName}`);
  return w;
}

/** The VM's Disks tab with the disk's action menu open. */
export async function diskMenu(page: Page, vmName: string, alias: string): Promise<VmPage> {
  const vm = new VmPage(page);
  await vm.open(vmName);
  await vm.openDisksTab();
  await vm.actionsToggle(alias).click();
  return vm;
}

/** Deactivate the disk through its dialog and close the dialog (the row then reads Inactive). */
export async function deactivate(page: Page, vmName: string, alias: string) {
  const vm = await diskMenu(page, vmName, alias);
  await vm.action('Deactivate').click();
  const dialog = vm.dialog(new RegExp(`Deactivate VM disk: ${alias}`));
  await dialog.getByRole('button', { name: 'Deactivate' }).click();
  await expect(dialog.getByRole('heading', { name: `Deactivated ${alias} on ${vmName}` })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(vm.diskRow(vmName, alias)).toContainText('Inactive');
}

/** The VM page with the Migrate dialog open and `host` picked. */
export async function migrateDialog(page: Page, vmName: string, host: string) {
  await new VmPage(page).open(vmName);
  const lc = new VmLifecycle(page);
  await lc.button('Migrate').click();
  const dialog = lc.migrateDialog(vmName);
  await dialog.getByRole('radio', { name: new RegExp(`^${host}`) }).check();
  return dialog.getByRole('button', { name: 'Migrate' });
}

/** The engine path of a VM's sub-resource, for a fault: "/vms/<id>/migrate". */
export async function vmPath(page: Page, vmName: string, rest: string): Promise<string> {
  return `/vms/${await vmIdOf(page, vmName)}/${rest}`;
}
