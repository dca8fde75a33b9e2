// npm run bench — every benchmark of issue 15 in one run, one after the other (never side by side: they would
// measure each other): the LUN table against the naive table and on huge-san (bench-lun-table.mjs), the VM, Disks
// and Hosts lists on the datacenter scenario (bench-datacenter-lists.mjs), and Run VM with the preferred host failing
// versus a clean run (bench-run-vm.mjs). Each figure is the median of 3 runs with its spread (min–max), next to its
// goal; each bench writes bench-results/<name>.json and bench-results/<name>.md, and this prints the three tables.
//
//   npm run bench                         everything, median of 3 runs
//   npm run bench -- --runs 1             one run of each
//   npm run bench -- --only lun|lists|run-vm   one bench (the LUN bench's own --only real|naive|huge|host still works)
//   npm run bench -- --no-build --no-huge      passed on to the benches that know them
// Ports: BENCH_PORT (LUN table preview, default 4291), BENCH_DC_PORT (lists preview, 4292), BENCH_ENGINE_PORT (Run
// VM's HTTP engine, 4293). A measurement, not a test: nothing fails on a number; a bench that crashes fails the run.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const BENCHES = [
  { id: 'lists', script: 'scripts/bench-datacenter-lists.mjs', md: 'bench-results/datacenter-lists.md', own: ['--runs', '--no-build'], env: { BENCH_PORT: process.env.BENCH_DC_PORT ?? '4292' } },
  { id: 'run-vm', script: 'scripts/bench-run-vm.mjs', md: 'bench-results/run-vm.md', own: ['--runs'] },
  // Last: the longest (the naive table takes minutes a run).
  { id: 'lun', script: 'scripts/bench-lun-table.mjs', md: 'bench-results/lun-table.md', own: ['--runs', '--no-build', '--no-huge'] },
];
// The LUN bench's own cases (real, naive, huge) select within it: the other benches run too.
const selected = BENCHES.filter((b) => !only || b.id === only || (only !== 'lists' && only !== 'run-vm' && b.id === 'lun'));

/** The arguments a bench understands: its own flags (with --runs' value); --only only for the LUN bench's cases. */
function argsFor(b) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--runs' && b.own.includes('--runs')) out.push('--runs', args[++i]);
    else if (args[i] === '--only') {
      const v = args[++i];
      if (b.id === 'lun' && ['real', 'naive', 'huge', 'host'].includes(v)) out.push('--only', v);
    } else if (b.own.includes(args[i])) out.push(args[i]);
  }
  return out;
}

const started = Date.now();
console.log(`Load before the benches (1, 5, 15 min): ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const b of selected) {
  console.log(`\n=== ${b.script} ${argsFor(b).join(' ')}`);
  const r = spawnSync('node', [b.script, ...argsFor(b)], { stdio: 'inherit', env: { ...process.env, ...(b.env ?? {}) } });
  if (r.status !== 0) {
    console.error(`${b.script} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}
console.log(`\n=== All benches done in ${Math.round((Date.now() - started) / 60_000)} min; load now ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
for (const b of selected) console.log(readFileSync(b.md, 'utf8'));
