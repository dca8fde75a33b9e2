// Every real-engine target, the dev server's ENGINE_URL proxy included: log in through the engine's SSO, see the
// engine's lists, discover a portal from a host, and log out (which ends the session on the engine).
import { expect, test } from '../fixtures';
import { AddDiskWizard, LAB } from '../pages/add-disk-wizard';

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ engineAdmin }) => {
  await engineAdmin.reset('lab');
});

test('log in, lists, discovery and log out through the proxy', async ({ page, app }) => {
  await page.goto('/');
  await page.getByLabel('Username').fill('admin@internal');
  await page.getByLabel('Password').fill('ovirt');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(app.userMenu()).toBeVisible();
  await app.nav('Hosts').click();
  await expect(app.row(app.table('Hosts'), 'host1')).toContainText('Up');
  await app.nav('Disks').click();
  await expect(app.table('Disks')).toContainText('cluster-quorum');

  await page.getByRole('link', { name: 'New disk' }).click();
  const w = new AddDiskWizard(page);
  await w.advance();
  await w.address().fill(LAB.portalA);
  await w.discover().click();
  await expect(page.getByText('Found 3 targets at 10.35.1.72:3260.')).toBeVisible();

  await app.logOut();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
});
