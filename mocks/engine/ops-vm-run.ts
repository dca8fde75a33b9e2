// Run VM with the seed's LUN connection management (docs/design.md §5, the seed's "Run VM" and "The Engine
// design"): Run connects every required connection on all Up hosts of the cluster at once, waits on the
// preferred host and, if it could not connect, immediately takes the next host that did. A host that could not
// connect is skipped and NOT counted as a run attempt; real run failures count, at most MAX_RUN_ATTEMPTS. Used by
// Start (ops-vms.ts) and by the HA restart (ops-host-failure.ts). Every decision is a job step, so the console
// shows it exactly as it happened.
import { holders } from './connection-refs';
import { sendRunSpecs } from './devices';
import { USER, type Engine, type JobRun } from './engine';
import { connectLun, releaseNow, releaseRecorded } from './ops-storage';
import type { RunPoint } from './resume-points';
import { connectAll, hostPreference, requiredConnections, uniqueTargets, whyPreferred, type HostAnswer, type Requirement } from './run-requirements';
import type { EmHost, EmVm } from './state';

/** The engine's MaxRerunVmOnVdsCount (reference §7): real run failures count, at most three attempts. */
export const MAX_RUN_ATTEMPTS = 3;

/** VM states in which a launch is under way: the Run job owns the VM until it ends. */
export const LAUNCHING = new Set(['wait_for_launch', 'powering_up']);

function ordinal(n: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'][n - 1] ?? `${n}th`;
}

/** A run in memory: its resume record (where it stands, resume-points.ts) and the hosts' pending answers. */
interface RunState {
  readonly e: Engine;
  readonly vm: EmVm;
  readonly job: JobRun;
  readonly p: RunPoint;
  readonly corr: { correlationId?: string };
  readonly reqs: readonly Requirement[];
  /** Each candidate's answer to "connect what the VM needs", by host id (pending until it answers). */
  readonly answers: Map<string, Promise<HostAnswer>>;
}

const settledAnswer = (state: RunState, h: EmHost): HostAnswer | undefined => {
  const a = state.p.answers[h.id];
  return a ? { host: h, ...a } : undefined;
};

/**
 * The seed's Run VM. Connect all required connections on all candidate hosts at once; wait on the preferred
 * host; if it could not connect, skip it (not a run attempt) and take the best-ranked host that did connect,
 * waiting for the next answer if none has yet. Real run failures count; after MAX_RUN_ATTEMPTS the run fails.
 * Used by Run and by the HA restart. Returns whether the VM runs.
 */
export async function runVm(
  e: Engine,
  vm: EmVm,
  job: JobRun,
  opts: { exclude: string[]; correlationId?: string | undefined },
): Promise<boolean> {
  const corr = opts.correlationId ? { correlationId: opts.correlationId } : {};
  const reqs = requiredConnections(e, vm);
  const order = hostPreference(e, vm, opts.exclude);
  const preferred = order[0];
  if (!preferred) return failNoHostUp(e, vm, job, corr);
  noteRequirements(job, vm, reqs);
  const what = reqs.length === 1 ? 'its required connection' : `its ${reqs.length} required connections`;
  const asked = `${order.map((h) => h.name).join(', ')} to connect ${what} at once; preferred host: ${preferred.name} (${whyPreferred(e, vm, preferred)})`;
  const parent = job.step(`Asking ${asked}`);
  const childStepIds = Object.fromEntries(
    order.map((h) => [h.id, job.step(reqs.length > 0 ? `${h.name}: connecting ${uniqueTargets(reqs)}` : `${h.name}: nothing to connect`, { parent, hostId: h.id }).id]),
  );
  const p: RunPoint = {
    kind: 'run', vmId: vm.id, ...corr, hostIds: order.map((h) => h.id), preferredId: preferred.id, asked, askStepId: parent.id, childStepIds,
    answered: [], answers: {}, remainingIds: order.map((h) => h.id), waitOnPreferred: true, attempts: 0, reasons: [], releasedHostIds: [], released: [],
  };
  job.resume = p;
  return continueRun(e, job, p);
}

/** The run from where `p` stands (a fresh run, or one resumed after the engine was rebuilt). */
export async function continueRun(e: Engine, job: JobRun, p: RunPoint): Promise<boolean> {
  const vm = e.vm(p.vmId);
  const state: RunState = {
    e, vm, job, p,
    corr: p.correlationId ? { correlationId: p.correlationId } : {},
    reqs: requiredConnections(e, vm),
    answers: new Map(),
  };
  const everyAnswer = askEveryHost(state);
  if (!p.outcome) {
    const ranOn = await runOnFirstHostThatCan(state);
    p.outcome = ranOn ? 'ran' : 'failed';
    if (ranOn) e.event(32, 'normal', `VM ${vm.name} started on Host ${ranOn.name}`, { vmId: vm.id, hostId: ranOn.id, ...state.corr });
    else concludeRunFailed(state);
  }
  // Connections made only for this start let go once every host has answered (the seed: the others finish in
  // the background); what a running VM or a storage domain holds stays.
  e.background(() => releaseOperationHolds(state, everyAnswer));
  return p.outcome === 'ran';
}

