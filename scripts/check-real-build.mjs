// A real-engine build (what `npm run build` makes) must carry none of the emulated engine (design §2): no MSW, no
// service worker, no scenario — and its first load must stay within budget (decision 045: the login page, and what
// loads after login for the Disks list, each ≤ 150 KB of JS and ≤ 60 KB of CSS, gzipped). Builds into dist-check/
// and fails on either, naming what is wrong (for a budget: the largest modules of the load that is over).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { formatReport } from './bundle-budget.mjs';

const out = 'dist-check';
rmSync(out, { recursive: true, force: true });
let rows = [];
await build({
  logLevel: 'error',
  build: { outDir: out },
  plugins: [{ name: 'capture-first-load', apply: 'build', api: {}, configResolved(config) {
    // The config's own bundle-budget plugin reports to us instead of printing.
    const budget = config.plugins.find((p) => p.name === 'bundle-budget');
    if (budget?.api) budget.api.onReport = (r) => (rows = r);
  } }],
});

const problems = [];
if (existsSync(join(out, 'mockServiceWorker.js'))) problems.push('mockServiceWorker.js is in the build');
const markers = ['setupWorker', 'mockServiceWorker', 'ScenarioBuilder', 'array-a.apps', '__emulator'];
for (const f of readdirSync(join(out, 'assets')).filter((x) => x.endsWith('.js'))) {
  const text = readFileSync(join(out, 'assets', f), 'utf8');
  for (const m of markers) if (text.includes(m)) problems.push(`${f} contains "${m}"`);
}
rmSync(out, { recursive: true, force: true });

if (rows.length === 0) problems.push('the first-load report did not run (bundle-budget plugin missing from vite.config.ts?)');
for (const r of rows.filter((x) => x.over)) {
  problems.push(
    `the first load of the ${r.name} is over budget (JS ${r.js} KB, CSS ${r.css} KB gzipped); its largest modules (gzipped before minification):\n` +
      r.largest.map((m) => `    ${String(m.gzKB).padStart(6)} KB  ${m.module}`).join('\n'),
  );
}
console.log(formatReport(rows));
if (problems.length > 0) {
  console.error(`The real-engine build is not right:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('Real-engine build: no emulator code, no service worker, first load within budget.');
