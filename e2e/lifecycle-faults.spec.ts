// VM lifecycle failures and faults on the `lifecycle` scenario (shared targets, an HA VM on portal B, a VM no
// host can serve, a VM using SCSI reservation), with faults injected from the emulator panel as a reviewer would.
import type { Page } from '@playwright/test';
import { emulator, expect, expectNoAxeViolations, openConsole, test } from './fixtures';
import { EmulatorPanelPage } from './pages/emulator-panel';
import { VmLifecycle } from './pages/vm-lifecycle';

const IQN = 'iqn.2024-03.com.example.lab';
const APPS = `${IQN}:array-a.apps`;
const BACKUP = `${IQN}:array-b.backup`;
const DR = `${IQN}:array-c.dr`;

function sessions(page: Page, host: string) {
  return emulator(
    page,
    (em, h) => {
      const id = em.engine.state.hosts.find((x) => x.name === h)?.id;
      return Object.fromEntries(em.engine.state.sessions.filter((s) => s.hostId === id).map((s) => [s.target, s.holders.length]));
    },
    host,
  );
}

async function openVm(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Virtual Machines' }).click();
  await page.getByRole('grid', { name: 'Virtual machines' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test.describe('VM lifecycle: failures and faults (lifecycle scenario)', () => {
  test('a VM no host can serve fails with each host\'s reason', async ({ page }) => {
    await openConsole(page, '/vms', { scenario: 'lifecycle' });
    await openVm(page, 'dr01');
    const lc = new VmLifecycle(page);
    await lc.button('Run').click();
    const op = lc.operation('dr01 could not run');
    await expect(op).toBeVisible();
    const why = op.getByRole('list', { name: 'Why' });
    for (const h of ['host1', 'host2', 'host3']) {
      await expect(why).toContainText(`${h} could not connect ${DR} at 10.35.3.33:3260 (for disk dr01-data): ${h} cannot reach portal 10.35.3.33:3260`);
      await expect(lc.steps(op)).toContainText(`Skipped ${h}`);
    }
    await expect(why).toContainText('Now: dr01 is Down.');
    await expect(lc.steps(op)).not.toContainText('Starting dr01');
    await expect(page.getByLabel('Virtual machine summary')).toContainText('Down');
    for (const h of ['host1', 'host2', 'host3']) expect(Object.keys(await sessions(page, h))).not.toContain(DR);
    await expectNoAxeViolations(page);
  });

  test('stopping releases a target only where nothing else uses it; the host page shows who holds what', async ({ page, app }) => {
    await openConsole(page, '/hosts', { scenario: 'lifecycle' });
    await page.getByRole('link', { name: 'host1' }).click();
    const sessionsTable = page.getByRole('grid', { name: 'iSCSI sessions of host1' });
    const appsRow = app.row(sessionsTable, APPS);
    await expect(appsRow).toContainText('disk app01-data of VM app01 (running here)');
    await expect(appsRow).toContainText('disk app02-data of VM app02 (running here)');
    await expect(app.row(sessionsTable, `${IQN}:array-a.data`)).toContainText('storage domain data1');
    await expectNoAxeViolations(page);

    await app.nav('Virtual Machines').click();
    const lc = new VmLifecycle(page);
    await lc.rowMenu('app01').click();
    await lc.menuItem('Shut down').click();
    await lc.confirmDialog('Shut down app01?').getByRole('button', { name: 'Shut down' }).click();
    const first = lc.operation('app01 is Down');
    await expect(first).toBeVisible();
    await expect(lc.steps(first)).toContainText(`host1 stays connected to ${APPS}: still used by disk app02-data of VM app02`);
    expect((await sessions(page, 'host1'))[APPS]).toBe(1);

    await lc.rowMenu('app02').click();
    await lc.menuItem('Power off').click();
    await lc.confirmDialog('Power off app02?').getByRole('button', { name: 'Power off' }).click();
    const second = lc.operation('app02 is Down');
    await expect(second).toBeVisible();
    await expect(lc.steps(second)).toContainText(`host1 logged out of ${APPS} (nothing on host1 needs it any more)`);
    expect((await sessions(page, 'host1'))[APPS]).toBeUndefined();
    await expect(app.row(app.table('Virtual machines'), 'app02')).toContainText('Down');

    await app.nav('Hosts').click();
    await page.getByRole('link', { name: 'host1' }).click();
    await expect(app.row(sessionsTable, `${IQN}:array-a.data`)).toBeVisible();
    await expect(app.row(sessionsTable, APPS)).toHaveCount(0);
  });

  test('migrating to a host that cannot connect fails and leaves the VM running on its source', async ({ page }) => {
    await openConsole(page, '/vms', { scenario: 'lifecycle' });
    await openVm(page, 'db01');
    const lc = new VmLifecycle(page);
    await lc.button('Migrate').click();
    const dialog = lc.migrateDialog('db01');
    // From the real API the console cannot know host3 will fail: it says what it knows.
    await expect(dialog.getByRole('radio', { name: /^host3/ })).toHaveAccessibleDescription(
      `host3 is not connected to target ${BACKUP} yet; the engine will try to connect it first`,
    );
    await dialog.getByRole('radio', { name: /^host3/ }).check();
    await dialog.getByRole('button', { name: 'Migrate' }).click();
    const op = lc.operation('Migration failed: db01 stayed on host1');
    await expect(op).toBeVisible();
    const why = op.getByRole('list', { name: 'Why' });
    await expect(why).toContainText(`host3 could not connect ${BACKUP} at 10.35.2.90:3260 (for disk db01-backup): host3 cannot reach portal 10.35.2.90:3260`);
    await expect(why).toContainText('Migration to host3 cancelled: host3 cannot connect what db01 needs. db01 stays on host1 (Up)');
    await expect(why).toContainText('Now: db01 is Up on host1.');
    const summary = page.getByLabel('Virtual machine summary');
    await expect(summary).toContainText('Up');
    await expect(summary).toContainText('host1');
    expect((await sessions(page, 'host1'))[BACKUP]).toBe(1);
    expect((await sessions(page, 'host3'))[BACKUP]).toBeUndefined();
    // Try again repeats exactly what failed, destination included.
    await expect(op.getByRole('button', { name: 'Try again: Migrate db01 from host1 to host3' })).toBeVisible();
  });

  test('a VM using SCSI reservation cannot migrate, and says why', async ({ page }) => {
    await openConsole(page, '/vms', { scenario: 'lifecycle' });
    const lc = new VmLifecycle(page);
    await lc.rowMenu('quorum01').click();
    const item = lc.menuItem('Migrate');
    await expect(item).toHaveAttribute('aria-disabled', 'true');
    await expect(item).toContainText('quorum01 cannot migrate: its disk quorum-lun uses SCSI reservation, which ties it to its host');
    await item.click({ force: true });
    await expect(lc.migrateDialog('quorum01')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await openVm(page, 'quorum01');
    await expect(lc.button('Migrate')).toHaveAttribute('aria-disabled', 'true');
    await expect(lc.button('Migrate')).toHaveAccessibleDescription(/quorum01 cannot migrate: its disk quorum-lun uses SCSI reservation/);
  });

  test('HA: a host crashed from the emulator panel restarts its HA VM elsewhere; the others go down', async ({ page, app }) => {
    await openConsole(page, '/vms', { scenario: 'lifecycle' });
    const panel = new EmulatorPanelPage(page);
    await panel.openButton().click();
    await expect(panel.panel()).toBeVisible();
    await expectNoAxeViolations(page);
    await panel.host('host1').getByRole('button', { name: 'Crash host1' }).click();
    await expect(panel.host('host1')).toContainText('non responsive');
    await expect(panel.host('host2')).toContainText('db01 (up)');
    await panel.tab('Event log').click();
    await expect(panel.panel()).toContainText('Highly Available VM db01 failed. It will be restarted automatically.');
    // The HA restart is the engine's own job: the panel shows its steps (host3 skipped, not counted).
    await panel.tab('Jobs').click();
    const jobs = panel.panel().getByRole('list', { name: 'Jobs, newest first' });
    await expect(jobs).toContainText('[finished] Restarting highly available VM db01 (started by the engine itself)');
    await expect(jobs).toContainText('Skipped host3 (preferred): it is not connected to what db01 needs. Not counted as a run attempt (0 of 3 used)');
    await expect(jobs).toContainText('db01 is up on host2 (run attempt 1 of 3)');
    await expectNoAxeViolations(page);
    await panel.closeButton().click();

    const vms = app.table('Virtual machines');
    await expect(app.row(vms, 'db01')).toContainText('host2');
    await expect(app.row(vms, 'db01')).toContainText('Up');
    await expect(app.row(vms, 'app01')).toContainText('Down');
    await expect(app.row(vms, 'app02')).toContainText('Down');
    expect((await sessions(page, 'host2'))[BACKUP]).toBe(1);
    expect(await sessions(page, 'host1')).toEqual({});

    await openVm(page, 'db01');
    await page.getByRole('tab', { name: 'Events' }).click();
    // The console shows the engine's own restart job step by step too, not only in the emulator panel.
    const jobsOnVm = page.getByRole('region', { name: 'Recent engine jobs' });
    await expect(jobsOnVm).toContainText('Restarting highly available VM db01');
    await expect(jobsOnVm).toContainText('Skipped host3 (preferred): it is not connected to what db01 needs. Not counted as a run attempt (0 of 3 used)');
    await expect(jobsOnVm).toContainText('db01 is up on host2 (run attempt 1 of 3)');
    const events = page.getByRole('grid', { name: 'Events of db01' });
    await expect(events).toContainText('Highly Available VM db01 failed. It will be restarted automatically.');
    await expect(events).toContainText('VM db01 started on Host host2');
    await expectNoAxeViolations(page);
  });
});
