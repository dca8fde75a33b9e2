import type { Page } from '@playwright/test';
import { emulator, expect, expectNoAxeViolations, openConsole, test } from './fixtures';
import { recordEngineRequests } from './pages/add-disk-wizard';
import { VmPage } from './pages/vm-page';

const APPS = 'iqn.2024-03.com.example.lab:array-a.apps';

async function sessionsOf(page: Page, host: string) {
  return emulator(page, (em, h) => {
    const id = em.engine.state.hosts.find((x) => x.name === h)?.id;
    return em.engine.state.sessions.filter((s) => s.hostId === id).map((s) => ({ target: s.target, holders: s.holders.length }));
  }, host);
}

test.describe('VM → Disks tab', () => {
  test('lists the attachments and the VM\'s storage connections with the host\'s state', async ({ page }) => {
    await openConsole(page, '/vms');
    const vm = new VmPage(page);
    await vm.open('db01');
    await vm.openDisksTab();
    const redo = vm.diskRow('db01', 'db01-redo');
    await expect(redo).toContainText('Direct LUN');
    await expect(redo).toContainText('20 GiB');
    await expect(redo).toContainText('VirtIO-SCSI');
    await expect(redo).toContainText('Active');
    await expect(vm.diskRow('db01', 'db01_Disk1')).toContainText('Image');
    const conn = vm.storageConnections().getByRole('row').filter({ hasText: APPS });
    await expect(conn).toContainText('cluster-quorum, db01-redo');
    await expect(conn).toContainText('Connected (1/1 paths active)');
    await expectNoAxeViolations(page);
  });

  test('deactivate keeps the host\'s connection while another plugged disk uses the target, then releases it', async ({ page }) => {
    await openConsole(page, '/vms');
    const vm = new VmPage(page);
    await vm.open('db01');
    await vm.openDisksTab();

    await vm.actionsToggle('db01-redo').click();
    await vm.action('Deactivate').click();
    let dialog = vm.dialog(/Deactivate VM disk: db01-redo/);
    await expect(dialog).toContainText('releases its target connection on host1');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await expect(dialog.getByRole('heading', { name: 'Deactivated db01-redo on db01' })).toBeVisible();
    await expect(dialog).toContainText(`host1 stays connected to ${APPS}: still used by disk cluster-quorum of VM db01`);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(vm.diskRow('db01', 'db01-redo')).toContainText('Inactive');
    expect(await sessionsOf(page, 'host1')).toContainEqual({ target: APPS, holders: 1 });

    await vm.actionsToggle('cluster-quorum').click();
    await vm.action('Deactivate').click();
    dialog = vm.dialog(/Deactivate VM disk: cluster-quorum/);
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await expect(dialog).toContainText(`host1 logged out of ${APPS} (nothing on host1 needs it any more)`);
    await dialog.getByRole('button', { name: 'Done' }).click();
    expect((await sessionsOf(page, 'host1')).map((s) => s.target)).not.toContain(APPS);
    // The storage domain's target stays: data1 holds it.
    expect((await sessionsOf(page, 'host1')).map((s) => s.target)).toContain('iqn.2024-03.com.example.lab:array-a.data');
    await expect(vm.storageConnections().getByRole('row').filter({ hasText: APPS })).toContainText('Not logged in to this target');
  });

  test('a host that cannot reach the target fails the activate with the reason; the disk stays inactive; retry works', async ({ page }) => {
    await openConsole(page, '/vms');
    const vm = new VmPage(page);
    await vm.open('web01');
    await vm.openDisksTab();
    await vm.actionsToggle('cluster-quorum').click();
    await vm.action('Deactivate').click();
    let dialog = vm.dialog(/Deactivate VM disk/);
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await emulator(page, (em) => em.cutPortal('host2', '10.35.1.72'));

    await vm.actionsToggle('cluster-quorum').click();
    await vm.action('Activate').click();
    dialog = vm.dialog(/Activate VM disk: cluster-quorum/);
    await expect(dialog.getByRole('heading', { name: 'Could not activate cluster-quorum' })).toBeVisible();
    await expect(dialog).toContainText('host2 cannot reach portal 10.35.1.72:3260');
    await expect(dialog).toContainText('cluster-quorum stays attached to web01 and inactive');
    await expectNoAxeViolations(page);

    await emulator(page, (em) => em.restorePortal('host2', '10.35.1.72'));
    await dialog.getByRole('button', { name: 'Retry activate' }).click();
    await expect(dialog.getByRole('heading', { name: 'Activated cluster-quorum on web01' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(vm.diskRow('web01', 'cluster-quorum')).toContainText('Active');
    const plugged = await emulator(page, (em) => em.engine.state.deviceSpecs.filter((r) => r.reason === 'hotplug').length);
    expect(plugged).toBe(1);
  });

  test('detach is refused on a paused VM, with the engine\'s reason', async ({ page }) => {
    await openConsole(page, '/vms');
    const vm = new VmPage(page);
    await vm.open('batch01');
    await vm.openDisksTab();
    await vm.actionsToggle('batch01_Disk1').click();
    const detach = vm.action('Detach');
    await expect(detach).toHaveAttribute('aria-disabled', 'true');
    await expect(detach).toContainText('Cannot detach Virtual Disk because the VM is in Paused status.');
  });

  test('detach on a down VM keeps the disk as a floating disk', async ({ page, app }) => {
    await openConsole(page, '/vms');
    const vm = new VmPage(page);
    await vm.open('app01');
    await vm.openDisksTab();
    await vm.actionsToggle('app01-data').click();
    await vm.action('Detach').click();
    const dialog = vm.dialog(/Detach VM disk: app01-data/);
    await dialog.getByRole('button', { name: 'Detach' }).click();
    await expect(dialog.getByRole('heading', { name: 'Detached app01-data from app01' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(vm.diskRow('app01', 'app01-data')).toHaveCount(0);
    await app.nav('Disks').click();
    await expect(app.row(app.table('Disks'), 'app01-data')).toContainText('—');
  });

  test('works with the keyboard alone', async ({ page }) => {
    await openConsole(page, '/vms');
    const vm = new VmPage(page);
    await vm.open('db01');
    await vm.openDisksTab();
    await vm.actionsToggle('db01-redo').focus();
    await page.keyboard.press('Enter');
    await expect(vm.action('Activate')).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(vm.action('Edit')).toBeFocused();
    // Activate is disabled (already active) but focusable, so its reason is read: arrow past it to Deactivate.
    await page.keyboard.press('ArrowDown');
    await expect(vm.action('Activate')).toBeFocused();
    await expect(vm.action('Activate')).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(vm.action('Deactivate')).toBeFocused();
    await page.keyboard.press('Enter');
    const dialog = vm.dialog(/Deactivate VM disk/);
    await expect(dialog).toBeVisible();
    // The dialog focuses its close button first (wait for it: under load the focus moves after the dialog shows);
    // the confirm button is next.
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Deactivate' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('heading', { name: /Deactivated db01-redo/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('New disk and Attach are in the Disks tab and come back to it', async ({ page }) => {
    await openConsole(page, '/vms');
    const vm = new VmPage(page);
    await vm.open('app01');
    await vm.openDisksTab();
    await page.getByRole('link', { name: 'New disk' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New direct LUN disk for app01' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(page).toHaveURL(/\/vms\/[^/?]+\?tab=disks$/);
    await page.getByRole('link', { name: 'Attach', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Attach a disk to app01' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(vm.disks('app01')).toBeVisible();
  });

  test('Edit on a down VM: pass-through and interface, only what changed is sent', async ({ page }) => {
    const sent = recordEngineRequests(page);
    await openConsole(page, '/vms');
    const vm = new VmPage(page);
    await vm.open('app01');
    await vm.openDisksTab();
    await vm.actionsToggle('app01-data').click();
    await vm.action('Edit').click();
    let dialog = vm.dialog('Edit VM disk: app01-data');
    await expect(dialog.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');
    await expect(dialog.getByRole('button', { name: 'Save' })).toHaveAccessibleDescription('Nothing changed yet.');
    await expect(dialog.getByRole('checkbox', { name: 'Allow privileged SCSI I/O' })).toBeDisabled();
    await dialog.getByRole('checkbox', { name: 'Enable SCSI pass-through' }).check();
    await dialog.getByRole('checkbox', { name: 'Allow privileged SCSI I/O' }).check();
    await expect(dialog.getByRole('checkbox', { name: 'Read-only' })).toHaveAccessibleDescription("A VirtIO-SCSI direct LUN disk can't be read-only when SCSI pass-through is enabled.");
    await expect(dialog).toContainText('Changes: SCSI pass-through: off → unfiltered.');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('heading', { name: 'Saved the changes to app01-data' })).toBeVisible();
    await expect(dialog).toContainText('SCSI pass-through of app01-data: unfiltered');
    await dialog.getByRole('button', { name: 'Done' }).click();
    expect(await emulator(page, (em) => em.engine.state.disks.find((d) => d.kind === 'lun' && d.alias === 'app01-data'))).toMatchObject({ sgio: 'unfiltered' });

    await vm.actionsToggle('app01-data').click();
    await vm.action('Edit').click();
    dialog = vm.dialog('Edit VM disk: app01-data');
    await expect(dialog.getByRole('checkbox', { name: 'Allow privileged SCSI I/O' })).toBeChecked();
    await dialog.getByLabel('Interface').selectOption('virtio');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('heading', { name: 'Saved the changes to app01-data' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(vm.diskRow('app01', 'app01-data')).toContainText('VirtIO');
    const puts = sent.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.body)).toEqual([{ disk: { sgio: 'unfiltered' } }, { interface: 'virtio' }]);
  });

  test('Edit on a running VM: what needs the VM down is disabled with the reason; a refusal shows the engine\'s words', async ({ page }) => {
    await openConsole(page, '/vms');
    const vm = new VmPage(page);
    await vm.open('db01');
    await vm.openDisksTab();
    await vm.actionsToggle('db01-redo').click();
    await vm.action('Edit').click();
    const dialog = vm.dialog('Edit VM disk: db01-redo');
    await expect(dialog.getByLabel('Interface')).toBeDisabled();
    await expect(dialog.getByLabel('Interface')).toHaveAccessibleDescription('The interface can change only while every VM using db01-redo is down: db01 is Up.');
    await expect(dialog.getByRole('checkbox', { name: 'Read-only' })).toHaveAccessibleDescription(
      'Read-only can change only while db01-redo is inactive or db01 is down (db01 is Up and the disk is plugged).',
    );
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // app01 is down when the dialog opens, and someone starts it before Save: the engine refuses, and says why.
    await vm.open('app01');
    await vm.openDisksTab();
    await vm.actionsToggle('app01-data').click();
    await vm.action('Edit').click();
    const edit = vm.dialog('Edit VM disk: app01-data');
    await edit.getByLabel('Interface').selectOption('virtio');
    await emulator(page, (em) => {
      const app01 = em.engine.state.vms.find((v) => v.name === 'app01');
      if (app01) {
        app01.status = 'up';
        app01.hostId = em.engine.state.hosts.find((h) => h.name === 'host1')?.id;
      }
    });
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit.getByRole('heading', { name: 'The engine did not change app01-data' })).toBeVisible();
    await expect(edit).toContainText('Cannot edit Virtual Disk. At least one of the VMs is not down. Nothing was changed.');
    await expect(edit.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
