// Review gallery stories 10 and 11 (issue 14, decision 048): many LUNs in one go — a batch with one failure and its
// retry, and a batch whose plugs fail with Retry plug. `npm run gallery`; not part of `npm test`.
import { emulator, expect, openConsole, test } from '../fixtures';
import { vmIdOf } from '../engine-state';
import { AddDiskWizard, LAB } from '../pages/add-disk-wizard';
import { scrollToTop, shoot, unshift } from './shoot';

// Many LUNs in one go (issue 14, decision 048): eight LUN disks for db01, one of them failing on the way (the
// fault e2e/batch-luns.spec.ts injects: a proxy's HTML 500 before the engine, on the third create), then Retry failed.
test('10 a batch of eight LUNs for db01, one failure and its retry', async ({ page }) => {
  test.setTimeout(180_000);
  await openConsole(page, '/vms');
  const db01 = await vmIdOf(page, 'db01');
  await page.goto(`/disks/new?vm=${db01}`);
  const w = new AddDiskWizard(page);
  await expect(page.getByRole('heading', { level: 1, name: 'New direct LUN disk for db01' })).toBeVisible();
  await w.next().click();
  await w.address().fill(LAB.portalB);
  await w.address().press('Enter');
  await w.loginAll().click();
  await expect(w.targetRow(LAB.backup)).toContainText('Logged in (5 LUNs)');
  await w.next().click();
  // Every free LUN of array-b (Select all shown after a search), then a Shift range of four on array-a.apps.
  await w.search().fill('DGC VRAID');
  await w.selectAllShown().click();
  await expect(w.batchSummary()).toContainText('4 LUNs selected');
  await w.searchFor(LAB.apps);
  const apps = await w.lunRows('selectable').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-lun-id') ?? ''));
  await w.lunCheck(apps[0] ?? '').click();
  await w.lunCheck(apps[3] ?? '').click({ modifiers: ['Shift'] });
  await expect(w.batchSummary()).toContainText(/^8 LUNs selected, /);
  await expect(w.lunRows('used').first().getByRole('checkbox')).toBeDisabled();
  await unshift(page);
  await shoot(
    page,
    '10-01-batch-lun-step',
    'Many LUNs in one go — LUN: a checkbox per LUN (Shift for a range, Select all shown after a search), the running count and total size; used LUNs stay listed, grayed, their checkbox disabled with the reason.',
    { notes: ['used-grayed'], fullPage: false },
  );
  await w.next().click();
  await expect(w.heading()).toHaveText('Set the 8 disks up');
  await page.getByRole('radio', { name: 'A prefix with a number' }).check();
  await page.getByRole('textbox', { name: 'Prefix' }).fill('rac-data-');
  await expect(page.getByRole('textbox', { name: /^Alias of the disk on LUN / }).last()).toHaveValue('rac-data-08');
  await scrollToTop(page.getByText('Names of the 8 disks'));
  await shoot(page, '10-02-batch-disk-step', 'Disk: the options once for all eight (with the same rules and reasons), the names by a pattern — the LUN ID, or a prefix with a number — each alias editable, duplicates refused.', {
    notes: ['sharable'],
    fullPage: false,
  });
  await w.next().click();
  await expect(page.getByRole('heading', { name: 'Review: 8 disks' })).toBeVisible();
  await expect(w.batchItems()).toHaveCount(8);
  await scrollToTop(page.getByRole('heading', { name: 'Review: 8 disks' }));
  await shoot(page, '10-03-batch-review', 'Review: the options once, every disk to be made with its alias, LUN and size, and the eight equivalent requests, sent one after the other.', { fullPage: false });
  await page.getByRole('tab', { name: 'Ansible' }).click();
  await expect(page.getByTestId('rest-preview-ansible')).toContainText('loop:');
  await scrollToTop(page.getByRole('heading', { name: /^Equivalent REST requests/ }));
  await shoot(page, '10-04-batch-review-ansible', 'Review, the Ansible tab: the batch as one ovirt_disk task with a loop over the eight disks, not eight copies; curl and Python beside it.', {
    fullPage: false,
  });

  // The third create fails before the engine (a proxy's HTML 500); the first two are only a little slow.
  await emulator(page, (em) => {
    em.failNext({ method: 'POST', path: '/diskattachments', mode: 'slow', ms: 1 });
    em.failNext({ method: 'POST', path: '/diskattachments', mode: 'slow', ms: 1 });
    em.failNext({ method: 'POST', path: '/diskattachments', mode: 'status-500-html' });
  });
  await w.create().click();
  await expect(w.batchCounts()).toHaveText('7 of 8 made, 1 failed.', { timeout: 60_000 });
  await scrollToTop(page.getByRole('heading', { name: 'Disks to make' }));
  await shoot(page, '10-05-batch-one-failed', "The batch's result: seven disks made, attached and plugged; one failed with the reason and what it means (nothing was made), Retry failed (1) and the results to copy.", { fullPage: false });
  await w.retryFailed().click();
  await expect(page.getByRole('heading', { name: '8 disks created for db01' })).toBeVisible({ timeout: 30_000 });
  await unshift(page);
  await shoot(page, '10-06-batch-retried', 'After Retry failed: only the failed disk was sent again; all eight created, attached to db01 and plugged, each once.', { fullPage: false });
});

// A batch whose disks are made and attached but not plugged (decision 048): web01's host cannot reach the LUNs'
// portal, as in e2e/batch-luns.spec.ts; then Retry plug, which sends the plug only.
test('11 a batch whose plugs fail, and Retry plug', async ({ page }) => {
  test.setTimeout(120_000);
  await openConsole(page, '/vms');
  const web01 = await vmIdOf(page, 'web01');
  await page.goto(`/disks/new?vm=${web01}`);
  const w = new AddDiskWizard(page);
  await w.host().selectOption({ label: 'host1' });
  await w.advance();
  await w.next().click();
  await w.searchFor(LAB.apps);
  const ids = await w.lunRows('selectable').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-lun-id') ?? ''));
  await w.lunCheck(ids[0] ?? '').click();
  await w.lunCheck(ids[2] ?? '').click({ modifiers: ['Shift'] });
  await w.next().click();
  await page.getByRole('radio', { name: 'A prefix with a number' }).check();
  await page.getByRole('textbox', { name: 'Prefix' }).fill('web-data-');
  await w.next().click();
  await emulator(page, (em) => em.cutPortal('host2', '10.35.1.72'));
  await w.create().click();
  await expect(w.batchCounts()).toHaveText('3 of 3 made, 3 not plugged.', { timeout: 60_000 });
  await scrollToTop(page.getByRole('heading', { name: 'Disks to make' }));
  await shoot(page, '11-01-batch-not-plugged', "Made and attached, but not plugged: each disk says why (the engine's event), with Retry plug — the plug only, never a second disk; Retry failed covers them too.", { fullPage: false });
  await emulator(page, (em) => em.restorePortal('host2', '10.35.1.72'));
  await page.getByRole('button', { name: 'Retry plug of web-data-01' }).click();
  await expect(w.batchCounts()).toHaveText('3 of 3 made, 2 not plugged.', { timeout: 30_000 });
  await unshift(page);
  await shoot(page, '11-02-batch-one-replugged', 'Retry plug on web-data-01: plugged; the other two still offer theirs.', { fullPage: false });
});

