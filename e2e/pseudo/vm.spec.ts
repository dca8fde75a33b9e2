// The pseudo-locale walk (issue 13 item 3): a VM's page (db01: Disks tab with its storage connections, Events tab
// with the engine's jobs and events), its Migrate and Shut down dialogs, Edit attachment, and the Attach wizard for
// an existing disk through Review to its result.
import type { Page } from '@playwright/test';
import { emulator, expect, expectNoAxeViolations, test } from '../fixtures';
import { P, brokenLayout, openPseudo, untranslatedText } from '../pseudo';

test.use({ viewport: { width: 1280, height: 800 } });

/**
 * The whole screen reads from the catalogs. Soft, so that one walk lists every finding of every screen it passes
 * (findings from other areas' files are converted in parallel by others).
 */
async function expectScreenTranslated(page: Page, screen: string) {
  expect.soft(await untranslatedText(page), `${screen}: text that did not come from a catalog`).toEqual([]);
  expect.soft(await brokenLayout(page), `${screen}: layout broken by longer words`).toEqual([]);
}

/**
 * A control named by a catalog message of another area (the wizard's footer, src/ui/WizardFooter.tsx; the VM action
 * names, src/domain/vm-actions.ts): its pseudo
 * name, or its English one until that area is converted — what is on screen is asserted by the walk either way.
 */
function either(english: string): RegExp {
  return new RegExp(`${P(english, { exact: true }).source}|^${english}$`);
}

