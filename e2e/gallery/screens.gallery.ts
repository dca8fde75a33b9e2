// Every screen and state of the console, on the emulated engine. Each test sets up one story and takes its
// pictures; captions say what a reviewer should look at.
import type { Page } from '@playwright/test';
import { emulator, expect, openConsole, test } from '../fixtures';
import { AddDiskWizard, LAB } from '../pages/add-disk-wizard';
import { AttachWizard } from '../pages/attach-wizard';
import { EmulatorPanelPage } from '../pages/emulator-panel';
import { VmLifecycle } from '../pages/vm-lifecycle';
import { VmPage } from '../pages/vm-page';
import { shoot } from './shoot';

test('01 login and lists', async ({ page, app }) => {
  await openConsole(page, '/', { login: false });
  await shoot(page, '01-01-login', 'Login: Username, Password, Log in; the emulated engine shows its demo user.');
  await page.getByLabel('Username').fill('admin@internal');
  await page.getByLabel('Password').fill('wrong');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await shoot(page, '01-02-login-error', "A wrong password: the engine's reason, next to the form; the user name is kept.");
  await page.getByLabel('Password').fill('ovirt');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(app.table('Virtual machines')).toBeVisible();
  await shoot(page, '01-03-vms', 'Virtual Machines: status, host, HA; row menus hold Run, Shut down, Power off, Migrate.');
  await app.nav('Disks').click();
  await expect(app.table('Disks')).toBeVisible();
  await shoot(page, '01-04-disks', 'Disks: description, type Image / Direct LUN, LUN ID, exact size, sharable, attached to.', {
    notes: ['description', 'image-direct-lun', 'sharable'],
  });
  // The mockup notes, checked where they show: no "Internal"/"External" types, no "Shared".
  await expect(app.table('Disks')).not.toContainText(/\b(Internal|External|Shared)\b/);
  await page.getByRole('button', { name: 'Direct LUN' }).click();
  await shoot(page, '01-05-disks-lun', 'Disks filtered to Direct LUN (the filter is in the URL).', { notes: ['image-direct-lun'] });
  await app.nav('Hosts').click();
  await expect(app.table('Hosts')).toBeVisible();
  await shoot(page, '01-06-hosts', 'Hosts: status, cluster, SPM.');
  await emulator(page, (em) => em.expireSessions());
  await app.nav('Virtual Machines').click();
  await expect(page.getByRole('dialog', { name: 'Your session has ended' })).toBeVisible();
  await shoot(page, '01-07-relogin', 'A 401 at any time: the login form comes over the page, which carries on after login.');
});

test('02 empty engine', async ({ page, app }) => {
  await openConsole(page, '/vms', { scenario: 'empty' });
  await expect(page.getByRole('heading', { name: 'No virtual machines' })).toBeVisible();
  await shoot(page, '02-01-empty-vms', 'Empty states say what to do.');
  await app.nav('Disks').click();
  await shoot(page, '02-02-empty-disks', 'Empty Disks list.');
});

