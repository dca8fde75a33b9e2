// npm run bench — the LUN table with 10,000 LUNs (scenario large-san, host01) in headless Chromium against the
// emulated build, side by side with a naive baseline (bench/naive-lun-table.tsx: a plain PatternFly table rendering
// every row, built into the same console by bench/vite.naive.config.ts), and the real table again with 50,000 LUNs
// (huge-san). For each: Next → rows on screen, each search keystroke → updated rows (and whether fast typing keeps
// every character), a sort by each column, frames while scrolling the whole list, picking a row. And the host page's
// list of the LUNs host01 sees (large-san): each filter keystroke → rows, fast typing, scrolling.
// Times run from the input event's own timestamp (event.timeStamp: when the browser received it, queueing
// included) to the animation frame that shows the result, measured in the page, so Playwright's round trips do
// not count. A measurement, not a test: `npm test` does not run it and nothing fails on a number.
//
//   node scripts/bench-lun-table.mjs           build dist-bench/ and dist-bench-naive/, median of 3 runs
//   … --runs 1                          one run (`npm run bench` runs this, then the datacenter lists and Run VM)
//   npm run bench -- --no-build         reuse the builds
//   npm run bench -- --only real        the real table only (--only naive, --only huge, --only host: one case);
//                                       --no-huge skips huge-san
//   BENCH_PORT=4291 npm run bench       port of the preview server (default 4291)
//
// Writes bench-results/lun-table.json (every run and the medians) and bench-results/lun-table.md (the table it
// prints at the end).
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';
import { figures, markdown } from './bench-lun-table-report.mjs';
import { measureHostList } from './bench-host-lun-list.mjs';
import { servePreview } from './bench-server.mjs';
import { armFrame, armInput, frameWhen, median, n, round, scrollFrames, scrollingFigures, signIn, stats } from './bench-page.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4291);
const BASE = `http://localhost:${PORT}`;
const SEARCH = 'FlashArray 16 TiB';
const args = process.argv.slice(2);
const arg = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const RUNS = Math.max(1, Number(arg('--runs') ?? 3));
const ONLY = arg('--only');

const BUILDS = {
  real: { outDir: 'dist-bench', config: [] },
  naive: { outDir: 'dist-bench-naive', config: ['--config', 'bench/vite.naive.config.ts'] },
};

/** What is measured: the real table on large-san and huge-san, the naive one on large-san. */
const CASES = [
  { id: 'real', build: 'real', scenario: 'large-san', luns: 10_000, label: 'LUN table, 10,000 LUNs' },
  // The naive table scrolls its first 200 frames only (80,000 px): its frames are slow, and the whole list would take minutes.
  { id: 'naive', build: 'naive', scenario: 'large-san', luns: 10_000, label: 'naive table, 10,000 LUNs', maxFrames: 200 },
  { id: 'huge', build: 'real', scenario: 'huge-san', luns: 50_000, label: 'LUN table, 50,000 LUNs' },
  // The host page's list of the LUNs host01 sees (HostLunTable): filtering and scrolling (no Next, sort or pick there).
  { id: 'host', build: 'real', scenario: 'large-san', luns: 10_000, label: "host page's LUN list, 10,000 LUNs", page: 'host' },
].filter((c) => (!ONLY || (c.build === ONLY && c.id !== 'host') || c.id === ONLY) && !(c.id === 'huge' && args.includes('--no-huge')));

function vite(a) {
  return ['node_modules/vite/bin/vite.js', ...a];
}

