// Creating the disk: one request (POST /disks, or POST /vms/{id}/diskattachments that creates and attaches),
// tagged with a correlation id so its job steps show as progress. Never two disks: a second click while a
// request is in flight does nothing, and after an answer that was lost (network error, unreadable reply) the
// next try first asks the engine whether a disk on that LUN exists before it sends the create again. The guard,
// the correlation id and the refresh afterwards are the shape every long operation has (ui/use-engine-operation).
import { useCallback, useRef } from 'react';
import { diskAttachmentWire, listAttachments } from '../../engine-api/disk-attachments';
import { diskWire, findLunDisk } from '../../engine-api/disks';
import { EngineError, answerLost } from '../../engine-api/errors';
import { sendSpec } from '../../engine-api/requests';
import type { Disk, DiskAttachment } from '../../domain/model';
import { useEngineOperation } from '../../ui/use-engine-operation';
import type { CreatePlan } from './requests';

export type CreateOutcome =
  | { kind: 'floating'; disk: Disk; correlationId: string; recovered: boolean }
  | {
      kind: 'vm';
      vmId: string;
      attachment: DiskAttachment;
      /** What was asked: plug the disk. With a 201 and active "false" the plug failed (reference §4.3). */
      activateAsked: boolean;
      correlationId: string;
      recovered: boolean;
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

export function useCreateLunDisk(vmId: string | undefined) {
  const op = useEngineOperation<CreateOutcome>();
  const { run } = op;
  const mustCheckFirst = useRef(false);

  /** A disk on this LUN exists already: ours (from the lost answer), or someone else's. */
  const recover = useCallback(
    async (plan: CreatePlan, correlationId: string): Promise<CreateOutcome | undefined> => {
      const existing = await findLunDisk(plan.disk.lun.id);
      if (!existing) return undefined;
      const ours = !plan.disk.alias || existing.alias === plan.disk.alias;
      if (!vmId) {
        if (!ours) throw lunTakenError(plan.disk.lun.id, existing.alias);
        return { kind: 'floating', disk: existing, correlationId, recovered: true };
      }
      const attachment = (await listAttachments(vmId)).find((a) => a.diskId === existing.id);
      if (!attachment || !ours) throw lunTakenError(plan.disk.lun.id, existing.alias);
      return { kind: 'vm', vmId, attachment, activateAsked: plan.attachment?.active ?? false, correlationId, recovered: true };
    },
    [vmId],
  );

  const send = useCallback(
    async (plan: CreatePlan, correlationId: string): Promise<CreateOutcome> => {
      try {
        let outcome: CreateOutcome | undefined;
        if (mustCheckFirst.current) outcome = await recover(plan, correlationId);
        if (!outcome) {
          if (vmId) {
            const attachment = await sendSpec(plan.spec, diskAttachmentWire, correlationId);
            outcome = { kind: 'vm', vmId, attachment, activateAsked: plan.attachment?.active ?? false, correlationId, recovered: false };
          } else {
            const disk = await sendSpec(plan.spec, diskWire, correlationId);
            outcome = { kind: 'floating', disk, correlationId, recovered: false };
          }
        }
        mustCheckFirst.current = false;
        return outcome;
      } catch (caught) {
        let e = caught;
        if (answerLost(e)) mustCheckFirst.current = true;
        // "LUN already in use" may be our own earlier attempt whose answer never came (a reload, a lost tab):
        // if the disk on the LUN is ours, that is the result; if not, name the disk that took it.
        if (e instanceof EngineError && e.key === 'ACTION_TYPE_FAILED_DISK_LUN_IS_ALREADY_IN_USE') {
          try {
            const outcome = await recover(plan, correlationId);
            if (outcome) {
              mustCheckFirst.current = false;
              return outcome;
            }
          } catch (named) {
            e = named;
          }
        }
        throw e;
      }
    },
    [vmId, recover],
  );

  const create = useCallback(
    /**
     * Undefined when a create is already in flight: then nothing is sent. `hostId`, the host the wizard used, is
     * not what decides the refresh: connect-on-pool may have connected every Up host (engine-api/changes.ts).
     */
    (plan: CreatePlan, _hostId: string): Promise<CreateOutcome | undefined> =>
      run({ change: { kind: 'disk-created', vmId }, prefix: 'add-disk' }, (correlationId) => send(plan, correlationId)),
    [run, send, vmId],
  );

  const attempt: CreateAttempt | undefined = op.correlationId
    ? { correlationId: op.correlationId, pending: op.pending, ...(op.error !== undefined ? { error: op.error } : {}) }
    : undefined;
  return { create, attempt, isPending: op.pending, reset: op.reset };
}
