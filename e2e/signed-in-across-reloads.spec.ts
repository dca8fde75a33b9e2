// Signed in across reloads and new tabs, through the engine's cookie session (Prefer: persistent-auth, decision 046):
// a reload and a new tab come back signed in on the same page; Log out, or the session's end on the engine, brings
// the login page back after a reload. No token or session id in web storage or the URL, no CHAP password stored.
import type { Page } from '@playwright/test';
import { emulator, expect, openConsole, test } from './fixtures';
import { LAB } from './pages/add-disk-wizard';

const userMenu = (page: Page) => page.getByRole('button', { name: /User menu/ });
const loginButton = (page: Page) => page.getByRole('button', { name: 'Log in' });

/** Every value in the page's localStorage and sessionStorage, and its URL. */
async function whatThePageKeeps(page: Page): Promise<string[]> {
  const stored = await page.evaluate(() => [localStorage, sessionStorage].flatMap((s) => Object.keys(s).map((k) => s.getItem(k) ?? '')));
  return [...stored, page.url()];
}

test.describe('signed in across reloads and new tabs', () => {
  test('a reload and a new tab stay signed in, on the same page; nothing secret is kept where scripts or URLs reach it', async ({ page, context }) => {
    let token = '';
    page.on('response', async (res) => {
      if (res.url().endsWith('/ovirt-engine/sso/oauth/token') && res.ok()) {
        const body: unknown = await res.json();
        if (typeof body === 'object' && body !== null && 'access_token' in body && typeof body.access_token === 'string') token = body.access_token;
      }
    });
    const prefers: string[] = [];
    page.on('request', (req) => {
      if (new URL(req.url()).pathname.startsWith('/ovirt-engine/api')) prefers.push(req.headers()['prefer'] ?? 'none');
    });
    await openConsole(page, '/hosts');
    await expect(page.getByRole('grid', { name: 'Hosts' })).toBeVisible();
    expect(token).not.toBe('');
    expect(prefers.length).toBeGreaterThan(0);
    expect(new Set(prefers)).toEqual(new Set(['persistent-auth']));

    await page.reload();
    // "Signing in…" while the engine is asked, then the console: never the login page.
    await expect(userMenu(page)).toHaveText('admin@internal');
    await expect(loginButton(page)).toHaveCount(0);
    await expect(page).toHaveURL(/\/hosts/);
    await expect(page.getByRole('grid', { name: 'Hosts' })).toBeVisible();

    const tab = await context.newPage();
    await tab.goto('/vms?scenario=lab&latency=fast');
    await expect(userMenu(tab)).toBeVisible();
    await expect(loginButton(tab)).toHaveCount(0);
    await expect(tab.getByRole('grid', { name: 'Virtual machines' })).toBeVisible();

    // The session id is in the cookie only (in emulated mode a script-readable one: decision 046's limitation).
    const cookie = (await context.cookies()).find((c) => c.name === 'JSESSIONID');
    expect(cookie?.value).toBeTruthy();
    for (const p of [page, tab]) {
      const kept = await whatThePageKeeps(p);
      for (const secret of [token, cookie?.value ?? 'no cookie', LAB.chap.password]) {
        expect(kept.filter((v) => v.includes(secret)), 'a secret in web storage or the URL').toEqual([]);
      }
      expect(kept, 'the login password as a stored value').not.toContain('ovirt');
    }
    await tab.close();
  });

  test('Log out ends the session on the engine: a reload shows the login page, and so does a new tab', async ({ page, context }) => {
    await openConsole(page, '/vms');
    await page.reload();
    await expect(userMenu(page)).toBeVisible();
    // After the reload the page has no token: Log out ends the cookie session alone.
    await userMenu(page).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await expect(loginButton(page)).toBeVisible();
    await expect.poll(() => emulator(page, (em) => em.engine.state.httpSessions.length)).toBe(0);
    await page.reload();
    await expect(loginButton(page)).toBeVisible();
    const tab = await context.newPage();
    await tab.goto('/vms?scenario=lab&latency=fast');
    await expect(loginButton(tab)).toBeVisible();
    await tab.close();
  });

  test('Log out without a reload revokes the token and ends the cookie session', async ({ page }) => {
    await openConsole(page, '/vms');
    await userMenu(page).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await expect(loginButton(page)).toBeVisible();
    await expect.poll(() => emulator(page, (em) => ({ tokens: em.engine.state.tokens.length, sessions: em.engine.state.httpSessions.length }))).toEqual({ tokens: 0, sessions: 0 });
    await page.reload();
    await expect(loginButton(page)).toBeVisible();
  });

  test('the session ended on the engine: a reload shows the login page; logging in brings the console back', async ({ page }) => {
    await openConsole(page, '/hosts');
    await emulator(page, (em) => em.expireSessions());
    await page.reload();
    await expect(loginButton(page)).toBeVisible();
    await page.getByLabel('Username').fill('admin@internal');
    await page.getByLabel('Password').fill('ovirt');
    await loginButton(page).click();
    await expect(page.getByRole('grid', { name: 'Hosts' })).toBeVisible();
  });

  test('signed in by the cookie, a 401 brings the re-login dialog over the page, and the page carries on', async ({ page, app }) => {
    await openConsole(page, '/hosts');
    await page.reload();
    await expect(userMenu(page)).toBeVisible();
    await emulator(page, (em) => em.expireSessions());
    await app.nav('Virtual Machines').click();
    const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Password').fill('ovirt');
    await dialog.getByRole('button', { name: 'Log in' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('grid', { name: 'Virtual machines' })).toBeVisible();
  });
});
