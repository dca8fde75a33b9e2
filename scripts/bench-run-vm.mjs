// node scripts/bench-run-vm.mjs — the Run VM flow on the emulated engine at fixed latency (factor 1, "normal": a
// successful iSCSI login ~700 ms, a VM start ~1.2 s + power up ~0.9 s, each ±25 %, seeded by the scenario so every
// reset replays the same draws), measured as the engine reports it: the Run job's duration (end_time − start_time of
// /jobs?search=correlation_id=…) and the time until the VM was up (the run step's end_time − the job's start_time).
//
// Three cases on the lifecycle scenario, app01 (a direct LUN disk behind array-a.apps at 10.35.1.72, and an image disk
// on the iSCSI domain data1) powered off first:
//   clean        nothing fails.
//   refused      the preferred host's login to the disk's target is refused (Emulator.setLoginFailure).
//   unreachable  the preferred host is cut off from the disk's portal (Emulator.cutPortal).
// The emulator runs the seed's Run VM (decision 030): every Up host of the cluster is asked to connect at once, the
// engine waits on the preferred host and, when it could not connect, takes the best-ranked host that already did.
// Goal (issue 15): a fallback costs ≤ 1.2× a clean run. A measurement, not a test: nothing fails on a number.
//
//   node scripts/bench-run-vm.mjs [--runs N]      (default 3; each run resets the scenario, so runs replay)
//   BENCH_ENGINE_PORT=4306 …                      port of the emulated engine (default 4293)
//
// Writes bench-results/run-vm.json (every run) and bench-results/run-vm.md.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

const PORT = Number(process.env.BENCH_ENGINE_PORT ?? 4293);
const BASE = `http://127.0.0.1:${PORT}`;
const API = `${BASE}/ovirt-engine/api/v4`;
const args = process.argv.slice(2);
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const RUNS = Math.max(1, Number(argValue('--runs') ?? 3));
const LATENCY = 1;
const VM = 'app01';
const TARGET = 'iqn.2024-03.com.example.lab:array-a.apps';
const PORTAL = '10.35.1.72';
const GOAL_RATIO = 1.2;

const CASES = [
  { id: 'clean', label: 'clean run', fault: null },
  { id: 'refused', label: "preferred host's login refused", fault: (host) => ['setLoginFailure', [TARGET, host, true]] },
  { id: 'unreachable', label: 'preferred host cut off from the portal', fault: (host) => ['cutPortal', [host, PORTAL]] },
];

const round = (x) => Math.round(x * 10) / 10;
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
const spread = (v) => ({ median: round(median(v)), min: round(Math.min(...v)), max: round(Math.max(...v)) });

let token = '';
async function call(method, url, body, headers = {}) {
  const r = await fetch(url, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(url.startsWith(API) ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : {};
}
const admin = (path, body = {}) => call('POST', `${BASE}/__emulator${path}`, body);

async function login() {
  const r = await fetch(`${BASE}/ovirt-engine/sso/oauth/token`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: 'admin@internal', password: 'ovirt', scope: 'ovirt-app-api' }),
  });
  token = (await r.json()).access_token;
}

async function waitForServer(ms = 60_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await fetch(`${BASE}/__emulator`).then((r) => r.ok, () => false)) return;
    await sleep(250);
  }
  throw new Error(`no emulated engine at ${BASE}`);
}

async function jobOf(correlationId) {
  const jobs = (await call('GET', `${API}/jobs?search=${encodeURIComponent(`correlation_id=${correlationId}`)}`)).job ?? [];
  const job = jobs[0];
  if (!job) throw new Error(`no job with correlation id ${correlationId}`);
  const steps = (await call('GET', `${API}/jobs/${job.id}/steps`)).step ?? [];
  return { job, steps };
}

