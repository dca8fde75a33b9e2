// How a lifecycle operation ended, decided once from the engine's own record of it — the jobs of its correlation
// id (GET /jobs?search=correlation_id=…), or its events where the engine keeps no job — and then kept: a later
// change to the VM is the VM's state, never a new verdict on an old operation (issue 12).
// The engine answers "200 complete" before the VM changes state (reference §2.5), and a job can end a moment
// before the VM shows its new status, so a job that finished is "done" once the VM got where it was sent; the
// console waits for that, bounded: a VM resting in another state 5 s after the jobs ended did not get there, one
// still between states gets two minutes.
import { t, type MessageId } from '../i18n/i18n';
import { vmStatusText } from './format';
import type { EngineEvent, JobWithSteps, Step, Vm } from './model';
import type { ActionState, LifecycleAction } from './vm-actions';
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
  if (vm.status === 'down') return t('domain.operation.vmIsDown', { vm: vm.name });
  const host = hostName(vm.hostId);
  return host === undefined
    ? t('domain.operation.vmIsOnItsHost', { vm: vm.name, status: vmStatusText(vm.status) })
    : t('domain.operation.vmIsOn', { vm: vm.name, status: vmStatusText(vm.status), host });
}

function vmWas(vm: Vm, hostName: HostNames): string {
  if (vm.status === 'down') return t('domain.operation.vmWasDown', { vm: vm.name });
  const host = hostName(vm.hostId);
  return host === undefined
    ? t('domain.operation.vmWasOnItsHost', { vm: vm.name, status: vmStatusText(vm.status) })
    : t('domain.operation.vmWasOn', { vm: vm.name, status: vmStatusText(vm.status), host });
}

const OPERATION: Record<Exclude<LifecycleAction, 'migrate'>, MessageId> = {
  start: 'domain.operation.start',
  shutdown: 'domain.operation.shutdown',
  stop: 'domain.operation.stop',
};

/** "Migrate db01 from host1 to host3", "Shut down app01": an operation, or what a Try again would do. */
export function describeOperation(
  op: { kind: LifecycleAction; vmName: string; destHostId?: string | undefined },
  fromHostId: string | undefined,
  hostName: HostNames,
): string {
  if (op.kind !== 'migrate') return t(OPERATION[op.kind], { vm: op.vmName });
  const to = op.destHostId ? (hostName(op.destHostId) ?? t('domain.operation.theChosenHost')) : t('domain.operation.engineChoosesHost');
  const from = hostName(fromHostId);
  return from === undefined
    ? t('domain.operation.migrateFromItsHost', { vm: op.vmName, to })
    : t('domain.operation.migrate', { vm: op.vmName, from, to });
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
    case 'start': {
      const host = hostName(vm.hostId);
      return host === undefined ? t('domain.operation.upOnItsHost', { vm: vm.name }) : t('domain.operation.upOn', { vm: vm.name, host });
    }
    case 'shutdown':
    case 'stop':
      return t('domain.operation.vmIsDown', { vm: vm.name });
    case 'migrate': {
      const from = hostName(op.sourceHostId);
      const to = hostName(vm.hostId) ?? t('domain.operation.anotherHost');
      return from === undefined ? t('domain.operation.migratedFromItsHost', { vm: vm.name, to }) : t('domain.operation.migrated', { vm: vm.name, from, to });
    }
  }
}

function failedHeadline(op: OperationFacts, vm: Vm | undefined, hostName: HostNames): string {
  switch (op.kind) {
    case 'start':
      return t('domain.operation.startFailed', { vm: op.vmName });
    case 'shutdown':
      return t('domain.operation.shutdownFailed', { vm: op.vmName });
    case 'stop':
      return t('domain.operation.stopFailed', { vm: op.vmName });
    case 'migrate': {
      if (!(vm && vm.status === 'up' && vm.hostId === op.sourceHostId)) return t('domain.operation.migrateFailed', { vm: op.vmName });
      const host = hostName(op.sourceHostId);
      return host === undefined
        ? t('domain.operation.migrateStayedOnItsHost', { vm: op.vmName })
        : t('domain.operation.migrateStayed', { vm: op.vmName, host });
    }
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
      details: details.length > 0 ? details : [t('domain.operation.jobFailedNoStep')],
    };
  }
  // Every job ended, none failed: done once the VM shows it (it may lag the job, reference §2.5).
  if (!vm) {
    // The VM cannot be read (removed meanwhile, or the reading fails): the job's word, said as such, in the end.
    if (ev.now - endedAt < IN_TRANSIT_LIMIT_MS) return { state: 'running', jobsEndedAt: endedAt };
    const finished = jobs.every((j) => j.job.status === 'finished');
    return {
      state: finished ? 'done' : 'unknown',
      headline: finished
        ? t('domain.operation.jobFinished', { operation: describeOperation(op, op.sourceHostId, hostName) })
        : t('domain.operation.jobEndedUnknown', { operation: describeOperation(op, op.sourceHostId, hostName) }),
      details: [t('domain.operation.vmUnreadable', { vm: op.vmName })],
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
          ? t('domain.operation.finishedButVm', { secs, was: vmWas(vm, hostName) })
          : t('domain.operation.lostTrackVm', { secs, was: vmWas(vm, hostName) }),
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
      details: [op.answerLost, t('domain.operation.didNotAct')],
    };
  }
  if (ev.now - op.startedAt < NO_RECORD_LIMIT_MS) return { state: 'running' };
  return {
    state: 'unknown',
    headline: t('domain.operation.noRecord', { operation: describeOperation(op, op.sourceHostId, hostName) }),
    details: [
      events.length > 0
        ? t('domain.operation.eventsOnly', {
            count: events.length,
            was: vm ? vmWas(vm, hostName) : t('domain.operation.vmCouldNotBeRead', { vm: op.vmName }),
            secs: Math.round((ev.now - op.startedAt) / 1000),
          })
        : t('domain.operation.noJobNoEvent'),
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
  return { label: t('domain.operation.tryAgain', { operation: describeOperation({ ...op, vmName: vmNow.name }, vmNow.hostId, hostName) }), from: vmNow.hostId };
}
