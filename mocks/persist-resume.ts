// The stored form of a running job's resume record (mocks/engine/resume-points.ts): the same data, read back
// through a schema, except a CHAP password typed into a create request, which is kept only as "was it the
// target's secret" — the same rule as for stored connections (persist.ts, decision 004).
import { z } from 'zod';
import { DISK_INTERFACES } from '../src/domain/model';
import type { LunDiskInput } from './engine/disk-rules';
import type { AddFloatingPoint, AddOnVmPoint, EmResume } from './engine/resume-points';
import type { EmTarget } from './engine/state';

type StoredLunInput = Omit<LunDiskInput, 'lu'> & {
  lu?: (Omit<NonNullable<LunDiskInput['lu']>, 'password'> & { chapMatchesTarget?: boolean | undefined }) | undefined;
};

export type StoredResume =
  | Exclude<EmResume, AddFloatingPoint | AddOnVmPoint>
  | (Omit<AddFloatingPoint, 'input'> & { input: StoredLunInput })
  | (Omit<AddOnVmPoint, 'input'> & { input: StoredLunInput });

const str = z.string();
const num = z.number();
const strings = z.array(str);
const bool = z.boolean();
const corr = { correlationId: str.optional() };

const release = z.object({ texts: strings.optional(), loggedOut: bool.optional() });
const plugPoint = z.object({ phase: z.enum(['connecting', 'plugging']), stepId: str });
const unplugPoint = z.object({ phase: z.enum(['unplugging', 'releasing']), hostId: str, stepId: str, release: release.optional() });
const attachmentInput = z.object({
  interface: z.enum(DISK_INTERFACES).optional(), bootable: bool.optional(), active: bool.optional(), readOnly: bool.optional(),
  passDiscard: bool.optional(), usesScsiReservation: bool.optional(),
});
const lunInput = z.object({
  alias: str.optional(), description: str.optional(), shareable: bool.optional(), propagateErrors: bool.optional(),
  sgio: z.enum(['filtered', 'unfiltered', 'disabled']).optional(), lunType: str.optional(), hostId: str.optional(),
  lu: z.object({
    id: str.optional(), address: str.optional(), port: num.optional(), target: str.optional(), username: str.optional(),
    chapMatchesTarget: bool.optional(),
  }).optional(),
});

export const storedResumeSchema: z.ZodType<StoredResume> = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('run'), vmId: str, ...corr, hostIds: strings, preferredId: str, asked: str, askStepId: str,
    childStepIds: z.record(str, str), answered: strings,
    answers: z.record(str, z.object({ ok: bool, already: bool, detail: str })),
    remainingIds: strings, waitOnPreferred: bool, attempts: num, reasons: strings,
    attempt: z.object({ hostId: str, stepId: str, phase: z.enum(['starting', 'powering-up', 'failing']), release: release.optional() }).optional(),
    outcome: z.enum(['ran', 'failed']).optional(), releasedHostIds: strings, released: strings,
  }),
  z.object({
    kind: z.literal('stop'), vmId: str, how: z.enum(['shutdown', 'stop']), hostId: str.optional(), ...corr,
    phase: z.enum(['stopping', 'releasing']), stepId: str, release: release.optional(),
  }),
  z.object({
    kind: z.literal('migrate'), vmId: str, sourceId: str, candidateIds: strings, userPicked: bool, ...corr, started: num, index: num,
    phase: z.enum(['connecting', 'moving', 'releasing']), stepId: str, release: release.optional(),
  }),
  z.object({
    kind: z.literal('plug-toggle'), vmId: str, diskId: str, ...corr,
    update: attachmentInput.extend({
      disk: z.object({
        alias: str.optional(), description: str.optional(), shareable: bool.optional(), sgio: z.enum(['filtered', 'unfiltered', 'disabled']).optional(),
        propagateErrors: bool.optional(),
      }).optional(),
    }),
    plug: plugPoint.optional(),
    unplug: unplugPoint.optional(),
  }),
  z.object({ kind: z.literal('detach'), vmId: str, diskId: str, detachOnly: bool, ...corr, unplug: unplugPoint.optional() }),
  z.object({ kind: z.literal('attach'), vmId: str, diskId: str, attachment: attachmentInput, ...corr, plug: plugPoint.optional() }),
  z.object({ kind: z.literal('add-floating'), input: lunInput, ...corr, phase: z.enum(['checking', 'creating']), stepId: str }),
  z.object({
    kind: z.literal('add-on-vm'), vmId: str, input: lunInput, attachment: attachmentInput, alias: str, wantActive: bool, ...corr,
    phase: z.enum(['pool', 'creating', 'plugging']),
    pool: z.object({
      stepId: str, chosenId: str, hostIds: strings, stepIds: z.record(str, str), results: z.record(str, z.object({ ok: bool, detail: str })),
      winnerId: str.optional(), failures: strings, settled: bool,
    }),
    stepId: str.optional(), diskId: str.optional(), plug: plugPoint.optional(),
  }),
]);

/** Stands for a stored password that was not the target's secret (every wrong password fails alike). */
export const WRONG_SECRET = '\u0000wrong';

function storeInput(input: LunDiskInput, targets: readonly EmTarget[]): StoredLunInput {
  if (!input.lu) return { ...input };
  const { password, ...lu } = input.lu;
  if (password === undefined) return { ...input, lu };
  const chap = targets.find((t) => t.iqn === lu.target)?.chap;
  return { ...input, lu: { ...lu, chapMatchesTarget: !!chap && chap.username === lu.username && chap.password === password } };
}

function restoreInput(input: StoredLunInput, targets: readonly EmTarget[]): LunDiskInput {
  if (!input.lu) return { ...input };
  const { chapMatchesTarget, ...lu } = input.lu;
  if (chapMatchesTarget === undefined) return { ...input, lu };
  const secret = chapMatchesTarget ? targets.find((t) => t.iqn === lu.target)?.chap?.password : undefined;
  return { ...input, lu: { ...lu, password: secret ?? WRONG_SECRET } };
}

export function storeResume(r: EmResume, targets: readonly EmTarget[]): StoredResume {
  if (r.kind === 'add-floating' || r.kind === 'add-on-vm') return { ...r, input: storeInput(r.input, targets) };
  return r;
}

export function restoreResume(r: StoredResume, targets: readonly EmTarget[]): EmResume {
  if (r.kind === 'add-floating' || r.kind === 'add-on-vm') return { ...r, input: restoreInput(r.input, targets) };
  return r;
}
