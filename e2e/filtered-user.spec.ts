// A user who is not an admin (user@internal, lab; decision 043). The engine filters this session's answers: it
// refuses the job list (an admin-only query), so operations are decided from their correlation id's events and no
// job of anyone else shows; it refuses a host's LUN list and iSCSI discovery, so the direct-LUN wizard says why
// instead of offering LUNs.
import { expect, expectNoAxeViolations, openConsole, test } from './fixtures';
import { AddDiskWizard, LAB } from './pages/add-disk-wizard';
import { VmLifecycle } from './pages/vm-lifecycle';

const USER = 'user@internal';

test.describe('a user who is not an admin (lab)', () => {
  test('Run and Power off app01: each result decided from the engine\'s events, no job of another operation shown', async ({ page }) => {
    const jobRequests: string[] = [];
    page.on('request', (r) => {
      if (/\/ovirt-engine\/api(\/v4)?\/jobs/.test(r.url())) jobRequests.push(r.url());
    });
    await openConsole(page, '/vms', { user: USER });
    await page.getByRole('link', { name: 'app01', exact: true }).click();
    const lc = new VmLifecycle(page);
    await lc.button('Run').click();
    await expect(lc.operation(/app01 is Up on host\d/)).toBeVisible();
    await expect(lc.operation(/app01 is Up on host\d/)).toHaveAttribute('data-operation-state', 'done');

    await lc.button('Power off').click();
    await lc.confirmDialog(/Power off app01\?$/).getByRole('button', { name: 'Power off' }).click();
    await expect(lc.operation(/app01 is Down$/)).toBeVisible();
    await expect(lc.operation(/app01 is Down$/)).toHaveAttribute('data-operation-state', 'done');

    // The Events tab: the jobs view says why it has none; the VM's events tell the story.
    await page.getByRole('tab', { name: 'Events' }).click();
    const jobs = page.getByRole('region', { name: 'Recent engine jobs' });
    await expect(jobs).toContainText('The engine shows its jobs to administrators only.');
    await expect(page.getByRole('grid', { name: 'Events of app01' })).toContainText(/app01/);
    await expectNoAxeViolations(page);
    // One question about jobs for the session (refused by the engine), never a job table or a job's steps.
    expect(jobRequests.filter((u) => !/search=correlation_id%3Dprobe-/.test(u))).toEqual([]);
  });

  test('adding a direct-LUN disk: discovery and the host\'s LUNs are refused by the engine, and the wizard says so', async ({ page }) => {
    await openConsole(page, '/vms', { user: USER });
    await page.getByRole('link', { name: 'app01', exact: true }).click();
    await page.getByRole('tab', { name: 'Disks' }).click();
    await page.getByRole('link', { name: 'New disk' }).click();
    const w = new AddDiskWizard(page);
    await expect(w.host()).toBeVisible();
    await w.advance();
    await w.address().fill(LAB.portalA);
    await w.discover().click();
    await expect(page.getByText(/Query execution failed due to insufficient permissions/).first()).toBeVisible();
    await expectNoAxeViolations(page);

    // Fibre Channel needs no discovery: the LUN step asks the host for its LUNs, which the engine refuses too.
    await w.stepNav('Source').click();
    await w.storageType('Fibre Channel').check();
    await w.advance();
    await expect(page.getByText(/Query execution failed due to insufficient permissions/).first()).toBeVisible();
  });
});
