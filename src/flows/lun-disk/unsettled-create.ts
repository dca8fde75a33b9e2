// A Create whose end the console does not know: its request went out and no usable answer came back — the answer
// was lost (network, unreadable reply, 5xx), or the page went away (a reload) while it was in flight. Kept in
// memory and, next to the wizard's draft, in sessionStorage (this tab only), so that after a reload the wizard
// knows to ask the engine before anything else (decision 013). Only what identifies the attempt is kept — the
// correlation id, the LUN, the alias sent, the VM — never the CHAP password (docs/decisions/003).
import { z } from 'zod';

export const unsettledCreateSchema = z.object({
  correlationId: z.string().min(1),
  lunId: z.string().min(1),
  /** The alias sent; empty when the engine names the disk (a VM disk without an alias). */
  alias: z.string(),
  /** The VM the disk was created for (create and attach in one request); absent for a floating disk. */
  vmId: z.string().optional(),
  /** Whether the request asked the engine to plug the disk. */
  activate: z.boolean(),
  /** 'sent': the request was in flight when the page went away; 'lost': its answer was lost. */
  state: z.enum(['sent', 'lost']),
});

export type UnsettledCreate = z.infer<typeof unsettledCreateSchema>;

/** Stored next to the wizard's draft (`dlc.draft.<key>`), and dropped with it. */
function storageKey(draftKey: string): string {
  return `dlc.draft.${draftKey}.create-in-flight`;
}

/** The attempt kept under this draft key, if any; storage is not trusted (parsed, or ignored). */
export function loadUnsettledCreate(draftKey: string): UnsettledCreate | undefined {
  try {
    const raw = sessionStorage.getItem(storageKey(draftKey));
    if (!raw) return undefined;
    const read = unsettledCreateSchema.safeParse(JSON.parse(raw));
    return read.success ? read.data : undefined;
  } catch {
    return undefined;
  }
}

export function saveUnsettledCreate(draftKey: string, u: UnsettledCreate | undefined): void {
  try {
    if (u) sessionStorage.setItem(storageKey(draftKey), JSON.stringify(u));
    else sessionStorage.removeItem(storageKey(draftKey));
  } catch {
    // A full or disabled storage only costs the knowledge across a reload; the 409 path still finds our disk.
  }
}
