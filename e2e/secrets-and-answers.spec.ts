// Two things a real browser must show (issue 12, deliverables 4 and 5):
// - a typed password (the login one, also in the re-login dialog, and the CHAP one) is never in the page's HTML —
//   React mirrors a controlled input's value into its `value` attribute, where session-replay tools, extensions and
//   attribute selectors read it; the console's password inputs are uncontrolled;
// - an answer the console does not understand (an HTML page, an empty body — what a proxy in front of the engine
//   sends) is said in the console's words, naming the request and the HTTP status once, with what came back behind
//   "What came back", masked.
// A "proxy" answer is made in the page: its fetch is wrapped so that chosen requests never reach the emulated engine.
import type { Page } from '@playwright/test';
import { freeLun } from './engine-state';
import { emulator, expect, openConsole, test } from './fixtures';
import { AddDiskWizard, LAB } from './pages/add-disk-wizard';

declare global {
  interface Window {
    /** Set by a test to let every request reach the emulated engine again. */
    __proxyAnswersOff?: boolean;
  }
}

interface ProxyAnswer {
  method: 'GET' | 'POST';
  /** The end of the request's path, e.g. "/api/v4/hosts". */
  pathEnd: string;
  status: number;
  body: string | null;
  contentType?: string;
  /** How many matching requests get this answer (then they reach the engine again). */
  times: number;
}

/** The page's next matching requests get this answer instead of the engine's, as from a proxy in front of it. */
async function answerAsProxy(page: Page, answer: ProxyAnswer) {
  await page.evaluate((a) => {
    const real = window.fetch.bind(window);
    let left = a.times;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : input instanceof URL ? input.href : input, window.location.href);
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      if (!window.__proxyAnswersOff && left > 0 && method === a.method && url.pathname.endsWith(a.pathEnd)) {
        left -= 1;
        return new Response(a.body, { status: a.status, headers: a.contentType ? { 'Content-Type': a.contentType } : {} });
      }
      return real(input, init);
    };
  }, answer);
}

/** None of these strings is anywhere in the page's HTML (attributes included). */
async function expectNotInHtml(page: Page, secrets: readonly string[], when: string) {
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  for (const s of secrets) expect(html.includes(s), `"${s}" in the page's HTML ${when}`).toBe(false);
}

const WRONG_LOGIN = 'Not-the-pw-4417';
const WRONG_RELOGIN = 'Not-ovirt-7788';
const WRONG_CHAP = 'Wrong-chap-5150';

