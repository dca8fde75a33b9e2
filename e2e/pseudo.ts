// The pseudo-locale walk's tools (issue 13 item 3, decision 051). In `?lang=pseudo` every catalog message is accented,
// ~35% longer and bracketed ⟦…⟧ (src/i18n/pseudo.ts). What is visible and not inside brackets must be the engine's
// own data — names, IDs, addresses, the engine's messages — which the console marks `translate="no"` (as it should
// for a browser's page translator too), or a date in a <time> element (Intl, in the user's locale). Anything else is
// a string that did not come from a catalog.
import { expect, type Page } from '@playwright/test';
import { accent } from '../src/i18n/pseudo';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The pseudo form of an English catalog message, for finding a button or a heading by its name: `P('Next')` matches
 * "⟦Ñéẋţ ··⟧". `{value}` parts match anything. Partial by default (a name that holds the message); `exact` for the
 * whole name.
 */
export function P(english: string, opts: { exact?: boolean } = {}): RegExp {
  const body = english
    .split(/(\{[^}]*\})/)
    .map((part) => (part.startsWith('{') ? '.*?' : escape(accent(part))))
    .join('');
  const message = `⟦${body}[ ·]*⟧`;
  return new RegExp(opts.exact ? `^${message}$` : message);
}

/** Open the console in the pseudo-locale on a fresh emulated engine, logged in unless told otherwise. */
export async function openPseudo(page: Page, path = '/', opts: { scenario?: string; login?: boolean } = {}) {
  const url = new URL(path, 'http://x');
  url.searchParams.set('scenario', opts.scenario ?? 'lab');
  url.searchParams.set('latency', 'fast');
  url.searchParams.set('lang', 'pseudo');
  await page.goto(`${url.pathname}${url.search}`);
  await expect(page.locator('#login-username')).toBeVisible();
  if (opts.login === false) return;
  await page.locator('#login-username').fill('admin@internal');
  await page.locator('#login-password').fill('ovirt');
  await page.getByRole('button', { name: P('Log in', { exact: true }) }).click();
  await expect(page.locator('#login-username')).toHaveCount(0);
  // Signed in once the console shows its user menu: the engine's session cookie is set by then, so a page.goto()
  // that follows stays signed in (as a reload does).
  await expect(page.getByRole('button', { name: P('User menu for {user}') })).toBeVisible();
}

/**
 * Visible text, and the accessible words (aria-label, title, placeholder, alt), that did not come from a catalog:
 * outside ⟦…⟧, with a letter in it, and not inside `translate="no"` or a <time>. Each finding names where it is.
 */
export async function untranslatedText(page: Page, within = 'body'): Promise<string[]> {
  return page.locator(within).first().evaluate((root) => {
    // A message with markup (src/i18n/Rich.tsx) spans several text nodes of one block: the bracket depth carries
    // over from node to node within the same block (the nearest ancestor that is not inline).
    const depthIn = new Map<Element, number>();
    const blockOf = (el: Element) => {
      for (let e: Element | null = el; e; e = e.parentElement) if (!getComputedStyle(e).display.startsWith('inline') && getComputedStyle(e).display !== 'contents') return e;
      return root;
    };
    const outside = (s: string, block?: Element) => {
      let depth = block ? (depthIn.get(block) ?? 0) : 0;
      let out = '';
      for (const ch of s) {
        if (ch === '⟦') depth++;
        else if (ch === '⟧') depth = Math.max(0, depth - 1);
        else if (depth === 0) out += ch;
      }
      if (block) depthIn.set(block, depth);
      return out;
    };
    const hasWords = (s: string, block?: Element) => /\p{L}/u.test(outside(s, block));
    const exempt = (el: Element) => el.closest('[translate="no"], time, script, style, noscript, svg') !== null;
    const where = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 4; e = e.parentElement) {
        const label = e.getAttribute('aria-label') ?? e.getAttribute('role') ?? '';
        parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${label ? `[${label.slice(0, 30)}]` : ''}`);
      }
      return parts.join(' > ');
    };
    const found: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent ?? '';
      if (!el || !text.trim()) continue;
      const block = blockOf(el);
      if (exempt(el)) {
        outside(text, block); // data inside a message still moves no brackets, but keep the count honest
        continue;
      }
      const words = hasWords(text, block);
      if (!el.checkVisibility({ checkOpacity: true, visibilityProperty: true })) continue;
      if (words) found.push(`text "${text.trim().slice(0, 80)}" at ${where(el)}`);
    }
    for (const el of root.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
      if (exempt(el) || !el.checkVisibility({ visibilityProperty: true })) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(attr);
        if (v && hasWords(v)) found.push(`${attr} "${v.slice(0, 80)}" at ${where(el)}`);
      }
    }
    return found;
  });
}

/**
 * Where longer words break the layout: the page scrolls sideways, or a button, heading, label, tab, menu item or
 * table header is cut with no way to read it (no title to hover).
 */
export async function brokenLayout(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const doc = document.scrollingElement ?? document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) found.push(`the page scrolls sideways (${doc.scrollWidth} px wide in ${window.innerWidth})`);
    const selectors = ['button', 'h1', 'h2', 'h3', 'h4', 'label', 'th', '[role="tab"]', '[role="menuitem"]', '.pf-v6-c-label__text', '.pf-v6-c-alert__title'];
    for (const el of document.querySelectorAll<HTMLElement>(selectors.join(','))) {
      if (!el.checkVisibility({ visibilityProperty: true }) || el.clientWidth === 0) continue;
      const cut = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible';
      if (cut && !el.closest('[title]')) found.push(`cut: ${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 60)}"`);
    }
    return found;
  });
}

/** The screen reads in the pseudo-locale: every word from a catalog, nothing cut that a user needs. */
export async function expectTranslated(page: Page, screen: string, opts: { within?: string } = {}) {
  expect(await untranslatedText(page, opts.within), `${screen}: text that did not come from a catalog`).toEqual([]);
  expect(await brokenLayout(page), `${screen}: layout broken by longer words`).toEqual([]);
}
