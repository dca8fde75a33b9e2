// The pseudo-locale walk (issue 13 item 3): the console's shell — the layout with its navigation and user menu
// (theme choices), the not-found page, the emulated engine's indicator, reset dialog and panel —
// in the light and the dark theme. The list page under the layout belongs to other areas: its findings are theirs.
// The route error (app/RouteError.tsx) is not walked: a page's code cannot be refused from here, the emulated
// engine's service worker fetches it past Playwright's routing.
import { expect, expectNoAxeViolations, test } from '../fixtures';
import { P, expectTranslated, openPseudo } from '../pseudo';

test.use({ viewport: { width: 1280, height: 800 } });

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`pseudo-locale: shell, ${scheme}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
    });

    test('the layout with the user menu and its theme choices open', async ({ page }) => {
      await openPseudo(page, '/vms');
      if (scheme === 'dark') await expect(page.locator('html')).toHaveClass(/pf-v6-theme-dark/);
      await expect(page.getByRole('navigation', { name: P('Main', { exact: true }) }).getByRole('link', { name: P('Virtual Machines', { exact: true }) })).toBeVisible();
      // Axe before the menu opens: an open PatternFly menu sits outside the landmarks (axe's "region"), in any language.
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: P('User menu for {user}') }).click();
      await expect(page.getByRole('menuitem', { name: P('Log out') })).toBeVisible();
      await expect(page.getByRole('menuitem', { name: P('As the system') })).toContainText(
        P(scheme === 'dark' ? 'In use (dark now)' : 'In use (light now)'),
      );
      await expect(page.getByRole('menuitem', { name: P('About {product}') })).toBeVisible();
      await expect(page).toHaveTitle(/⟦.*⟧/);
      await expectTranslated(page, `layout with the user menu open (${scheme})`);
    });

    test('the About dialog', async ({ page }) => {
      await openPseudo(page, '/vms');
      await page.getByRole('button', { name: P('User menu for {user}') }).click();
      await page.getByRole('menuitem', { name: P('About {product}') }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('button', { name: P('Close', { exact: true }) }).first()).toBeVisible();
      await expectTranslated(page, `About dialog (${scheme})`, { within: '[role="dialog"]' });
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
    });

    test('the not-found page', async ({ page }) => {
      await openPseudo(page, '/no/such/page');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(P('Page not found', { exact: true }));
      await expect(page).toHaveTitle(P('{title} · Direct LUN Console'));
      await expect(page.getByRole('link', { name: P('Go to Virtual Machines') })).toBeVisible();
      await expectTranslated(page, `not-found page (${scheme})`);
      await expectNoAxeViolations(page);
    });

    test('the emulated engine: indicator, reset dialog and panel', async ({ page }) => {
      await openPseudo(page, '/no/such/page');
      const indicator = page.getByRole('group', { name: P('Emulated engine', { exact: true }) });
      await expect(indicator).toContainText(P('Emulated engine {version} · scenario {scenario}'));
      await indicator.getByRole('button', { name: P('Reset', { exact: true }) }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('heading')).toHaveText(P('Reset scenario {scenario}?'));
      await expectTranslated(page, `reset dialog (${scheme})`, { within: '[role="dialog"]' });
      await dialog.getByRole('button', { name: P('Cancel', { exact: true }) }).click();
      await expect(dialog).toHaveCount(0);

      await indicator.getByRole('button', { name: P('Emulator panel', { exact: true }) }).click();
      const panel = page.getByRole('complementary', { name: P('Emulator panel', { exact: true }) });
      await expect(panel.getByRole('heading', { level: 2 })).toHaveText(P('Emulator panel · scenario {scenario}'));
      for (const tab of ['Hosts and faults', 'Device specs', 'Event log', 'Jobs', 'Scenario and latency']) {
        await panel.getByRole('tab', { name: P(tab, { exact: true }) }).click();
        await expect(panel.getByRole('tab', { name: P(tab, { exact: true }) })).toHaveAttribute('aria-selected', 'true');
        await expectTranslated(page, `emulator panel, ${tab} (${scheme})`, { within: '[role="complementary"]' });
      }
      await panel.getByRole('button', { name: P('Close the emulator panel') }).click();
      await expect(panel.getByRole('heading')).toHaveCount(0);
    });
  });
}

test('pseudo-locale: the unknown-scenario notice on the login page', async ({ page }) => {
  await openPseudo(page, '/', { scenario: 'no-such-scenario', login: false });
  await expect(page.getByRole('heading', { name: P('Unknown scenario') })).toBeVisible();
  await expect(page.getByText(P('There is no scenario "{requested}". The scenarios are {scenarios}. This tab runs {scenario}.'))).toBeVisible();
  await expectTranslated(page, 'login page with the unknown-scenario notice');
});