test('03 add a floating disk through a CHAP target', async ({ page }) => {
  await openConsole(page, '/disks/new');
  const w = new AddDiskWizard(page);
  await expect(w.host()).toBeVisible();
  await w.host().selectOption({ label: 'host3' });
  await shoot(page, '03-01-source', 'Add Direct LUN disk — Source: data center, Up hosts by name, storage type.', { notes: ['no-import'] });
  await expect(page.getByText(/import/i)).toHaveCount(0);
  await w.next().click();
  await w.address().fill('10.35.2.90');
  await w.discover().click();
  await expect(page.getByText(/host3/).first()).toBeVisible();
  await expect(w.address()).toHaveAttribute('aria-invalid', 'true');
  await shoot(page, '03-02-unreachable', 'An unreachable portal: the error is on the Address field, naming the host and the likely causes.');
  await w.address().fill('storage-a.lab.example.com');
  await w.chapUsername().fill(LAB.chap.username);
  await w.chapPassword().fill('wrong-secret');
  await w.discover().click();
  await expect(w.address()).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('checkbox', { name: /auth/i })).toHaveCount(0);
  await shoot(
    page,
    '03-03-wrong-chap',
    'A wrong CHAP password: the engine says only "Failed discovery of iSCSI targets" (vdsm folds every discovery failure into one error), so the message is on the address and names CHAP among the causes; what was typed stays. CHAP is two optional fields, no "User Authentication" checkbox.',
    { notes: ['no-user-auth'] },
  );
  await w.chapPassword().fill(LAB.chap.password);
  await w.discover().click();
  await expect(w.targetRow(LAB.secure)).toBeVisible();
  await shoot(page, '03-04-discovered', 'Discovered targets with portal and login state; per-target Log in and Log in to all.');
  await w.loginAll().click();
  await expect(w.targetRow(LAB.secure)).toContainText('Logged in');
  await shoot(page, '03-05-logged-in', 'Log in to all: each result on its own row.');
  await w.next().click();
  await expect(w.lunGrid()).toBeVisible();
  await shoot(page, '03-06-lun-table', 'The LUN table: used LUNs stay, grayed, with the reason and "attach instead"; storage-domain LUNs warn; counts.', { notes: ['used-grayed'] });
  const used = w.lunRows('used').first();
  await used.click();
  await shoot(page, '03-07-used-lun', 'A used LUN cannot be picked: it says which disk uses it and offers that disk instead.', { notes: ['used-grayed'] });
  const free = w.lunRows('selectable').first();
  await free.click();
  await w.next().click();
  await shoot(page, '03-08-disk', 'Disk: alias pre-filled with the LUN ID, a description; options that do not apply to a floating disk say why.', { notes: ['description', 'sharable'] });
  await w.next().click();
  await shoot(page, '03-09-review', 'Review: what will happen in plain words, and the equivalent REST request with the password masked.');
  await w.create().click();
  await expect(page.getByRole('heading', { name: /created/ }).first()).toBeVisible();
  await shoot(page, '03-10-created', 'Result: the engine steps and links to the new disk.');
});

test('04 add a disk to a running VM whose host cannot plug it', async ({ page }) => {
  await openConsole(page, '/vms');
  await page.getByRole('link', { name: 'web01' }).click();
  await page.getByRole('tab', { name: 'Disks' }).click();
  await page.getByRole('link', { name: 'New disk' }).click();
  const w = new AddDiskWizard(page);
  await expect(w.host()).toBeVisible();
  // Pick the LUN on host1; web01 runs on host2, which we cut off from the portal before Create.
  await w.host().selectOption({ label: 'host1' });
  await w.next().click();
  await w.address().fill(LAB.portalB);
  await w.discover().click();
  await w.targetRow(LAB.backup).getByRole('button', { name: `Log in to ${LAB.backup}` }).click();
  await expect(w.targetRow(LAB.backup)).toContainText('Logged in');
  await w.next().click();
  await w.searchFor('array-b');
  await w.lunRows('selectable').first().click();
  await w.next().click();
  await shoot(page, '04-01-vm-disk-options', 'Disk options for web01 (VirtIO-SCSI disabled): every option that does not apply is disabled with the reason.');
  await w.next().click();
  await shoot(page, '04-02-vm-review', 'Review for a running VM: connect on the pool, create and attach, then make sure the VM\'s host is connected and hot plug.');
  await emulator(page, (em) => em.cutPortal('host2', '10.35.2.90'));
  await w.create().click();
  await expect(page.getByRole('button', { name: 'Retry plug' })).toBeVisible();
  await shoot(page, '04-03-partial', 'Created and attached, but not plugged: which step failed and why, with Retry plug — never "success" or "failure" for the whole.');
});

test('05 VM lifecycle', async ({ page }) => {
  await openConsole(page, '/vms');
  const lc = new VmLifecycle(page);
  await lc.rowMenu('test01').click();
  await shoot(page, '05-01-row-menu', 'VM row menu: unavailable actions stay visible with the reason.');
  await lc.menuItem('Run').click();
  await expect(lc.operation(/test01 is Up/)).toBeVisible();
  await shoot(page, '05-02-run', 'Run: connect on all hosts at once; the preferred host3 cannot reach the target and is skipped, not counted as an attempt.');
  await page.getByRole('link', { name: 'db01' }).click();
  await lc.button('Migrate').click();
  await expect(lc.migrateDialog('db01')).toBeVisible();
  await shoot(page, '05-03-migrate-dialog', 'Migrate: let the engine choose or pick a host; each host says what it sees of the VM\'s LUNs.');
  await page.keyboard.press('Escape');
  await lc.button('Power off').click();
  await shoot(page, '05-04-power-off', 'Power off asks first and says what the host will release.');
  await page.keyboard.press('Escape');
});

