// The production build, served the way the README tells administrators to (vite preview + the ENGINE_URL proxy),
// against the emulated engine over HTTP at the newest version and at 4.4.0 (playwright.real-engine.config.ts).
// Nothing here reaches into the page's internals: the console talks to the engine over HTTP through the proxy,
// and what the engine holds afterwards is read from the engine's admin endpoint.
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from '../fixtures';
import { AddDiskWizard, LAB, recordEngineRequests } from '../pages/add-disk-wizard';
import { AttachWizard } from '../pages/attach-wizard';
import { VmLifecycle } from '../pages/vm-lifecycle';
import { VmPage } from '../pages/vm-page';

test.describe.configure({ mode: 'serial' });

async function logIn(page: Page, path = '/') {
  await page.goto(path);
  await page.getByLabel('Username').fill('admin@internal');
  await page.getByLabel('Password').fill('ovirt');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('button', { name: /User menu/ })).toBeVisible();
}

test.beforeEach(async ({ engineAdmin }) => {
  await engineAdmin.reset('lab');
});

test('the production build carries no emulator: no service worker, no emulator panel', async ({ page, engine }) => {
  await logIn(page, '/vms');
  await expect(page.getByRole('grid', { name: 'Virtual machines' }).getByRole('link', { name: 'db01', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /Emulator panel/ })).toHaveCount(0);
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
  expect(await page.evaluate(() => '__emulator' in window)).toBe(false);
  // The engine's version, read once after login from GET /ovirt-engine/api through the proxy.
  await page.getByRole('button', { name: /User menu/ }).click();
  await expect(page.getByRole('menuitem', { name: `About oVirt Engine ${engine?.version ?? '?'}` })).toBeVisible();
});

test('a reload and a new tab stay signed in through the engine\'s HttpOnly session cookie; Log out ends it', async ({ page, context }) => {
  await logIn(page, '/hosts');
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'JSESSIONID');
  expect(session).toMatchObject({ httpOnly: true, path: '/ovirt-engine/api' });
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Hosts' })).toBeVisible();
  await expect(page.getByRole('button', { name: /User menu/ })).toBeVisible();
  const tab = await context.newPage();
  await tab.goto('/disks');
  await expect(tab.getByRole('grid', { name: 'Disks' })).toBeVisible();
  // Nothing a script could steal: no token in web storage, none in the page's cookies.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }) + document.cookie);
  expect(stored).not.toMatch(/JSESSIONID|access_token|Bearer/);
  await tab.close();
  await page.getByRole('button', { name: /User menu/ }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
});

