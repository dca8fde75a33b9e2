// VM lifecycle on the lab: Run with a preferred host that cannot connect, Shut down / Power off releasing only
// what nothing else uses, Migrate to a host that connects first. Each test checks what the user sees (steps,
// final status and host) and what the engine did (sessions per host).
import type { Page } from '@playwright/test';
import { emulator, expect, expectNoAxeViolations, openConsole, test } from './fixtures';
import { VmLifecycle } from './pages/vm-lifecycle';

const APPS = 'iqn.2024-03.com.example.lab:array-a.apps';
const BACKUP = 'iqn.2024-03.com.example.lab:array-b.backup';

/** target → holders, per host name, straight from the emulated hosts. */
function sessions(page: Page, host: string) {
  return emulator(
    page,
    (em, h) => {
      const id = em.engine.state.hosts.find((x) => x.name === h)?.id;
      return Object.fromEntries(em.engine.state.sessions.filter((s) => s.hostId === id).map((s) => [s.target, s.holders]));
    },
    host,
  );
}

test.describe('VM lifecycle (lab)', () => {
  test('Run: the preferred host cannot reach the target, the VM runs on another host and the skip is not counted', async ({ page, app }) => {
    await openConsole(page, '/vms');
    const lc = new VmLifecycle(page);
    await lc.rowMenu('test01').click();
    await lc.menuItem('Run').click();
    const op = lc.operation(/test01 is Up on host[12]/);
    await expect(op).toBeVisible();
    const steps = lc.steps(op);
    await expect(steps).toContainText('preferred host: host3 (test01 prefers it)');
    await expect(steps).toContainText(`host3 could not connect ${BACKUP} at 10.35.2.90:3260 (for disk test01-backup): host3 cannot reach portal 10.35.2.90:3260`);
    await expect(steps).toContainText('Skipped host3 (preferred): it is not connected to what test01 needs. Not counted as a run attempt (0 of 3 used)');
    await expect(steps).toContainText(/test01 is up on host[12] \(run attempt 1 of 3\)/);
    // The list shows it too, refreshed while the operation ran.
    const row = app.row(app.table('Virtual machines'), 'test01');
    await expect(row).toContainText('Up');
    const host = (await row.getByRole('gridcell').nth(2).innerText()).trim();
    expect(['host1', 'host2']).toContain(host);
    // The engine: the host it runs on holds array-b for test01's disk; host3 never connected it.
    expect(Object.keys(await sessions(page, host))).toContain(BACKUP);
    expect(Object.keys(await sessions(page, 'host3'))).not.toContain(BACKUP);
    await expectNoAxeViolations(page);
  });

  test('Power off from the VM page asks first, then releases only what nothing else uses', async ({ page }) => {
    await openConsole(page, '/vms');
    await page.getByRole('link', { name: 'db01' }).click();
    const lc = new VmLifecycle(page);
    await expect(lc.button('Run')).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByText('Run: db01 is already Up.')).toBeVisible();
    await lc.button('Power off').click();
    const dialog = lc.confirmDialog('Power off db01?');
    await expect(dialog).toContainText('host1 releases the iSCSI connections');
    await expectNoAxeViolations(page);
    // The confirmation shows the request it sends, and the same as ovirt.ovirt's ovirt_vm (stopped + force = stop).
    await expect(dialog.getByTestId('rest-preview')).toContainText(/POST \/ovirt-engine\/api\/v4\/vms\/\S+\/stop/);
    await dialog.getByRole('tab', { name: 'Ansible' }).click();
    await expect(dialog.getByTestId('rest-preview-ansible')).toContainText('ovirt.ovirt.ovirt_vm:');
    await expect(dialog.getByTestId('rest-preview-ansible')).toContainText('name: "db01"');
    await expect(dialog.getByTestId('rest-preview-ansible')).toContainText('force: true');
    await dialog.getByRole('button', { name: 'Power off' }).click();
    const op = lc.operation('db01 is Down');
    await expect(op).toBeVisible();
    await expect(lc.steps(op)).toContainText(`host1 logged out of ${APPS} (nothing on host1 needs it any more)`);
    await expect(page.getByLabel('Virtual machine summary')).toContainText('Down');
    const host1 = await sessions(page, 'host1');
    expect(host1[APPS]).toBeUndefined();
    // web01 still uses array-a.apps on host2 through the sharable quorum disk.
    expect((await sessions(page, 'host2'))[APPS]).toHaveLength(1);
  });

  test('Migrate to a host that has to connect first', async ({ page }) => {
    await openConsole(page, '/vms');
    await page.getByRole('link', { name: 'db01' }).click();
    const lc = new VmLifecycle(page);
    await lc.button('Migrate').click();
    const dialog = lc.migrateDialog('db01');
    const host3 = dialog.getByRole('radio', { name: /^host3/ });
    await expect(host3).toBeEnabled();
    await expect(dialog).toContainText(`host3 is not connected to target ${APPS} yet; the engine will try to connect it first`);
    await expect(dialog.getByRole('radio', { name: /^host2/ })).toHaveAccessibleDescription(/host2 sees LUN \S+ \(disk db01-redo\) \(1 of 1 path active\)/);
    await expect(dialog.getByRole('radio', { name: /^host1/ })).toBeDisabled();
    await expect(dialog.getByRole('radio', { name: /^host4/ })).toBeDisabled();
    await expectNoAxeViolations(page);
    await host3.check();
    // The shared REST preview shows what will be sent: the picked host in the action body.
    const host3Id = await emulator(page, (em) => em.engine.state.hosts.find((h) => h.name === 'host3')?.id);
    await expect(dialog.getByTestId('rest-preview')).toContainText('/migrate');
    await expect(dialog.getByTestId('rest-preview')).toContainText(`"id": "${host3Id ?? 'missing'}"`);
    // ovirt_vm looks the destination up by name (ovirt_vm.py _migrate_vm: Host(name=...)).
    await dialog.getByRole('tab', { name: 'Ansible' }).click();
    await expect(dialog.getByTestId('rest-preview-ansible')).toContainText('host: "host3"');
    await dialog.getByRole('button', { name: 'Migrate' }).click();
    const op = lc.operation('db01 migrated from host1 to host3');
    await expect(op).toBeVisible();
    await expect(lc.steps(op)).toContainText(`host3 is ready: host3 connected to ${APPS} at 10.35.1.72:3260`);
    await expect(lc.steps(op)).toContainText(`host1 logged out of ${APPS}`);
    await expect(page.getByLabel('Virtual machine summary')).toContainText('host3');
    expect((await sessions(page, 'host3'))[APPS]).toHaveLength(2);
    expect((await sessions(page, 'host1'))[APPS]).toBeUndefined();
  });
});
