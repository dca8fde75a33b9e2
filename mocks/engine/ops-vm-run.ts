// Run VM with the seed's LUN connection management (docs/design.md §5, the seed's "Run VM" and "The Engine
// design"): Run connects every required connection on all Up hosts of the cluster at once, waits on the
// preferred host and, if it could not connect, immediately takes the next host that did. A host that could not
// connect is skipped and NOT counted as a run attempt; real run failures count, at most MAX_RUN_ATTEMPTS. Used by
// Start (ops-vms.ts) and by the HA restart (ops-host-failure.ts). Every decision is a job step, so the console
// shows it exactly as it happened.
import { holders } from './connection-refs';
import { sendRunSpecs } from './devices';
import { USER, type Engine, type JobRun } from './engine';
import { connectLun, connectionsOf, portalLabel, releaseOnHost } from './ops-storage';
import type { EmConnection, EmHost, EmVm } from './state';

/** The engine's MaxRerunVmOnVdsCount (reference §7): real run failures count, at most three attempts. */
export const MAX_RUN_ATTEMPTS = 3;

/** VM states in which a launch is under way: the Run job owns the VM until it ends. */
export const LAUNCHING = new Set(['wait_for_launch', 'powering_up']);

export interface Requirement {
  /** What needs it, in words: "disk test01-backup", "storage domain data1". */
  label: string;
  /** What has to be connected, in words: "iqn…:array-b.backup at 10.35.2.90:3260", "FC LUN 3600a…". */
  targets: string;
  lun: { id: string; type: 'iscsi' | 'fcp' };
  conns: EmConnection[];
  /** The hold a running VM keeps on the host that runs it; storage domains hold their own (`sdHolder`). */
  keepHolder?: string | undefined;
  sdHolder?: string | undefined;
}

function targetsText(lun: { id: string; type: 'iscsi' | 'fcp' }, conns: readonly EmConnection[]): string {
  if (lun.type === 'fcp') return `FC LUN ${lun.id}`;
  return [...new Set(conns.map((c) => `${c.target} at ${portalLabel(c)}`))].join(' and ');
}

/**
 * Everything a VM needs connected on the host that runs it: its plugged LUN disks and the block storage domains
 * of its plugged image disks. An unplugged disk is not needed to run, so it holds nothing (it connects when it
 * is plugged, seed "Hot plug").
 */
export function requiredConnections(e: Engine, vm: EmVm): Requirement[] {
  const out: Requirement[] = [];
  const domains = new Set<string>();
  for (const att of e.attachmentsOfVm(vm.id)) {
    if (!att.active) continue;
    const disk = e.findDisk(att.diskId);
    if (!disk) continue;
    if (disk.kind === 'image') {
      domains.add(disk.storageDomainId);
      continue;
    }
    const conns = connectionsOf(e, disk);
    out.push({
      label: `disk ${disk.alias}`,
      targets: targetsText(disk.lun, conns),
      lun: disk.lun,
      conns,
      keepHolder: holders.vmDisk(vm.id, disk.id),
    });
  }
  for (const sdId of domains) {
    const sd = e.state.storageDomains.find((s) => s.id === sdId);
    if (!sd || sd.storageType === 'nfs') continue;
    const conns = sd.connectionIds.map((id) => e.state.connections.find((c) => c.id === id)).filter((c): c is EmConnection => !!c);
    const firstLun = sd.lunIds[0];
    if (!firstLun) continue;
    const lun = { id: firstLun, type: sd.storageType === 'fcp' ? ('fcp' as const) : ('iscsi' as const) };
    out.push({ label: `storage domain ${sd.name}`, targets: targetsText(lun, conns), lun, conns, sdHolder: holders.storageDomain(sd.id) });
  }
  return out;
}

function runningVmCount(e: Engine, hostId: string): number {
  return e.state.vms.filter((v) => v.hostId === hostId && v.status !== 'down').length;
}

/** The scheduler's order: the VM's preferred (placement) hosts first, then the least loaded, then by name. */
export function hostPreference(e: Engine, vm: EmVm, exclude: readonly string[] = []): EmHost[] {
  const hosts = e.state.hosts.filter((h) => h.status === 'up' && h.clusterId === vm.clusterId && !exclude.includes(h.id));
  return hosts.sort((a, b) => {
    const pa = vm.placementHostIds.indexOf(a.id);
    const pb = vm.placementHostIds.indexOf(b.id);
    if (pa !== pb) return (pa === -1 ? Infinity : pa) - (pb === -1 ? Infinity : pb);
    const la = runningVmCount(e, a.id);
    const lb = runningVmCount(e, b.id);
    if (la !== lb) return la - lb;
    return a.name.localeCompare(b.name, undefined, { numeric: true });
  });
}

function whyPreferred(e: Engine, vm: EmVm, h: EmHost): string {
  if (vm.placementHostIds.includes(h.id)) return `${vm.name} prefers it`;
  const n = runningVmCount(e, h.id);
  return n === 0 ? 'it runs no VM' : `the least loaded: ${n} running VM${n === 1 ? '' : 's'}`;
}