async function measure(browser, c) {
  if (c.page === 'host') return measureHostList(browser, c, BASE);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    // Long tasks (> 50 ms on the main thread) for the whole session, tagged by phase.
    await page.addInitScript(() => {
      window.__bench = { phase: 'load', longTasks: [] };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__bench.longTasks.push({ phase: window.__bench.phase, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const phase = (name) => {
      if (process.env.BENCH_VERBOSE) console.log(`  ${c.id}: ${name}`);
      return page.evaluate((p) => (window.__bench.phase = p), name);
    };
    await signIn(page, `${BASE}/disks/new?scenario=${c.scenario}&latency=none`);
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('heading', { name: 'iSCSI targets of host01' }).waitFor();
    // The data has arrived when the Targets step counts the host's LUNs per target (from the same listing).
    await page.getByText(`Logged in (${n(c.luns / 8)} LUNs)`).first().waitFor({ timeout: 180_000 });
    await sleep(1500);

    // 1. Next on Targets → the LUN step's rows and counts on screen.
    await phase('first-render');
    const total = `${n(c.luns)} LUNs`;
    let input = await armInput(page, 'click');
    let painted = await armFrame(page, (t) => document.querySelectorAll('tr[data-lun-id]').length > 0 && (document.querySelector('#lun-counts')?.textContent ?? '').includes(t), total);
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    const firstRender = (await painted()) - (await input());
    const rowsInDom = await page.locator('tr[data-lun-id]').count();
    await sleep(500);

    // 2. Typing a search at ~8 keys a second: each keystroke → the first frame whose count reflects it (or a later
    // keystroke: a deferred render may skip one).
    await phase('typing');
    await page.evaluate(() => {
      const b = window.__bench;
      b.keys = [];
      b.updates = [];
      document.addEventListener('keydown', (e) => b.keys.push(e.timeStamp), true);
      new MutationObserver(() => {
        const text = document.querySelector('#lun-counts')?.textContent ?? '';
        // After the frame that shows it is rendered (as armFrame).
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => b.updates.push({ t: performance.now(), text });
          ch.port2.postMessage(0);
        });
      }).observe(document.querySelector('#lun-counts'), { subtree: true, childList: true, characterData: true });
    });
    const searchBox = page.getByLabel('Search LUNs');
    await searchBox.click();
    await page.keyboard.type(SEARCH, { delay: 120 });
    await frameWhen(page, (s) => (document.querySelector('#lun-counts')?.textContent ?? '').includes(`for “${s}”`), SEARCH);
    await sleep(300);
    const { keys, updates } = await page.evaluate(() => ({ keys: window.__bench.keys, updates: window.__bench.updates }));
    const prefixes = [...SEARCH].map((_, i) => SEARCH.slice(0, i + 1).trim());
    const typing = keys.map((k, i) => {
      if (i > 0 && prefixes[i] === prefixes[i - 1]) return null; // a space: nothing to update
      const u = updates.find((x) => x.t >= k && prefixes.slice(i).some((p) => x.text.includes(`for “${p}”`)));
      return u ? u.t - k : null;
    });
    const resultText = (await page.locator('#lun-counts').textContent())?.trim();
    await searchBox.fill('');
    await frameWhen(page, (t) => !(document.querySelector('#lun-counts')?.textContent ?? '').includes('for “') && (document.querySelector('#lun-counts')?.textContent ?? '').includes(t), `${n(c.luns)} shown`);

    // 3. Typing fast (no delay between keys): the box must end up holding every character.
    await phase('fast-typing');
    await page.evaluate(() => (window.__bench.keys = []));
    await page.keyboard.type(SEARCH);
    const fastDone = await frameWhen(page, (s) => (document.querySelector('#lun-counts')?.textContent ?? '').includes(`for “${s}”`), SEARCH);
    const fastKeys = await page.evaluate(() => window.__bench.keys);
    const fastValue = await searchBox.inputValue();
    const fastTyping = { kept: fastValue === SEARCH, value: fastValue, lastKeyToRowsMs: round(fastDone - (fastKeys.at(-1) ?? fastDone)) };
    await searchBox.fill('');
    await frameWhen(page, (t) => !(document.querySelector('#lun-counts')?.textContent ?? '').includes('for “') && (document.querySelector('#lun-counts')?.textContent ?? '').includes(t), `${n(c.luns)} shown`);

    // 4. Sorting, flat list (every column shown): click a header → the frame where its aria-sort changed (the
    // header and the rows change in the same React commit).
    await phase('sorting');
    await page.getByRole('button', { name: 'Flat list' }).click();
    await page.getByRole('columnheader', { name: 'Target' }).waitFor();
    await sleep(300);
    const sorts = [];
    for (const [column, times] of [['LUN ID', 2], ['Size', 2], ['Status', 1], ['Paths', 1], ['Vendor', 1], ['Product', 1], ['Serial', 1], ['Target', 1]]) {
      for (let i = 0; i < times; i++) {
        const header = page.getByRole('columnheader', { name: column, exact: true });
        const before = await header.getAttribute('aria-sort');
        if (process.env.BENCH_VERBOSE) console.log(`    sort ${column} (${before})`);
        input = await armInput(page, 'click');
        painted = await armFrame(
          page,
          ([name, prev]) => {
            const th = [...document.querySelectorAll('th')].find((x) => x.textContent?.trim().startsWith(name));
            return th?.getAttribute('aria-sort') !== prev;
          },
          [column, before],
        );
        await header.getByRole('button').click();
        const t = await painted();
        sorts.push({ column, direction: await header.getAttribute('aria-sort'), ms: round(t - (await input())) });
        await sleep(200);
      }
    }

    // 5. Scrolling the whole list, 400 px a frame, top to bottom: frame times.
    await phase('scrolling');
    const scroll = await scrollFrames(page, '[data-testid="lun-table-scroll"]', 'tr[data-lun-id]', c.maxFrames ?? Infinity);

    // 6. Picking rows: click a selectable row's LUN ID cell → the frame where the row is aria-selected.
    await phase('selecting');
    await page.evaluate(() => (document.querySelector('[data-testid="lun-table-scroll"]').scrollTop = 0));
    await sleep(300);
    const picks = [];
    for (let i = 0; i < 5; i++) {
      const row = page.locator('tr[data-state="selectable"]').nth(1);
      const id = await row.getAttribute('data-lun-id');
      input = await armInput(page, 'click');
      painted = await armFrame(page, (lun) => document.querySelector(`tr[data-lun-id="${lun}"]`)?.getAttribute('aria-selected') === 'true', id);
      await row.locator('td').nth(1).click();
      picks.push((await painted()) - (await input()));
      await sleep(200);
    }
    await phase('done');
    const longTasks = await page.evaluate(() => window.__bench.longTasks);
    const ltBy = (p) => {
      const l = longTasks.filter((t) => t.phase === p).map((t) => t.duration);
      return { count: l.length, maxMs: round(Math.max(0, ...l)) };
    };
    const typed = typing.filter((x) => x !== null);
    const sortMs = sorts.map((s) => s.ms);
    return {
      case: c.id,
      scenario: c.scenario,
      luns: c.luns,
      firstRender: { ms: round(firstRender), rowsInDom, longTasks: ltBy('first-render') },
      typing: {
        text: SEARCH,
        keystrokes: typing.length,
        answered: typed.length,
        firstMs: round(typing[0] ?? NaN),
        latencyMs: Object.fromEntries(Object.entries(stats(typed)).map(([k, v]) => [k, round(v)])),
        perKeyMs: typing.map((x) => (x === null ? null : round(x))),
        result: resultText,
        longTasks: ltBy('typing'),
      },
      fastTyping: { ...fastTyping, longTasks: ltBy('fast-typing') },
      sorting: { clicks: sorts, medianMs: round(median(sortMs)), maxMs: round(Math.max(...sortMs)), longTasks: ltBy('sorting') },
      scrolling: { ...scrollingFigures(scroll), longTasks: ltBy('scrolling') },
      selecting: { picks: picks.map(round), medianMs: round(median(picks)), maxMs: round(Math.max(...picks)), longTasks: ltBy('selecting') },
    };
  } finally {
    await page.close();
  }
}

async function main() {
  const builds = [...new Set(CASES.map((c) => c.build))];
  for (const b of builds) {
    const { outDir, config } = BUILDS[b];
    if (args.includes('--no-build') && existsSync(outDir)) continue;
    console.log(`Building the emulated console${b === 'naive' ? ' with the naive LUN table' : ''} into ${outDir}/ …`);
    execFileSync('node', vite(['build', '--mode', 'emulated', '--outDir', outDir, '--logLevel', 'warn', ...config]), { stdio: 'inherit' });
  }
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const runs = [];
  try {
    for (let run = 1; run <= RUNS; run++) {
      const results = {};
      for (const b of builds) {
        const server = await servePreview(BUILDS[b].outDir, PORT, 'BENCH_PORT');
        try {
          for (const c of CASES.filter((x) => x.build === b)) {
            console.log(`run ${run}/${RUNS}: ${c.label} …`);
            results[c.id] = await measure(browser, c);
          }
        } finally {
          await server.stop();
        }
      }
      runs.push(results);
    }
    const med = {};
    const range = {};
    for (const c of CASES) {
      const all = runs.map((r) => figures(r[c.id]));
      med[c.id] = Object.fromEntries(Object.keys(all[0]).map((k) => [k, round(median(all.map((f) => f[k])))]));
      range[c.id] = Object.fromEntries(Object.keys(all[0]).map((k) => [k, [round(Math.min(...all.map((f) => f[k]))), round(Math.max(...all.map((f) => f[k])))]]));
    }
    const meta = { date: new Date().toISOString(), chromium: browser.version(), cpus: cpus().length, load: loadavg().map((x) => x.toFixed(2)).join(' '), runs: RUNS, search: SEARCH };
    const md = markdown(med, range, meta);
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/lun-table.json', `${JSON.stringify({ ...meta, medians: med, ranges: range, runs }, null, 2)}\n`);
    writeFileSync('bench-results/lun-table.md', md);
    console.log(`\n${md}\nWritten to bench-results/lun-table.json and bench-results/lun-table.md`);
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