/** In-app navigation (the emulated engine and the session stay as they are). */
async function go(page: Page, path: string) {
  await page.evaluate((p) => {
    history.pushState({}, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

async function openVm(page: Page, name: string, tab: 'disks' | 'events' | 'overview') {
  await openPseudo(page, '/vms');
  const id = await emulator(page, (em, n) => em.engine.state.vms.find((v) => v.name === n)?.id, name);
  expect(id).toBeTruthy();
  await go(page, `/vms/${id}?tab=${tab}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test.describe('pseudo-locale: a VM', () => {
  test('db01: overview, Disks tab with its storage connections', async ({ page }) => {
    await openVm(page, 'db01', 'overview');
    await expect(page.getByRole('tab', { name: P('Overview', { exact: true }) })).toBeVisible();
    await expect(page.getByText(P('{name} is {status} on {host}.'))).toBeVisible();
    await expectScreenTranslated(page, 'db01 overview');

    await page.getByRole('tab', { name: P('Disks', { exact: true }) }).click();
    await expect(page.getByRole('grid', { name: P('Disks of {vm}') })).toContainText('db01-redo');
    await expect(page.getByRole('grid', { name: P('Storage connections', { exact: true }) })).toBeVisible();
    await expectScreenTranslated(page, 'db01 Disks tab');
    await expectNoAxeViolations(page);
  });

  test('db01: Events tab with the engine\'s jobs and events', async ({ page }) => {
    await openVm(page, 'db01', 'events');
    await expect(page.getByRole('heading', { name: P('Recent engine jobs', { exact: true }) })).toBeVisible();
    await expect(page.getByText(P('Loading the engine\'s jobs…'))).toHaveCount(0);
    await expectScreenTranslated(page, 'db01 Events tab');
  });

  test('the Edit attachment dialog', async ({ page }) => {
    await openVm(page, 'db01', 'disks');
    await page.getByRole('button', { name: P('Actions for {disk}') }).and(page.getByRole('button', { name: /db01-redo/ })).click();
    await page.getByRole('menuitem', { name: P('Edit') }).click();
    const dialog = page.getByRole('dialog', { name: P('Edit VM disk: {disk}') });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('group', { name: P('Options', { exact: true }) })).toBeVisible();
    // db01 runs: what cannot change now is disabled with its reason.
    await expect(dialog.getByRole('checkbox', { name: P('Read-only', { exact: true }) })).toBeDisabled();
    await expect(dialog.getByRole('button', { name: P('Save', { exact: true }) })).toBeVisible();
    await expectScreenTranslated(page, 'Edit attachment dialog');
  });

  test('the Migrate dialog and the Shut down confirmation', async ({ page }) => {
    await openVm(page, 'db01', 'overview');
    await page.getByRole('button', { name: either('Migrate') }).click();
    const migrate = page.getByRole('dialog', { name: P('Migrate {vm}') });
    await expect(migrate.getByRole('radio', { name: P('Let the engine choose', { exact: true }) })).toBeChecked();
    await expect(migrate.getByRole('radio')).not.toHaveCount(1);
    await expectScreenTranslated(page, 'Migrate dialog');
    await expectNoAxeViolations(page);
    await migrate.getByRole('button', { name: P('Cancel', { exact: true }) }).click();
    await expect(migrate).toHaveCount(0);

    await page.getByRole('button', { name: either('Shut down') }).click();
    const stop = page.getByRole('dialog', { name: P('Shut down {vm}?') });
    await expect(stop).toContainText(P('The engine asks the guest operating system of {vm} to shut down cleanly.'));
    await expectScreenTranslated(page, 'Shut down confirmation');
    // The dialog's own close button, named from the catalog; Escape closes too.
    await stop.getByRole('button', { name: P('Close', { exact: true }) }).click();
    await expect(stop).toHaveCount(0);
  });
});

test.describe('pseudo-locale: the Attach wizard', () => {
  test('an existing disk: VM, disk choice, options, review and the result', async ({ page }) => {
    await openVm(page, 'db01', 'disks');
    await page.getByRole('link', { name: P('Attach', { exact: true }) }).click();
    await expect(page.getByRole('heading', { level: 1, name: P('Attach a disk to {vm}') })).toBeVisible();
    await expect(page.getByRole('heading', { name: P('Choose what to attach to {vm}') })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'archive-lun' })).toBeVisible();
    await expectScreenTranslated(page, 'Attach: disk choice');

    // The VM step: back one step.
    await page.getByRole('button', { name: either('Back') }).click();
    await expect(page.getByRole('heading', { name: P('Choose the virtual machine', { exact: true }) })).toBeVisible();
    await expect(page.getByRole('grid', { name: P('Virtual machines to attach to', { exact: true }) })).toContainText('db01');
    await expectScreenTranslated(page, 'Attach: VM step');
    await page.getByRole('button', { name: either('Next') }).click();

    // Next without a disk: the check says what to do.
    await page.getByRole('button', { name: either('Next') }).click();
    await expect(page.getByRole('alert')).toHaveText(P('Pick at least one disk to attach, or choose Create from LUN.'));
    await expectScreenTranslated(page, 'Attach: disk choice refused');

    await page.getByRole('row').filter({ hasText: 'archive-lun' }).getByRole('checkbox').check();
    await expect(page.getByTestId('picked-disks')).toHaveText(P('Picked: {disks}.'));
    await page.getByRole('button', { name: either('Next') }).click();
    await expect(page.getByRole('heading', { name: P('Options for each disk', { exact: true }) })).toBeVisible();
    await expectScreenTranslated(page, 'Attach: options');

    await page.getByRole('button', { name: either('Next') }).click();
    await expect(page.getByRole('heading', { level: 2, name: P('Review', { exact: true }) })).toBeVisible();
    await expect(page.getByRole('list', { name: P('What will happen to {disk}') })).toBeVisible();
    await expectScreenTranslated(page, 'Attach: review');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: P('Attach', { exact: true }) }).click();
    await expect(page.getByTestId('attach-summary')).toContainText(P('{diskNamed} is attached to {vm}'), { timeout: 15_000 });
    // The disk's own result line (the engine's job steps under it name the disk too).
    await expect(page.locator('li[data-disk="archive-lun"]')).toHaveAttribute('data-phase', 'plugged', { timeout: 15_000 });
    await expectScreenTranslated(page, 'Attach: result');
  });
});
