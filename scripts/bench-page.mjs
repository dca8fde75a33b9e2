// What the benches measure in the page (scripts/bench-lun-table.mjs, scripts/bench-host-lun-list.mjs): signing in,
// a frame watched from inside the page, an input's own timestamp, frame times while scrolling, and the statistics.

/** Opens `url` on the emulated console and signs in as the emulated engine's admin. */
export async function signIn(page, url) {
  await page.goto(url);
  await page.getByLabel('Username').fill('admin@internal');
  await page.getByLabel('Password').fill('ovirt');
  await page.getByRole('button', { name: 'Log in' }).click();
}

export function stats(values) {
  const v = [...values].sort((a, b) => a - b);
  const at = (p) => v[Math.min(v.length - 1, Math.floor((p / 100) * v.length))] ?? 0;
  return { count: v.length, median: at(50), p95: at(95), max: v.at(-1) ?? 0 };
}
export const median = (values) => stats(values).median;
export const round = (x) => Math.round(x * 10) / 10;
export const n = (x) => x.toLocaleString('en-US');

/** Resolves with performance.now() in the first animation frame where `predicate(arg)` holds. */
export async function frameWhen(page, predicate, arg, timeout = 180_000) {
  // A string expression: Playwright evaluates it over the DevTools protocol, whatever the page's CSP says of eval.
  const expr = `(${predicate.toString()})(${JSON.stringify(arg)}) ? performance.now() : false`;
  const handle = await page.waitForFunction(expr, undefined, { polling: 'raf', timeout: process.env.BENCH_VERBOSE ? 20_000 : timeout });
  return handle.jsonValue();
}

/**
 * Watches from inside the page, armed before the action: the first animation frame in which `predicate(arg)` holds,
 * timed once that frame has been rendered (a message posted from the frame's rAF callback runs after its style,
 * layout and paint). Returns a function resolving with that performance.now().
 *
 * Polling from here after the action (page.waitForFunction) measured Playwright's round trip too: when the change was
 * already on screen by the first poll, the figure was the poll's time, not the frame's — 30–40 ms more than the
 * browser's own work on a pick or a sort (Chromium trace, 2026-12-05).
 */
export async function armFrame(page, predicate, arg) {
  const expr = `(() => {
    const holds = () => (${predicate.toString()})(${JSON.stringify(arg)});
    const b = window.__bench;
    b.frameAt = undefined;
    const ch = new MessageChannel();
    ch.port1.onmessage = () => (b.frameAt = performance.now());
    const check = () => (holds() ? ch.port2.postMessage(0) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  })()`;
  await page.evaluate(expr);
  return async () => {
    await page.waitForFunction(() => window.__bench.frameAt !== undefined, undefined, { timeout: 180_000 });
    return page.evaluate(() => window.__bench.frameAt);
  };
}

/** Arms a one-shot capture listener for the next `type` event; returns a function reading its timeStamp. */
export async function armInput(page, type) {
  await page.evaluate((t) => {
    window.__bench.input = undefined;
    document.addEventListener(t, (e) => (window.__bench.input = e.timeStamp), { capture: true, once: true });
  }, type);
  return () => page.evaluate(() => window.__bench.input);
}

/** Frame times while scrolling `selector` from top to bottom, `px` a frame (400; at most maxFrames). */
export async function scrollFrames(page, selector, rowSelector, maxFrames = Infinity, px = 400) {
  return page.evaluate(
    async ([sel, rowSel, max, stepPx]) => {
      const el = document.querySelector(sel);
      el.scrollTop = 0;
      await new Promise((r) => requestAnimationFrame(r));
      const frames = [];
      await new Promise((resolve) => {
        let last = performance.now();
        const step = (t) => {
          frames.push(t - last);
          last = t;
          if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1 || frames.length > max) return resolve();
          el.scrollTop += stepPx;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      });
      return { frames: frames.slice(1), height: el.scrollTop + el.clientHeight, rendered: document.querySelectorAll(rowSel).length };
    },
    [selector, rowSelector, maxFrames === Infinity ? 1e9 : maxFrames, px],
  );
}

/** The scrolling figures of a scrollFrames result. */
export function scrollingFigures(scroll) {
  const frameStats = stats(scroll.frames);
  return {
    pixels: scroll.height,
    frames: frameStats.count,
    frameMs: { median: round(frameStats.median), p95: round(frameStats.p95), max: round(frameStats.max) },
    framesOver50ms: scroll.frames.filter((f) => f > 50).length,
    rowsInDom: scroll.rendered,
  };
}
