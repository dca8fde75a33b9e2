import type { Page } from '@playwright/test';
import { emulator, expect, expectNoAxeViolations, openConsole, tabTo, test } from './fixtures';
import { AddDiskWizard, recordEngineRequests } from './pages/add-disk-wizard';
import { AttachWizard } from './pages/attach-wizard';
import { VmPage } from './pages/vm-page';

const APPS = 'iqn.2024-03.com.example.lab:array-a.apps';

async function idOf(page: Page, kind: 'vms' | 'disks', name: string): Promise<string> {
  return emulator(page, (em, a) => {
    const { kind: k, name: n } = a as { kind: 'vms' | 'disks'; name: string };
    const list: Array<{ id: string; name?: string; alias?: string }> = em.engine.state[k];
    return list.find((x) => (x.name ?? x.alias) === n)?.id ?? '';
  }, { kind, name });
}

/** What the engine holds: the VM's attachment of the disk (or undefined). */
async function attachmentOf(page: Page, vm: string, alias: string) {
  return emulator(page, (em, a) => {
    const { vm: v, alias: d } = a as { vm: string; alias: string };
    const vmId = em.engine.state.vms.find((x) => x.name === v)?.id;
    const diskId = em.engine.state.disks.find((x) => x.alias === d)?.id;
    return em.engine.state.attachments.find((x) => x.vmId === vmId && x.diskId === diskId);
  }, { vm, alias });
}

async function openAttachFromVm(page: Page, vmName: string) {
  const vm = new VmPage(page);
  await vm.open(vmName);
  await vm.openDisksTab();
  await page.getByRole('link', { name: 'Attach', exact: true }).click();
  return vm;
}

