// npm run bench — how the LUN table behaves with 10,000 LUNs (scenario large-san), measured in headless
// Chromium against the emulated build: time to the first rendered table, input → result latency while typing a
// search, sorting, and frames while scrolling the whole list. A measurement, not a test: it prints a table and
// writes bench-results/lun-table.json; nothing fails on a number.
//
//   npm run bench                      build dist-bench/ and measure
//   npm run bench -- --no-build        reuse dist-bench/
//   BENCH_PORT=4291 npm run bench      port of the preview server (default 4291)
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4291);
const BASE = `http://localhost:${PORT}`;
const OUT_DIR = 'dist-bench';
const SEARCH = 'FlashArray 16 TiB';

function vite(args) {
  return ['node_modules/vite/bin/vite.js', ...args];
}

async function waitForServer(url, ms = 60_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  throw new Error(`no server at ${url}`);
}

function stats(values) {
  const v = [...values].sort((a, b) => a - b);
  const at = (p) => v[Math.min(v.length - 1, Math.floor((p / 100) * v.length))] ?? 0;
  return { count: v.length, median: at(50), p95: at(95), max: v.at(-1) ?? 0 };
}

const round = (x) => Math.round(x * 10) / 10;

async function main() {
  if (!process.argv.includes('--no-build') || !existsSync(OUT_DIR)) {
    console.log(`Building the emulated console into ${OUT_DIR}/ …`);
    execFileSync('node', vite(['build', '--mode', 'emulated', '--outDir', OUT_DIR, '--logLevel', 'warn']), { stdio: 'inherit' });
  }
  const server = spawn('node', vite(['preview', '--mode', 'emulated', '--outDir', OUT_DIR, '--port', String(PORT), '--strictPort']), { stdio: 'ignore' });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    await waitForServer(BASE);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // Long tasks (> 50 ms on the main thread) for the whole session, tagged by phase.
    await page.addInitScript(() => {
      window.__bench = { phase: 'load', longTasks: [] };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__bench.longTasks.push({ phase: window.__bench.phase, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${BASE}/disks/new?scenario=large-san&latency=none`);
    await page.getByLabel('Username').fill('admin@internal');
    await page.getByLabel('Password').fill('ovirt');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('heading', { name: 'iSCSI targets of host01' }).waitFor();
    // Let the Source/Targets steps settle (host list, the host's LUN list loading in the background).
    await sleep(1500);

    const phase = (name) => page.evaluate((n) => (window.__bench.phase = n), name);

    // 1. Time to the first render of the table: click Next on Targets → rows of 10,000 LUNs on screen.
    await phase('first-render');
    await page.evaluate(() => performance.mark('bench:next'));
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('tr[data-lun-id]').length > 0 && (document.querySelector('#lun-counts')?.textContent ?? '').includes('10,000 LUNs'),
      null,
      { polling: 'raf', timeout: 60_000 },
    );
    const firstRender = await page.evaluate(() => performance.measure('bench:first-render', 'bench:next').duration);
    const rendered = await page.locator('tr[data-lun-id]').count();

    // 2. Filtering by typing: each keystroke's time to the updated count, typing at ~8 keys per second.
    await phase('typing');
    await page.evaluate(() => {
      const b = window.__bench;
      b.keys = [];
      b.updates = [];
      document.addEventListener('keydown', () => b.keys.push(performance.now()), true);
      new MutationObserver(() => b.updates.push(performance.now())).observe(document.querySelector('#lun-counts'), { subtree: true, childList: true, characterData: true });
    });
    await page.getByLabel('Search LUNs').click();
    await page.keyboard.type(SEARCH, { delay: 120 });
    await page.waitForFunction((s) => (document.querySelector('#lun-counts')?.textContent ?? '').includes(`for “${s}”`), SEARCH, { polling: 'raf' });
    await sleep(300);
    const typing = await page.evaluate(() => {
      const { keys, updates } = window.__bench;
      return keys.map((k, i) => {
        const next = keys[i + 1] ?? Infinity;
        const u = updates.find((t) => t >= k);
        return u !== undefined && u < next + 1000 ? u - k : null;
      });
    });
    const shownAfterSearch = await page.locator('#lun-counts').textContent();
    await page.getByLabel('Search LUNs').fill('');
    await page.waitForFunction(() => (document.querySelector('#lun-counts')?.textContent ?? '').includes('10,000 shown'), null, { polling: 'raf' });

    // 3. Sorting: click a header → the header's aria-sort changed and the rows re-rendered.
    await phase('sorting');
    const sorts = [];
    for (const [column, times] of [['LUN ID', 2], ['Size', 2], ['Vendor', 1]]) {
      for (let i = 0; i < times; i++) {
        const header = page.getByRole('columnheader', { name: column });
        const before = await header.getAttribute('aria-sort');
        await page.evaluate(() => performance.mark('bench:sort'));
        await header.getByRole('button').click();
        // The header's aria-sort and the rows change in the same React commit: the first frame that shows the
        // new aria-sort shows the re-sorted rows.
        await page.waitForFunction(
          ([name, prev]) => {
            const th = [...document.querySelectorAll('th')].find((t) => t.textContent?.trim().startsWith(name));
            return th?.getAttribute('aria-sort') !== prev;
          },
          [column, before],
          { polling: 'raf' },
        );
        const ms = await page.evaluate(() => performance.measure('bench:sorted', 'bench:sort').duration);
        sorts.push({ column, direction: await header.getAttribute('aria-sort'), ms: round(ms) });
      }
    }

    // 4. Scrolling the whole list, 400 px per frame, top to bottom: frame times.
    await phase('scrolling');
    const scroll = await page.evaluate(async () => {
      const el = document.querySelector('[data-testid="lun-table-scroll"]');
      el.scrollTop = 0;
      const frames = [];
      await new Promise((resolve) => {
        let last = performance.now();
        const step = (t) => {
          frames.push(t - last);
          last = t;
          if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) return resolve();
          el.scrollTop += 400;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      });
      return { frames: frames.slice(1), height: el.scrollHeight, rendered: document.querySelectorAll('tr[data-lun-id]').length };
    });
    await phase('done');
    const longTasks = await page.evaluate(() => window.__bench.longTasks);
    const chromeVersion = browser.version();

    const typed = typing.filter((x) => x !== null);
    const frameStats = stats(scroll.frames);
    const ltBy = (p) => {
      const l = longTasks.filter((t) => t.phase === p).map((t) => t.duration);
      return { count: l.length, maxMs: round(Math.max(0, ...l)) };
    };
    const result = {
      date: new Date().toISOString(),
      chromium: chromeVersion,
      cpus: cpus().length,
      scenario: 'large-san (10,000 LUNs, host01)',
      firstRender: { ms: round(firstRender), rowsInDom: rendered, longTasks: ltBy('first-render') },
      typing: {
        text: SEARCH,
        keystrokes: typing.length,
        answered: typed.length,
        latencyMs: Object.fromEntries(Object.entries(stats(typed)).map(([k, v]) => [k, round(v)])),
        result: shownAfterSearch?.trim(),
        longTasks: ltBy('typing'),
      },
      sorting: { clicks: sorts, longTasks: ltBy('sorting') },
      scrolling: {
        pixels: scroll.height,
        frames: frameStats.count,
        frameMs: { median: round(frameStats.median), p95: round(frameStats.p95), max: round(frameStats.max) },
        framesOver50ms: scroll.frames.filter((f) => f > 50).length,
        rowsInDom: scroll.rendered,
        longTasks: ltBy('scrolling'),
      },
    };

    const rows = [
      ['first render (Next → 10,000-row table on screen)', `${result.firstRender.ms} ms`, `${rendered} rows in the DOM; ${result.firstRender.longTasks.count} long tasks (max ${result.firstRender.longTasks.maxMs} ms)`],
      ['search, per keystroke (input → new count)', `median ${result.typing.latencyMs.median} ms, max ${result.typing.latencyMs.max} ms`, `${typed.length}/${typing.length} answered; ${result.typing.longTasks.count} long tasks (max ${result.typing.longTasks.maxMs} ms)`],
      ...sorts.map((s) => [`sort by ${s.column} (${s.direction})`, `${s.ms} ms`, '']),
      ['scroll the whole list (400 px/frame)', `median ${result.scrolling.frameMs.median} ms, p95 ${result.scrolling.frameMs.p95} ms`, `${result.scrolling.framesOver50ms} of ${result.scrolling.frames} frames over 50 ms; max ${result.scrolling.frameMs.max} ms`],
    ];
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    console.log(`\nLUN table, ${result.scenario}, Chromium ${chromeVersion}, ${result.cpus} CPUs\n`);
    for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/lun-table.json', `${JSON.stringify(result, null, 2)}\n`);
    console.log('\nWritten to bench-results/lun-table.json');
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
