// Playwright fixtures: specs import `test` and `expect` from here. A test names the scenario it needs; the
// emulated engine starts fresh for every test (a new browser context has a new sessionStorage).
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { EngineAdmin } from './engine-admin';
import { ConsolePage } from './pages/console-page';

export interface OpenOptions {
  scenario?: string;
  /** Emulated latency: 'fast' (default in tests) keeps progress visible but short; 'none' for pure logic. */
  latency?: 'none' | 'fast' | 'normal' | 'slow';
  /** Log in as the demo user (default true). */
  login?: boolean;
  /** The engine version to emulate ("4.4.0"); the newest when absent (mocks/browser.ts ?engine=). */
  engine?: string;
  /** Who logs in (default admin@internal; user@internal is not an admin: the engine filters its answers). */
  user?: string;
}

/**
 * Set by the real-engine project (playwright.real-engine.config.ts): the console is served in front of
 * `npm run engine`, whose admin endpoint is at `adminUrl`. Undefined in the emulated projects.
 */
export interface EngineOptions {
  engine: { adminUrl: string; version: string } | undefined;
}

export const test = base.extend<{ app: ConsolePage; pageProblems: undefined; engineAdmin: EngineAdmin }, EngineOptions>({
  engine: [undefined, { option: true, scope: 'worker' }],
  // The HTTP engine's admin endpoint (real-engine project only): reset, faults, and what the engine holds.
  engineAdmin: async ({ engine, request }, use) => {
    if (!engine) throw new Error('engineAdmin needs the real-engine project (an engine served by `npm run engine`)');
    await use(new EngineAdmin(request, engine.adminUrl));
  },
  // In every test, automatically: a request the emulator does not know, an emulator bug, or an uncaught
  // error in the page fails the test.
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && /\[MSW\]|Uncaught|emulated engine/.test(m.text())) problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      await use(undefined);
      expect(problems, 'console errors from the page or the emulated engine').toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page }, use) => {
    await use(new ConsolePage(page));
  },
});

export { expect };

/** Open the console at `path` on a fresh emulated engine, logged in unless told otherwise. */
export async function openConsole(page: Page, path = '/', opts: OpenOptions = {}) {
  const url = new URL(path, 'http://x');
  url.searchParams.set('scenario', opts.scenario ?? 'lab');
  url.searchParams.set('latency', opts.latency ?? 'fast');
  if (opts.engine) url.searchParams.set('engine', opts.engine);
  await page.goto(`${url.pathname}${url.search}`);
  if (opts.login === false) {
    // The app boots (the emulated engine's service worker first): wait until the login form is there.
    await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  } else {
    await page.getByLabel('Username').fill(opts.user ?? 'admin@internal');
    await page.getByLabel('Password').fill('ovirt');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('button', { name: /User menu/ })).toBeVisible();
  }
}

/** The page has no axe violations (WCAG 2.1 A/AA and best practices). */
export async function expectNoAxeViolations(page: Page, opts: { include?: string; exclude?: string[] } = {}) {
  // Colours are judged as they settle: PatternFly fades colours in over ~250 ms, and on a loaded machine axe could
  // read a link or a helper text mid-fade (a colour-contrast failure seen once in CI-like load, never at rest).
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (opts.include) builder = builder.include(opts.include);
  for (const x of opts.exclude ?? []) builder = builder.exclude(x);
  const results = await builder.analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(summary, 'axe violations').toEqual([]);
}

/** Call the tab's emulated engine (fault injection, state checks). Arguments must be serialisable. */
export async function emulator<T>(page: Page, fn: (em: NonNullable<Window['__emulator']>, arg: unknown) => T, arg?: unknown): Promise<Awaited<T>> {
  const result: unknown = await page.evaluate(
    async ({ src, arg: a }) => {
      const em = window.__emulator;
      if (!em) throw new Error('not in emulated mode');
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      const f = new Function('em', 'arg', `return (${src})(em, arg);`) as (em: unknown, arg: unknown) => unknown;
      return await f(em, a);
    },
    { src: fn.toString(), arg },
  );
  return result as Awaited<T>;
}

/** Press Tab until `target` has the focus (a keyboard user's way there), or fail. */
export async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable with Tab: ${target.toString()}`);
}
