// The pseudo-locale walk (issue 13 item 3): the login page and the re-login dialog.
import { expect, test } from '../fixtures';
import { P, expectTranslated, openPseudo } from '../pseudo';

test.describe('pseudo-locale: login', () => {
  test('the login page, empty, refused and failed, reads from the catalogs', async ({ page }) => {
    await openPseudo(page, '/', { login: false });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(P('Direct LUN Console', { exact: true }));
    await expect(page).toHaveTitle(P('Log in · Direct LUN Console', { exact: true }));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
    await expectTranslated(page, 'login page');

    await page.getByRole('button', { name: P('Log in', { exact: true }) }).click();
    await expect(page.getByText(P('Enter your password.'))).toBeVisible();
    await expectTranslated(page, 'login page, empty form refused');

    await page.locator('#login-username').fill('admin@internal');
    await page.locator('#login-password').fill('wrong');
    await page.getByRole('button', { name: P('Log in', { exact: true }) }).click();
    // The engine's reason stays as the engine wrote it.
    await expect(page.getByRole('alert')).toContainText("Cannot authenticate user 'admin@internal'");
    await expectTranslated(page, 'login page, engine refused');
  });

  test('the choice is kept in this browser until ?lang=en', async ({ page }) => {
    await openPseudo(page, '/', { login: false });
    await page.goto('/?scenario=lab&latency=fast');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(P('Direct LUN Console', { exact: true }));
    await page.goto('/?scenario=lab&latency=fast&lang=en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Direct LUN Console');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
