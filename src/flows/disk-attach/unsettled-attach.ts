// An attach run whose end the console does not know because the page went away (a reload) while it ran: kept next
// to the Attach wizard's draft in sessionStorage (this tab only) from the first request until every disk has its
// result, so that after a reload the wizard asks the engine what it did instead of judging the disks again ("already
// attached" would refuse the console's own attach). Only ids, aliases and the options sent are kept.
import { z } from 'zod';
import { DISK_INTERFACES, VM_STATUSES } from '../../domain/model';

const unsettledAttachSchema = z.object({
  vmId: z.string().min(1),
  vmStatus: z.enum(VM_STATUSES),
  items: z.array(
    z.object({
      diskId: z.string().min(1),
      alias: z.string(),
      choice: z.object({ interface: z.enum(DISK_INTERFACES), bootable: z.boolean(), readOnly: z.boolean(), activate: z.boolean() }),
      correlationId: z.string().min(1),
    }),
  ),
});

export type UnsettledAttach = z.infer<typeof unsettledAttachSchema>;

function storageKey(draftKey: string): string {
  return `dlc.draft.${draftKey}.attach-in-flight`;
}

export function loadUnsettledAttach(draftKey: string): UnsettledAttach | undefined {
  try {
    const raw = sessionStorage.getItem(storageKey(draftKey));
    if (!raw) return undefined;
    const read = unsettledAttachSchema.safeParse(JSON.parse(raw));
    return read.success ? read.data : undefined;
  } catch {
    return undefined;
  }
}

export function saveUnsettledAttach(draftKey: string, u: UnsettledAttach | undefined): void {
  try {
    if (u) sessionStorage.setItem(storageKey(draftKey), JSON.stringify(u));
    else sessionStorage.removeItem(storageKey(draftKey));
  } catch {
    // A full or disabled storage only costs the knowledge across a reload; the run itself looks before it posts.
  }
}