export interface HostAnswer {
  host: EmHost;
  ok: boolean;
  /** Every required connection was already there: asserted, not connected. */
  already: boolean;
  /** One line for the user: what happened on this host, naming the host and the targets. */
  detail: string;
}

/** Assert or connect every requirement on one host; the VM can use the host only if all of them succeed. */
export async function connectAll(e: Engine, host: EmHost, reqs: readonly Requirement[], holder: string): Promise<HostAnswer> {
  if (reqs.length === 0) return { host, ok: true, already: true, detail: `${host.name} needs no storage connection for this VM` };
  const results = await Promise.all(reqs.map((r) => connectLun(e, host, r.lun, r.conns, r.sdHolder ?? holder)));
  const failed = reqs.flatMap((req, i) => (results[i]?.ok ? [] : [{ req, detail: results[i]?.detail ?? '' }]));
  if (failed.length > 0) {
    return {
      host,
      ok: false,
      already: false,
      detail: failed.map((f) => `${host.name} could not connect ${f.req.targets} (for ${f.req.label}): ${f.detail}`).join('; '),
    };
  }
  const already = results.every((r) => r.already);
  return {
    host,
    ok: true,
    already,
    detail: already
      ? `${host.name} is already connected to ${uniqueTargets(reqs)}`
      : [...new Set(results.map((r) => r.detail))].join('; '),
  };
}

/** "X at P, Y at Q": each target once, however many disks sit behind it. */
export function uniqueTargets(reqs: readonly Requirement[]): string {
  return [...new Set(reqs.map((r) => r.targets))].join(', ');
}

function ordinal(n: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'][n - 1] ?? `${n}th`;
}

/** Where a run stands: what the hosts answered, which candidates are left, and what was tried. */
interface RunState {
  readonly e: Engine;
  readonly vm: EmVm;
  readonly job: JobRun;
  readonly corr: { correlationId?: string };
  readonly reqs: readonly Requirement[];
  /** The first of the candidates in the scheduler's order. */
  readonly preferred: EmHost;
  /** Each candidate's answer to "connect what the VM needs", by host id (pending until it answers). */
  readonly answers: Map<string, Promise<HostAnswer>>;
  /** The answers that have come, by host id. */
  readonly settled: Map<string, HostAnswer>;
  /** Candidates neither tried nor skipped yet, best first. */
  remaining: EmHost[];
  /** The seed waits on the preferred host once before taking another. */
  waitOnPreferred: boolean;
  /** Real run failures so far; a host that could not connect is not one. */
  attempts: number;
  /** Why each host could not be used, for the final event. */
  reasons: string[];
}

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
  const opHolder = holders.operation(job.id);
  const state: RunState = {
    e, vm, job, corr, reqs, preferred,
    answers: new Map(),
    settled: new Map(),
    remaining: [...order],
    waitOnPreferred: true,
    attempts: 0,
    reasons: [],
  };
  const everyAnswer = askEveryHost(state, order, opHolder);
  const ranOn = await runOnFirstHostThatCan(state);
  // Connections made only for this start let go once every host has answered (the seed: the others finish in
  // the background); what a running VM or a storage domain holds stays.
  e.background(() => releaseOperationHolds(e, job, order, opHolder, everyAnswer, !!ranOn));
  if (ranOn) {
    e.event(32, 'normal', `VM ${vm.name} started on Host ${ranOn.name}`, { vmId: vm.id, hostId: ranOn.id, ...corr });
    return true;
  }
  concludeRunFailed(state);
  return false;
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
 * Ask every candidate at once to connect what the VM needs (filling `state.answers` and, as they come,
 * `state.settled`): one parent step, one child step per host that closes with the host's answer and its rank.
 * Resolves once every host has answered, the parent step closed with a summary.
 */
function askEveryHost(state: RunState, order: readonly EmHost[], opHolder: string): Promise<void> {
  const { e, vm, job, reqs, preferred, answers, settled } = state;
  const what = reqs.length === 1 ? 'its required connection' : `its ${reqs.length} required connections`;
  const asked = `${order.map((h) => h.name).join(', ')} to connect ${what} at once; preferred host: ${preferred.name} (${whyPreferred(e, vm, preferred)})`;
  const parent = job.step(`Asking ${asked}`);
  const answered: string[] = [];
  for (const h of order) {
    const child = job.step(
      reqs.length > 0 ? `${h.name}: connecting ${uniqueTargets(reqs)}` : `${h.name}: nothing to connect`,
      { parent, hostId: h.id },
    );
    answers.set(
      h.id,
      connectAll(e, h, reqs, opHolder).then((r) => {
        answered.push(h.name);
        const rank = `answered ${ordinal(answered.length)}`;
        if (r.ok) child.finish(`${r.detail} (${rank})`);
        else child.fail(`${r.detail} (${rank})`);
        settled.set(h.id, r);
        return r;
      }),
    );
  }
  return Promise.all(answers.values()).then((all) => {
    const failed = all.filter((a) => !a.ok).map((a) => a.host.name);
    const [firstToAnswer, ...rest] = answered;
    const summary = `Asked ${asked}. Answers: ${firstToAnswer ?? ''} first${rest.length > 0 ? `, then ${rest.join(', ')}` : ''}${
      failed.length === all.length ? '; none could connect' : failed.length > 0 ? `; ${failed.join(', ')} could not connect` : ''
    }`;
    if (all.some((a) => a.ok)) parent.finish(summary);
    else parent.fail(summary);
  });
}