test.describe('Attach to VM wizard', () => {
  test('attach a floating LUN disk to a down VM: its target joins the VM\'s required connections', async ({ page }) => {
    const sent = recordEngineRequests(page);
    await openConsole(page, '/vms');
    const vm = await openAttachFromVm(page, 'app01');
    const w = new AttachWizard(page);
    // Started from app01: the VM is chosen, the wizard opens on the Disk step.
    await expect(page.getByRole('heading', { level: 1, name: 'Attach a disk to app01' })).toBeVisible();
    await expect(w.heading()).toHaveText('Choose what to attach to app01');
    await expect(w.mode('Attach existing disk')).toBeChecked();
    await expectNoAxeViolations(page);
    await w.disk('archive-lun').check();
    await expect(w.picked()).toHaveText('Picked: archive-lun.');
    await w.next().click();

    await expect(w.heading()).toHaveText('Options for each disk');
    await expect(w.interface()).toHaveValue('virtio_scsi');
    await expect(w.option('Activate (plug the disk)')).toBeChecked();
    await expect(w.option('Activate (plug the disk)')).toHaveAccessibleDescription('app01 is down: the disk is plugged and used from its next run.');
    await expect(w.option('Bootable')).toBeDisabled();
    await expect(w.option('Bootable')).toHaveAccessibleDescription('There can be only one bootable disk: app01_Disk1 is already bootable on app01.');
    await expectNoAxeViolations(page);
    await w.next().click();

    await expect(w.heading()).toHaveText('Review');
    await expect(w.plan('archive-lun')).toContainText('Attaches archive-lun to app01 as VirtIO-SCSI; it is plugged when app01 next runs.');
    await expect(w.plan('archive-lun')).toContainText(
      `app01 is down: ${APPS} at 10.35.1.72:3260 becomes a required connection of app01, connected on the host that runs it next.`,
    );
    const required = w.connections().getByRole('row').filter({ hasText: APPS });
    await expect(required).toContainText('archive-lun');
    await expect(required).toContainText('new');
    await expect(required).toContainText('Yes');
    const app01 = await idOf(page, 'vms', 'app01');
    await expect(w.restPreview()).toContainText(`POST /ovirt-engine/api/v4/vms/${app01}/diskattachments`);
    await expect(w.restPreview()).not.toContainText('PUT');
    await expectNoAxeViolations(page);
    await w.attach().click();

    await expect(w.summary()).toContainText('archive-lun is attached to app01');
    await expect(w.result('archive-lun')).toContainText('archive-lun is attached to app01 and plugged');
    await expect(w.result('archive-lun')).toContainText('app01 is down:');
    await expectNoAxeViolations(page);
    const posts = sent.filter((r) => r.method === 'POST' && r.path.includes('/diskattachments'));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ disk: { id: await idOf(page, 'disks', 'archive-lun') }, interface: 'virtio_scsi', active: 'true', bootable: 'false' });
    expect(sent.some((r) => r.method === 'PUT')).toBe(false);

    await w.done().click();
    await expect(page).toHaveURL(new RegExp(`/vms/${app01}\\?tab=disks$`));
    await expect(vm.diskRow('app01', 'archive-lun')).toContainText('Active');
    await expect(vm.storageConnections().getByRole('row').filter({ hasText: APPS })).toContainText('archive-lun');
    expect(await attachmentOf(page, 'app01', 'archive-lun')).toMatchObject({ active: true, interface: 'virtio_scsi' });
  });

  test('attach to a running VM: attached inactive, then its host connects to the target, then the disk is hot plugged', async ({ page }) => {
    const sent = recordEngineRequests(page);
    await openConsole(page, '/vms');
    await openAttachFromVm(page, 'batch01');
    const w = new AttachWizard(page);
    await w.disk('archive-lun').check();
    await w.next().click();
    await expect(w.option('Activate (plug the disk)')).toHaveAccessibleDescription('batch01 is running: the disk is hot plugged.');
    await w.next().click();
    await expect(w.plan('archive-lun')).toContainText('Attaches archive-lun to batch01 as VirtIO-SCSI, inactive at first.');
    await expect(w.plan('archive-lun')).toContainText(`Makes sure host3 (running batch01) is connected to ${APPS} at 10.35.1.72:3260, connecting it if it is not.`);
    await expect(w.plan('archive-lun')).toContainText('Hot plugs archive-lun into batch01 (paused).');
    await expect(w.connections().getByRole('row').filter({ hasText: APPS })).toContainText('Not logged in to this target: connected before the plug');
    const batch01 = await idOf(page, 'vms', 'batch01');
    const diskId = await idOf(page, 'disks', 'archive-lun');
    await expect(w.restPreview()).toContainText(`PUT /ovirt-engine/api/v4/vms/${batch01}/diskattachments/${diskId}`);
    await w.attach().click();

    const result = w.result('archive-lun');
    await expect(result).toContainText('archive-lun is attached to batch01 and plugged');
    await expect(result.getByRole('region', { name: 'Steps for archive-lun' })).toContainText(`host3 connected to ${APPS} at 10.35.1.72:3260`);
    await expect(result).toContainText('Plugged archive-lun into batch01');
    const texts = await result.locator('li[data-step-status]').allTextContents();
    const connectAt = texts.findIndex((t) => t.includes(`host3 connected to ${APPS}`));
    const plugAt = texts.findIndex((t) => t.includes('Plugged archive-lun into batch01'));
    expect(connectAt).toBeGreaterThanOrEqual(0);
    expect(plugAt).toBeGreaterThan(connectAt);
    const calls = sent.filter((r) => r.path.startsWith(`/ovirt-engine/api/v4/vms/${batch01}/diskattachments`) && r.method !== 'GET');
    expect(calls.map((r) => r.method)).toEqual(['POST', 'PUT']);
    expect(calls[0]?.body).toMatchObject({ disk: { id: diskId }, active: 'false' });
    expect(calls[1]?.body).toEqual({ active: 'true' });
    const sessions = await emulator(page, (em) => em.engine.state.sessions.filter((s) => em.engine.state.hosts.find((h) => h.id === s.hostId)?.name === 'host3').map((s) => s.target));
    expect(sessions).toContain(APPS);
  });

  test('a host that cannot reach the target: the plug fails with the reason, the disk stays attached and inactive, Retry plug works', async ({ page }) => {
    const sent = recordEngineRequests(page);
    await openConsole(page, '/vms');
    await emulator(page, (em) => em.cutPortal('host2', '10.35.1.72'));
    const vm = await openAttachFromVm(page, 'web01');
    const w = new AttachWizard(page);
    await w.disk('archive-lun').check();
    await w.next().click();
    // web01 has VirtIO-SCSI disabled: VirtIO by default.
    await expect(w.interface()).toHaveValue('virtio');
    await w.next().click();
    await w.attach().click();

    const result = w.result('archive-lun');
    await expect(result.getByRole('heading', { name: 'Warning alert: archive-lun is attached to web01, but not plugged' })).toBeVisible();
    await expect(result).toContainText('The plug failed: Error storage server connection: host2 cannot reach portal 10.35.1.72:3260');
    await expect(result).toContainText('archive-lun stays attached and inactive');
    await expect(w.summary()).toContainText('1 disk attached but not plugged (web01)');
    await expectNoAxeViolations(page);
    expect(await attachmentOf(page, 'web01', 'archive-lun')).toMatchObject({ active: false });

    await emulator(page, (em) => em.restorePortal('host2', '10.35.1.72'));
    await result.getByRole('button', { name: 'Retry plug of archive-lun' }).click();
    await expect(result).toContainText('archive-lun is attached to web01 and plugged');
    await expect(w.summary()).toContainText('archive-lun is attached to web01');
    expect(await attachmentOf(page, 'web01', 'archive-lun')).toMatchObject({ active: true });
    // One attach, never repeated; the plug twice (failed, retried).
    expect(sent.filter((r) => r.method === 'POST' && r.path.includes('/diskattachments'))).toHaveLength(1);
    expect(sent.filter((r) => r.method === 'PUT')).toHaveLength(2);
    await w.done().click();
    await expect(vm.diskRow('web01', 'archive-lun')).toContainText('Active');
  });

  test('a sharable disk attaches to another VM; a non-sharable attached disk cannot be picked and says why', async ({ page }) => {
    await openConsole(page, '/vms');
    await openAttachFromVm(page, 'app01');
    const w = new AttachWizard(page);
    await expect(w.disk('db01-redo')).toBeDisabled();
    await expect(w.diskRow('db01-redo')).toContainText('Attached to VM db01 and not sharable.');
    await expect(w.disk('db01-redo')).toHaveAccessibleDescription('Attached to VM db01 and not sharable.');
    await expect(w.disk('app01-data')).toBeDisabled();
    await expect(w.diskRow('app01-data')).toContainText('Already attached to app01.');
    await expect(w.diskRow('cluster-quorum')).toContainText('Sharable; also attached to db01 and web01.');
    await w.disk('cluster-quorum').check();
    await w.next().click();
    await expect(page.getByText('cluster-quorum is sharable (the disk\'s own setting).')).toBeVisible();
    await w.next().click();
    await w.attach().click();
    await expect(w.result('cluster-quorum')).toContainText('cluster-quorum is attached to app01 and plugged');
    await w.done().click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Disks' }).click();
    await expect(page.getByRole('grid', { name: 'Disks' }).getByRole('row').filter({ hasText: 'cluster-quorum' })).toContainText('app01, db01, web01');
  });

  test('from Disks → a disk → Attach to VM: VMs that cannot take it say why; back to the disk\'s page when done', async ({ page }) => {
    await openConsole(page, '/disks');
    const disks = page.getByRole('grid', { name: 'Disks' });
    // A non-sharable disk attached to a VM cannot go anywhere else: the action says why.
    await disks.getByRole('button', { name: 'Actions for db01-redo' }).click();
    const item = page.getByRole('menuitem', { name: /^Attach to VM/ });
    await expect(item).toHaveAttribute('aria-disabled', 'true');
    await expect(item).toContainText('db01-redo is attached to VM db01 and not sharable: detach it there first.');
    await page.keyboard.press('Escape');

    await disks.getByRole('link', { name: 'cluster-quorum' }).click();
    await page.getByRole('link', { name: 'Attach to VM' }).click();
    const w = new AttachWizard(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Attach cluster-quorum to a VM' })).toBeVisible();
    await expect(w.heading()).toHaveText('Choose the virtual machine');
    await expect(w.vm('db01')).toBeDisabled();
    await expect(w.vmRow('db01')).toContainText('cluster-quorum is already attached to db01.');
    await expect(w.vmRow('batch01')).toContainText('Yes: hot plugged');
    await expectNoAxeViolations(page);
    await w.next().click();
    await expect(page.getByText('Choose the virtual machine to attach to.')).toBeVisible();
    await page.getByLabel('Search virtual machines').fill('restore');
    await expect(w.vms().getByRole('row')).toHaveCount(2);
    await w.vm('test01').check();
    await w.next().click();
    await expect(w.picked()).toHaveText('Picked: cluster-quorum.');
    await w.advance();
    await w.next().click();
    await w.attach().click();
    await expect(w.result('cluster-quorum')).toContainText('cluster-quorum is attached to test01 and plugged');
    await w.done().click();
    await expect(page.getByRole('heading', { level: 1, name: 'cluster-quorum' })).toBeVisible();
    await expect(page.getByRole('grid', { name: 'VMs cluster-quorum is attached to' })).toContainText('test01');
  });

  test('Create from LUN runs the Add Direct LUN disk steps in place, then creates and attaches the disk', async ({ page }) => {
    const sent = recordEngineRequests(page);
    await openConsole(page, '/vms');
    const vm = await openAttachFromVm(page, 'app01');
    const w = new AttachWizard(page);
    const lun = new AddDiskWizard(page);
    await w.mode('Create from LUN').check();
    await expect(w.stepNav('Source')).toBeVisible();
    await expect(page.getByRole('main')).not.toContainText(/import/i);
    await expectNoAxeViolations(page);
    await w.next().click();
    await expect(lun.host().locator('option:checked')).toHaveText('host1');
    await expectNoAxeViolations(page);
    await w.next().click();
    await expect(w.heading()).toHaveText('iSCSI targets of host1');
    await expectNoAxeViolations(page);
    await w.next().click();
    await expect(lun.lunGrid()).toBeVisible();
    // A LUN that backs a disk offers that disk instead of a duplicate.
    await expect(lun.lunRows('used').filter({ hasText: 'archive-lun' }).getByRole('button', { name: 'Attach disk archive-lun instead' })).toBeVisible();
    await expectNoAxeViolations(page);
    const lunId = await emulator(page, (em) =>
      em.engine.state.luns.find(
        (l) =>
          l.targetIqn === 'iqn.2024-03.com.example.lab:array-a.apps' &&
          l.activePaths === l.paths &&
          !em.engine.state.disks.some((d) => d.kind === 'lun' && d.lun.id === l.id),
      )?.id ?? '',
    );
    await lun.lunRow(lunId).click();
    await w.next().click();
    await expect(w.heading()).toHaveText('Set the disk up');
    await lun.alias().fill('app01-logs');
    await expectNoAxeViolations(page);
    await w.next().click();
    await expect(lun.plan()).toContainText(`Creates disk app01-logs from LUN ${lunId}`);
    await expect(lun.plan()).toContainText('app01 is down: the disk is attached active');
    await expectNoAxeViolations(page);
    await w.createAndAttach().click();
    await expect(page.getByRole('heading', { name: 'Disk app01-logs created, attached to app01 and plugged' })).toBeVisible();
    await expectNoAxeViolations(page);
    const app01 = await idOf(page, 'vms', 'app01');
    const posts = sent.filter((r) => r.method === 'POST' && r.path.includes('diskattachments'));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.path).toContain(`/vms/${app01}/diskattachments`);
    expect(posts[0]?.body).toMatchObject({ active: 'true', disk: { alias: 'app01-logs', lun_storage: { logical_units: { logical_unit: [{ id: lunId }] } } } });
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(vm.diskRow('app01', 'app01-logs')).toContainText('Direct LUN');
  });

  test('in Create from LUN, a used LUN\'s "Attach disk X instead" switches to attaching that disk', async ({ page }) => {
    await openConsole(page, '/vms');
    await openAttachFromVm(page, 'app01');
    const w = new AttachWizard(page);
    const lun = new AddDiskWizard(page);
    await w.mode('Create from LUN').check();
    await w.advance();
    await w.advance();
    await w.next().click();
    await lun.lunRows('used').filter({ hasText: 'archive-lun' }).getByRole('button', { name: 'Attach disk archive-lun instead' }).click();
    await expect(w.heading()).toHaveText('Options for each disk');
    await expect(w.stepNav('Source')).toHaveCount(0);
    await w.next().click();
    await expect(w.plan('archive-lun')).toContainText('Attaches archive-lun to app01');
    await w.attach().click();
    await expect(w.result('archive-lun')).toContainText('archive-lun is attached to app01 and plugged');
  });

  test('the whole wizard with the keyboard alone', async ({ page }) => {
    await openConsole(page, '/disks');
    const w = new AttachWizard(page);
    await tabTo(page, page.getByRole('link', { name: 'archive-lun' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('link', { name: 'Attach to VM' }));
    await page.keyboard.press('Enter');
    await expect(w.heading()).toHaveText('Choose the virtual machine');
    // One tab stop for the VM choice; the arrow keys move it (disabled ones are skipped).
    await tabTo(page, w.vm('app01'));
    await page.keyboard.press('Space');
    await expect(w.vm('app01')).toBeChecked();
    await page.keyboard.press('ArrowDown');
    await expect(w.vm('batch01')).toBeChecked();
    await tabTo(page, w.next());
    await page.keyboard.press('Enter');
    await expect(w.heading()).toHaveText('Choose what to attach to batch01');
    await expect(w.disk('archive-lun')).toBeChecked();
    await tabTo(page, w.next());
    await page.keyboard.press('Enter');
    await expect(w.heading()).toHaveText('Options for each disk');
    await tabTo(page, w.option('Read-only'));
    await page.keyboard.press('Space');
    await expect(w.option('Read-only')).toBeChecked();
    await tabTo(page, w.next());
    await page.keyboard.press('Enter');
    await expect(w.plan('archive-lun')).toContainText('Attaches archive-lun to batch01 as VirtIO-SCSI, read-only, inactive at first.');
    await tabTo(page, w.attach());
    await page.keyboard.press('Enter');
    await expect(w.result('archive-lun')).toContainText('archive-lun is attached to batch01 and plugged');
    await tabTo(page, w.done());
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'archive-lun' })).toBeVisible();
    expect(await attachmentOf(page, 'batch01', 'archive-lun')).toMatchObject({ active: true, readOnly: true });
  });

  test('the draft survives a reload; a double click attaches once', async ({ page }) => {
    const sent = recordEngineRequests(page);
    await openConsole(page, '/vms');
    await openAttachFromVm(page, 'test01');
    const w = new AttachWizard(page);
    await w.disk('archive-lun').check();
    await w.disk('cluster-quorum').check();
    await w.next().click();
    await w.option('Read-only', 'cluster-quorum').check();
    await expect.poll(() => page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('dlc.draft.attach-disk.')).length)).toBe(1);
    await page.reload();
    // Still signed in after the reload (the engine's cookie session, decision 046), and the wizard is where it was.
    await expect(page.getByRole('button', { name: /User menu/ })).toBeVisible();
    await expect(w.heading()).toHaveText('Options for each disk');
    await expect(w.option('Read-only', 'cluster-quorum')).toBeChecked();
    await expect(w.option('Read-only', 'archive-lun')).not.toBeChecked();
    await w.next().click();
    await w.attach().dblclick();
    await expect(w.summary()).toContainText('All 2 disks are attached to test01');
    expect(sent.filter((r) => r.method === 'POST' && r.path.includes('/diskattachments'))).toHaveLength(2);
    // Done: the draft is gone.
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('dlc.draft.attach-disk.')))).toEqual([]);
  });
});