function failNoHostUp(e: Engine, vm: EmVm, job: JobRun, corr: { correlationId?: string }): false {
  job.note('No host of the cluster is Up', { failed: true });
  vm.status = 'down';
  delete vm.hostId;
  job.fail();
  e.event(54, 'error', `Failed to run VM ${vm.name} (User: ${USER}): no host of the cluster is Up.`, { vmId: vm.id, ...corr });
  return false;
}

function noteRequirements(job: JobRun, vm: EmVm, reqs: readonly Requirement[]) {
  job.note(
    reqs.length > 0
      ? `${vm.name} requires ${reqs.map((r) => `${r.targets} (${r.label})`).join(', ')}`
      : `${vm.name} has no LUN disk or block storage domain to connect`,
    { type: 'validating' },
  );
}

/**
 * Every candidate was asked at once to connect what the VM needs (one parent step, one child step per host that
 * closes with the host's answer and its rank). Fills `state.answers` (and, as they come, the record's answers),
 * asking again only the hosts that had not answered when the run was resumed. Resolves once every host has
 * answered, the parent step closed with a summary.
 */
function askEveryHost(state: RunState): Promise<void> {
  const { e, job, p, reqs, answers } = state;
  const opHolder = holders.operation(job.id);
  for (const h of p.hostIds.map((id) => e.host(id))) {
    const known = settledAnswer(state, h);
    if (known) {
      answers.set(h.id, Promise.resolve(known));
      continue;
    }
    const child = job.reopen(p.childStepIds[h.id]);
    answers.set(
      h.id,
      connectAll(e, h, reqs, opHolder).then((r) => {
        p.answered.push(h.name);
        const rank = `answered ${ordinal(p.answered.length)}`;
        if (r.ok) child?.finish(`${r.detail} (${rank})`);
        else child?.fail(`${r.detail} (${rank})`);
        p.answers[h.id] = { ok: r.ok, already: r.already, detail: r.detail };
        return r;
      }),
    );
  }
  return Promise.all(answers.values()).then((all) => {
    const parent = job.reopen(p.askStepId);
    if (!parent) return;
    const failed = all.filter((a) => !a.ok).map((a) => a.host.name);
    const [firstToAnswer, ...rest] = p.answered;
    const summary = `Asked ${p.asked}. Answers: ${firstToAnswer ?? ''} first${rest.length > 0 ? `, then ${rest.join(', ')}` : ''}${
      failed.length === all.length ? '; none could connect' : failed.length > 0 ? `; ${failed.join(', ')} could not connect` : ''
    }`;
    if (all.some((a) => a.ok)) parent.finish(summary);
    else parent.fail(summary);
  });
}

/** Take candidates in turn until one runs the VM or MAX_RUN_ATTEMPTS real run failures are used up. */
async function runOnFirstHostThatCan(state: RunState): Promise<EmHost | undefined> {
  const { e, p } = state;
  // A run resumed mid-attempt finishes that attempt first.
  if (p.attempt) {
    const h = e.host(p.attempt.hostId);
    if (await runAttempt(state, h)) return h;
  }
  while (p.attempts < MAX_RUN_ATTEMPTS) {
    const h = await pickNextHost(state);
    if (!h) return undefined;
    p.remainingIds = p.remainingIds.filter((id) => id !== h.id);
    p.attempts++;
    if (await runAttempt(state, h)) return h;
  }
  return undefined;
}

/** The next host to run on, or undefined when no remaining host can; skips (not counted) the unconnected. */
async function pickNextHost(state: RunState): Promise<EmHost | undefined> {
  const { e, job, vm, p } = state;
  for (;;) {
    for (const h of p.remainingIds.map((id) => e.host(id))) {
      const r = settledAnswer(state, h);
      if (r && !r.ok) {
        p.remainingIds = p.remainingIds.filter((id) => id !== h.id);
        p.reasons.push(r.detail);
        job.note(
          `Skipped ${h.name}${h.id === p.preferredId ? ' (preferred)' : ''}: it is not connected to what ${vm.name} needs. Not counted as a run attempt (${p.attempts} of ${MAX_RUN_ATTEMPTS} used)`,
          { hostId: h.id },
        );
      }
    }
    if (p.remainingIds.length === 0) return undefined;
    if (p.waitOnPreferred && p.remainingIds[0] === p.preferredId) {
      // The seed: "Wait on connection on the preferred host." (Recorded as done only once it answered, so a
      // resumed run waits on it too.)
      await state.answers.get(p.preferredId);
      p.waitOnPreferred = false;
      continue;
    }
    const ready = p.remainingIds.find((id) => p.answers[id]?.ok);
    if (ready) return e.host(ready);
    // Nobody left has connected yet: take whichever answers next.
    await Promise.race(p.remainingIds.flatMap((id) => state.answers.get(id) ?? []));
  }
}

