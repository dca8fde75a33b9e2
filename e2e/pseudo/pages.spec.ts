// The pseudo-locale walk (issue 13 item 3): the VMs, Disks and Hosts lists (and a search that finds nothing), a
// host's page with its LUN list, and a direct-LUN disk's page.
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from '../fixtures';
import { P, expectTranslated, openPseudo } from '../pseudo';

test.use({ viewport: { width: 1280, height: 800 } });

async function searchNothing(page: Page, placeholder: string) {
  await page.getByPlaceholder(P(placeholder)).fill('no-such-name-anywhere');
  // The list frame's empty state (src/ui/EngineList.tsx) in place of the table.
  await expect(page.locator('.pf-v6-c-empty-state')).toBeVisible();
  await expect(page.getByRole('grid')).toHaveCount(0);
}

test.describe('pseudo-locale: lists, a host, a disk', () => {
  test('the VMs list, and a search that finds nothing', async ({ page }) => {
    await openPseudo(page, '/vms');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(P('Virtual Machines', { exact: true }));
    const grid = page.getByRole('grid', { name: P('Virtual machines', { exact: true }) });
    await expect(grid.getByRole('link', { name: 'db01', exact: true })).toBeVisible();
    await expect(grid.getByRole('columnheader', { name: P('Highly available') })).toBeVisible();
    await expectTranslated(page, 'VMs list');

    await searchNothing(page, 'Name, or host=host01 cluster=prod');
    await expectTranslated(page, 'VMs list, nothing found');
  });

  test('the Disks list, and a search that finds nothing', async ({ page }) => {
    await openPseudo(page, '/disks');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(P('Disks', { exact: true }));
    const grid = page.getByRole('grid', { name: P('Disks', { exact: true }) });
    await expect(grid.getByRole('link', { name: 'cluster-quorum', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: P('New disk', { exact: true }) })).toBeVisible();
    await expectTranslated(page, 'Disks list');

    await searchNothing(page, 'Alias, or vm_names=db01');
    await expectTranslated(page, 'Disks list, nothing found');
  });

  test('the Hosts list, and a search that finds nothing', async ({ page }) => {
    await openPseudo(page, '/hosts');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(P('Hosts', { exact: true }));
    const grid = page.getByRole('grid', { name: P('Hosts', { exact: true }) });
    await expect(grid.getByRole('link', { name: 'host1', exact: true })).toBeVisible();
    await expect(grid.getByRole('row').filter({ hasText: 'host1' })).toContainText(/⟦/); // the SPM role, from the catalog
    await expectTranslated(page, 'Hosts list');

    await searchNothing(page, 'Name, or cluster=prod');
    await expectTranslated(page, 'Hosts list, nothing found');
  });

  test('host1: its sessions and the LUNs it sees', async ({ page }) => {
    await openPseudo(page, '/hosts');
    await page.getByRole('link', { name: 'host1', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: P('iSCSI sessions and what holds them', { exact: true }) })).toBeVisible();
    await expect(page.getByRole('grid', { name: P('iSCSI sessions of {host}', { exact: true }) })).toBeVisible();
    const luns = page.getByRole('grid', { name: P('LUNs {host} sees', { exact: true }) });
    await expect(luns.getByRole('row').nth(1)).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: P('LUNs {host} sees', { exact: true }) })).toContainText('host1');
    await expectTranslated(page, 'host page');

    await page.getByPlaceholder(P('Filter by LUN ID, target, vendor, disk or domain')).fill('no-such-lun');
    await expect(page.locator('span[aria-live="polite"]')).toHaveText(P('{shown} of {count}', { exact: true }));
    await expect(page.locator('span[aria-live="polite"]')).toContainText(/^⟦0 /);
    await expectTranslated(page, 'host page, LUN filter that finds nothing');
  });

  test('a direct-LUN disk: cluster-quorum', async ({ page }) => {
    await openPseudo(page, '/disks');
    await page.getByRole('link', { name: 'cluster-quorum', exact: true }).click();
    await expect(page.getByRole('region', { name: P('Backing LUN', { exact: true }) })).toBeVisible();
    const reach = page.getByRole('grid', { name: P('Hosts that can reach {alias}', { exact: true }) });
    await expect(reach.getByRole('link', { name: 'host1', exact: true })).toBeVisible();
    await expect(reach.getByText(P('Checking…'))).toHaveCount(0);
    await expect(page.getByRole('grid', { name: P('VMs {alias} is attached to', { exact: true }) }).getByRole('link', { name: 'db01', exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await expectTranslated(page, 'direct-LUN disk page');
  });
});
