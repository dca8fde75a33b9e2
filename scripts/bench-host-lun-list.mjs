// The host page's list of the LUNs a host sees (src/features/hosts/HostLunTable.tsx) in the LUN table bench
// (scripts/bench-lun-table.mjs, case `host`): filter keystrokes, fast typing, scrolling end to end.
import { setTimeout as sleep } from 'node:timers/promises';
import { frameWhen, n, round, scrollFrames, scrollingFigures, signIn, stats } from './bench-page.mjs';

/**
 * The host page's LUN list: typing a filter (each keystroke → the frame whose rows answer it: the list's
 * data-filter attribute is the query its rows were filtered by), fast typing, and scrolling end to end.
 */
export async function measureHostList(browser, c, base) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const FILTER = 'FlashArray';
  try {
    await signIn(page, `${base}/hosts?scenario=${c.scenario}&latency=none`);
    await page.getByRole('link', { name: 'host01', exact: true }).click();
    await page.getByText(`${n(c.luns)} LUNs`, { exact: true }).waitFor({ timeout: 180_000 });
    const frame = '[data-filter]';
    await page.locator(frame).scrollIntoViewIfNeeded();
    await sleep(1500);
    await page.evaluate((sel) => {
      const b = (window.__bench = { keys: [], updates: [] });
      document.addEventListener('keydown', (e) => b.keys.push(e.timeStamp), true);
      const el = document.querySelector(sel);
      new MutationObserver(() => {
        const q = el.getAttribute('data-filter');
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => b.updates.push({ t: performance.now(), q });
          ch.port2.postMessage(0);
        });
      }).observe(el, { attributes: true, attributeFilter: ['data-filter'] });
    }, frame);
    const box = page.getByRole('textbox', { name: 'Filter the LUNs host01 sees' });
    await box.click();
    await page.keyboard.type(FILTER, { delay: 120 });
    await frameWhen(page, (q) => document.querySelector('[data-filter]')?.getAttribute('data-filter') === q, FILTER.toLowerCase());
    await sleep(300);
    const { keys, updates } = await page.evaluate(() => window.__bench);
    const prefixes = [...FILTER].map((_, i) => FILTER.slice(0, i + 1).toLowerCase());
    const typing = keys.map((k, i) => {
      const u = updates.find((x) => x.t >= k && prefixes.slice(i).includes(x.q));
      return u ? u.t - k : null;
    });
    await box.fill('');
    await frameWhen(page, () => document.querySelector('[data-filter]')?.getAttribute('data-filter') === '');
    await page.keyboard.type(FILTER);
    await frameWhen(page, (q) => document.querySelector('[data-filter]')?.getAttribute('data-filter') === q, FILTER.toLowerCase());
    const kept = (await box.inputValue()) === FILTER;
    const shown = (await page.getByText(/ of 10,000 LUNs$/).textContent())?.trim();
    await box.fill('');
    await frameWhen(page, () => document.querySelector('[data-filter]')?.getAttribute('data-filter') === '');
    await sleep(300);
    const scroll = await scrollFrames(page, frame, `${frame} tbody tr[aria-rowindex]`);
    const typed = typing.filter((x) => x !== null);
    return {
      case: c.id,
      scenario: c.scenario,
      luns: c.luns,
      typing: { text: FILTER, keystrokes: typing.length, answered: typed.length, firstMs: round(typing[0] ?? NaN), latencyMs: Object.fromEntries(Object.entries(stats(typed)).map(([k, v]) => [k, round(v)])), perKeyMs: typing.map((x) => (x === null ? null : round(x))), result: shown },
      fastTyping: { kept },
      scrolling: scrollingFigures(scroll),
    };
  } finally {
    await page.close();
  }
}
