// Creating the disk: one request (POST /disks, or POST /vms/{id}/diskattachments that creates and attaches),
// tagged with a correlation id so its job steps show as progress. Never two disks: a second click while a
// request is in flight does nothing, and a Create whose end is unknown (its answer lost, or the page reloaded
// while it was in flight: unsettled-create.ts) is settled with the engine before anything else — is there a disk
// on that LUN, and is it ours (the events of that correlation id, the alias sent, the VM)? The guard, the
// correlation id and the refresh afterwards are the shape every long operation has (ui/use-engine-operation).
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { invalidateAfter } from '../../engine-api/changes';
import { diskAttachmentWire, listAttachments } from '../../engine-api/disk-attachments';
import { diskWire, findLunDisk } from '../../engine-api/disks';
import { EngineError, answerLost } from '../../engine-api/errors';
import { listEvents } from '../../engine-api/events';
import { jobSearchHonoured, jobsOfCorrelation } from '../../engine-api/jobs';
import { sendSpec } from '../../engine-api/requests';
import type { Disk, DiskAttachment } from '../../domain/model';
import { useEngineOperation } from '../../ui/use-engine-operation';
import type { CreatePlan } from './requests';
import { loadUnsettledCreate, saveUnsettledCreate, type UnsettledCreate } from './unsettled-create';

export type CreateOutcome =
  | { kind: 'floating'; disk: Disk; correlationId: string; recovered: boolean; after?: 'reload' | undefined }
  | {
      kind: 'vm';
      vmId: string;
      attachment: DiskAttachment;
      /** What was asked: plug the disk. With a 201 and active "false" the plug failed (reference §4.3). */
      activateAsked: boolean;
      correlationId: string;
      recovered: boolean;
      /** Recovered after the page was reloaded mid-Create (else after a lost answer, or the engine's 409). */
      after?: 'reload' | undefined;
    };

export interface CreateAttempt {
  correlationId: string;
  pending: boolean;
  error?: unknown;
}

/** The engine's 409 "LUN used by another disk", with the disk that took it when the console could find it. */
export class LunTakenError extends EngineError {
  constructor(
    readonly lunId: string,
    readonly takenBy: string,
  ) {
    super({
      kind: 'fault',
      status: 409,
      reason: 'Operation Failed',
      detail: `[Cannot add Virtual Disk. The provided lun is used by another disk.]`,
    });
  }
}

/** Raised when a LUN turns out to back another disk (after a lost answer, or named after the engine's 409). */
export function lunTakenError(lunId: string, alias: string): EngineError {
  return new LunTakenError(lunId, alias);
}

/**
 * The engine's "disk added" events: USER_ADD_DISK_FINISHED_SUCCESS (2021, a floating disk) and
 * USER_ADD_DISK_TO_VM_FINISHED_SUCCESS (97, created for a VM), tagged with the request's correlation id
 * (reference §4.2). Events are searchable by correlation id for every user, jobs only for admins (audit F4).
 */
const DISK_ADDED_EVENTS = new Set([2021, 97]);

/** How long the check waits for a job of the attempt that the engine is still running (a plug, a connect). */
const JOB_WAIT_MS = 30_000;

/** With no jobs to watch (a filtered session), no event of the attempt this long after the check began: nothing runs. */
const NO_EVENT_MS = 4_000;

/**
 * Waits, bounded, while the engine still runs the attempt: its jobs where the engine honours the job search;
 * otherwise (a user who is not an admin, decision 043) its events — until one says the disk was added or
 * something failed, or none came at all.
 */
