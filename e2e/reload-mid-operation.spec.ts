// A reload of the page while an operation runs: the emulated engine keeps its running job (its state survives
// the reload) and finishes it, as a real engine's server-side job would. Checked on the engine side and in the
// lists; what the console's operation card says after the reload is another suite's business. Also: the transport
// fault injector (mocks/handlers/faults.ts) reaches the page's requests through the service worker.
import type { Page } from '@playwright/test';
import { emulator, expect, openConsole, test } from './fixtures';
import { VmLifecycle } from './pages/vm-lifecycle';
import { VmPage } from './pages/vm-page';

/**
 * After a reload the console is still signed in, through the engine's cookie session (decision 046): no login page,
 * the console with its user menu.
 */
async function stillSignedIn(page: Page) {
  await expect(page.getByRole('button', { name: /User menu/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log in' })).toHaveCount(0);
}

/** The engine's job described as `description`: its status, its steps in order, and its events' codes. */
function engineJob(page: Page, description: string) {
  return emulator(
    page,
    (em, text) => {
      const s = em.engine.state;
      const job = s.jobs.find((j) => j.description === text);
      return {
        status: job?.status,
        steps: s.steps.filter((x) => x.jobId === job?.id).map((x) => `${x.status}: ${x.description}`),
        events: s.events.filter((ev) => !!job?.correlationId && ev.correlationId === job.correlationId).map((ev) => ev.code),
      };
    },
    description,
  );
}

const MIGRATION = 'Migrating VM db01 from Host host1 to Host host2';
const ACTIVATION = 'Activating Disk cluster-quorum on VM web01';

test.describe('a reload mid-operation: the engine finishes its job', () => {
  test('Migrate db01 to host2, reloaded while the VM moves: db01 ends Up on host2, nothing done twice', async ({ page, app }) => {
    // Normal latency: the migration takes about 3 s, long enough to reload in the middle of it.
    await openConsole(page, '/vms', { scenario: 'lifecycle', latency: 'normal' });
    await page.getByRole('grid', { name: 'Virtual machines' }).getByRole('link', { name: 'db01', exact: true }).click();
    const lc = new VmLifecycle(page);
    await lc.button('Migrate').click();
    const dialog = lc.migrateDialog('db01');
    await dialog.getByRole('radio', { name: /^host2/ }).check();
    await dialog.getByRole('button', { name: 'Migrate' }).click();
    // The operation card shows the engine's running step; the engine is mid-migration.
    await expect(lc.operations().getByRole('region', { name: /^Engine steps/ })).toContainText('Migrating db01 from host1 to host2');
    expect((await engineJob(page, MIGRATION)).status).toBe('started');

    await page.reload();
    await stillSignedIn(page);

    await expect.poll(async () => (await engineJob(page, MIGRATION)).status, { timeout: 15_000 }).toBe('finished');
    const job = await engineJob(page, MIGRATION);
    expect(job.steps).toContain('finished: db01 now runs on host2');
    expect(job.steps.filter((s) => s.startsWith('failed') || s.startsWith('aborted'))).toEqual([]);
    expect(job.steps.some((s) => s.startsWith('finished: host2 is ready: '))).toBe(true);
    expect(new Set(job.steps).size, 'no step twice').toBe(job.steps.length);
    // Migration started, then completed: each once.
    expect(job.events).toEqual([62, 63]);
    const db01 = await emulator(page, (em) => {
      const vm = em.engine.state.vms.find((v) => v.name === 'db01');
      return { status: vm?.status, host: em.engine.state.hosts.find((h) => h.id === vm?.hostId)?.name };
    });
    expect(db01).toEqual({ status: 'up', host: 'host2' });
    expect(await emulator(page, (em) => em.engine.state.jobs.filter((j) => j.status === 'started').length)).toBe(0);

    await app.nav('Virtual Machines').click();
    const row = app.row(app.table('Virtual machines'), 'db01');
    await expect(row).toContainText('host2');
    await expect(row).toContainText('Up');
  });

  test('Activate a disk of a running VM, reloaded during the hot plug: it ends plugged, once', async ({ page }) => {
    await openConsole(page, '/vms', { latency: 'normal' });
    const vm = new VmPage(page);
    await vm.open('web01');
    await vm.openDisksTab();
    await vm.actionsToggle('cluster-quorum').click();
    await vm.action('Deactivate').click();
    const deactivate = vm.dialog(/Deactivate VM disk/);
    await deactivate.getByRole('button', { name: 'Deactivate' }).click();
    await deactivate.getByRole('button', { name: 'Done' }).click();

    await vm.actionsToggle('cluster-quorum').click();
    await vm.action('Activate').click();
    await expect
      .poll(() => emulator(page, (em) => em.engine.state.steps.some((s) => s.status === 'started' && s.description.startsWith('Hot plugging cluster-quorum'))), { timeout: 10_000, intervals: [50] })
      .toBe(true);

    await page.reload();
    await stillSignedIn(page);

    await expect.poll(async () => (await engineJob(page, ACTIVATION)).status, { timeout: 15_000 }).toBe('finished');
    const job = await engineJob(page, ACTIVATION);
    expect(job.steps.filter((s) => s.includes('cluster-quorum into web01'))).toEqual([expect.stringMatching(/^finished: Plugged cluster-quorum into web01/)]);
    expect(new Set(job.steps).size, 'no step twice').toBe(job.steps.length);
    const engine = await emulator(page, (em) => {
      const s = em.engine.state;
      const web01 = s.vms.find((v) => v.name === 'web01');
      const disk = s.disks.find((d) => d.alias === 'cluster-quorum');
      return {
        active: s.attachments.find((a) => a.vmId === web01?.id && a.diskId === disk?.id)?.active,
        hotplugs: s.deviceSpecs.filter((r) => r.reason === 'hotplug' && r.vmId === web01?.id).length,
      };
    });
    expect(engine).toEqual({ active: true, hotplugs: 1 });

    await vm.open('web01');
    await vm.openDisksTab();
    await expect(vm.diskRow('web01', 'cluster-quorum')).toContainText('Active');
  });
});

test.describe('transport faults armed from window.__emulator', () => {
  test('the fault injector reaches the page\'s requests: an answer lost before, then after, the engine acted', async ({ page }) => {
    await openConsole(page, '/vms', { scenario: 'lifecycle' });
    const lc = new VmLifecycle(page);
    const shutDown = async () => {
      await lc.rowMenu('app01').click();
      await lc.menuItem('Shut down').click();
      await lc.confirmDialog('Shut down app01?').getByRole('button', { name: 'Shut down' }).click();
    };
    const app01 = () => emulator(page, (em) => ({
      status: em.engine.state.vms.find((v) => v.name === 'app01')?.status,
      jobs: em.engine.state.jobs.filter((j) => j.description === 'Shutting down VM app01').length,
      pending: em.pendingFaults().length,
      fired: em.firedFaults().map((f) => f.mode),
    }));

    await emulator(page, (em) => em.failNext({ method: 'POST', path: '/vms/[^/]+/shutdown', mode: 'lose-before' }));
    expect((await app01()).pending).toBe(1);
    await shutDown();
    await expect.poll(async () => (await app01()).fired).toEqual(['lose-before']);
    expect(await app01()).toEqual({ status: 'up', jobs: 0, pending: 0, fired: ['lose-before'] });

    await emulator(page, (em) => em.failNext({ method: 'POST', path: '/shutdown', mode: 'lose-after' }));
    await shutDown();
    await expect.poll(async () => (await app01()).status, { timeout: 15_000 }).toBe('down');
    expect(await app01()).toEqual({ status: 'down', jobs: 1, pending: 0, fired: ['lose-before', 'lose-after'] });
  });
});