/** One real run attempt on `h` (already counted); on failure the VM waits for the next host. */
async function runAttempt(state: RunState, h: EmHost): Promise<boolean> {
  const { e, vm, job, p } = state;
  const attempt = `run attempt ${p.attempts} of ${MAX_RUN_ATTEMPTS}`;
  if (!p.attempt) {
    const chosenBecause = h.id === p.preferredId ? 'the preferred host' : `${h.name} is connected`;
    const run = job.step(`Starting ${vm.name} on ${h.name} (${attempt}; ${chosenBecause})`, { hostId: h.id });
    vm.status = 'powering_up';
    vm.hostId = h.id;
    p.attempt = { hostId: h.id, stepId: run.id, phase: 'starting' };
  }
  const a = p.attempt;
  const run = job.reopen(a.stepId);
  if (a.phase !== 'failing') {
    const failure = await startOn(state, h, a);
    if (!failure) {
      vm.status = 'up';
      run?.finish(`${vm.name} is up on ${h.name} (${attempt})`);
      delete p.attempt;
      return true;
    }
    run?.fail(`Failed to run ${vm.name} on ${h.name}: ${failure} (${attempt})`);
    p.reasons.push(`${h.name}: ${failure}`);
    e.event(151, 'warning', `Failed to run VM ${vm.name} on Host ${h.name}.`, { vmId: vm.id, hostId: h.id, ...state.corr });
    Object.assign(a, { phase: 'failing', release: {} });
  }
  await releaseRecorded(e, h.id, holders.ofVm(vm.id), (a.release ??= {}));
  delete vm.hostId;
  vm.status = 'wait_for_launch';
  delete p.attempt;
  return false;
}

/** Start the VM on `h`: what went wrong, or undefined when it is up there. */
async function startOn(state: RunState, h: EmHost, a: NonNullable<RunPoint['attempt']>): Promise<string | undefined> {
  const { e, vm } = state;
  if (a.phase === 'starting') {
    await e.delay('run');
    if (h.status !== 'up') return `${h.name} stopped responding`;
    if (h.failRuns) return `the VM exited while starting on ${h.name}`;
    // The VM runs here: its disks now hold their targets on this host (reference counted, design §5). Every
    // disk takes its hold, even after one failed; the last failure is the one reported.
    let lost: string | undefined;
    for (const req of state.reqs) {
      if (!req.keepHolder) continue;
      const held = await connectLun(e, h, req.lun, req.conns, req.keepHolder);
      if (!held.ok) lost = `${h.name} lost ${req.targets} while starting (${held.detail})`;
    }
    if (lost) return lost;
    sendRunSpecs(e, vm, h.id, 'run');
    a.phase = 'powering-up';
    e.changed();
  }
  await e.delay('powerUp');
  if (h.status !== 'up') return `${h.name} stopped responding while ${vm.name} was powering up`;
  return undefined;
}

/** Once every host has answered, drop the run's temporary holds; then the job ends. */
async function releaseOperationHolds(state: RunState, everyAnswer: Promise<void>) {
  const { e, job, p } = state;
  const opHolder = holders.operation(job.id);
  await everyAnswer;
  for (const hostId of p.hostIds) {
    if (p.releasedHostIds.includes(hostId)) continue;
    const outs = releaseNow(e, hostId, (x) => x === opHolder);
    p.released.push(...outs.filter((o) => o.loggedOut).map((o) => o.text));
    p.releasedHostIds.push(hostId);
    if (outs.some((o) => o.loggedOut)) await e.delay('disconnect');
  }
  if (p.released.length > 0) job.note(`Released the connections made only for this start: ${p.released.join('; ')}`);
  if (p.outcome === 'ran') job.finish();
  else job.fail();
}

function concludeRunFailed(state: RunState) {
  const { e, vm, job } = state;
  const { attempts, reasons } = state.p;
  vm.status = 'down';
  delete vm.hostId;
  const summary =
    attempts >= MAX_RUN_ATTEMPTS
      ? `${MAX_RUN_ATTEMPTS} run attempts failed`
      : attempts === 0
        ? 'no host could connect what it needs'
        : `no other host could run it after ${attempts} failed run attempt${attempts === 1 ? '' : 's'}`;
  // Each host's reason is its own step above (its answer, its failed run); this one concludes.
  job.note(`${vm.name} could not run: ${summary}`, { failed: true });
  e.event(54, 'error', `Failed to run VM ${vm.name} (User: ${USER}): ${summary}. ${reasons.join('. ')}.`, { vmId: vm.id, ...state.corr });
}
