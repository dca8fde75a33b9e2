// The session ends while the user is on the Review step of the Add Direct LUN disk wizard, and they press Create.
// The engine's auth filter answers 401 without processing the request, so the console keeps the request waiting,
// asks for the password over the page, and sends the very same request once more after the login, even a POST
// (src/engine-api/transport.ts). The user must end up with exactly one disk, made from what they typed, and the
// wizard must not have lost anything on the way.
import type { Page, Request } from '@playwright/test';
import { emulator, expect, openConsole, test } from './fixtures';
import { AddDiskWizard, LAB } from './pages/add-disk-wizard';
import { freeLun } from './engine-state';
import { floatingToReview } from './walks';

interface CreateRequest {
  path: string;
  body: string | null;
  request: Request;
}

/** Every create request the page sends (POST to `path`, below /ovirt-engine/api/v4), in order. */
function recordCreates(page: Page, path: string): CreateRequest[] {
  const seen: CreateRequest[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (r.method() === 'POST' && url.pathname === `/ovirt-engine/api/v4${path}`) {
      seen.push({ path: `${url.pathname}${url.search}`, body: r.postData(), request: r });
    }
  });
  return seen;
}

/** The HTTP status each recorded request was answered with (null: no answer). */
async function statuses(creates: CreateRequest[]): Promise<Array<number | null>> {
  return Promise.all(creates.map(async (c) => (await c.request.response())?.status() ?? null));
}

/** The direct-LUN disks the emulated engine holds on this LUN. */
async function disksOnLun(page: Page, lunId: string) {
  return emulator(
    page,
    (em, id) =>
      em.engine.state.disks
        .filter((d) => d.kind === 'lun' && d.lun.id === id)
        .map((d) => ({ id: d.id, alias: d.alias, description: d.description })),
    lunId,
  );
}


function reloginDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Your session has ended' });
}

/**
 * Floating disk: Source (host1) → Targets (discover the portal; log in to the target with CHAP, or find host1
 * already logged in to it) → LUN → Disk (alias, description) → Review.
 */
