// A probe, not a bench (decision 066): what paces V8's major collections while the LUN table scrolls. On huge-san
// (50,000 LUNs; SCEN=large-san for 10,000), flat list, it scrolls --frames frames (1,500) at --step px a frame (400,
// the bench's; ~100 is a wheel's) with a light trace, and prints the frame figures, the main thread's busy time a
// frame, the major collections (count and pauses), and the allocation speeds V8 recorded after each: Blink's heap
// ("embedder") and V8's old generation. Compare builds in turns, never one run against another day's.
//
//   node scripts/probe-scroll-gc.mjs [--dist dist-bench] [--frames 1500] [--step 400] [--label name]
//
// The build is an emulated one (`vite build --mode emulated --outDir <dir>`; `npm run bench` leaves one in dist-bench).
import { chromium } from '@playwright/test';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';
import { n, scrollFrames, signIn, stats } from './bench-page.mjs';
import { servePreview } from './bench-server.mjs';

const { values: opt } = parseArgs({ options: { dist: { type: 'string', default: 'dist-bench' }, frames: { type: 'string', default: '1500' }, step: { type: 'string', default: '400' }, label: { type: 'string', default: '' } } });
const PORT = Number(process.env.BENCH_PORT ?? 4294);
const BASE = `http://localhost:${PORT}`;
const scenario = process.env.SCEN ?? 'huge-san';
const luns = scenario === 'huge-san' ? 50000 : 10000;

const server = await servePreview(opt.dist, PORT, 'BENCH_PORT');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signIn(page, `${BASE}/disks/new?scenario=${scenario}&latency=none`);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByText(`Logged in (${n(luns / 8)} LUNs)`).first().waitFor({ timeout: 180_000 });
  await sleep(1500);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.locator('tr[data-lun-id]').first().waitFor();
  await page.getByRole('button', { name: 'Flat list' }).click();
  await sleep(1000);

  const cdp = await page.context().newCDPSession(page);
  const events = [];
  const wanted = /^(MajorGC|V8\.GCUpdateAllocationLimits|RunTask|Layout)$/;
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value.filter((e) => wanted.test(e.name))));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,disabled-by-default-v8.gc', transferMode: 'ReportEvents' });
  const { frames } = await scrollFrames(page, '[data-testid="lun-table-scroll"]', 'tr[data-lun-id]', Number(opt.frames), Number(opt.step));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;

  // The renderer's main thread: the one that lays out. Its tasks' time per frame (script, style, layout, paint).
  const layouts = new Map();
  for (const e of events) if (e.name === 'Layout') layouts.set(e.tid, (layouts.get(e.tid) ?? 0) + 1);
  const main = [...layouts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const busy = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.tid === main).reduce((sum, e) => sum + e.dur / 1000, 0);
  const majors = events.filter((e) => e.name === 'MajorGC' && e.ph === 'X').map((e) => Math.round(e.dur / 1000));
  const limits = events.filter((e) => e.name === 'V8.GCUpdateAllocationLimits').map((e) => e.args.value).filter((v) => v?.caller === 'RecomputeLimitsAfterMajorGC');
  const avg = (xs) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN);
  const f = stats(frames);
  console.log(
    `${opt.label} frames ${f.count}: median ${f.median.toFixed(1)} ms, p95 ${f.p95.toFixed(1)}, slowest ${f.max.toFixed(1)}, over 50 ms ${frames.filter((x) => x > 50).length}` +
      ` | main thread ${(busy / frames.length).toFixed(1)} ms a frame` +
      ` | major collections ${majors.length} (${majors.join(', ')} ms)` +
      ` | allocation after each: Blink heap ${(avg(limits.map((v) => v.embedder_mutator_speed)) / 1000).toFixed(1)} MB/s, V8 old generation ${(avg(limits.map((v) => v.v8_mutator_speed)) / 1000).toFixed(2)} MB/s`,
  );
} finally {
  await browser.close();
  await server.stop();
}