async function untilJobsEnd(correlationId: string): Promise<void> {
  const start = Date.now();
  const honoured = await jobSearchHonoured().catch(() => false);
  for (;;) {
    if (honoured) {
      const jobs = await jobsOfCorrelation(correlationId).catch(() => []);
      if (!jobs.some((j) => j.status === 'started')) return;
    } else {
      const events = await listEvents(`correlation_id=${correlationId}`, 20).catch(() => []);
      if (events.some((e) => DISK_ADDED_EVENTS.has(e.code) || e.severity === 'error')) return;
      if (events.length === 0 && Date.now() - start >= NO_EVENT_MS) return;
    }
    if (Date.now() - start > JOB_WAIT_MS) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * What the engine did with an attempt whose end the console does not know. Undefined: no disk on that LUN, the
 * Create did not happen. An outcome: the disk on that LUN is ours — the engine's "disk added" event carries the
 * attempt's correlation id, or (events gone) it has the alias we sent, or, for a VM disk the engine named, it is
 * attached to that VM — as created, attached and plugged as the engine has it now. Throws LunTakenError when the
 * disk on that LUN is someone else's; any other error when the engine could not be asked.
 */
export async function whatTheEngineDid(u: UnsettledCreate): Promise<CreateOutcome | undefined> {
  // A job of the attempt still running (the engine finishing a create whose answer the page never got): wait.
  await untilJobsEnd(u.correlationId);
  const existing = await findLunDisk(u.lunId);
  if (!existing) return undefined;
  const events = await listEvents(`correlation_id=${u.correlationId}`, 50).catch(() => []);
  const addedByUs = events.some((e) => DISK_ADDED_EVENTS.has(e.code));
  const recovered = { correlationId: u.correlationId, recovered: true, ...(u.state === 'sent' ? { after: 'reload' as const } : {}) };
  if (!u.vmId) {
    if (!addedByUs && existing.alias !== u.alias) throw lunTakenError(u.lunId, existing.alias);
    return { kind: 'floating', disk: existing, ...recovered };
  }
  const attachment = (await listAttachments(u.vmId)).find((a) => a.diskId === existing.id);
  const ours = addedByUs || (attachment !== undefined && (!u.alias || existing.alias === u.alias));
  if (!ours) throw lunTakenError(u.lunId, existing.alias);
  // Ours, but detached since: it is a disk on its own now, and is shown as one.
  if (!attachment) return { kind: 'floating', disk: existing, ...recovered };
  return { kind: 'vm', vmId: u.vmId, attachment, activateAsked: u.activate, ...recovered };
}

/**
 * Settles an unsettled attempt with the engine (whatTheEngineDid); `keep` forgets it once the engine's answer
 * decides it — our disk, no disk, or someone else's (LunTakenError) — and keeps it when the engine could not be asked.
 */
export async function decideUnsettled(u: UnsettledCreate, keep: (u: UnsettledCreate | undefined) => void): Promise<CreateOutcome | undefined> {
  try {
    const found = await whatTheEngineDid(u);
    keep(undefined);
    return found;
  } catch (e) {
    if (e instanceof LunTakenError) keep(undefined);
    throw e;
  }
}

/**
 * One create of one LUN disk, never twice: an earlier attempt of this disk whose end is unknown (`before`) is
 * settled with the engine first (our disk there is the result); then the request is sent with `correlationId`,
 * the attempt kept (`keep`) while in flight and as 'lost' when its answer is lost; the engine's "LUN already in
 * use" is checked against the attempt (ours, or named). The single create and each disk of a batch (decision 048)
 * run this, each with its own record.
 */
export async function sendCreate(
  plan: CreatePlan,
  vmId: string | undefined,
  correlationId: string,
  before: UnsettledCreate | undefined,
  keep: (u: UnsettledCreate | undefined) => void,
): Promise<CreateOutcome> {
  if (before) {
    const found = await decideUnsettled(before, keep);
    if (found) return found;
  }
  const attempt: UnsettledCreate = {
    correlationId,
    lunId: plan.disk.lun.id,
    alias: plan.disk.alias,
    ...(vmId ? { vmId } : {}),
    activate: plan.attachment?.active ?? false,
    state: 'sent',
  };
  keep(attempt);
  try {
    let outcome: CreateOutcome;
    if (vmId) {
      const attachment = await sendSpec(plan.spec, diskAttachmentWire, correlationId);
      outcome = { kind: 'vm', vmId, attachment, activateAsked: attempt.activate, correlationId, recovered: false };
    } else {
      const disk = await sendSpec(plan.spec, diskWire, correlationId);
      outcome = { kind: 'floating', disk, correlationId, recovered: false };
    }
    keep(undefined);
    return outcome;
  } catch (caught) {
    keep(answerLost(caught) ? { ...attempt, state: 'lost' } : undefined);
    // "LUN already in use" may be our own earlier attempt the console knows nothing of (another tab, storage
    // cleared): if the disk on the LUN is ours (by the alias sent), that is the result; if not, name its disk.
    if (caught instanceof EngineError && caught.key === 'ACTION_TYPE_FAILED_DISK_LUN_IS_ALREADY_IN_USE') {
      const found = await whatTheEngineDid({ ...attempt, state: 'lost' }).catch((named: unknown) => {
        throw named instanceof LunTakenError ? named : caught;
      });
      if (found) return found;
    }
    throw caught;
  }
}

export interface CreateOptions {
  /** The hosting wizard's draft key: the unsettled attempt is kept next to its draft, so it survives a reload. */
  draftKey?: string | undefined;
  /** The wizard was filled from its draft: an attempt kept with it is picked up (otherwise it is stale, dropped). */
  restored?: boolean | undefined;
}

export function useCreateLunDisk(vmId: string | undefined, opts: CreateOptions = {}) {
  const { draftKey } = opts;
  const queryClient = useQueryClient();
  const op = useEngineOperation<CreateOutcome>();
  const { run } = op;
  // One guard for the create and the check: neither starts while the other runs.
  const busy = useRef(false);
  const [checking, setChecking] = useState(false);
  const [restoredAttempt] = useState(() => {
    if (!draftKey) return undefined;
    const kept = opts.restored ? loadUnsettledCreate(draftKey) : undefined;
    if (!kept) saveUnsettledCreate(draftKey, undefined);
    return kept;
  });
  const unsettled = useRef<UnsettledCreate | undefined>(restoredAttempt);
  const keep = useCallback(
    (u: UnsettledCreate | undefined) => {
      unsettled.current = u;
      if (draftKey) saveUnsettledCreate(draftKey, u);
    },
    [draftKey],
  );

  const send = useCallback(
    (plan: CreatePlan, correlationId: string): Promise<CreateOutcome> => sendCreate(plan, vmId, correlationId, unsettled.current, keep),
    [vmId, keep],
  );

  const create = useCallback(
    /**
     * Undefined when a create (or a check) is already in flight: then nothing is sent. `hostId`, the host the wizard
     * used, is not what decides the refresh: connect-on-pool may have connected every Up host (engine-api/changes.ts).
     */
    async (plan: CreatePlan, _hostId: string): Promise<CreateOutcome | undefined> => {
      if (busy.current) return undefined;
      busy.current = true;
      try {
        return await run({ change: { kind: 'disk-created', vmId }, prefix: 'add-disk' }, (correlationId) => send(plan, correlationId));
      } finally {
        busy.current = false;
      }
    },
    [run, send, vmId],
  );

  /**
   * Asks the engine how the unsettled attempt ended, before any step of the wizard is validated (a disk of ours on
   * the LUN would otherwise read as "used by disk X"). Undefined when there is nothing to settle or something runs.
   */
  const settle = useCallback(async (): Promise<{ outcome: CreateOutcome | undefined; attempt: UnsettledCreate } | undefined> => {
    const u = unsettled.current;
    if (!u || busy.current) return undefined;
    busy.current = true;
    setChecking(true);
    try {
      const outcome = await decideUnsettled(u, keep);
      return { outcome, attempt: u };
    } finally {
      busy.current = false;
      setChecking(false);
      // What the check found (our disk, someone else's) is shown in the lists and on the LUN step.
      void invalidateAfter(queryClient, { kind: 'disk-created', vmId: u.vmId }, [u.correlationId]);
    }
  }, [keep, queryClient]);

  const attempt: CreateAttempt | undefined = op.correlationId
    ? { correlationId: op.correlationId, pending: op.pending, ...(op.error !== undefined ? { error: op.error } : {}) }
    : undefined;
  return {
    create,
    settle,
    /** A Create whose end is unknown: the next Create asks the engine first. */
    unsettled: () => unsettled.current,
    /** The attempt found next to the restored draft: the page went away before its end was known. */
    restoredAttempt,
    attempt,
    isPending: op.pending || checking,
    checking,
    reset: op.reset,
  };
}