test.describe('Passwords never reach the DOM', () => {
  test('the login password: typed, after a failed login, and the right one before it is sent', async ({ page }) => {
    await openConsole(page, '/', { login: false });
    const password = page.getByLabel('Password');
    await page.getByLabel('Username').fill('admin@internal');
    await password.pressSequentially(WRONG_LOGIN);
    await expect(password).toHaveValue(WRONG_LOGIN);
    await expectNotInHtml(page, [WRONG_LOGIN], 'after typing the login password');
    await password.press('Enter');
    await expect(page.getByRole('alert')).toContainText("Cannot authenticate user 'admin@internal'");
    await expect(password).toBeFocused();
    await expect(password).toHaveValue(WRONG_LOGIN);
    await expectNotInHtml(page, [WRONG_LOGIN], 'after a failed login');
    await password.fill('ovirt');
    expect(await password.evaluate((el) => el.outerHTML)).not.toContain('ovirt');
    await expectNotInHtml(page, ['value="ovirt"'], 'with the right password typed');
    await password.press('Enter');
    await expect(page.getByRole('button', { name: /User menu/ })).toBeVisible();
  });

  test('the CHAP password and the re-login password: typed, after failed discoveries, through the re-login dialog, on Review', async ({ page }) => {
    await openConsole(page, '/disks/new');
    const w = new AddDiskWizard(page);
    await expect(w.host().locator('option:checked')).toHaveText('host1');
    await w.advance();
    await w.address().fill(LAB.portalA);
    await w.chapUsername().fill(LAB.chap.username);

    // A wrong one: Enter discovers, the engine's refusal ("Failed discovery of iSCSI targets", as for every discovery
    // failure: vdsm iSCSIDiscoveryError) lands on the address naming CHAP, the password nowhere in the HTML.
    await w.chapPassword().pressSequentially(WRONG_CHAP);
    await expectNotInHtml(page, [WRONG_CHAP], 'after typing the CHAP password');
    await w.chapPassword().press('Enter');
    await expect(w.address()).toHaveAttribute('aria-invalid', 'true');
    await expect(w.address()).toBeFocused();
    await expect(w.chapPassword()).toHaveValue(WRONG_CHAP);
    await expectNotInHtml(page, [WRONG_CHAP], 'after a discovery the engine refused');

    // The right one, and a discovery whose answer is lost on the way (a gateway's empty 502).
    await w.chapPassword().fill(LAB.chap.password);
    await expectNotInHtml(page, [LAB.chap.password, WRONG_CHAP], 'with the right CHAP password typed');
    await answerAsProxy(page, { method: 'POST', pathEnd: '/discoveriscsi', status: 502, body: null, times: 1 });
    await w.discover().click();
    const failed = page.locator('.pf-v6-c-alert').filter({ has: page.getByRole('heading', { name: /Discovery from host1 failed/ }) });
    await expect(failed).toContainText(
      "The engine sent an answer the console does not understand: POST /hosts/",
    );
    await expect(failed).toContainText("/discoveriscsi answered HTTP 502 Bad Gateway with an empty body, not the engine's JSON.");
    await failed.getByRole('button', { name: 'What came back' }).click();
    await expect(failed.getByRole('region')).toHaveText('The answer had no body.');
    await expect(w.chapPassword()).toHaveValue(LAB.chap.password);
    await expectNotInHtml(page, [LAB.chap.password], 'after a discovery whose answer was not understood');

    // The session ends: the re-login dialog takes a wrong password, then the right one; the discovery is sent again.
    await emulator(page, (em) => em.expireSessions());
    await w.discover().click();
    const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Password').pressSequentially(WRONG_RELOGIN);
    await dialog.getByLabel('Password').press('Enter');
    await expect(dialog.getByRole('alert')).toContainText("Cannot authenticate user 'admin@internal'");
    await expectNotInHtml(page, [WRONG_RELOGIN, LAB.chap.password], 'after a failed login in the re-login dialog');
    await dialog.getByLabel('Password').fill('ovirt');
    expect(await dialog.getByLabel('Password').evaluate((el) => el.outerHTML)).not.toContain('ovirt');
    await expectNotInHtml(page, ['value="ovirt"', LAB.chap.password], 'with the re-login password typed');
    await dialog.getByRole('button', { name: 'Log in' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Found 3 targets at 10.35.1.72:3260.')).toBeVisible();
    await expect(w.chapPassword()).toHaveValue(LAB.chap.password);
    await expectNotInHtml(page, [LAB.chap.password, WRONG_RELOGIN], 'after the re-login dialog');

    // Log in to the CHAP target with it, and on to Review: the REST preview masks it, the HTML never has it.
    await w.targetRow(LAB.secure).getByRole('button', { name: `Log in to ${LAB.secure}` }).click();
    await expect(w.targetRow(LAB.secure)).toContainText('Logged in');
    await w.advance();
    const lunId = await freeLun(page, LAB.secure);
    await w.lunRow(lunId).click();
    await expect(w.picked()).toContainText(lunId);
    await w.advance();
    await w.alias().fill('secret-check');
    await w.advance();
    await expect(w.heading()).toHaveText('Review');
    await expect(w.plan()).toContainText(`Creates the floating disk secret-check from LUN ${lunId}`);
    await expectNotInHtml(page, [LAB.chap.password], 'on Review');
  });
});

test.describe('Answers the console does not understand', () => {
  test('a 500 HTML page for the host list: the console\'s words, the status once, the page\'s start masked behind "What came back"; Try again reaches the engine', async ({ page, app }) => {
    const proxyPage =
      '<html><body><h1>Internal Server Error</h1><form><input type="password" name="password" value="proxy-Secret-9"></form>' +
      '<a href="/sso?access_token=tok-Secret-8">again</a></body></html>';
    await openConsole(page, '/hosts', { login: false });
    await answerAsProxy(page, { method: 'GET', pathEnd: '/api/v4/hosts', status: 500, body: proxyPage, contentType: 'text/html', times: 1000 });
    await page.getByLabel('Username').fill('admin@internal');
    await page.getByLabel('Password').fill('ovirt');
    await page.getByRole('button', { name: 'Log in' }).click();

    const alert = page.locator('.pf-v6-c-alert').filter({ has: page.getByRole('heading', { name: /Could not load hosts/ }) });
    await expect(alert).toContainText(
      "The engine sent an answer the console does not understand: GET /hosts answered HTTP 500 Internal Server Error with an HTML page (text/html), not the engine's JSON",
    );
    // What the user reads with the details closed names the status once and never "(HTTP 500)".
    const shown = await alert.innerText();
    expect(shown.split('500').length - 1).toBe(1);
    expect(shown).not.toContain('(HTTP');
    const details = alert.getByRole('region');
    await expect(details).toBeHidden();
    await alert.getByRole('button', { name: 'What came back' }).click();
    await expect(details).toBeVisible();
    await expect(details).toContainText('The answer began:<html><body><h1>Internal Server Error</h1><form><input type="password" name="password" value=•••>');
    await expect(details).toContainText('access_token=•••');
    await expectNotInHtml(page, ['proxy-Secret-9', 'tok-Secret-8'], 'with the answer shown');

    await page.evaluate(() => {
      window.__proxyAnswersOff = true;
    });
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(app.row(app.table('Hosts'), 'host1')).toBeVisible();
  });

  test('a 200 HTML page (a proxy\'s login page) for the host list is not read as hosts', async ({ page }) => {
    await openConsole(page, '/hosts', { login: false });
    await answerAsProxy(page, {
      method: 'GET', pathEnd: '/api/v4/hosts', status: 200, contentType: 'text/html; charset=utf-8', times: 1000,
      body: '<!DOCTYPE html>\n<html>\n  <head><title>Sign in to the proxy</title></head>\n</html>',
    });
    await page.getByLabel('Username').fill('admin@internal');
    await page.getByLabel('Password').fill('ovirt');
    await page.getByRole('button', { name: 'Log in' }).click();
    const alert = page.locator('.pf-v6-c-alert').filter({ has: page.getByRole('heading', { name: /Could not load hosts/ }) });
    await expect(alert).toContainText('GET /hosts answered HTTP 200 with an HTML page (text/html)');
    expect((await alert.innerText()).split('200').length - 1).toBe(1);
    await alert.getByRole('button', { name: 'What came back' }).click();
    await expect(alert.getByRole('region')).toHaveText('The answer began:<!DOCTYPE html> <html> <head><title>Sign in to the proxy</title></head> </html>');
  });
});
