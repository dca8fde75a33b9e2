// node scripts/bench-datacenter-lists.mjs — the VM, Disks and Hosts lists on the datacenter scenario (5,000 VMs,
// 20,000 disks, 500 hosts), measured in headless Chromium against the emulated build: the time from the list's
// answer (the engine request's responseEnd) to its rows on screen, a search and a sort (action → new rows), and the
// engine requests each list view sent. A measurement, not a test: it prints a table and writes
// bench-results/datacenter-lists.json; nothing fails on a number. Targets (issue 15): first rows ≤ 300 ms after the
// data, search and sort ≤ 100 ms (these include the emulated engine answering in the same page).
//
//   node scripts/bench-datacenter-lists.mjs              build dist-bench-dc/ and measure
//   node scripts/bench-datacenter-lists.mjs --no-build   reuse dist-bench-dc/
//   BENCH_PORT=4292 …                                    preview port (default 4292)
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4292);
const BASE = `http://localhost:${PORT}`;
const OUT_DIR = 'dist-bench-dc';
const RUNS = 3;

const LISTS = [
  { path: '/vms', table: 'Virtual machines', api: '/vms?', search: 'db00', searchBox: /Search virtual machines/, sortBy: 'Host' },
  { path: '/disks', table: 'Disks', api: '/disks?', search: 'lun00', searchBox: /Search disks/, sortBy: 'Size' },
  { path: '/hosts', table: 'Hosts', api: '/hosts?', search: 'host1', searchBox: /Search hosts/, sortBy: 'Cluster' },
];

const vite = (args) => ['node_modules/vite/bin/vite.js', ...args];
const round = (x) => Math.round(x * 10) / 10;
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;

async function waitForServer(url, ms = 60_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  throw new Error(`no server at ${url}`);
}

/**
 * Runs `act`, then waits (per animation frame) until the list's rows differ from before. Returns the total (action
 * → rows) and the console's part (the last list request's responseEnd → rows; the rest is the emulated engine
 * answering in the same page).
 */
async function timeToNewRows(page, table, act, api) {
  await page.evaluate(() => performance.clearResourceTimings());
  const before = await page.evaluate((t) => document.querySelector(`table[aria-label="${t}"] tbody`)?.textContent ?? '', table);
  const t0 = await page.evaluate(() => performance.now());
  await act();
  const t1 = await page.waitForFunction(
    ([t, b]) => {
      const first = document.querySelector(`table[aria-label="${t}"] tbody`)?.textContent ?? '';
      return first && first !== b ? performance.now() : false;
    },
    [table, before],
    { polling: 'raf' },
  );
  const done = await t1.jsonValue();
  const responseEnd = await page.evaluate((a) => performance.getEntriesByType('resource').filter((r) => r.name.includes(`/api/v4${a}`)).at(-1)?.responseEnd ?? NaN, api);
  return { total: done - t0, afterData: done - responseEnd };
}

async function measureList(page, list, requests) {
  // First rows after the data: navigate by the menu; the row paint time minus the list request's responseEnd.
  requests.length = 0;
  await page.evaluate(() => performance.clearResourceTimings());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: list.table === 'Virtual machines' ? 'Virtual Machines' : list.table }).click();
  const painted = await page.waitForFunction((t) => (document.querySelectorAll(`table[aria-label="${t}"] tbody tr`).length > 0 ? performance.now() : false), list.table, { polling: 'raf' });
  const paintedAt = await painted.jsonValue();
  const responseEnd = await page.evaluate((api) => {
    const e = performance.getEntriesByType('resource').filter((r) => r.name.includes(`/api/v4${api}`));
    return e.at(-1)?.responseEnd ?? NaN;
  }, list.api);
  await sleep(1500); // the names (hosts, clusters, VMs' attachments) arrive
  const viewRequests = [...requests];
  const search = await timeToNewRows(page, list.table, () => page.getByRole('textbox', { name: list.searchBox }).fill(list.search), list.api);
  const sort = await timeToNewRows(page, list.table, () => page.getByRole('grid', { name: list.table }).getByRole('button', { name: list.sortBy }).click(), list.api);
  const sortDesc = await timeToNewRows(page, list.table, () => page.getByRole('grid', { name: list.table }).getByRole('button', { name: list.sortBy }).click(), list.api);
  await page.getByRole('textbox', { name: list.searchBox }).fill('');
  await sleep(1000); // the cleared search's request, before the next list's requests are counted
  const worse = sort.total > sortDesc.total ? sort : sortDesc;
  return { firstRowsAfterData: paintedAt - responseEnd, search, sort: worse, requests: viewRequests };
}

async function main() {
  if (!process.argv.includes('--no-build') || !existsSync(OUT_DIR)) {
    console.log(`Building the emulated console into ${OUT_DIR}/ …`);
    execFileSync('node', vite(['build', '--mode', 'emulated', '--outDir', OUT_DIR, '--logLevel', 'warn']), { stdio: 'inherit' });
  }
  const server = spawn('node', vite(['preview', '--mode', 'emulated', '--outDir', OUT_DIR, '--port', String(PORT), '--strictPort']), { stdio: 'ignore' });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    await waitForServer(BASE);
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const requests = [];
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (u.pathname.startsWith('/ovirt-engine/api/')) requests.push(`${r.method()} ${u.pathname.replace(/^\/ovirt-engine\/api(\/v4)?/, '')}${u.search}`);
      });
      // Land on a page that is none of the three lists, so each list's first visit is measured uncached.
      await page.goto(`${BASE}/disks/new?scenario=datacenter&latency=none`);
      await page.getByLabel('Username').fill('admin@internal');
      await page.getByLabel('Password').fill('ovirt');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('button', { name: /User menu/ }).waitFor();
      const result = {};
      for (const list of LISTS) result[list.path] = await measureList(page, list, requests);
      runs.push(result);
      await page.close();
    }
    const rows = LISTS.map((l) => ({
      list: l.path,
      'first rows after data (ms)': round(median(runs.map((r) => r[l.path].firstRowsAfterData))),
      'search total (ms)': round(median(runs.map((r) => r[l.path].search.total))),
      'search after data (ms)': round(median(runs.map((r) => r[l.path].search.afterData))),
      'sort total, worst of asc/desc (ms)': round(median(runs.map((r) => r[l.path].sort.total))),
      'sort after data (ms)': round(median(runs.map((r) => r[l.path].sort.afterData))),
      'engine requests for the view': runs[0][l.path].requests.length,
    }));
    console.table(rows);
    for (const l of LISTS) console.log(`${l.path}: ${runs[0][l.path].requests.join(' · ')}`);
    mkdirSync('bench-results', { recursive: true });
    const out = { machine: { cpus: cpus().length, model: cpus()[0]?.model }, runs: RUNS, medians: rows, requests: Object.fromEntries(LISTS.map((l) => [l.path, runs[0][l.path].requests])) };
    writeFileSync('bench-results/datacenter-lists.json', `${JSON.stringify(out, null, 2)}\n`);
    console.log('Wrote bench-results/datacenter-lists.json');
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
