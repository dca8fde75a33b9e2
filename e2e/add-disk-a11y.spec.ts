// The Add Direct LUN disk wizard for keyboard and screen-reader users: the whole flow with the keyboard alone,
// and axe on every step (and on the states that add content: errors, warnings, dialogs, results).
import { expect, expectNoAxeViolations, openConsole, tabTo, test } from './fixtures';
import { AddDiskWizard, LAB } from './pages/add-disk-wizard';

test.describe('Add Direct LUN disk: keyboard and accessibility', () => {
  test('the whole wizard with the keyboard alone', async ({ page }) => {
    await openConsole(page, '/disks');
    const w = new AddDiskWizard(page);
    await tabTo(page, page.getByRole('link', { name: 'New disk' }));
    await page.keyboard.press('Enter');
    await expect(w.host().locator('option:checked')).toHaveText('host1');
    await tabTo(page, w.host());
    await page.keyboard.press('ArrowDown');
    await expect(w.host().locator('option:checked')).toHaveText('host2');
    await tabTo(page, w.next());
    await page.keyboard.press('Enter');

    await expect(w.heading()).toHaveText('iSCSI targets of host2');
    await tabTo(page, w.address());
    await page.keyboard.type(LAB.portalA);
    await page.keyboard.press('Tab');
    await expect(w.port()).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.type(LAB.chap.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(LAB.chap.password);
    // Enter in a discovery field discovers; it does not go to the next step.
    await page.keyboard.press('Enter');
    await expect(page.getByText('Found 3 targets at 10.35.1.72:3260.')).toBeVisible();
    await expect(w.heading()).toHaveText('iSCSI targets of host2');
    await tabTo(page, w.loginAll());
    await page.keyboard.press('Enter');
    await expect(w.targetRow(LAB.secure)).toContainText('Logged in (4 LUNs)');
    await tabTo(page, w.next());
    await page.keyboard.press('Enter');

    // The grid is one tab stop; arrows move between rows, Space picks.
    await expect(w.lunGrid()).toBeVisible();
    await tabTo(page, w.lunGrid().locator('tr[tabindex="0"]'));
    await page.keyboard.press('ArrowDown');
    const focused = page.locator('tr:focus');
    await expect(focused).toHaveAttribute('data-state', 'selectable');
    await page.keyboard.press(' ');
    await expect(focused).toHaveAttribute('aria-selected', 'true');
    await expect(focused).toHaveAttribute('aria-label', /^Selected\. LUN 36001405/);
    const picked = await focused.getAttribute('data-lun-id');
    await expect(w.picked()).toContainText(picked ?? '?');
    // A used LUN's row: not pickable, and its action is the next Tab stop.
    await page.keyboard.press('End');
    for (let i = 0; i < 30 && (await focused.getAttribute('data-state')) !== 'used'; i++) await page.keyboard.press('ArrowUp');
    await expect(focused).toHaveAttribute('data-state', 'used');
    await page.keyboard.press(' ');
    await expect(w.picked()).toContainText(picked ?? '?');
    await page.keyboard.press('Tab');
    // Short words in the narrow sticky actions column; the disk's name is in the accessible name (and the status).
    await expect(page.locator(':focus')).toHaveAccessibleName(/^Go to disk /);
    await tabTo(page, w.next());
    await page.keyboard.press('Enter');

    await expect(w.heading()).toHaveText('Set the disk up');
    await tabTo(page, w.description());
    await page.keyboard.type('Made with the keyboard');
    await tabTo(page, w.option('Sharable'));
    await page.keyboard.press('Space');
    await expect(w.option('Sharable')).toBeChecked();
    await tabTo(page, w.next());
    await page.keyboard.press('Enter');

    await expect(w.plan()).toContainText('The disk is sharable');
    await tabTo(page, w.create());
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: /Disk \S+ created$/ })).toBeVisible();
    await tabTo(page, page.getByRole('button', { name: 'Back to Disks' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('grid', { name: 'Disks' }).getByRole('row').filter({ hasText: 'Made with the keyboard' })).toHaveCount(1);
  });

  test('Next and Back move focus into the new step, for keyboard and screen-reader users', async ({ page }) => {
    await openConsole(page, '/disks/new');
    const w = new AddDiskWizard(page);
    await expect(w.host().locator('option:checked')).toHaveText('host1');
    await tabTo(page, w.next());
    await page.keyboard.press('Enter');
    await expect(w.heading()).toHaveText('iSCSI targets of host1');
    await expect(page.locator('.pf-v6-c-wizard__main')).toBeFocused();
    // The next Tab goes into the step, from its top.
    await page.keyboard.press('Tab');
    await expect(page.locator('.pf-v6-c-wizard__main :focus')).toHaveCount(1);
    await tabTo(page, page.getByRole('button', { name: 'Back', exact: true }));
    await page.keyboard.press('Enter');
    await expect(w.heading()).toHaveText('Where the LUN comes from');
    await expect(page.locator('.pf-v6-c-wizard__main')).toBeFocused();
  });

  test('no axe violations on any step of a floating disk, with errors, warnings and the result', async ({ page }) => {
    await openConsole(page, '/disks/new');
    const w = new AddDiskWizard(page);
    await expect(w.host().locator('option:checked')).toHaveText('host1');
    await expectNoAxeViolations(page);
    await w.next().click();
    await w.discover().click();
    await expect(page.getByText('Enter the address of the iSCSI portal to discover.')).toBeVisible();
    await expectNoAxeViolations(page);
    await w.address().fill(LAB.portalA);
    await w.discover().click();
    await w.loginAll().click();
    await expect(w.targetRow(LAB.secure)).toContainText('Login failed');
    await expectNoAxeViolations(page);
    await w.next().click();
    await expect(w.lunRows().first()).toBeVisible();
    await w.next().click();
    await expect(page.getByText('Pick a LUN from the table: the disk is created from it.')).toBeVisible();
    await expectNoAxeViolations(page);
    await w.lunRows('selectable').filter({ hasText: 'In storage domain data1' }).first().click();
    await expect(page.getByRole('heading', { name: 'LUN is already part of storage domain data1' })).toBeVisible();
    await expectNoAxeViolations(page);
    await w.next().click();
    await w.alias().fill('bad alias!');
    await w.next().click();
    await expect(page.getByText(/Name can contain only alphanumeric/)).toBeVisible();
    await expectNoAxeViolations(page);
    await w.alias().fill('sd-lun');
    await w.next().click();
    await w.create().click();
    await expect(page.getByText('You must approve the action by clicking on this checkbox.')).toBeVisible();
    await expectNoAxeViolations(page);
    await w.approve().check();
    await w.create().click();
    await expect(page.getByRole('heading', { name: 'Disk sd-lun created' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('no axe violations on a VM disk: FC LUNs, the VM options, the attach-instead dialog', async ({ page }) => {
    await openConsole(page, '/vms');
    await page.getByRole('grid', { name: 'Virtual machines' }).getByRole('link', { name: 'app01' }).click();
    await page.getByRole('tab', { name: 'Disks' }).click();
    await page.getByRole('link', { name: 'New disk' }).click();
    const w = new AddDiskWizard(page);
    await w.storageType('Fibre Channel').check();
    await expect(page.getByText(/The storage type is now Fibre Channel/)).toBeVisible();
    await expectNoAxeViolations(page);
    await w.storageType('iSCSI').check();
    await w.advance();
    await w.next().click();
    await w.lunRows('used').filter({ hasText: 'archive-lun' }).getByRole('button', { name: 'Attach disk archive-lun instead' }).click();
    await expect(page.getByRole('dialog', { name: 'Attach disk archive-lun to app01' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await w.lunRows('selectable').first().click();
    await w.next().click();
    await w.interface().selectOption('ide');
    await expect(w.option('Read-only')).toBeDisabled();
    await expectNoAxeViolations(page);
    await w.next().click();
    await expect(w.plan()).toContainText('app01 is down');
    await expectNoAxeViolations(page);
  });
});
