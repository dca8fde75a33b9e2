import { emulator, expect, expectNoAxeViolations, openConsole, test } from './fixtures';

test.describe('foundation: log in and see the lab', () => {
  test('logs in and shows the lab VMs, disks and hosts', async ({ page, app }) => {
    await openConsole(page, '/');
    const vms = app.table('Virtual machines');
    await expect(vms.getByRole('row')).toHaveCount(6);
    const db01 = app.row(vms, 'db01');
    await expect(db01).toContainText('Up');
    await expect(db01).toContainText('host1');
    await expect(db01).toContainText('Yes (priority 50)');
    await expect(app.row(vms, 'batch01')).toContainText('Paused');

    await app.nav('Disks').click();
    const disks = app.table('Disks');
    await expect(app.row(disks, 'cluster-quorum')).toContainText('Direct LUN');
    await expect(app.row(disks, 'cluster-quorum')).toContainText('db01, web01');
    await expect(app.row(disks, 'archive-lun')).toContainText('2 TiB');
    await page.getByRole('button', { name: 'Direct LUN' }).click();
    await expect(page).toHaveURL(/type=lun/);
    await expect(app.row(disks, 'db01_Disk1')).toHaveCount(0);
    await expect(disks.getByRole('row')).toHaveCount(6);

    await app.nav('Hosts').click();
    const hosts = app.table('Hosts');
    await expect(hosts.getByRole('row')).toHaveCount(5);
    await expect(app.row(hosts, 'host1')).toContainText('SPM');
    await expect(app.row(hosts, 'host4')).toContainText('Maintenance');
  });

  test('answers in the engine JSON shapes under /ovirt-engine/api/v4', async ({ page }) => {
    const seen: Array<{ url: string; body: unknown }> = [];
    page.on('response', async (r) => {
      if (r.url().includes('/ovirt-engine/api/v4/vms') && r.request().method() === 'GET') seen.push({ url: r.url(), body: await r.json() });
    });
    await openConsole(page, '/vms');
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    const body = seen[0]?.body as { vm: Array<Record<string, unknown>> };
    expect(Array.isArray(body.vm)).toBe(true);
    const db01 = body.vm.find((v) => v.name === 'db01');
    expect(db01?.high_availability).toEqual({ enabled: 'true', priority: '50' });
    expect(db01?.status).toBe('up');
  });

  test('a wrong password says why, next to the form, and keeps the user name', async ({ page }) => {
    await openConsole(page, '/', { login: false });
    await page.getByLabel('Username').fill('admin@internal');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert')).toContainText("Cannot authenticate user 'admin@internal': The username or password is incorrect.");
    await expect(page.getByLabel('Username')).toHaveValue('admin@internal');
    await expect(page.getByLabel('Password')).toBeFocused();
  });

  test('an empty form is refused field by field', async ({ page }) => {
    await openConsole(page, '/', { login: false });
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByText('Enter your user name, for example admin@internal.')).toBeVisible();
    await expect(page.getByText('Enter your password.')).toBeVisible();
  });

  test('a 401 brings the login form over the page, and the page carries on after login', async ({ page, app }) => {
    await openConsole(page, '/disks?type=lun');
    await expect(app.row(app.table('Disks'), 'archive-lun')).toBeVisible();
    await emulator(page, (em) => em.expireSessions());
    await app.nav('Hosts').click();
    const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Password').fill('ovirt');
    await dialog.getByRole('button', { name: 'Log in' }).click();
    await expect(dialog).toBeHidden();
    await expect(app.row(app.table('Hosts'), 'host1')).toBeVisible();
  });

  test('logs out', async ({ page, app }) => {
    await openConsole(page, '/');
    await app.logOut();
    await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  });

  test('the empty scenario shows what to do on every list', async ({ page, app }) => {
    await openConsole(page, '/vms', { scenario: 'empty' });
    await expect(page.getByRole('heading', { name: 'No virtual machines' })).toBeVisible();
    await app.nav('Disks').click();
    await expect(page.getByRole('heading', { name: 'No disks' })).toBeVisible();
    await app.nav('Hosts').click();
    await expect(page.getByRole('heading', { name: 'No hosts' })).toBeVisible();
  });

  test('the emulated engine keeps its state across a reload until Reset', async ({ page }) => {
    await openConsole(page, '/vms');
    await emulator(page, (em) => em.crashHost('host2'));
    await page.reload();
    // Still signed in after the reload: the engine's cookie session (decision 046).
    await expect(page.getByRole('button', { name: /User menu/ })).toBeVisible();
    await expect(page.getByRole('grid', { name: 'Virtual machines' }).getByRole('row').filter({ hasText: 'web01' })).toContainText('Down');
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reset' }).click();
    await page.getByLabel('Username').fill('admin@internal');
    await page.getByLabel('Password').fill('ovirt');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('grid', { name: 'Virtual machines' }).getByRole('row').filter({ hasText: 'web01' })).toContainText('Up');
  });

  test('opens a VM from the list and shows its status, host and HA', async ({ page, app }) => {
    await openConsole(page, '/vms');
    await app.table('Virtual machines').getByRole('link', { name: 'db01' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'db01' })).toBeVisible();
    const summary = page.getByLabel('Virtual machine summary');
    await expect(summary).toContainText('Up');
    await expect(summary).toContainText('host1');
    await expect(summary).toContainText('Yes (priority 50)');
    await expectNoAxeViolations(page);
  });

  test('shows the emulated-engine indicator', async ({ page }) => {
    await openConsole(page, '/');
    await expect(page.getByText('Emulated engine 4.5.7 · scenario lab')).toBeVisible();
  });

  test('a mistyped ?scenario= says which scenarios exist and which one runs', async ({ page }) => {
    await openConsole(page, '/', { scenario: 'labb', login: false });
    const notice = page.getByRole('heading', { name: /Unknown scenario/ }).locator('xpath=ancestor::*[contains(@class,"pf-v6-c-alert")][1]');
    await expect(notice).toContainText('There is no scenario "labb". The scenarios are lab, empty, large-san, huge-san, datacenter, lifecycle');
    await expect(notice).toContainText('This tab runs lab.');
    await expectNoAxeViolations(page);
  });
});

