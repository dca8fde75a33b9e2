// The Add Direct LUN disk wizard, whole flows: what the user sees, and what the engine received.
import type { Page } from '@playwright/test';
import { load } from 'js-yaml';
import { emulator, expect, openConsole, test } from './fixtures';
import { AddDiskWizard, LAB, recordEngineRequests } from './pages/add-disk-wizard';

async function ids(page: Page) {
  return emulator(page, (em) => ({
    hosts: Object.fromEntries(em.engine.state.hosts.map((h) => [h.name, h.id])),
    vms: Object.fromEntries(em.engine.state.vms.map((v) => [v.name, v.id])),
  }));
}

/** WWIDs of the LUNs behind a target (or on the FC fabric) that no disk uses and no domain owns. */
/** `target` is an IQN, or 'fcp' for the FC fabric. */
async function freeLuns(page: Page, target: string) {
  return emulator(
    page,
    (em, arg) =>
      em.engine.state.luns
        .filter((l) => (arg === 'fcp' ? l.storageType === 'fcp' : l.targetIqn === arg))
        .filter((l) => !em.engine.state.disks.some((d) => d.kind === 'lun' && d.lun.id === l.id))
        .filter((l) => !em.engine.state.storageDomains.some((s) => s.lunIds.includes(l.id)))
        .filter((l) => l.activePaths === l.paths)
        .map((l) => l.id),
    target,
  );
}