/** One case: reset, power off the VM, arm the fault on the preferred host, Run, and read the job. */
async function runCase(c, preferred, run) {
  await admin('/reset', { scenario: 'lifecycle', latency: LATENCY });
  await login();
  const vm = ((await call('GET', `${API}/vms?search=${encodeURIComponent(`name=${VM}`)}`)).vm ?? [])[0];
  await call('POST', `${API}/vms/${vm.id}/stop`, {}, { 'Correlation-Id': `bench-stop-${c.id}-${run}` });
  await admin('/idle');
  if (c.fault && preferred) {
    const [action, a] = c.fault(preferred);
    await admin(`/actions/${action}`, { args: a });
  }
  const correlationId = `bench-run-${c.id}-${run}`;
  await call('POST', `${API}/vms/${vm.id}/start`, {}, { 'Correlation-Id': correlationId });
  await admin('/idle');
  const { job, steps } = await jobOf(correlationId);
  const start = Number(job.start_time);
  // The run step closes as "app01 is up on host2 (run attempt 1 of 3)".
  const ran = steps.find((s) => / is up on \S+ \(run attempt/.test(s.description ?? '') && s.status === 'finished');
  const asked = steps.find((s) => (s.description ?? '').startsWith('Asked ') || (s.description ?? '').startsWith('Asking '));
  const after = await call('GET', `${API}/vms/${vm.id}`);
  return {
    status: job.status,
    jobMs: Number(job.end_time) - start,
    upMs: ran ? Number(ran.end_time) - start : NaN,
    preferred: /preferred host: (\S+)/.exec(asked?.description ?? '')?.[1],
    ranOn: / is up on (\S+) \(run attempt/.exec(ran?.description ?? '')?.[1],
    vmStatus: after.status,
    steps: steps.map((s) => `${s.status}: ${s.description}`),
  };
}

function markdown(med, meta) {
  const clean = med.clean;
  const lines = [
    '| case | job duration, median (min–max) | Run → VM up, median (min–max) | ran on | ÷ clean (job) | goal | met |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const c of CASES) {
    const m = med[c.id];
    const ratio = c.id === 'clean' ? 1 : m.job.median / clean.job.median;
    const cell = (s) => `${s.median} ms (${s.min}–${s.max})`;
    lines.push(
      `| ${c.label} | ${cell(m.job)} | ${cell(m.up)} | ${m.ranOn} (preferred ${m.preferred}) | ${c.id === 'clean' ? '1×' : `${round(ratio * 100) / 100}×`} | ${
        c.id === 'clean' ? '—' : `≤ ${GOAL_RATIO}×`
      } | ${c.id === 'clean' ? '—' : ratio <= GOAL_RATIO ? 'yes' : 'no'} |`,
    );
  }
  return `Run VM benchmark (emulated engine, latency ×${LATENCY}, VM ${VM} on scenario lifecycle): ${meta.runs === 1 ? 'one run' : `median of ${meta.runs} runs`}, ${meta.cpus} CPUs, load ${meta.load}, ${meta.date}\n\n${lines.join('\n')}\n`;
}

async function main() {
  if (await fetch(BASE).then(() => true, () => false)) throw new Error(`${BASE} is already in use: stop that server or set BENCH_ENGINE_PORT`);
  const engine = spawn('node', ['node_modules/tsx/dist/cli.mjs', 'mocks/server/cli.ts', '--port', String(PORT), '--scenario', 'lifecycle', '--latency', String(LATENCY), '--quiet'], { stdio: 'ignore' });
  const load = loadavg()[0].toFixed(2);
  try {
    await waitForServer();
    const runs = [];
    for (let run = 1; run <= RUNS; run++) {
      const results = {};
      for (const c of CASES) {
        console.log(`run ${run}/${RUNS}: Run VM, ${c.label} …`);
        results[c.id] = await runCase(c, results.clean?.preferred, run);
      }
      runs.push(results);
    }
    const med = {};
    for (const c of CASES) {
      const all = runs.map((r) => r[c.id]);
      med[c.id] = { job: spread(all.map((x) => x.jobMs)), up: spread(all.map((x) => x.upMs)), ranOn: all[0].ranOn, preferred: all[0].preferred, status: all[0].status };
    }
    const meta = { date: new Date().toISOString(), cpus: cpus().length, load, runs: RUNS, latency: LATENCY, vm: VM, goalRatio: GOAL_RATIO };
    const md = markdown(med, meta);
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/run-vm.json', `${JSON.stringify({ ...meta, medians: med, runs }, null, 2)}\n`);
    writeFileSync('bench-results/run-vm.md', md);
    console.log(`\n${md}\nWritten to bench-results/run-vm.json and bench-results/run-vm.md`);
  } finally {
    engine.kill();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