test.describe('foundation: accessibility', () => {
  test('login page has no axe violations', async ({ page }) => {
    await openConsole(page, '/', { login: false });
    await expectNoAxeViolations(page);
  });
  for (const path of ['/vms', '/disks', '/hosts']) {
    test(`${path} has no axe violations`, async ({ page }) => {
      await openConsole(page, path);
      await expect(page.getByRole('grid')).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('foundation: dark theme', () => {
  test('follows the system, a choice in the user menu overrides it and is kept in this browser', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openConsole(page, '/vms');
    const html = page.locator('html');
    await expect(html).toHaveClass(/pf-v6-theme-dark/);
    await page.getByRole('button', { name: /User menu/ }).click();
    await expect(page.getByRole('menuitem', { name: /^As the system/ })).toContainText('In use (dark now)');
    await page.getByRole('menuitem', { name: /^Light/ }).click();
    await expect(html).not.toHaveClass(/pf-v6-theme-dark/);
    // Kept across a reload (still signed in: the engine's cookie session), while the system still prefers dark.
    await page.reload();
    await expect(page.getByRole('button', { name: /User menu/ })).toBeVisible();
    await expect(html).not.toHaveClass(/pf-v6-theme-dark/);
    expect(await page.evaluate(() => localStorage.getItem('dlc.theme'))).toBe('light');
  });

  for (const path of ['/', '/vms', '/disks', '/hosts', '/disks/new']) {
    test(`${path} in the dark theme has no axe violations`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await openConsole(page, path, { login: path !== '/' });
      await expect(page.locator('html')).toHaveClass(/pf-v6-theme-dark/);
      if (path !== '/') await expect(page.getByRole('main')).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});