test('06 host, disk and panel', async ({ page, app }) => {
  await openConsole(page, '/hosts');
  await app.table('Hosts').getByRole('link', { name: 'host1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'host1' })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'iSCSI sessions of host1' })).toBeVisible();
  await shoot(page, '06-01-host', 'A host: its iSCSI sessions and what holds each (VM disks, storage domains), and the LUNs it sees.');
  await app.nav('Disks').click();
  await app.table('Disks').getByRole('link', { name: 'cluster-quorum' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'cluster-quorum' })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Hosts that can reach cluster-quorum' })).toContainText('host1');
  await expect(page.getByRole('grid', { name: 'Hosts that can reach cluster-quorum' })).not.toContainText('Checking');
  await shoot(page, '06-02-disk', 'A direct LUN disk: its LUN, connections, which hosts reach it (active/total paths), VMs, history.');
  const panel = new EmulatorPanelPage(page);
  await panel.openButton().click();
  await expect(panel.panel()).toBeVisible();
  await shoot(page, '06-03-panel', 'The emulator panel (emulated mode only): hosts, sessions and holders, faults, device specs, events, jobs.');
});

test('07 large SAN', async ({ page }) => {
  await openConsole(page, '/disks/new', { scenario: 'large-san' });
  const w = new AddDiskWizard(page);
  await w.advance();
  await w.next().click();
  await expect(w.lunGrid()).toBeVisible();
  await shoot(page, '07-01-large-san', '10,000 LUNs: only the rows on screen are rendered; search and sort answer at typing speed.', { fullPage: false });
});

test('08 the VM\'s Disks tab, Edit and the Attach wizard', async ({ page }) => {
  await openConsole(page, '/vms');
  const vm = new VmPage(page);
  await vm.open('db01');
  await vm.openDisksTab();
  await expect(vm.storageConnections()).toContainText('Connected');
  await shoot(page, '08-01-disks-tab', 'A VM\'s Disks tab: attachments with type, LUN ID, size and flags; New disk and Attach; storage connections and whether the host has each.', {
    notes: ['attach-in-vm', 'description', 'image-direct-lun'],
  });
  await vm.actionsToggle('db01-redo').click();
  await shoot(page, '08-02-row-menu', 'Row menu: Edit, Activate, Deactivate, Detach; what cannot be done says why.', { notes: ['attach-in-vm'] });
  await vm.action('Edit').click();
  await shoot(page, '08-03-edit-running', 'Edit on a running VM: what needs every VM down, or the disk inactive, is disabled with the reason.');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await vm.actionsToggle('db01-redo').click();
  await vm.action('Deactivate').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByRole('dialog').getByRole('heading', { name: /Deactivated/ })).toBeVisible();
  await shoot(page, '08-04-deactivated', 'Deactivate: unplugged; host1 keeps the target because cluster-quorum still uses it.');
  await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();

  await emulator(page, (em) => em.cutPortal('host2', '10.35.1.72'));
  await vm.open('web01');
  await vm.openDisksTab();
  await page.getByRole('link', { name: 'Attach', exact: true }).click();
  const w = new AttachWizard(page);
  await expect(w.disks()).toBeVisible();
  await shoot(page, '08-05-attach-disk-step', 'Attach — Disk: existing disks (several at once) or Create from LUN; disks that cannot be attached stay listed, grayed, with the reason.', {
    notes: ['attach-in-vm', 'no-import', 'used-grayed', 'description'],
  });
  await expect(page.getByText(/import/i)).toHaveCount(0);
  await w.disk('archive-lun').check();
  await w.next().click();
  await shoot(page, '08-06-attach-options', 'Attach — Options per disk, with the Add wizard\'s rules: web01 has no VirtIO-SCSI, so VirtIO; one bootable disk per VM.');
  await w.next().click();
  await shoot(page, '08-07-attach-review', 'Attach — Review on a running VM: attach inactive, connect host2 to the target, hot plug; the REST requests.');
  await w.attach().click();
  await expect(w.result('archive-lun')).toContainText('but not plugged');
  await shoot(page, '08-08-attach-plug-failed', 'host2 cannot reach the portal: the disk is attached and inactive, the reason is shown, Retry plug.');
  await emulator(page, (em) => em.restorePortal('host2', '10.35.1.72'));
  await w.result('archive-lun').getByRole('button', { name: /Retry plug/ }).click();
  await expect(w.result('archive-lun')).toContainText('and plugged');
  await shoot(page, '08-09-attach-retried', 'Retry plug: only the plug is sent again; the steps of both tries are listed.');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Disks' }).click();
  await page.getByRole('grid', { name: 'Disks' }).getByRole('link', { name: 'cluster-quorum' }).click();
  await page.getByRole('link', { name: 'Attach to VM' }).click();
  await expect(w.vms()).toBeVisible();
  await shoot(page, '08-10-attach-vm-step', 'From a disk: Attach to VM — VMs that already have it, or cannot take a disk, say why.');
  await w.vm('app01').check();
  await w.advance();
  await w.advance();
  await w.next().click();
  await shoot(page, '08-11-attach-review-down', 'Review on a down VM: the disk\'s target becomes a required connection of the VM, connected at its next run.');
});

// The main screens as a user sees them in the window (not the whole page) at the two other common sizes, and in
// the dark theme (issue 13): what is cut, wrapped or hidden at a width shows here.
const MAIN_SCREENS: Array<{ id: string; caption: string; open: (page: Page) => Promise<void> }> = [
  { id: 'vms', caption: 'Virtual Machines', open: async (page) => void (await page.goto('/vms'), await expect(page.getByRole('grid', { name: 'Virtual machines' })).toBeVisible()) },
  { id: 'disks', caption: 'Disks', open: async (page) => void (await page.goto('/disks'), await expect(page.getByRole('grid', { name: 'Disks' })).toBeVisible()) },
  { id: 'hosts', caption: 'Hosts', open: async (page) => void (await page.goto('/hosts'), await expect(page.getByRole('grid', { name: 'Hosts' })).toBeVisible()) },
  {
    id: 'lun-step',
    caption: 'Add Direct LUN disk — the LUN step',
    open: async (page) => {
      await page.goto('/disks/new');
      const w = new AddDiskWizard(page);
      // The wizard's draft brings the user back to the LUN step after the first time.
      await expect(w.host().or(w.lunGrid())).toBeVisible();
      if (await w.host().isVisible()) {
        await w.advance();
        await w.advance();
      }
      await expect(w.lunGrid()).toBeVisible();
    },
  },
  {
    id: 'vm-disks',
    caption: "A VM's Disks tab",
    open: async (page) => {
      const vm = new VmPage(page);
      await vm.open('db01');
      await vm.openDisksTab();
      await expect(vm.storageConnections()).toContainText('Connected');
    },
  },
  {
    id: 'disk-page',
    caption: 'A direct LUN disk',
    open: async (page) => {
      await page.goto('/disks');
      await page.getByRole('grid', { name: 'Disks' }).getByRole('link', { name: 'cluster-quorum' }).click();
      await expect(page.getByRole('grid', { name: 'Hosts that can reach cluster-quorum' })).not.toContainText('Checking');
    },
  },
];

test('09 the main screens at 1280×800 and 1920×1080, and in the dark theme', async ({ page }) => {
  test.setTimeout(180_000);
  await openConsole(page, '/vms');
  const shots: Array<{ size: { width: number; height: number }; tag: string; label: string; dark?: boolean }> = [
    { size: { width: 1280, height: 800 }, tag: '1280', label: 'at 1280×800' },
    { size: { width: 1920, height: 1080 }, tag: '1920', label: 'at 1920×1080' },
    { size: { width: 1440, height: 900 }, tag: 'dark', label: 'in the dark theme (1440×900)', dark: true },
  ];
  for (const s of shots) {
    await page.setViewportSize(s.size);
    await page.emulateMedia({ colorScheme: s.dark ? 'dark' : 'light' });
    for (const [n, screen] of MAIN_SCREENS.entries()) {
      await screen.open(page);
      if (s.dark) await expect(page.locator('html')).toHaveClass(/pf-v6-theme-dark/);
      await shoot(page, `09-${s.tag}-${String(n + 1).padStart(2, '0')}-${screen.id}`, `${screen.caption} ${s.label}, the window as a user sees it.`, { fullPage: false });
    }
  }
});
