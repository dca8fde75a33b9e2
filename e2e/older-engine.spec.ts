// The console on older engines (issue 11): ?engine= picks the emulated engine's version. On 4.4.0 discovery goes
// through iscsidiscover (discoveriscsi came in 4.4.6) and a whole CHAP disk still gets made; on 4.2 the console says
// it does not support the engine; a wrong discovery CHAP pair fails the way a real engine fails it.
import { emulator, expect, expectNoAxeViolations, openConsole, test } from './fixtures';
import { AddDiskWizard, LAB, recordEngineRequests } from './pages/add-disk-wizard';

test.describe('Older engines', () => {
  test('on 4.4.0: the version in the header and the user menu; CHAP discovery, login and a disk, through iscsidiscover', async ({ page }) => {
    const sent = recordEngineRequests(page);
    await openConsole(page, '/disks/new', { engine: '4.4.0' });
    await expect(page.getByText('Emulated engine 4.4.0 · scenario lab')).toBeVisible();
    await page.getByRole('button', { name: /User menu/ }).click();
    await page.getByRole('menuitem', { name: 'About oVirt Engine 4.4.0' }).click();
    const about = page.getByRole('dialog', { name: 'oVirt Engine 4.4.0' });
    await expect(about).toContainText('iSCSI discovery lists target names only');
    await expect(about).toContainText('do not report how many paths are active');
    await about.getByRole('button', { name: 'Close' }).first().click();
    await expect(about).toBeHidden();

    const w = new AddDiskWizard(page);
    await w.host().selectOption({ label: 'host3' });
    await w.next().click();
    await w.address().fill(LAB.portalA);
    await w.chapUsername().fill(LAB.chap.username);
    await w.chapPassword().fill(LAB.chap.password);
    await w.discover().click();
    await expect(page.getByText('Found 3 targets at 10.35.1.72:3260.')).toBeVisible();
    await w.targetRow(LAB.secure).getByRole('button', { name: `Log in to ${LAB.secure}` }).click();
    await expect(w.targetRow(LAB.secure)).toContainText('Logged in (4 LUNs)');

    const discovery = sent.filter((r) => r.method === 'POST' && /\/hosts\/[^/]+\/(discoveriscsi|iscsidiscover)/.test(r.path));
    expect(discovery.map((r) => r.path.replace(/^.*\/hosts\/[^/]+\//, '').replace(/\?.*$/, ''))).toEqual(['iscsidiscover']);
    // The IQN-only answer carries no portal group tag: the login goes without one (VDSM then uses 1).
    const login = sent.find((r) => r.method === 'POST' && r.path.includes('/iscsilogin'));
    expect(login?.body).toEqual({ iscsi: { address: LAB.portalA, port: 3260, target: LAB.secure, username: LAB.chap.username, password: LAB.chap.password } });

    await w.next().click();
    const lunId = await emulator(page, (em) =>
      em.engine.state.luns.find(
        (l) => l.targetIqn === 'iqn.2024-03.com.example.lab:array-a.secure' && l.activePaths === l.paths &&
          !em.engine.state.disks.some((d) => d.kind === 'lun' && d.lun.id === l.id) &&
          !em.engine.state.storageDomains.some((s) => s.lunIds.includes(l.id)),
      )?.id,
    );
    if (!lunId) throw new Error('no free secure LUN');
    await w.lunRow(lunId).click();
    await expect(w.lunRow(lunId)).toHaveAttribute('aria-selected', 'true');
    await w.next().click();
    await w.alias().fill('old-engine-disk');
    await w.next().click();
    await w.create().click();
    await expect(page.getByRole('heading', { name: 'Disk old-engine-disk created' })).toBeVisible();
  });

  test('on 4.2: a full-page screen says the engine is not supported and what to do; Log out works; axe clean', async ({ page }) => {
    await openConsole(page, '/', { engine: '4.2', login: false });
    await page.getByLabel('Username').fill('admin@internal');
    await page.getByLabel('Password').fill('ovirt');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'This engine is too old for the Direct LUN Console' })).toBeVisible();
    await expect(page.getByText(/The engine at this address is/)).toContainText('oVirt Engine 4.2.0');
    await expect(page.getByText(/The engine at this address is/)).toContainText('supports oVirt Engine 4.3 and newer');
    await expect(page.getByText(/Upgrade the engine to oVirt 4\.3 or newer/)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();

    // The tab keeps the version across a reload without ?engine= (like ?latency=).
    await page.goto('/?scenario=lab');
    await page.getByLabel('Username').fill('admin@internal');
    await page.getByLabel('Password').fill('ovirt');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByText(/The engine at this address is/)).toContainText('oVirt Engine 4.2.0');
  });

  test('a wrong discovery CHAP pair shows the generic discovery failure naming CHAP, next to the fields', async ({ page }) => {
    await openConsole(page, '/disks/new');
    const w = new AddDiskWizard(page);
    await w.next().click();
    await w.address().fill(LAB.portalA);
    await w.chapUsername().fill(LAB.chap.username);
    await w.chapPassword().fill('not-the-secret');
    await w.discover().click();
    await expect(w.address()).toHaveAttribute('aria-invalid', 'true');
    await expect(w.address()).toHaveAccessibleDescription(
      /^host1 could not discover targets at 10\.35\.1\.72:3260\. The engine says: “Failed discovery of iSCSI targets”\. Possible causes: .*the CHAP username or password for discovery is wrong; the array's access list does not let host1's initiator .* in\./,
    );
    await expect(w.chapPassword()).toHaveValue('not-the-secret');
  });
});