test.describe('Add Direct LUN disk', () => {
  test('a floating iSCSI disk through a CHAP-protected target, from Disks → New disk and back', async ({ page }) => {
    const sent = recordEngineRequests(page);
    await openConsole(page, '/disks?type=lun');
    await page.getByRole('link', { name: 'New disk' }).click();
    const w = new AddDiskWizard(page);
    await expect(page.getByRole('heading', { level: 1, name: 'New direct LUN disk' })).toBeVisible();
    await expect(w.host().locator('option:checked')).toHaveText('host1');
    await w.host().selectOption({ label: 'host3' });
    await w.next().click();

    await expect(w.heading()).toHaveText('iSCSI targets of host3');
    await w.address().fill('storage-a.lab.example.com');
    await w.chapUsername().fill(LAB.chap.username);
    await w.chapPassword().fill(LAB.chap.password);
    await w.discover().click();
    await expect(page.getByText('Found 3 targets at storage-a.lab.example.com:3260.')).toBeVisible();
    await expect(w.targetRow(LAB.secure)).toContainText('Not logged in');
    await w.targetRow(LAB.secure).getByRole('button', { name: `Log in to ${LAB.secure}` }).click();
    await expect(w.targetRow(LAB.secure)).toContainText('Logged in (4 LUNs)');
    await w.next().click();

    const [lunId] = await freeLuns(page, LAB.secure);
    if (!lunId) throw new Error('no free secure LUN');
    await expect(w.lunGrid()).toBeVisible();
    // The "picked" line is there before the first pick: picking never moves the table under the pointer.
    await expect(page.getByText('No LUN picked yet: click a row, or check several LUNs for a batch.')).toBeVisible();
    const before = await w.lunRow(lunId).boundingBox();
    await w.lunRow(lunId).click();
    await expect(w.picked()).toContainText(lunId);
    await expect(w.lunRow(lunId)).toHaveAttribute('aria-selected', 'true');
    expect((await w.lunRow(lunId).boundingBox())?.y).toBe(before?.y);
    await w.next().click();

    await expect(w.alias()).toHaveValue(lunId);
    await w.alias().fill('secure-archive');
    await w.description().fill('Archive on the CHAP target');
    await w.next().click();

    await expect(w.plan()).toContainText(`Creates the floating disk secure-archive from LUN ${lunId}`);
    await expect(w.plan()).toContainText('host3 first checks that it sees the LUN');
    await expect(w.restPreview()).toContainText('POST /ovirt-engine/api/v4/disks');
    await expect(w.restPreview()).toContainText('"password": "********"');
    await expect(w.restPreview()).not.toContainText(LAB.chap.password);
    // The same request as an Ansible task of the ovirt.ovirt collection: valid YAML, the CHAP password a vault variable.
    await w.codeTab('Ansible').click();
    await expect(w.codeSnippet('ansible')).toContainText('ovirt.ovirt.ovirt_disk:');
    await expect(w.codeSnippet('ansible')).not.toContainText(LAB.chap.password);
    const tasks = load((await w.codeSnippet('ansible').textContent()) ?? '');
    // First the login this wizard made (a script has to make it too), then the create.
    expect(tasks).toEqual([
      {
        name: 'Log the host in to the iSCSI target',
        'ovirt.ovirt.ovirt_host': {
          auth: '{{ ovirt_auth }}',
          name: 'host3',
          state: 'iscsilogin',
          iscsi: expect.objectContaining({ address: LAB.portalA, port: 3260, target: LAB.secure, username: LAB.chap.username, password: '{{ vault_chap_password }}' }),
        },
      },
      {
        name: 'Create the direct LUN disk',
        'ovirt.ovirt.ovirt_disk': {
          auth: '{{ ovirt_auth }}',
          name: 'secure-archive',
          description: 'Archive on the CHAP target',
          shareable: false,
          propagate_errors: false,
          host: 'host3',
          logical_unit: { id: lunId, storage_type: 'iscsi', address: LAB.portalA, port: 3260, target: LAB.secure, username: LAB.chap.username, password: '{{ vault_chap_password }}' },
          state: 'present',
        },
      },
    ]);
    await w.create().click();

    await expect(page.getByRole('heading', { name: 'Disk secure-archive created' })).toBeVisible();
    await expect(page.getByLabel('Steps of the create')).toContainText(`Created disk secure-archive from LUN ${lunId}`);
    const { hosts } = await ids(page);
    const post = sent.find((r) => r.method === 'POST' && r.path.startsWith('/ovirt-engine/api/v4/disks'));
    expect(post?.path).toMatch(/correlation_id=add-disk-/);
    expect(post?.body).toEqual({
      alias: 'secure-archive',
      description: 'Archive on the CHAP target',
      shareable: 'false',
      propagate_errors: 'false',
      lun_storage: {
        type: 'iscsi',
        host: { id: hosts.host3 },
        logical_units: { logical_unit: [{ id: lunId, address: LAB.portalA, port: 3260, target: LAB.secure, username: LAB.chap.username, password: LAB.chap.password }] },
      },
    });
    const stored = await emulator(page, (em, id) => {
      const d = em.engine.state.disks.find((x) => x.kind === 'lun' && x.lun.id === id);
      const conn = d?.kind === 'lun' ? em.engine.state.connections.find((c) => c.id === d.lun.connectionIds[0]) : undefined;
      const san = em.engine.state.luns.find((l) => l.id === id);
      return { alias: d?.alias, sizeStored: d?.kind === 'lun' && d.lun.size === san?.size && d.lun.size > 0, chapUser: conn?.username, hasPassword: !!conn?.password };
    }, lunId);
    // lun_storage.host made the engine store the host's view: the size, and the session's CHAP pair.
    expect(stored).toEqual({ alias: 'secure-archive', sizeStored: true, chapUser: LAB.chap.username, hasPassword: true });
    expect(await page.evaluate(() => sessionStorage.getItem('dlc.draft.add-disk.floating'))).toBeNull();

    await page.getByRole('button', { name: 'Back to Disks' }).click();
    await expect(page).toHaveURL(/\/disks\?type=lun&scenario=lab/);
    await expect(page.getByRole('grid', { name: 'Disks' }).getByRole('row').filter({ hasText: 'secure-archive' })).toContainText('Archive on the CHAP target');
  });

  test('a VM disk hot plugged into a running VM: connect-on-the-pool, then plug on its host, with the device spec', async ({ page }) => {
    const sent = recordEngineRequests(page);
    await openConsole(page, '/vms');
    await page.getByRole('grid', { name: 'Virtual machines' }).getByRole('link', { name: 'db01' }).click();
    await page.getByRole('tab', { name: 'Disks' }).click();
    await page.getByRole('link', { name: 'New disk' }).click();
    const w = new AddDiskWizard(page);
    await expect(page.getByRole('heading', { level: 1, name: 'New direct LUN disk for db01' })).toBeVisible();
    await expect(w.host().locator('option:checked')).toHaveText('host1 (runs db01)');
    await w.next().click();
    await w.address().fill(LAB.portalB);
    await w.address().press('Enter');
    await expect(w.targetRow(LAB.backup)).toContainText('Not logged in');
    await w.loginAll().click();
    await expect(w.targetRow(LAB.backup)).toContainText('Logged in (5 LUNs)');
    await w.next().click();

    const [lunId] = await freeLuns(page, LAB.backup);
    await w.search().fill('DGC VRAID');
    await expect(w.counts()).toContainText('5 shown for “DGC VRAID”');
    await w.lunRow(lunId!).click();
    await w.next().click();

    await expect(w.interface()).toHaveValue('virtio_scsi');
    await expect(w.option('Activate (plug the disk)')).toBeChecked();
    await expect(page.getByText('db01 is running: the disk is hot plugged.')).toBeVisible();
    await expect(w.option('Bootable')).toBeDisabled();
    await w.alias().fill('db01-backup');
    await w.next().click();

    await expect(w.plan()).toContainText("Connects the LUN's target on every Up host of Default at once, waiting on host1 first");
    await expect(w.plan()).toContainText('Makes sure host1 (running db01) is connected to the target, then hot plugs the disk into db01.');
    await w.create().click();
    await expect(page.getByRole('heading', { name: 'Disk db01-backup created, attached to db01 and plugged' })).toBeVisible();
    const steps = page.getByLabel('Steps of the create');
    await expect(steps).toContainText('Adding Disk db01-backup to VM db01');
    await expect(steps).toContainText(/host1 connected first|already connected/);
    await expect(steps).toContainText('Plugged db01-backup into db01');

    const { hosts, vms } = await ids(page);
    const post = sent.find((r) => r.method === 'POST' && r.path.startsWith(`/ovirt-engine/api/v4/vms/${vms.db01}/diskattachments`));
    expect(post?.body).toMatchObject({
      interface: 'virtio_scsi',
      active: 'true',
      bootable: 'false',
      read_only: 'false',
      disk: { alias: 'db01-backup', lun_storage: { type: 'iscsi', host: { id: hosts.host1 }, logical_units: { logical_unit: [{ id: lunId, address: LAB.portalB, port: 3260, target: LAB.backup }] } } },
    });
    // The host recorded the device spec the engine sent it for the hot plug (the seed's Engine - VDSM API).
    const spec = await emulator(page, (em, arg) => {
      const a = arg as { vm: string; lun: string };
      const rec = em.engine.state.deviceSpecs.filter((r) => r.vmId === a.vm && r.reason === 'hotplug').at(-1);
      return { host: rec?.hostId, device: rec?.devices.find((d) => d.GUID === a.lun) };
    }, { vm: vms.db01, lun: lunId });
    expect(spec.host).toBe(hosts.host1);
    expect(spec.device).toMatchObject({ type: 'disk', device: 'disk', GUID: lunId, iface: 'scsi', format: 'raw', shared: 'False', readonly: 'False', propagateErrors: 'off' });
    expect(spec.device).not.toHaveProperty('poolID');
    expect(spec.device).not.toHaveProperty('bootOrder');

    await page.getByRole('button', { name: 'Back to db01' }).click();
    await expect(page).toHaveURL(new RegExp(`/vms/${vms.db01}\\?tab=disks$`));
  });

  test('a Fibre Channel disk: no targets step, flat list, the LUN by id only', async ({ page }) => {
    const sent = recordEngineRequests(page);
    await openConsole(page, '/disks/new');
    const w = new AddDiskWizard(page);
    await w.storageType('Fibre Channel').check();
    await expect(page.getByText(/The storage type is now Fibre Channel\..*no Targets step/)).toBeVisible();
    await expect(w.stepNav('Targets')).toHaveCount(0);
    await w.next().click();
    await expect(w.lunGrid()).toHaveAccessibleName('Fibre Channel LUNs host1 sees');
    await expect(page.getByRole('button', { name: 'By target' })).toBeDisabled();
    await expect(page.getByText('Fibre Channel LUNs have no targets to group by.')).toBeVisible();
    await expect(w.counts()).toContainText('6 LUNs: 6 available');
    await expect(w.lunRows().filter({ hasText: 'No active path from host1' })).toHaveCount(1);
    const [lunId] = await freeLuns(page, 'fcp');
    await w.lunRow(lunId!).click();
    await w.next().click();
    await w.alias().fill('fc-scratch');
    await w.next().click();
    await expect(w.restPreview()).toContainText('"type": "fcp"');
    await expect(w.restPreview()).not.toContainText('"address"');
    await w.create().click();
    await expect(page.getByRole('heading', { name: 'Disk fc-scratch created' })).toBeVisible();
    const { hosts } = await ids(page);
    const post = sent.find((r) => r.method === 'POST' && r.path.startsWith('/ovirt-engine/api/v4/disks'));
    expect(post?.body).toMatchObject({ lun_storage: { type: 'fcp', host: { id: hosts.host1 }, logical_units: { logical_unit: [{ id: lunId }] } } });
  });

  test('a used LUN cannot be picked and points to its disk; for a VM, that disk is attached instead', async ({ page }) => {
    const sent = recordEngineRequests(page);
    await openConsole(page, '/disks/new');
    const w = new AddDiskWizard(page);
    await w.advance();
    await w.next().click();
    const archive = w.lunRows('used').filter({ hasText: 'Used by disk archive-lun (not attached to any VM)' });
    await expect(archive.getByRole('gridcell').first()).toHaveAttribute('aria-disabled', 'true');
    await expect(archive).toHaveAttribute('aria-label', /Not selectable\..*Used by disk archive-lun \(not attached to any VM\): not selectable, a LUN backs at most one disk\./);
    await archive.locator('td').nth(1).click();
    await expect(w.picked()).toHaveCount(0);
    await expect(w.lunRows('used').filter({ hasText: 'cluster-quorum' })).toContainText('Used by disk cluster-quorum (attached to db01 and web01)');
    await w.next().click();
    await expect(page.getByText('Pick a LUN from the table: the disk is created from it.')).toBeVisible();
    await archive.getByRole('link', { name: 'Go to disk archive-lun' }).click();
    await expect(page).toHaveURL(/\/disks\/[0-9a-f-]+$/);
    await expect(page.getByRole('heading', { level: 1, name: 'archive-lun' })).toBeVisible();

    // For app01 (down): attach the existing disk instead of creating a duplicate.
    const { vms } = await ids(page);
    await page.getByRole('link', { name: 'Virtual Machines' }).click();
    await page.getByRole('grid', { name: 'Virtual machines' }).getByRole('link', { name: 'app01' }).click();
    await page.getByRole('tab', { name: 'Disks' }).click();
    await page.getByRole('link', { name: 'New disk' }).click();
    await w.advance();
    await w.next().click();
    await expect(w.lunRows('used').filter({ hasText: 'db01-redo' })).toContainText('Not sharable, attached to db01');
    await expect(w.lunRows('used').filter({ hasText: 'cluster-quorum' }).getByRole('button', { name: 'Attach disk cluster-quorum instead' })).toBeVisible();
    await w.lunRows('used').filter({ hasText: 'archive-lun' }).getByRole('button', { name: 'Attach disk archive-lun instead' }).click();
    const dialog = page.getByRole('dialog', { name: 'Attach disk archive-lun to app01' });
    await expect(dialog.getByTestId('rest-preview')).toContainText(`POST /ovirt-engine/api/v4/vms/${vms.app01}/diskattachments`);
    await dialog.getByRole('button', { name: 'Attach' }).click();
    await expect(dialog.getByRole('heading', { name: 'Success alert: archive-lun is attached to app01 and plugged' })).toBeVisible();
    const attach = sent.find((r) => r.method === 'POST' && r.path.startsWith(`/ovirt-engine/api/v4/vms/${vms.app01}/diskattachments`));
    expect(attach?.body).toMatchObject({ disk: { id: expect.any(String) as unknown }, interface: 'virtio_scsi', active: 'true' });
    expect(sent.some((r) => r.method === 'POST' && r.path.startsWith('/ovirt-engine/api/v4/disks'))).toBe(false);
    await dialog.getByRole('button', { name: 'Go to app01' }).click();
    await expect(page).toHaveURL(new RegExp(`/vms/${vms.app01}\\?tab=disks$`));
    const attached = await emulator(page, (em, vm) => em.engine.state.attachments.filter((a) => a.vmId === vm).map((a) => em.engine.state.disks.find((d) => d.id === a.diskId)?.alias), vms.app01);
    expect(attached).toContain('archive-lun');
  });

  test('a storage-domain LUN is selectable with a warning; Create needs the approval naming the domain', async ({ page }) => {
    const sent = recordEngineRequests(page);
    await openConsole(page, '/disks/new');
    const w = new AddDiskWizard(page);
    await w.advance();
    await w.next().click();
    const sdRow = w.lunRows('selectable').filter({ hasText: 'In storage domain data1: needs approval' }).first();
    await sdRow.click();
    await expect(page.getByRole('heading', { name: 'LUN is already part of storage domain data1' })).toBeVisible();
    await w.advance();
    await w.next().click();
    await expect(w.plan()).toContainText('Warning: this LUN is part of storage domain data1');
    await expect(page.getByRole('heading', { name: 'This operation might be unrecoverable and destructive!' })).toBeVisible();
    await w.create().click();
    await expect(page.getByText('You must approve the action by clicking on this checkbox.')).toBeVisible();
    await expect(w.approve()).toBeFocused();
    expect(sent.some((r) => r.method === 'POST')).toBe(false);
    await w.approve().check();
    await w.create().click();
    await expect(page.getByRole('heading', { name: /Disk \S+ created$/ })).toBeVisible();
    expect(sent.filter((r) => r.method === 'POST' && r.path.startsWith('/ovirt-engine/api/v4/disks'))).toHaveLength(1);
  });
});
