// Issue 12 on the `lifecycle` scenario: an operation's result is the one the engine's record gave it when it
// ended, kept whatever the VM does afterwards (a later Run, a host crash and an HA restart); Try again says what
// it would do to the VM as it is now; settled cards can be dismissed; quorum01's Migrate is never enabled.
import type { Page } from '@playwright/test';
import { emulator, expect, expectNoAxeViolations, openConsole, test } from './fixtures';
import { VmLifecycle } from './pages/vm-lifecycle';

const BACKUP = 'iqn.2024-03.com.example.lab:array-b.backup';

async function openVm(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Virtual Machines' }).click();
  await page.getByRole('grid', { name: 'Virtual machines' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** A reload keeps the tab's state (the engine's, the operations) and the login (the engine's cookie session). */
async function reloadAndLogIn(page: Page) {
  await page.reload();
  await expect(page.getByRole('button', { name: /User menu/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log in' })).toHaveCount(0);
}

function vmNow(page: Page, name: string) {
  return emulator(page, (em, n) => {
    const vm = em.engine.state.vms.find((v) => v.name === n);
    return { status: vm?.status, host: em.engine.state.hosts.find((h) => h.id === vm?.hostId)?.name };
  }, name);
}

test.describe('VM lifecycle: results are kept as the engine decided them (lifecycle scenario)', () => {
  test('app01 shut down, then run again: the Shut down card still says done, with no Try again, after a reload too', async ({ page, app }) => {
    await openConsole(page, '/vms', { scenario: 'lifecycle' });
    const lc = new VmLifecycle(page);
    await lc.rowMenu('app01').click();
    await lc.menuItem('Shut down').click();
    await lc.confirmDialog('Shut down app01?').getByRole('button', { name: 'Shut down' }).click();
    const shutdown = lc.operation('app01 is Down');
    await expect(shutdown).toHaveAttribute('data-operation-state', 'done');

    await lc.rowMenu('app01').click();
    await lc.menuItem('Run').click();
    await expect(lc.operation(/app01 is Up on host/)).toHaveAttribute('data-operation-state', 'done');
    await expect(app.row(app.table('Virtual machines'), 'app01')).toContainText('Up');
    expect((await vmNow(page, 'app01')).status).toBe('up');
    // The VM's state is in the list; the Shut down stays what it was.
    await expect(shutdown).toHaveAttribute('data-operation-state', 'done');
    await expect(shutdown.getByRole('heading')).toHaveText(/app01 is Down$/);
    await expect(page.getByText(/did not shut down/)).toHaveCount(0);
    await expect(lc.operations().getByRole('button', { name: /Try again/ })).toHaveCount(0);

    await reloadAndLogIn(page);
    await expect(lc.operation(/app01 is Up on host/)).toBeVisible();
    await expect(lc.operation('app01 is Down')).toHaveAttribute('data-operation-state', 'done');
    await expect(lc.operations().getByRole('button', { name: /Try again/ })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('a failed Migrate db01 → host3 stays failed after host1 crashes and HA restarts db01 on host2', async ({ page }) => {
    await openConsole(page, '/vms', { scenario: 'lifecycle' });
    await openVm(page, 'db01');
    const lc = new VmLifecycle(page);
    await lc.button('Migrate').click();
    const dialog = lc.migrateDialog('db01');
    await dialog.getByRole('radio', { name: /^host3/ }).check();
    await dialog.getByRole('button', { name: 'Migrate' }).click();
    const op = lc.operation('Migration failed: db01 stayed on host1');
    await expect(op).toHaveAttribute('data-operation-state', 'failed');
    await expect(op.getByRole('button', { name: 'Try again: Migrate db01 from host1 to host3' })).toBeVisible();

    await emulator(page, (em) => em.crashHost('host1'));
    const summary = page.getByLabel('Virtual machine summary');
    await expect(summary).toContainText('host2');
    expect(await vmNow(page, 'db01')).toEqual({ status: 'up', host: 'host2' });

    // Still the failure the engine recorded, with its reason; where db01 is now is said as now.
    await expect(op).toHaveAttribute('data-operation-state', 'failed');
    const why = op.getByRole('list', { name: 'Why' });
    await expect(why).toContainText(`host3 could not connect ${BACKUP} at 10.35.2.90:3260 (for disk db01-backup): host3 cannot reach portal 10.35.2.90:3260`);
    await expect(why).toContainText('Now: db01 is Up on host2.');
    await expect(page.getByText(/db01 migrated/)).toHaveCount(0);
    // Try again says what it would do from where db01 runs now.
    await expect(op.getByRole('button', { name: 'Try again: Migrate db01 from host2 to host3' })).toBeVisible();
    await expect(op.getByRole('button', { name: /^Try again: .*from host1/ })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('settled cards are dismissed from the keyboard; a running one has no Dismiss', async ({ page }) => {
    await openConsole(page, '/vms', { scenario: 'lifecycle', latency: 'normal' });
    const lc = new VmLifecycle(page);
    await lc.rowMenu('app02').click();
    await lc.menuItem('Power off').click();
    await lc.confirmDialog('Power off app02?').getByRole('button', { name: 'Power off' }).click();
    const running = lc.operation('Power off app02: in progress');
    await expect(running).toBeVisible();
    await expect(running.getByRole('button', { name: /^Dismiss/ })).toHaveCount(0);
    const done = lc.operation('app02 is Down');
    await expect(done).toBeVisible({ timeout: 15_000 });
    const dismiss = done.getByRole('button', { name: 'Dismiss: Power off app02' });
    await dismiss.focus();
    await expect(dismiss).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(lc.operations()).toHaveCount(0);
    expect(await page.evaluate(() => sessionStorage.getItem('dlc.vm-operations'))).toBe('[]');
    await reloadAndLogIn(page);
    await expect(page.getByRole('grid', { name: 'Virtual machines' })).toBeVisible();
    await expect(lc.operations()).toHaveCount(0);
  });

  test('quorum01: Migrate is never enabled, "checking" until its disks are read, then the SCSI reservation reason', async ({ page }) => {
    await openConsole(page, '/vms', { scenario: 'lifecycle' });
    // Every state the VM page's Migrate button goes through, from its first render.
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { __migrateStates: seen });
      new MutationObserver(() => {
        const b = [...document.querySelectorAll('[aria-label="Lifecycle of quorum01"] button')].find((x) => x.textContent === 'Migrate');
        if (b) seen.push(`${b.getAttribute('aria-disabled') ?? 'enabled'}|${b.getAttribute('aria-describedby') ? (document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent ?? '') : ''}`);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await openVm(page, 'quorum01');
    const lc = new VmLifecycle(page);
    await expect(lc.button('Migrate')).toHaveAccessibleDescription(/quorum01 cannot migrate: its disk quorum-lun uses SCSI reservation/);
    const seen = await page.evaluate(() => (window as unknown as { __migrateStates: string[] }).__migrateStates);
    expect(seen.length).toBeGreaterThan(0);
    for (const s of seen) expect(s).toMatch(/^true\|Migrate: (Checking whether quorum01 can migrate…|quorum01 cannot migrate: its disk quorum-lun uses SCSI reservation)/);
  });
});
