// The pseudo-locale walk (issue 13 item 3): the Add Direct LUN disk wizard through every step — Source, Targets
// (a discovery refused for its CHAP pair, then a discovery result), the LUN table with used LUNs grayed and their
// reasons, a batch of LUNs, the Disk step with a validation error, the Review with its code tabs, and the result —
// and a single Fibre Channel disk from its Disk step's error to its created result.
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from '../fixtures';
import { LAB } from '../pages/add-disk-wizard';
import { P, brokenLayout, openPseudo, untranslatedText } from '../pseudo';

test.use({ viewport: { width: 1280, height: 800 } });

/** The wizard's footer buttons, in the pseudo-locale once their catalog is in (src/ui/WizardFooter.tsx), else English. */
function footer(page: Page, english: string) {
  return page.getByRole('button', { name: new RegExp(`^${english}$|${P(english, { exact: true }).source}`) });
}

/**
 * The screen reads in the pseudo-locale (as expectTranslated in e2e/pseudo.ts), checked softly: the walk goes on to
 * the next screen and the test fails at its end with every screen's findings, not only the first one's.
 */
async function expectTranslated(page: Page, screen: string) {
  expect.soft(await untranslatedText(page), `${screen}: text that did not come from a catalog`).toEqual([]);
  expect.soft(await brokenLayout(page), `${screen}: layout broken by longer words`).toEqual([]);
}

/** Next, then wait for another step's title. */
async function advance(page: Page) {
  const heading = page.getByRole('heading', { level: 2 }).first();
  const from = (await heading.innerText()).trim();
  await footer(page, 'Next').click();
  await heading.filter({ hasNotText: from }).waitFor();
}

test.describe('pseudo-locale: Add Direct LUN disk', () => {
  test('a batch of iSCSI LUNs: every step, a refused discovery, a validation error, the Review and the result', async ({ page }) => {
    await openPseudo(page, '/disks/new');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(P('New direct LUN disk', { exact: true }));
    await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(P('Where the LUN comes from', { exact: true }));
    await page.locator('#lun-host').selectOption({ label: 'host3' });
    await expect(page.getByText(P('The host is now {host}.'))).toBeVisible();
    await expectTranslated(page, 'Source step');

    // Targets: a wrong CHAP password fails discovery, on the address, CHAP named among the causes (the engine's own
    // words stay English inside the sentence).
    await advance(page);
    await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(P('iSCSI targets of {host}', { exact: true }));
    await page.locator('#iscsi-address').fill(LAB.portalA);
    await page.locator('#chap-username').fill(LAB.chap.username);
    await page.locator('#chap-password').fill('not-the-secret');
    await page.getByRole('button', { name: P('Discover', { exact: true }) }).click();
    await expect(page.locator('#iscsi-address-message')).toContainText('Failed discovery of iSCSI targets');
    await expect(page.getByText(P('{host} could not discover targets at {portal}.'))).toBeVisible();
    await expectTranslated(page, 'Targets step, discovery refused (CHAP)');

    await page.locator('#chap-password').fill(LAB.chap.password);
    await page.getByRole('button', { name: P('Discover', { exact: true }) }).click();
    await expect(page.getByText(P('Found {count} at {portal}.'))).toBeVisible();
    const secure = page.locator(`tr[data-target="${LAB.secure}"]`);
    await expect(secure).toContainText(P('Not logged in'));
    await secure.getByRole('button', { name: P('Log in to {iqn}') }).click();
    await expect(secure).toContainText(P('Logged in ({count})'));
    await expectTranslated(page, 'Targets step, discovered and logged in');

    // LUN: used LUNs grayed, with their reasons; a batch of three.
    await advance(page);
    await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(P('Pick the LUN', { exact: true }));
    const grid = page.getByRole('grid', { name: P('iSCSI LUNs {host} sees', { exact: true }) });
    await expect(grid).toBeVisible();
    await expect(grid.locator('tr[data-state="used"]').first()).toBeVisible();
    await expect(grid.locator('tr[data-state="used"]').first()).toHaveAttribute('aria-label', P('Not selectable.'));
    await expectTranslated(page, 'LUN step');
    await expectNoAxeViolations(page);
    const checks = grid.locator('tr[data-state="selectable"] input[data-testid="lun-check"]:enabled');
    for (let i = 0; i < 3; i++) await checks.nth(i).click();
    await expect(page.getByTestId('lun-batch-summary')).toContainText(P('{summary}: one disk each, with the same options.'));
    await expectTranslated(page, 'LUN step, a batch of three');

    // Disk: an alias the engine refuses, next to its field, and Next refused with the count.
    await advance(page);
    await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(P('Set the {count} disks up', { exact: true }));
    const firstAlias = page.locator('#batch-alias-0');
    await firstAlias.fill('not a valid alias!');
    await footer(page, 'Next').click();
    await expect(page.getByRole('alert').filter({ hasText: P('{count} a change: see next to it.') })).toBeVisible();
    await expectTranslated(page, 'Disk step, a refused alias');
    await firstAlias.fill('pseudo-batch-01');

    // Review: the disks, the options, the equivalent requests with their code tabs.
    await advance(page);
    await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(P('Review: {count}', { exact: true }));
    await expect(page.getByTestId('batch-item')).toHaveCount(3);
    await expectTranslated(page, 'Review of the batch');
    await page.getByRole('tab').nth(1).click();
    await expectTranslated(page, 'Review of the batch, another code tab');

    // Create: every disk made.
    await footer(page, 'Create').or(page.getByRole('button', { name: P('Create', { exact: true }) })).first().click();
    await expect(page.getByRole('heading', { level: 1, name: P('{count} created') })).toBeVisible();
    await expect(page.locator('[data-testid="batch-item"][data-phase="made"]')).toHaveCount(3);
    await expectTranslated(page, 'Batch created');
  });

  test('one Fibre Channel disk: the Disk step refuses an empty alias, then the Review and the created result', async ({ page }) => {
    await openPseudo(page, '/disks/new');
    await page.getByRole('radio', { name: P('Fibre Channel', { exact: true }) }).check();
    await expect(page.getByText(P('The storage type is now {type}.'))).toBeVisible();
    await advance(page);
    const grid = page.getByRole('grid', { name: P('Fibre Channel LUNs {host} sees', { exact: true }) });
    const row = grid.locator('tr[data-state="selectable"]').first();
    const lunId = await row.getAttribute('data-lun-id');
    await row.click();
    await expect(page.getByTestId('selected-lun')).toContainText(lunId ?? '');
    await expectTranslated(page, 'LUN step (Fibre Channel), one LUN picked');

    await advance(page);
    await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(P('Set the disk up', { exact: true }));
    await page.locator('#disk-alias').fill('');
    await footer(page, 'Next').click();
    await expect(page.locator('#disk-alias')).toHaveAttribute('aria-invalid', 'true');
    await expectTranslated(page, 'Disk step, empty alias refused');
    await page.locator('#disk-alias').fill('pseudo-fc-disk');

    await advance(page);
    await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(P('Review', { exact: true }));
    await expect(page.getByTestId('plan')).toBeVisible();
    await expectTranslated(page, 'Review of one disk');

    await page.getByRole('button', { name: P('Create', { exact: true }) }).or(footer(page, 'Create')).first().click();
    await expect(page.getByRole('heading', { level: 2, name: P('Disk {alias} created') })).toBeVisible();
    await expectTranslated(page, 'Disk created');
  });
});
