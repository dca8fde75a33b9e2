// Many LUNs in one go (issue 14, decision 048): eight LUN disks for db01 in one batch, one of them failing on the
// way (a proxy's 500 before the engine), the others made; Retry failed sends that one only; then the engine's own
// state: exactly eight new disks on those LUNs, eight attachments on db01, plugged, no alias or LUN twice. Then a
// batch for web01 whose host cannot reach the LUNs' portal: the disks are created and attached but not plugged, and
// Retry plug (per disk, and in Retry failed) re-sends the activate only.
import { emulator, expect, expectNoAxeViolations, openConsole, test } from './fixtures';
import { vmIdOf } from './engine-state';
import { AddDiskWizard, LAB, recordEngineRequests } from './pages/add-disk-wizard';

test.describe('Add Direct LUN disk: a batch of LUNs', () => {
  test('eight LUNs for db01, one fails, Retry failed makes it; the engine holds each disk once, attached and plugged', async ({ page }) => {
    const sent = recordEngineRequests(page);
    await openConsole(page, '/vms');
    const db01 = await vmIdOf(page, 'db01');
    await page.goto(`/disks/new?vm=${db01}`);
    const w = new AddDiskWizard(page);
    await expect(page.getByRole('heading', { level: 1, name: 'New direct LUN disk for db01' })).toBeVisible();
    // Targets: host1 logs in to array-b too, for more free LUNs.
    await w.next().click();
    await w.address().fill(LAB.portalB);
    await w.address().press('Enter');
    await w.loginAll().click();
    await expect(w.targetRow(LAB.backup)).toContainText('Logged in (5 LUNs)');
    await w.next().click();

    // LUN: every free LUN of array-b (Select all shown after a search; one backs a disk already), then a Shift
    // range of four on array-a.apps.
    await w.search().fill('DGC VRAID');
    await expect(w.counts()).toContainText('5 shown for “DGC VRAID”');
    await w.selectAllShown().click();
    await expect(w.batchSummary()).toContainText('4 LUNs selected, ≈9.81 TiB');
    await w.searchFor(LAB.apps);
    const apps = await w.lunRows('selectable').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-lun-id') ?? ''));
    expect(apps.length).toBeGreaterThanOrEqual(4);
    await w.lunCheck(apps[0]!).click();
    await w.lunCheck(apps[3]!).click({ modifiers: ['Shift'] });
    await expect(w.batchSummary()).toContainText(/^8 LUNs selected, /);
    await expectNoAxeViolations(page);
    // A used LUN stays listed, grayed, its checkbox disabled with the reason.
    const used = w.lunRows('used').first();
    await expect(used.getByRole('checkbox')).toBeDisabled();
    await expect(used.getByRole('checkbox')).toHaveAccessibleName(/not possible: Used by disk/);
    await w.next().click();

    // Disk: the options once for all; the names by a prefix with a number.
    await expect(w.heading()).toHaveText('Set the 8 disks up');
    await expect(w.option('Bootable')).toBeDisabled();
    // db01 has its bootable disk already: that reason is said (a batch of several is never bootable either).
    await expect(page.getByText(/There can be only one bootable disk/)).toBeVisible();
    await page.getByRole('radio', { name: 'A prefix with a number' }).check();
    await page.getByRole('textbox', { name: 'Prefix' }).fill('rac-data-');
    await expect(page.getByRole('textbox', { name: /^Alias of the disk on LUN / })).toHaveCount(8);
    await expect(page.getByRole('textbox', { name: /^Alias of the disk on LUN / }).first()).toHaveValue('rac-data-01');
    await expect(page.getByRole('textbox', { name: /^Alias of the disk on LUN / }).last()).toHaveValue('rac-data-08');
    await expectNoAxeViolations(page);
    await w.next().click();

    // Review: every disk, and the eight requests.
    await expect(page.getByRole('heading', { name: 'Review: 8 disks' })).toBeVisible();
    await expect(w.batchItems()).toHaveCount(8);
    const lunIds = await w.batchItems().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-lun-id') ?? ''));
    await expect(w.restPreview()).toContainText(`POST /ovirt-engine/api/v4/vms/${db01}/diskattachments`);
    expect((await w.restPreview().innerText()).match(/POST \/ovirt-engine/g)).toHaveLength(8);

    // The third request fails before the engine (a proxy's HTML 500); the first two are only a little slow.
    await emulator(page, (em) => {
      em.failNext({ method: 'POST', path: '/diskattachments', mode: 'slow', ms: 1 });
      em.failNext({ method: 'POST', path: '/diskattachments', mode: 'slow', ms: 1 });
      em.failNext({ method: 'POST', path: '/diskattachments', mode: 'status-500-html' });
    });
    await w.create().click();
    await expect(w.batchCounts()).toHaveText('7 of 8 made, 1 failed.', { timeout: 60_000 });
    const failed = page.locator('[data-testid="batch-item"][data-phase="failed"]');
    await expect(failed).toHaveCount(1);
    await expect(failed).toContainText('rac-data-03');
    await expect(failed).toContainText(/nothing was made\. Retry sends it again\./);
    await expectNoAxeViolations(page);
    await expect(page.locator('[data-testid="batch-item"][data-phase="made"]').first()).toContainText('Created, attached to db01 and plugged');
    const posts = () => sent.filter((r) => r.method === 'POST' && /\/vms\/[^/]+\/diskattachments\?/.test(r.path));
    expect(posts()).toHaveLength(8);
    // Each disk its own correlation id.
    expect(new Set(posts().map((r) => new URL(r.path, 'http://x').searchParams.get('correlation_id'))).size).toBe(8);

    await w.retryFailed().click();
    await expect(page.getByRole('heading', { name: '8 disks created for db01' })).toBeVisible({ timeout: 30_000 });
    expect(posts()).toHaveLength(9);
    await expect(page.getByRole('button', { name: 'Copy the results as text' })).toBeVisible();
    await expectNoAxeViolations(page);

    // The engine's state: exactly eight new disks on those LUNs, eight attachments on db01, plugged, nothing twice.
    const state = await emulator(
      page,
      (em, arg) => {
        const a = arg as { lunIds: string[]; vm: string };
        const disks = em.engine.state.disks.filter((d) => d.kind === 'lun' && a.lunIds.includes(d.lun.id));
        const atts = em.engine.state.attachments.filter((x) => x.vmId === a.vm && disks.some((d) => d.id === x.diskId));
        return {
          disks: disks.length,
          luns: new Set(disks.map((d) => (d.kind === 'lun' ? d.lun.id : ''))).size,
          aliases: disks.map((d) => d.alias).sort(),
          attachments: atts.length,
          active: atts.filter((x) => x.active).length,
        };
      },
      { lunIds, vm: db01 },
    );
    expect(lunIds).toHaveLength(8);
    expect(state).toEqual({
      disks: 8,
      luns: 8,
      aliases: ['rac-data-01', 'rac-data-02', 'rac-data-03', 'rac-data-04', 'rac-data-05', 'rac-data-06', 'rac-data-07', 'rac-data-08'],
      attachments: 8,
      active: 8,
    });
  });

  test('a double click on Create makes each disk of the batch once', async ({ page }) => {
    const sent = recordEngineRequests(page);
    await openConsole(page, '/disks/new');
    const w = new AddDiskWizard(page);
    await w.advance();
    await w.next().click();
    await w.searchFor(LAB.apps);
    await w.selectAllShown().click();
    await expect(w.batchSummary()).toContainText(/^\d+ LUNs selected/);
    const lunIds = await w.lunGrid().locator('tr[data-lun-id][aria-selected="true"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-lun-id') ?? ''));
    expect(lunIds.length).toBeGreaterThan(1);
    await w.advance();
    await w.next().click();
    await w.create().dblclick();
    await expect(page.getByRole('heading', { name: `${lunIds.length} disks created` })).toBeVisible({ timeout: 30_000 });
    expect(sent.filter((r) => r.method === 'POST' && r.path.startsWith('/ovirt-engine/api/v4/disks?'))).toHaveLength(lunIds.length);
    const count = await emulator(page, (em, ids) => em.engine.state.disks.filter((d) => d.kind === 'lun' && (ids as string[]).includes(d.lun.id)).length, lunIds);
    expect(count).toBe(lunIds.length);
  });

  test('four LUNs for web01 whose host cannot reach their portal: made and attached, not plugged; Retry plug and Retry failed send the activate only; the engine holds four disks, four attachments, all plugged', async ({ page }) => {
    const sent = recordEngineRequests(page);
    await openConsole(page, '/vms');
    const web01 = await vmIdOf(page, 'web01');
    await page.goto(`/disks/new?vm=${web01}`);
    const w = new AddDiskWizard(page);
    await expect(page.getByRole('heading', { level: 1, name: 'New direct LUN disk for web01' })).toBeVisible();
    // The LUNs as host1 sees them (logged in to array-a); web01 runs on host2.
    await w.host().selectOption({ label: 'host1' });
    await w.advance();
    await w.next().click();
    await w.searchFor(LAB.apps);
    const lunIds = (await w.lunRows('selectable').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-lun-id') ?? ''))).slice(0, 4);
    expect(lunIds).toHaveLength(4);
    await w.lunCheck(lunIds[0]!).click();
    await w.lunCheck(lunIds[3]!).click({ modifiers: ['Shift'] });
    await expect(w.batchSummary()).toContainText(/^4 LUNs selected, /);
    await w.next().click();
    await page.getByRole('radio', { name: 'A prefix with a number' }).check();
    await page.getByRole('textbox', { name: 'Prefix' }).fill('web-data-');
    await w.next().click();
    await expect(page.getByRole('heading', { name: 'Review: 4 disks' })).toBeVisible();

    // host2 loses its path to array-a: each disk is created and attached, its plug on web01 fails.
    await emulator(page, (em) => em.cutPortal('host2', '10.35.1.72'));
    await w.create().click();
    await expect(w.batchCounts()).toHaveText('4 of 4 made, 4 not plugged.', { timeout: 60_000 });
    const unplugged = page.locator('[data-testid="batch-item"][data-plug="failed"]');
    await expect(unplugged).toHaveCount(4);
    await expect(unplugged.first()).toContainText(/Created and attached to web01, but not plugged: Failed to plug disk web-data-01 to VM web01.*host2 cannot reach portal 10\.35\.1\.72/);
    await expect(w.retryFailed()).toHaveText('Retry failed (4)');
    await expectNoAxeViolations(page);
    const writes = () => sent.filter((r) => (r.method === 'POST' || r.method === 'PUT') && /\/vms\/[^/]+\/diskattachments/.test(r.path)).map((r) => r.method);
    expect(writes()).toEqual(['POST', 'POST', 'POST', 'POST']);

    // The path back; Retry plug on the second disk, then Retry failed for the other three.
    await emulator(page, (em) => em.restorePortal('host2', '10.35.1.72'));
    await page.getByRole('button', { name: 'Retry plug of web-data-02' }).click();
    await expect(w.batchCounts()).toHaveText('4 of 4 made, 3 not plugged.', { timeout: 30_000 });
    await expect(page.locator(`[data-testid="batch-item"][data-lun-id="${lunIds[1]}"]`)).toContainText('Created, attached to web01 and plugged');
    expect(writes()).toEqual(['POST', 'POST', 'POST', 'POST', 'PUT']);
    await w.retryFailed().click();
    await expect(page.getByRole('heading', { name: '4 disks created for web01' })).toBeVisible({ timeout: 30_000 });
    // The retries are plugs (PUT active=true) of the attachments that exist: no second disk, no second attachment.
    expect(writes()).toEqual(['POST', 'POST', 'POST', 'POST', 'PUT', 'PUT', 'PUT', 'PUT']);
    expect(sent.filter((r) => r.method === 'POST' && r.path.startsWith('/ovirt-engine/api/v4/disks'))).toHaveLength(0);

    const state = await emulator(
      page,
      (em, arg) => {
        const a = arg as { lunIds: string[]; vm: string };
        const disks = em.engine.state.disks.filter((d) => d.kind === 'lun' && a.lunIds.includes(d.lun.id));
        const atts = em.engine.state.attachments.filter((x) => disks.some((d) => d.id === x.diskId));
        return {
          disks: disks.length,
          aliases: disks.map((d) => d.alias).sort(),
          attachments: atts.length,
          onVm: atts.filter((x) => x.vmId === a.vm).length,
          active: atts.filter((x) => x.active).length,
        };
      },
      { lunIds, vm: web01 },
    );
    expect(state).toEqual({ disks: 4, aliases: ['web-data-01', 'web-data-02', 'web-data-03', 'web-data-04'], attachments: 4, onVm: 4, active: 4 });
  });
});
