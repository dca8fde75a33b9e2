// How a lifecycle operation ended, decided once from the engine's own record of it — the jobs of its correlation
// id (GET /jobs?search=correlation_id=…), or its events where the engine keeps no job — and then kept: a later
// change to the VM is the VM's state, never a new verdict on an old operation (issue 12).
// The engine answers "200 complete" before the VM changes state (reference §2.5), and a job can end a moment
// before the VM shows its new status, so a job that finished is "done" once the VM got where it was sent; the
// console waits for that, bounded: a VM resting in another state 5 s after the jobs ended did not get there, one
// still between states gets two minutes.
import { vmStatusText } from './format';
import type { EngineEvent, JobWithSteps, Step, Vm } from './model';
import { ACTION_LABEL, type ActionState, type LifecycleAction } from './vm-actions';
import { isTransitional } from './vm-status';

export type HostNames = (id: string | undefined) => string | undefined;

export type SettledState = 'done' | 'failed' | 'unknown';

export interface OperationOutcome {
  state: 'running' | SettledState;
  headline: string;
  /** Why it failed, in the engine's words (its failed steps, naming hosts and targets). */
  details: string[];
}

/** A verdict as it is kept: written once, when the operation settled, and never recomputed. */
export interface SettledOutcome {
  state: SettledState;
  headline: string;
  details: string[];
  settledAt: number;
}

/** What the console knows of the operation it started. */
export interface OperationFacts {
  kind: LifecycleAction;
  vmName: string;
  /** Where the VM ran when the operation started. */
  sourceHostId?: string | undefined;
  /** The destination the user picked; undefined = the engine chooses. */
  destHostId?: string | undefined;
  startedAt: number;
  /** When the console first saw every job of the operation ended (the wait for the VM counts from there). */
  jobsEndedAt?: number | undefined;
  /** The engine's answer was lost or unreadable (what happened, in words): the engine may or may not have acted. */
  answerLost?: string | undefined;
}

export interface OperationEvidence {
  /** The jobs of the correlation id, with their steps; undefined until read. */
  jobs: readonly JobWithSteps[] | undefined;
  /** The events of the correlation id: read only where the engine keeps no job for it. */
  events?: readonly EngineEvent[] | undefined;
  vm: Vm | undefined;
  /** When `vm` was read (ms). */
  vmReadAt: number;
  now: number;
}

export type Judgement =
  | { state: 'running'; jobsEndedAt?: number | undefined }
  | { state: SettledState; headline: string; details: string[] };

/** A VM at rest in another state this long after the jobs ended did not get where it was sent. */
export const AT_REST_GRACE_MS = 5_000;
/** A VM still between states this long after the jobs ended is not waited for any more. */
export const IN_TRANSIT_LIMIT_MS = 120_000;
/** Neither a job nor a conclusive event this long after the start: the console says it cannot tell. */
export const NO_RECORD_LIMIT_MS = 120_000;
/**
 * After a lost answer, how long the console waits for a job or an event of the correlation id before it concludes
 * the engine did not act: the engine creates a command's job (and logs its first event) while it handles the
 * request, before it answers, so a request it acted on has a record by the time its answer would have come.
 */
export const LOST_ANSWER_GRACE_MS = 4_000;

/**
 * The failed steps that say why: the failed leaves — each host's own failure (a child of an aggregate such as
 * "Asked host1, host2… at once") and the top-level failures and conclusions — without the aggregates themselves.
 */
export function failureDetails(jobs: readonly JobWithSteps[]): string[] {
  const all = jobs.flatMap((j) => j.steps);
  const failed = all.filter((s) => s.status === 'failed');
  const hasChildren = (s: Step) => all.some((c) => c.parentStepId === s.id);
  const leaves = failed.filter((s) => !hasChildren(s));
  const chosen = leaves.length > 0 ? leaves : failed;
  const order = (s: Step) => {
    const parent = s.parentStepId ? all.find((p) => p.id === s.parentStepId) : undefined;
    return [parent?.startTime ?? s.startTime ?? 0, s.startTime ?? 0, s.number ?? 0] as const;
  };
  const sorted = [...chosen].sort((a, b) => {
    const [pa, sa, na] = order(a);
    const [pb, sb, nb] = order(b);
    return pa - pb || sa - sb || na - nb;
  });
  return [...new Set(sorted.map((s) => s.description))];
}

