// A batch of LUN disks in progress (decision 048), kept next to the wizard's draft in this tab's sessionStorage,
// so that a reload mid-batch knows which disks were made, which attempt's end is unknown, and which are still to
// make. Each disk's unknown attempt is unsettled-create's record, settled the same way (use-create-lun-disk's
// sendCreate): one mechanism, per disk. Only what identifies the disks is kept — never the CHAP password.
import { z } from 'zod';
import { MAX_BATCH } from '../../domain/lun-batch';
import { unsettledCreateSchema } from './unsettled-create';

const madeSchema = z.object({
  diskId: z.string().min(1),
  /** The alias the engine has (a recovered disk may differ from the one planned: never, in practice). */
  alias: z.string(),
  /** Attached to the batch's VM; with `active`, plugged. */
  attached: z.boolean(),
  active: z.boolean(),
  /**
   * The plug was asked (a running VM, Activate checked): attached but not active then means the plug failed, and
   * the disk is offered "Retry plug" (the activate only). Optional: a record kept before this field reads as not asked.
   */
  activateAsked: z.boolean().optional(),
  /** Why the last plug of this disk failed, in words (the create's own plug, or a retried one). */
  plugFailed: z.string().optional(),
  /** Found in the engine after a lost answer or a reload, not from the create's own answer. */
  recovered: z.boolean(),
});

const batchItemSchema = z.object({
  lunId: z.string().min(1),
  alias: z.string(),
  /** Every correlation id this disk's attempts used, oldest first. */
  correlationIds: z.array(z.string()),
  /** The attempt whose end is not known yet (in flight when the page went away, or its answer lost). */
  unsettled: unsettledCreateSchema.optional(),
  made: madeSchema.optional(),
  /** Why the last attempt failed, in words (the error object itself does not survive a reload). */
  failed: z.string().optional(),
});

const batchRecordSchema = z.object({
  vmId: z.string().optional(),
  items: z.array(batchItemSchema).min(1).max(MAX_BATCH),
});

export type BatchMade = z.infer<typeof madeSchema>;
export type BatchRecordItem = z.infer<typeof batchItemSchema>;
export type BatchRecord = z.infer<typeof batchRecordSchema>;

function storageKey(draftKey: string): string {
  return `dlc.draft.${draftKey}.batch-in-flight`;
}

/** The batch kept under this draft key, if any; storage is not trusted (parsed, or ignored). */
export function loadBatch(draftKey: string): BatchRecord | undefined {
  try {
    const raw = sessionStorage.getItem(storageKey(draftKey));
    if (!raw) return undefined;
    const read = batchRecordSchema.safeParse(JSON.parse(raw));
    return read.success ? read.data : undefined;
  } catch {
    return undefined;
  }
}

export function saveBatch(draftKey: string, r: BatchRecord | undefined): void {
  try {
    if (r) sessionStorage.setItem(storageKey(draftKey), JSON.stringify(r));
    else sessionStorage.removeItem(storageKey(draftKey));
  } catch {
    // A full or disabled storage costs only the knowledge across a reload; each disk's 409 path still finds it.
  }
}