test.describe('Session expiry on the Review step of Add Direct LUN disk', () => {
  test('floating disk: Create → log in again → the same POST is sent once more, and exactly one disk is made from what was typed', async ({ page, app }) => {
    const creates = recordCreates(page, '/disks');
    await openConsole(page, '/disks?type=lun');
    await page.getByRole('link', { name: 'New disk' }).click();
    const w = new AddDiskWizard(page);
    const lunId = await floatingToReview(page, { target: LAB.secure, chap: true, logIn: true, alias: 'secure-after-relogin', description: 'Typed before the session ended' });
    const wizardUrl = page.url();

    await emulator(page, (em) => em.expireSessions());
    await w.create().click();

    const dialog = reloginDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Username')).toHaveValue('admin@internal');
    // The wizard stays underneath, on Review, with what was typed; the engine made nothing of the refused POST.
    await expect(w.plan()).toContainText(`Creates the floating disk secure-after-relogin from LUN ${lunId}`);
    expect(await statuses(creates)).toEqual([401]);
    expect(await disksOnLun(page, lunId)).toEqual([]);

    await dialog.getByLabel('Password').fill('ovirt');
    await dialog.getByRole('button', { name: 'Log in' }).click();
    await expect(dialog).toBeHidden();

    await expect(page.getByRole('heading', { name: 'Disk secure-after-relogin created' })).toBeVisible();
    await expect(page.getByLabel('Steps of the create')).toContainText(`Created disk secure-after-relogin from LUN ${lunId}`);
    expect(page.url()).toBe(wizardUrl);
    // Two sends of one request: the refused one and its re-send, identical (same correlation id, same body,
    // the CHAP password still in memory), and only the re-send created anything.
    expect(creates).toHaveLength(2);
    expect(await statuses(creates)).toEqual([401, 201]);
    expect(creates[1]?.path).toBe(creates[0]?.path);
    expect(creates[1]?.path).toMatch(/correlation_id=add-disk-/);
    expect(creates[1]?.body).toBe(creates[0]?.body);
    expect(JSON.parse(creates[1]?.body ?? '{}')).toMatchObject({
      alias: 'secure-after-relogin',
      description: 'Typed before the session ended',
      lun_storage: { logical_units: { logical_unit: [{ id: lunId, username: LAB.chap.username, password: LAB.chap.password }] } },
    });
    const disks = await disksOnLun(page, lunId);
    expect(disks).toEqual([{ id: expect.any(String) as unknown, alias: 'secure-after-relogin', description: 'Typed before the session ended' }]);
    expect(await page.evaluate(() => sessionStorage.getItem('dlc.draft.add-disk.floating'))).toBeNull();

    // The Disks list shows it once, with the description typed.
    await page.getByRole('button', { name: 'Back to Disks' }).click();
    const rows = app.table('Disks').getByRole('row').filter({ hasText: 'secure-after-relogin' });
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText('Typed before the session ended');
    expect(creates).toHaveLength(2);
  });
  test('VM disk for the running db01: Create → log in again → one disk, attached once and plugged, with what was chosen', async ({ page }) => {
    await openConsole(page, '/vms');
    const db01 = await emulator(page, (em) => em.engine.state.vms.find((v) => v.name === 'db01')?.id ?? '');
    const creates = recordCreates(page, `/vms/${db01}/diskattachments`);
    await page.getByRole('grid', { name: 'Virtual machines' }).getByRole('link', { name: 'db01' }).click();
    await page.getByRole('tab', { name: 'Disks' }).click();
    await page.getByRole('link', { name: 'New disk' }).click();
    await expect(page).toHaveURL(new RegExp(`/disks/new\\?vm=${db01}`));
    const w = new AddDiskWizard(page);
    await expect(page.getByRole('heading', { level: 1, name: 'New direct LUN disk for db01' })).toBeVisible();
    await expect(w.host().locator('option:checked')).toHaveText('host1 (runs db01)');
    await w.advance();
    await w.address().fill(LAB.portalB);
    await w.address().press('Enter');
    await expect(w.targetRow(LAB.backup)).toContainText('Not logged in');
    await w.loginAll().click();
    await expect(w.targetRow(LAB.backup)).toContainText('Logged in (5 LUNs)');
    await w.advance();
    const lunId = await freeLun(page, LAB.backup);
    await w.lunRow(lunId).click();
    await w.advance();
    await expect(w.option('Activate (plug the disk)')).toBeChecked();
    await w.interface().selectOption('virtio');
    await w.alias().fill('db01-after-relogin');
    await w.description().fill('Hot plugged across a re-login');
    await w.advance();
    await expect(w.heading()).toHaveText('Review');
    await expect(page.getByLabel('What you chose')).toContainText('db01-after-relogin');
    const wizardUrl = page.url();

    await emulator(page, (em) => em.expireSessions());
    await w.create().click();
    const dialog = reloginDialog(page);
    await expect(dialog).toBeVisible();
    expect(await statuses(creates)).toEqual([401]);
    expect(await disksOnLun(page, lunId)).toEqual([]);
    await dialog.getByLabel('Password').fill('ovirt');
    await dialog.getByRole('button', { name: 'Log in' }).click();
    await expect(dialog).toBeHidden();

    // The result names what the user typed and chose: the alias, the VM, the interface.
    await expect(page.getByRole('heading', { name: 'Disk db01-after-relogin created, attached to db01 and plugged' })).toBeVisible();
    await expect(page.getByText('Interface VirtIO.')).toBeVisible();
    await expect(page.getByLabel('Steps of the create')).toContainText('Plugged db01-after-relogin into db01');
    expect(page.url()).toBe(wizardUrl);
    expect(creates).toHaveLength(2);
    expect(await statuses(creates)).toEqual([401, 201]);
    expect(creates[1]?.path).toBe(creates[0]?.path);
    expect(creates[1]?.body).toBe(creates[0]?.body);
    expect(JSON.parse(creates[1]?.body ?? '{}')).toMatchObject({
      interface: 'virtio',
      active: 'true',
      disk: { alias: 'db01-after-relogin', description: 'Hot plugged across a re-login', lun_storage: { logical_units: { logical_unit: [{ id: lunId }] } } },
    });
    const disks = await disksOnLun(page, lunId);
    expect(disks).toEqual([{ id: expect.any(String) as unknown, alias: 'db01-after-relogin', description: 'Hot plugged across a re-login' }]);
    const attachments = await emulator(
      page,
      (em, id) => em.engine.state.attachments.filter((a) => a.diskId === id).map((a) => ({ vmId: a.vmId, interface: a.interface, active: a.active })),
      disks[0]?.id,
    );
    expect(attachments).toEqual([{ vmId: db01, interface: 'virtio', active: true }]);
    expect(await page.evaluate((key) => sessionStorage.getItem(key), `dlc.draft.add-disk.${db01}`)).toBeNull();

    // db01's Disks tab lists it once.
    await page.getByRole('button', { name: 'Back to db01' }).click();
    await expect(page.getByRole('grid', { name: 'Disks of db01' }).getByRole('row').filter({ hasText: 'db01-after-relogin' })).toHaveCount(1);
  });
  test('a reload instead of logging in: nothing was created, and after the login the wizard is back on Review as it was', async ({ page }) => {
    const creates = recordCreates(page, '/disks');
    await openConsole(page, '/disks/new');
    const w = new AddDiskWizard(page);
    const lunId = await floatingToReview(page, { target: LAB.apps, chap: false, logIn: false, alias: 'apps-after-reload', description: 'Kept across the reload' });
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem('dlc.draft.add-disk.floating') ?? '')).toContain('Kept across the reload');

    await emulator(page, (em) => em.expireSessions());
    await w.create().click();
    await expect(reloginDialog(page)).toBeVisible();
    await page.reload();
    await page.getByLabel('Username').fill('admin@internal');
    await page.getByLabel('Password').fill('ovirt');
    await page.getByRole('button', { name: 'Log in' }).click();

    await expect(w.heading()).toHaveText('Review');
    const chosen = page.getByLabel('What you chose');
    await expect(chosen).toContainText('apps-after-reload');
    await expect(chosen).toContainText('Kept across the reload');
    await expect(w.plan()).toContainText(`Creates the floating disk apps-after-reload from LUN ${lunId}`);
    expect(await statuses(creates)).toEqual([401]);
    expect(await disksOnLun(page, lunId)).toEqual([]);

    // Create now makes the one disk.
    await w.create().click();
    await expect(page.getByRole('heading', { name: 'Disk apps-after-reload created' })).toBeVisible();
    expect(await statuses(creates)).toEqual([401, 201]);
    expect(await disksOnLun(page, lunId)).toEqual([{ id: expect.any(String) as unknown, alias: 'apps-after-reload', description: 'Kept across the reload' }]);
  });

  test('Log out instead of logging in: nothing was created, and after the next login the wizard is back on Review as it was', async ({ page }) => {
    const creates = recordCreates(page, '/disks');
    await openConsole(page, '/disks/new');
    const w = new AddDiskWizard(page);
    const lunId = await floatingToReview(page, { target: LAB.apps, chap: false, logIn: false, alias: 'apps-after-logout', description: 'Kept across the log out' });

    await emulator(page, (em) => em.expireSessions());
    await w.create().click();
    const dialog = reloginDialog(page);
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Log out instead' }).click();
    await expect(dialog).toBeHidden();
    await page.getByLabel('Username').fill('admin@internal');
    await page.getByLabel('Password').fill('ovirt');
    await page.getByRole('button', { name: 'Log in' }).click();

    await expect(w.heading()).toHaveText('Review');
    const chosen = page.getByLabel('What you chose');
    await expect(chosen).toContainText('apps-after-logout');
    await expect(chosen).toContainText('Kept across the log out');
    expect(await statuses(creates)).toEqual([401]);
    expect(await disksOnLun(page, lunId)).toEqual([]);

    await w.create().click();
    await expect(page.getByRole('heading', { name: 'Disk apps-after-logout created' })).toBeVisible();
    expect(await statuses(creates)).toEqual([401, 201]);
    expect(await disksOnLun(page, lunId)).toEqual([{ id: expect.any(String) as unknown, alias: 'apps-after-logout', description: 'Kept across the log out' }]);
  });
});