/** Where the VM is now, for the line a failed operation shows under its reasons (read live, never kept). */
export function vmWhere(vm: Vm, hostName: HostNames): string {
  if (vm.status === 'down') return `${vm.name} is Down`;
  return `${vm.name} is ${vmStatusText(vm.status)} on ${hostName(vm.hostId) ?? 'its host'}`;
}

function vmWas(vm: Vm, hostName: HostNames): string {
  if (vm.status === 'down') return `${vm.name} was Down`;
  return `${vm.name} was ${vmStatusText(vm.status)} on ${hostName(vm.hostId) ?? 'its host'}`;
}

/** "Migrate db01 from host1 to host3", "Shut down app01": an operation, or what a Try again would do. */
export function describeOperation(
  op: { kind: LifecycleAction; vmName: string; destHostId?: string | undefined },
  fromHostId: string | undefined,
  hostName: HostNames,
): string {
  if (op.kind !== 'migrate') return `${ACTION_LABEL[op.kind]} ${op.vmName}`;
  const to = op.destHostId ? (hostName(op.destHostId) ?? 'the chosen host') : 'a host the engine chooses';
  return `Migrate ${op.vmName} from ${hostName(fromHostId) ?? 'its host'} to ${to}`;
}

/** The VM got where the operation sent it. */
function arrived(op: OperationFacts, vm: Vm): boolean {
  switch (op.kind) {
    case 'start':
      return vm.status === 'up';
    case 'shutdown':
    case 'stop':
      return vm.status === 'down';
    case 'migrate':
      return vm.status === 'up' && !!vm.hostId && vm.hostId !== op.sourceHostId;
  }
}

function doneHeadline(op: OperationFacts, vm: Vm, hostName: HostNames): string {
  switch (op.kind) {
    case 'start':
      return `${vm.name} is Up on ${hostName(vm.hostId) ?? 'its host'}`;
    case 'shutdown':
    case 'stop':
      return `${vm.name} is Down`;
    case 'migrate':
      return `${vm.name} migrated from ${hostName(op.sourceHostId) ?? 'its host'} to ${hostName(vm.hostId) ?? 'another host'}`;
  }
}

function failedHeadline(op: OperationFacts, vm: Vm | undefined, hostName: HostNames): string {
  switch (op.kind) {
    case 'start':
      return `${op.vmName} could not run`;
    case 'shutdown':
      return `${op.vmName} did not shut down`;
    case 'stop':
      return `${op.vmName} did not power off`;
    case 'migrate':
      return vm && vm.status === 'up' && vm.hostId === op.sourceHostId
        ? `Migration failed: ${op.vmName} stayed on ${hostName(op.sourceHostId) ?? 'its host'}`
        : `Migration of ${op.vmName} failed`;
  }
}

/**
 * The verdict on an operation still running, from the engine's record of it: `running` (with when its jobs were
 * first seen ended) until the record decides it. Called until it settles, never after: the caller keeps it.
 */
