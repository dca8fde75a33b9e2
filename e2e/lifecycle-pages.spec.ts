// The host page, the disk page and the emulator panel: what they show, faults injected from the panel showing up
// in them, keyboard-only use, and axe on each.
import type { Page } from '@playwright/test';
import { emulator, expect, expectNoAxeViolations, openConsole, test } from './fixtures';
import { EmulatorPanelPage } from './pages/emulator-panel';
import { VmLifecycle } from './pages/vm-lifecycle';

const APPS = 'iqn.2024-03.com.example.lab:array-a.apps';

function lunOf(page: Page, alias: string) {
  return emulator(page, (em, a) => {
    const d = em.engine.state.disks.find((x) => x.alias === a);
    return d?.kind === 'lun' ? d.lun.id : '';
  }, alias);
}

test.describe('host and disk pages', () => {
  test('a direct-LUN disk: backing LUN, connections, reach per host, VMs; a portal cut from the panel shows', async ({ page, app }) => {
    await openConsole(page, '/disks');
    await page.getByRole('link', { name: 'db01-redo' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'db01-redo' })).toBeVisible();
    const wwid = await lunOf(page, 'db01-redo');
    const lun = page.getByRole('region', { name: 'Backing LUN' });
    await expect(lun).toContainText(wwid);
    await expect(lun).toContainText('20 GiB');
    await expect(lun).toContainText('LIO-ORG');
    await expect(app.row(page.getByRole('grid', { name: 'Connections of db01-redo' }), APPS)).toContainText('10.35.1.72:3260');
    // The CHAP user is read from GET /storageconnections (the disk's lun_storage never carries one, audit F5).
    await expect(app.row(page.getByRole('grid', { name: 'Connections of db01-redo' }), APPS)).toContainText('None (no CHAP)');
    const reach = page.getByRole('grid', { name: 'Hosts that can reach db01-redo' });
    await expect(app.row(reach, 'host1')).toContainText('1 of 1 path active');
    await expect(app.row(reach, 'host2')).toContainText('Yes');
    await expect(app.row(reach, 'host3')).toContainText(`host3 is not connected to target ${APPS} yet; the engine will try to connect it first`);
    await expect(app.row(reach, 'host4')).toContainText('host4 is not Up (maintenance): the engine cannot ask it');
    const vms = page.getByRole('grid', { name: 'VMs db01-redo is attached to' });
    await expect(app.row(vms, 'db01')).toContainText('VirtIO-SCSI');
    await expect(app.row(vms, 'db01')).toContainText('Active (plugged)');
    await expect(page.getByRole('heading', { name: 'No events' })).toBeVisible();
    await expectNoAxeViolations(page);

    const panel = new EmulatorPanelPage(page);
    await panel.openButton().click();
    await panel.host('host1').getByRole('button', { name: 'Cut host1 off from 10.35.1.72' }).click();
    await expect(panel.host('host1')).toContainText('10.35.1.72:3260 (storage-a.lab.example.com): cut off');
    await panel.closeButton().click();
    await expect(app.row(reach, 'host1')).toContainText(`host1 cannot reach LUN ${wwid}: no active path (0 of 1 path active)`);
    await expect(app.row(reach, 'host1')).toContainText('No');

    // The host page says the same from the host's side.
    await app.row(reach, 'host1').getByRole('link', { name: 'host1' }).click();
    const sessions = page.getByRole('grid', { name: 'iSCSI sessions of host1' });
    await expect(app.row(sessions, APPS)).toContainText('all without an active path');
    await expect(app.row(sessions, APPS)).toContainText('disk db01-redo of VM db01 (running here)');
  });

  test('a disk another administrator created shows its history; the LUN table of the host finds it', async ({ page, app }) => {
    await openConsole(page, '/disks');
    const wwid = await emulator(page, (em) => {
      const free = em.engine.state.luns.find((l) => l.targetIqn?.endsWith('array-a.apps') && !em.engine.state.disks.some((d) => d.kind === 'lun' && d.lun.id === l.id));
      em.takeLun(free?.id ?? '', 'other-admin-disk');
      return free?.id ?? '';
    });
    await page.getByRole('button', { name: 'Direct LUN' }).click();
    await page.getByRole('link', { name: 'other-admin-disk' }).click();
    const history = page.getByRole('grid', { name: 'History of other-admin-disk' });
    await expect(history).toContainText('The disk other-admin-disk was successfully added.');
    await expect(page.getByRole('heading', { name: 'Not attached' })).toBeVisible();

    await app.nav('Hosts').click();
    await page.getByRole('link', { name: 'host1' }).click();
    const filter = page.getByRole('textbox', { name: 'Filter the LUNs host1 sees' });
    await filter.fill(wwid);
    const luns = page.getByRole('grid', { name: 'LUNs host1 sees' });
    await expect(luns.getByRole('row')).toHaveCount(2);
    await expect(app.row(luns, wwid)).toContainText('disk other-admin-disk (not plugged into a VM running here)');
    await expect(page.getByText('1 of 18 LUNs')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('an image disk and a host in maintenance get their simpler pages', async ({ page, app }) => {
    await openConsole(page, '/disks');
    await page.getByRole('link', { name: 'db01_Disk1' }).click();
    const image = page.getByRole('region', { name: 'Image' });
    await expect(image).toContainText('40 GiB');
    await expect(image).toContainText('data1');
    await expect(app.row(page.getByRole('grid', { name: 'VMs db01_Disk1 is attached to' }), 'db01')).toContainText('Active (plugged)');
    await expectNoAxeViolations(page);

    await app.nav('Hosts').click();
    await page.getByRole('link', { name: 'host4' }).click();
    await expect(page.getByText('host4 is Maintenance: the engine cannot list what it is connected to')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a large SAN: the host page lists 10,000 LUNs and filters them', async ({ page }) => {
    await openConsole(page, '/hosts', { scenario: 'large-san' });
    await page.getByRole('link', { name: 'host01' }).click();
    await expect(page.getByText('10,000 LUNs')).toBeVisible({ timeout: 20_000 });
    const luns = page.getByRole('grid', { name: 'LUNs host01 sees' });
    // Virtualized: only the rows around the viewport are in the page.
    expect(await luns.getByRole('row').count()).toBeLessThan(80);
    await page.getByRole('textbox', { name: 'Filter the LUNs host01 sees' }).fill('lun-disk-1000');
    await expect(page.getByText('1 of 10,000 LUNs', { exact: true })).toBeVisible();
  });
});

test.describe('keyboard only', () => {
  test('run a VM from the list menu and work the emulator panel without a mouse', async ({ page }) => {
    await openConsole(page, '/vms');
    const lc = new VmLifecycle(page);
    await lc.rowMenu('app01').focus();
    await page.keyboard.press('Enter');
    // PatternFly's menu button: Enter opens it, ArrowDown moves into it.
    await page.keyboard.press('ArrowDown');
    await expect(lc.menuItem('Run')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(lc.operation('app01 is Up on host1')).toBeVisible();

    const panel = new EmulatorPanelPage(page);
    await panel.openButton().focus();
    await page.keyboard.press('Enter');
    await expect(panel.closeButton()).toBeFocused();
    const crash = panel.host('host2').getByRole('button', { name: 'Crash host2' });
    for (let i = 0; i < 40 && !(await crash.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(crash).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(panel.host('host2').getByRole('button', { name: 'Recover host2' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel.panel()).toBeHidden();
    await expect(panel.openButton()).toBeFocused();
  });
});