/** Take candidates in turn until one runs the VM or MAX_RUN_ATTEMPTS real run failures are used up. */
async function runOnFirstHostThatCan(state: RunState): Promise<EmHost | undefined> {
  while (state.attempts < MAX_RUN_ATTEMPTS) {
    const h = await pickNextHost(state);
    if (!h) return undefined;
    state.remaining.splice(state.remaining.indexOf(h), 1);
    state.attempts++;
    if (await runAttempt(state, h)) return h;
  }
  return undefined;
}

/** The next host to run on, or undefined when no remaining host can; skips (not counted) the unconnected. */
async function pickNextHost(state: RunState): Promise<EmHost | undefined> {
  const { job, vm, preferred } = state;
  for (;;) {
    for (const h of [...state.remaining]) {
      const r = state.settled.get(h.id);
      if (r && !r.ok) {
        state.remaining.splice(state.remaining.indexOf(h), 1);
        state.reasons.push(r.detail);
        job.note(
          `Skipped ${h.name}${h === preferred ? ' (preferred)' : ''}: it is not connected to what ${vm.name} needs. Not counted as a run attempt (${state.attempts} of ${MAX_RUN_ATTEMPTS} used)`,
          { hostId: h.id },
        );
      }
    }
    if (state.remaining.length === 0) return undefined;
    if (state.waitOnPreferred && state.remaining[0] === preferred) {
      // The seed: "Wait on connection on the preferred host."
      state.waitOnPreferred = false;
      await state.answers.get(preferred.id);
      continue;
    }
    const ready = state.remaining.find((h) => state.settled.get(h.id)?.ok);
    if (ready) return ready;
    // Nobody left has connected yet: take whichever answers next.
    await Promise.race(state.remaining.flatMap((h) => state.answers.get(h.id) ?? []));
  }
}

/** One real run attempt on `h` (already counted); on failure the VM waits for the next host. */
async function runAttempt(state: RunState, h: EmHost): Promise<boolean> {
  const { e, vm, job } = state;
  const attempt = `run attempt ${state.attempts} of ${MAX_RUN_ATTEMPTS}`;
  const chosenBecause = h === state.preferred ? 'the preferred host' : `${h.name} is connected`;
  const run = job.step(`Starting ${vm.name} on ${h.name} (${attempt}; ${chosenBecause})`, { hostId: h.id });
  vm.status = 'powering_up';
  vm.hostId = h.id;
  const failure = await startOn(state, h);
  if (failure) {
    run.fail(`Failed to run ${vm.name} on ${h.name}: ${failure} (${attempt})`);
    state.reasons.push(`${h.name}: ${failure}`);
    e.event(151, 'warning', `Failed to run VM ${vm.name} on Host ${h.name}.`, { vmId: vm.id, hostId: h.id, ...state.corr });
    await releaseOnHost(e, h.id, holders.ofVm(vm.id));
    delete vm.hostId;
    vm.status = 'wait_for_launch';
    return false;
  }
  vm.status = 'up';
  run.finish(`${vm.name} is up on ${h.name} (${attempt})`);
  return true;
}

/** Start the VM on `h`: what went wrong, or undefined when it is up there. */
async function startOn(state: RunState, h: EmHost): Promise<string | undefined> {
  const { e, vm } = state;
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
  await e.delay('powerUp');
  if (h.status !== 'up') return `${h.name} stopped responding while ${vm.name} was powering up`;
  return undefined;
}

/** Once every host has answered, drop the run's temporary holds; then the job ends. */
async function releaseOperationHolds(e: Engine, job: JobRun, order: readonly EmHost[], opHolder: string, everyAnswer: Promise<void>, ran: boolean) {
  await everyAnswer;
  const released: string[] = [];
  for (const h of order) {
    const outs = await releaseOnHost(e, h.id, (x) => x === opHolder);
    released.push(...outs.filter((o) => o.loggedOut).map((o) => o.text));
  }
  if (released.length > 0) job.note(`Released the connections made only for this start: ${released.join('; ')}`);
  if (ran) job.finish();
  else job.fail();
}

function concludeRunFailed(state: RunState) {
  const { e, vm, job, attempts } = state;
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
  e.event(54, 'error', `Failed to run VM ${vm.name} (User: ${USER}): ${summary}. ${state.reasons.join('. ')}.`, { vmId: vm.id, ...state.corr });
}