export function judgeOperation(op: OperationFacts, ev: OperationEvidence, hostName: HostNames): Judgement {
  const { jobs, vm } = ev;
  if (jobs === undefined) return { state: 'running' };
  if (jobs.length === 0) return judgeFromEvents(op, ev, hostName);
  if (jobs.some((j) => j.job.status === 'started')) return { state: 'running' };
  const endedAt = op.jobsEndedAt ?? ev.now;
  if (jobs.some((j) => j.job.status === 'failed' || j.job.status === 'aborted')) {
    // Failed is the engine's word; the headline says where the VM stayed, from a reading taken after the jobs
    // ended and at rest (briefly waited for: the VM is read again as soon as the jobs move).
    const settledVm = !!vm && ev.vmReadAt >= endedAt && !isTransitional(vm.status);
    if (!settledVm && ev.now - endedAt < AT_REST_GRACE_MS) return { state: 'running', jobsEndedAt: endedAt };
    const details = failureDetails(jobs);
    return {
      state: 'failed',
      headline: failedHeadline(op, vm, hostName),
      details: details.length > 0 ? details : ['The engine\u2019s job failed without a failed step saying why.'],
    };
  }
  // Every job ended, none failed: done once the VM shows it (it may lag the job, reference §2.5).
  if (!vm) {
    // The VM cannot be read (removed meanwhile, or the reading fails): the job's word, said as such, in the end.
    if (ev.now - endedAt < IN_TRANSIT_LIMIT_MS) return { state: 'running', jobsEndedAt: endedAt };
    const finished = jobs.every((j) => j.job.status === 'finished');
    return {
      state: finished ? 'done' : 'unknown',
      headline: `${describeOperation(op, op.sourceHostId, hostName)}: the engine’s job ${finished ? 'finished' : 'ended (status unknown)'}`,
      details: [`${op.vmName} could not be read to confirm it.`],
    };
  }
  if (arrived(op, vm)) return { state: 'done', headline: doneHeadline(op, vm, hostName), details: [] };
  const waited = ev.vmReadAt - endedAt;
  if ((!isTransitional(vm.status) && waited >= AT_REST_GRACE_MS) || waited >= IN_TRANSIT_LIMIT_MS) {
    const finished = jobs.every((j) => j.job.status === 'finished');
    const secs = Math.round(waited / 1000);
    return {
      state: 'failed',
      headline: failedHeadline(op, vm, hostName),
      details: [
        ...failureDetails(jobs),
        finished
          ? `The engine\u2019s job finished, but ${secs} s later ${vmWas(vm, hostName)}.`
          : `The engine lost track of its job (status unknown), and ${secs} s later ${vmWas(vm, hostName)}.`,
      ],
    };
  }
  return { state: 'running', jobsEndedAt: endedAt };
}

/** No job carries the correlation id (an engine that purged it, or keeps none): its events are the record. */
function judgeFromEvents(op: OperationFacts, ev: OperationEvidence, hostName: HostNames): Judgement {
  const { events, vm } = ev;
  if (events === undefined) return { state: 'running' };
  const errors = events.filter((e) => e.severity === 'error' || e.severity === 'alert');
  if (errors.length > 0) {
    return {
      state: 'failed',
      headline: failedHeadline(op, vm, hostName),
      details: [...new Set([...errors].sort((a, b) => a.time - b.time).map((e) => e.description))],
    };
  }
  if (events.length > 0 && vm && arrived(op, vm)) return { state: 'done', headline: doneHeadline(op, vm, hostName), details: [] };
  if (op.answerLost !== undefined && events.length === 0 && ev.now - op.startedAt >= LOST_ANSWER_GRACE_MS) {
    return {
      state: 'failed',
      headline: failedHeadline(op, vm, hostName),
      details: [op.answerLost, 'The engine keeps no job and no event for this request: it did not act on it.'],
    };
  }
  if (ev.now - op.startedAt < NO_RECORD_LIMIT_MS) return { state: 'running' };
  return {
    state: 'unknown',
    headline: `${describeOperation(op, op.sourceHostId, hostName)}: the engine keeps no record of how it ended`,
    details: [
      events.length > 0
        ? `The engine logged ${events.length === 1 ? 'an event' : `${events.length} events`} for it but no job and no failure, and ${vm ? vmWas(vm, hostName) : `${op.vmName} could not be read`} ${Math.round((ev.now - op.startedAt) / 1000)} s after it started.`
        : 'No job and no event of the engine carries its correlation id. Check the VM\u2019s status and its Events tab.',
    ],
  };
}

/**
 * Try again, for a failed operation only, and only while it still makes sense for the VM as it is now (the
 * action allowed now; a migration not to the host the VM already runs on). The label says what it will do now:
 * a failed migration is retried from where the VM runs now.
 */
export function retryOffer(
  op: { kind: LifecycleAction; vmName: string; destHostId?: string | undefined },
  state: SettledState | 'running',
  vmNow: Vm | undefined,
  allowedNow: Record<LifecycleAction, ActionState> | undefined,
  hostName: HostNames,
): { label: string; from: string | undefined } | undefined {
  if (state !== 'failed' || !vmNow || !allowedNow?.[op.kind].enabled) return undefined;
  if (op.kind === 'migrate' && op.destHostId && op.destHostId === vmNow.hostId) return undefined;
  return { label: `Try again: ${describeOperation({ ...op, vmName: vmNow.name }, vmNow.hostId, hostName)}`, from: vmNow.hostId };
}