test('add a disk through a CHAP target, attach it, run the VM, unplug and plug it, migrate, stop', async ({ page, engine, engineAdmin }) => {
  const sent = recordEngineRequests(page);
  await logIn(page, '/disks?type=lun');

  // 1. Disks → New disk on host3, discovering portal A with CHAP and logging in to the CHAP target.
  await page.getByRole('link', { name: 'New disk' }).click();
  const w = new AddDiskWizard(page);
  await w.host().selectOption({ label: 'host3' });
  await w.advance();
  await w.address().fill(LAB.portalA);
  await w.chapUsername().fill(LAB.chap.username);
  await w.chapPassword().fill(LAB.chap.password);
  await w.discover().click();
  await expect(page.getByText('Found 3 targets at 10.35.1.72:3260.')).toBeVisible();
  await w.targetRow(LAB.secure).getByRole('button', { name: `Log in to ${LAB.secure}` }).click();
  await expect(w.targetRow(LAB.secure)).toContainText('Logged in');
  expect(Object.keys(await engineAdmin.sessionsOf('host3'))).toContain(LAB.secure);
  await w.advance();
  const lunId = await engineAdmin.freeLun(LAB.secure);
  await w.lunRow(lunId).click();
  await expect(w.picked()).toContainText(lunId);
  await w.advance();
  await w.alias().fill('wire-secure');
  await w.advance();
  await expect(w.restPreview()).toContainText('"password": "********"');
  await w.create().click();
  await expect(page.getByRole('heading', { name: 'Disk wire-secure created' })).toBeVisible();
  await expectNoAxeViolations(page);
  let state = await engineAdmin.state();
  const disks = state.disks.filter((d) => d.alias === 'wire-secure');
  expect(disks.map((d) => d.lun?.id)).toEqual([lunId]);
  const diskId = disks[0]?.id ?? '';
  const app01 = state.vms.find((v) => v.name === 'app01')?.id ?? '';

  // 2. Attach it to app01 (down), from the disk's page: attached, plugged from its next run.
  await page.getByTestId('result-disk-link').click();
  await page.getByRole('link', { name: 'Attach to VM' }).click();
  const a = new AttachWizard(page);
  await a.vm('app01').check();
  await a.advance();
  await expect(a.heading()).toHaveText('Choose what to attach to app01');
  await expect(a.picked()).toHaveText('Picked: wire-secure.');
  await a.advance();
  await expect(a.heading()).toHaveText('Options for each disk');
  await a.advance();
  await expect(a.heading()).toHaveText('Review');
  await a.attach().click();
  await expect(a.result('wire-secure')).toContainText('wire-secure is attached to app01');
  state = await engineAdmin.state();
  expect(state.attachments.filter((x) => x.diskId === diskId)).toEqual([expect.objectContaining({ vmId: app01, active: true })]);

  // 3. Run app01: the host that runs it connects the CHAP target.
  const vm = new VmPage(page);
  await vm.open('app01');
  const lc = new VmLifecycle(page);
  await lc.button('Run').click();
  await expect(lc.operation(/app01 is Up on host\d/)).toBeVisible();
  state = await engineAdmin.state();
  const runHost = state.hosts.find((h) => h.id === state.vms.find((v) => v.id === app01)?.hostId)?.name ?? '';
  expect(runHost).toMatch(/^host\d$/);
  expect(Object.keys(await engineAdmin.sessionsOf(runHost))).toContain(LAB.secure);

  // 4. Hot unplug, then hot plug, from the VM's Disks tab.
  await vm.openDisksTab();
  await vm.actionsToggle('wire-secure').click();
  await vm.action('Deactivate').click();
  let dialog = vm.dialog(/Deactivate VM disk: wire-secure/);
  await dialog.getByRole('button', { name: 'Deactivate' }).click();
  await expect(dialog.getByRole('heading', { name: 'Deactivated wire-secure on app01' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  expect((await engineAdmin.state()).attachments.find((x) => x.diskId === diskId)?.active).toBe(false);
  await vm.actionsToggle('wire-secure').click();
  await vm.action('Activate').click();
  dialog = vm.dialog(/Activate VM disk: wire-secure/);
  await expect(dialog.getByRole('heading', { name: 'Activated wire-secure on app01' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  expect((await engineAdmin.state()).attachments.find((x) => x.diskId === diskId)?.active).toBe(true);

  // 5. Migrate, the engine choosing the host.
  await lc.button('Migrate').click();
  const migrate = lc.migrateDialog('app01');
  await migrate.getByRole('button', { name: 'Migrate' }).click();
  await expect(lc.operation(new RegExp(`app01 migrated from ${runHost} to host\\d`))).toBeVisible();
  state = await engineAdmin.state();
  const newHost = state.hosts.find((h) => h.id === state.vms.find((v) => v.id === app01)?.hostId)?.name ?? '';
  expect(newHost).not.toBe(runHost);
  expect(Object.keys(await engineAdmin.sessionsOf(newHost))).toContain(LAB.secure);

  // 6. Power off: the VM is down, its host releases what nothing else uses.
  await lc.button('Power off').click();
  await lc.confirmDialog('Power off app01?').getByRole('button', { name: 'Power off' }).click();
  await expect(lc.operation('app01 is Down')).toBeVisible();
  await engineAdmin.idle();
  state = await engineAdmin.state();
  expect(state.vms.find((v) => v.id === app01)?.status).toBe('down');
  expect(state.disks.filter((d) => d.alias === 'wire-secure')).toHaveLength(1);

  // What went over the wire: discovery by the engine version's own action, never the CHAP password in a URL.
  // discoveriscsi from 4.4.6, the deprecated iscsidiscover before (HostService.java @since 4.4.6): never a 404 first.
  const discovery = sent.filter((r) => r.method === 'POST' && /\/(discoveriscsi|iscsidiscover)/.test(r.path));
  const action = engine?.version.startsWith('4.4.0') ? 'iscsidiscover' : 'discoveriscsi';
  expect(discovery.length).toBeGreaterThan(0);
  expect(discovery.every((r) => r.path.includes(`/${action}`))).toBe(true);
  expect(sent.every((r) => !r.path.includes(LAB.chap.password))).toBe(true);
});
