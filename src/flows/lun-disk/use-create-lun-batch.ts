// Creating a batch of LUN disks (decision 048): one disk after the other, each its own request with its own
// correlation id (its job steps are its progress), each through the single create's sendCreate — so each disk has
// the single disk's guarantees: an attempt whose end is unknown is settled with the engine before anything is sent
// again, and the engine's "LUN in use" is checked against our own attempt. A failure stops only its own disk: the
// others go on, and "Retry failed" sends the failed ones only; a disk made is never sent again. The batch is kept
// next to the wizard's draft (unsettled-batch.ts), so a reload mid-batch says what was made and resumes the rest.
// A disk created and attached whose plug failed (a running VM whose host could not reach the LUN) is made — never
// created or attached again — and is offered "Retry plug", which re-sends the activate of that attachment only
// (the single create's Retry plug, CreateResult); "Retry failed" covers these plugs too.
// Why one by one and not in parallel: decision 048 (the engine serialises LUN disk creation per VM anyway, and one
// at a time keeps the failure of one from racing the others).
import { useCallback, useEffect, useRef, useState } from 'react';
import { listAttachments, plugAttachment } from '../../engine-api/disk-attachments';
import { answerLost, errorText } from '../../engine-api/errors';
import { listEvents } from '../../engine-api/events';
import { useEngineOperation } from '../../ui/use-engine-operation';
import type { BatchDisk } from './batch';
import type { CreatePlan } from './requests';
import { loadBatch, saveBatch, type BatchMade, type BatchRecord, type BatchRecordItem } from './unsettled-batch';
import type { UnsettledCreate } from './unsettled-create';
import { LunTakenError, decideUnsettled, sendCreate, type CreateOutcome } from './use-create-lun-disk';
import { t } from '../../i18n/i18n';

export type BatchPhase = 'waiting' | 'creating' | 'checking' | 'made' | 'failed';

export interface BatchItem {
  lunId: string;
  alias: string;
  phase: BatchPhase;
  correlationIds: string[];
  made?: BatchMade | undefined;
  /** Why it failed, in words (kept across a reload). */
  failed?: string | undefined;
  /** After a lost answer or a reload: the engine had no disk on that LUN, so nothing was made. */
  notMade?: boolean | undefined;
  unsettled?: UnsettledCreate | undefined;
  /** Its plug is being retried (the activate of its attachment, nothing else). */
  plugging?: boolean | undefined;
}

/** Made and attached, the plug asked, but not active: the plug failed, and only the plug is to be retried. */
export function needsPlug(i: BatchItem): boolean {
  return i.phase === 'made' && !!i.made && i.made.attached && !i.made.active && i.made.activateAsked === true;
}

/** Made, and plugged where the plug was asked: nothing left to do for this disk. */
function done(i: BatchItem): boolean {
  return i.phase === 'made' && !needsPlug(i);
}

/**
 * Why the plug of an attempt failed: the engine's error event of that correlation id ("Failed to plug disk …"),
 * readable by every user (jobs are for admins only, decision 043); a 201 with active "false" does not say.
 */
async function plugFailureOf(correlationId: string): Promise<string> {
  const events = await listEvents(`correlation_id=${correlationId}`, 20).catch(() => []);
  const error = events.find((e) => e.severity === 'error');
  return error?.description || t('lunDisk.batch.leftInactive');
}

function madeOf(o: CreateOutcome, plannedAlias: string): BatchMade {
  if (o.kind === 'floating') return { diskId: o.disk.id, alias: o.disk.alias, attached: false, active: false, recovered: o.recovered };
  return { diskId: o.attachment.diskId, alias: plannedAlias, attached: true, active: o.attachment.active, activateAsked: o.activateAsked, recovered: o.recovered };
}

function toRecord(vmId: string | undefined, items: readonly BatchItem[]): BatchRecord | undefined {
  if (items.length === 0) return undefined;
  return {
    ...(vmId ? { vmId } : {}),
    items: items.map(
      (i): BatchRecordItem => ({
        lunId: i.lunId,
        alias: i.alias,
        correlationIds: i.correlationIds,
        ...(i.unsettled ? { unsettled: i.unsettled } : {}),
        ...(i.made ? { made: i.made } : {}),
        ...(i.failed ? { failed: i.failed } : {}),
      }),
    ),
  };
}

function fromRecord(r: BatchRecord): BatchItem[] {
  return r.items.map((i) => ({
    lunId: i.lunId,
    alias: i.alias,
    correlationIds: i.correlationIds,
    unsettled: i.unsettled,
    made: i.made,
    failed: i.failed,
    // An attempt in flight when the page went away is asked about first ('checking' once the check runs).
    phase: i.made ? 'made' : i.unsettled ? 'checking' : i.failed ? 'failed' : 'waiting',
  }));
}

export interface BatchOptions {
  draftKey?: string | undefined;
  /** The wizard was filled from its draft: a batch kept with it is picked up (otherwise it is stale, dropped). */
  restored?: boolean | undefined;
  /** Every disk of the batch is made: called once (the wizard drops its draft). */
  onAllMade?: (() => void) | undefined;
}

export interface LunBatch {
  /** The batch's disks and where each stands; undefined before the first Create of a batch. */
  items: BatchItem[] | undefined;
  /** The batch was found next to the restored draft: the page went away mid-batch. */
  resumedAfterReload: boolean;
  /** Sends the disks not made yet (`only: 'failed'`: the failed ones only). `plan` builds a disk's request. */
  run: (disks: readonly BatchDisk[] | undefined, plan: (d: { lunId: string; alias: string }) => CreatePlan | string, only?: 'failed') => Promise<void>;
  busy: boolean;
  /** Re-sends the plug (activate) of one disk made and attached whose plug failed; nothing else. */
  retryPlug: (lunId: string) => Promise<void>;
  /** Every disk made, and plugged where the plug was asked. */
  allMade: boolean;
}

export function useCreateLunBatch(vmId: string | undefined, opts: BatchOptions = {}): LunBatch {
  const { draftKey, onAllMade } = opts;
  const op = useEngineOperation<void>();
  const { run: runOperation } = op;
  const [initial] = useState(() => {
    if (!draftKey) return undefined;
    const kept = opts.restored ? loadBatch(draftKey) : undefined;
    if (!kept) saveBatch(draftKey, undefined);
    return kept && kept.vmId === vmId ? fromRecord(kept) : undefined;
  });
  const [items, setItems] = useState<BatchItem[] | undefined>(initial);
  const itemsRef = useRef<BatchItem[] | undefined>(initial);
  // Busy from the start when a disk's attempt is to be settled first (the check below).
  const checkFirst = !!initial?.some((i) => i.unsettled);
  const busyRef = useRef(checkFirst);
  const [busy, setBusy] = useState(checkFirst);
  const allMadeSaid = useRef(false);

  const commit = useCallback(
    (next: BatchItem[]) => {
      itemsRef.current = next;
      setItems(next);
      const allMade = next.every(done);
      if (draftKey) saveBatch(draftKey, allMade ? undefined : toRecord(vmId, next));
      if (allMade && !allMadeSaid.current) {
        allMadeSaid.current = true;
        onAllMade?.();
      }
    },
    [draftKey, vmId, onAllMade],
  );
  const update = useCallback(
    (lunId: string, change: Partial<BatchItem>) => {
      commit((itemsRef.current ?? []).map((i) => (i.lunId === lunId ? { ...i, ...change } : i)));
    },
    [commit],
  );

  /** Settles one disk's unknown attempt with the engine: made (ours), not made, or failed (someone else's, or unknown). */
  const settleItem = useCallback(
    async (item: BatchItem, u: UnsettledCreate, why: unknown): Promise<void> => {
      update(item.lunId, { phase: 'checking' });
      const keep = (next: UnsettledCreate | undefined) => update(item.lunId, { unsettled: next });
      try {
        const found = await decideUnsettled(u, keep);
        if (found) update(item.lunId, { phase: 'made', made: madeOf(found, u.alias), failed: undefined, notMade: false });
        else
          update(item.lunId, {
            phase: 'failed',
            notMade: true,
            failed: why ? t('lunDisk.batch.notMadeWhy', { reason: errorText(why), lun: item.lunId }) : t('lunDisk.batch.notMade', { lun: item.lunId }),
          });
      } catch (e) {
        update(item.lunId, {
          phase: 'failed',
          failed:
            e instanceof LunTakenError
              ? t('lunDisk.batch.taken', { lun: item.lunId, disk: e.takenBy })
              : t('lunDisk.batch.unknown', { reason: errorText(e) }),
        });
      }
    },
    [update],
  );

  // The page went away mid-batch: ask the engine about each disk whose attempt was in flight, once.
  const checkedAtStart = useRef(false);
  useEffect(() => {
    if (!initial || checkedAtStart.current) return;
    checkedAtStart.current = true;
    const pending = initial.filter((i) => i.unsettled);
    if (pending.length === 0) return;
    void (async () => {
      for (const i of pending) if (i.unsettled) await settleItem(i, i.unsettled, undefined);
      busyRef.current = false;
      setBusy(false);
    })();
  }, [initial, settleItem]);

  /** The plug of one made disk, with its own correlation id: the attachment's `active` after the answer decides. */
  const plugItem = useCallback(
    async (item: BatchItem, correlationId: string): Promise<void> => {
      const made = item.made;
      if (!made || !vmId) return;
      update(item.lunId, { plugging: true, correlationIds: [...item.correlationIds, correlationId] });
      try {
        const { plugged } = await plugAttachment(vmId, made.diskId, correlationId);
        update(item.lunId, {
          plugging: false,
          made: plugged ? { ...made, active: true, plugFailed: undefined } : { ...made, plugFailed: await plugFailureOf(correlationId) },
        });
      } catch (e) {
        // The answer lost: the attachment as the engine has it now says whether the plug happened.
        const now = answerLost(e) ? await listAttachments(vmId).then((l) => l.find((x) => x.diskId === made.diskId), () => undefined) : undefined;
        update(item.lunId, { plugging: false, made: now?.active ? { ...made, active: true, plugFailed: undefined } : { ...made, plugFailed: errorText(e) } });
      }
    },
    [update, vmId],
  );

  const run = useCallback(
    async (disks: readonly BatchDisk[] | undefined, plan: (d: { lunId: string; alias: string }) => CreatePlan | string, only?: 'failed') => {
      // One run at a time: a double click, or Create while Retry runs, sends nothing.
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      try {
        // The first Create of a batch takes the form's disks; later ones keep what was made and what is unknown,
        // and take the rest (its aliases, its LUNs) from the form again.
        const before = itemsRef.current ?? [];
        let next = before;
        if (disks && !only) {
          const kept = before.filter((i) => i.phase === 'made' || i.unsettled);
          const keptIds = new Set(kept.map((i) => i.lunId));
          const fresh = disks.filter((d) => !keptIds.has(d.lunId)).map((d): BatchItem => ({ lunId: d.lunId, alias: d.alias, phase: 'waiting', correlationIds: [] }));
          next = [...kept, ...fresh];
        }
        const targets = next.filter((i) => i.phase !== 'made' && (only !== 'failed' || i.phase === 'failed'));
        // Retry failed also re-sends the failed plugs: the activate only, on the attachment that exists.
        const plugs = only === 'failed' ? next.filter(needsPlug) : [];
        commit(next.map((i) => (targets.includes(i) ? { ...i, phase: 'waiting' } : i)));
        if (targets.length === 0 && plugs.length === 0) return;
        await runOperation({ change: { kind: 'disk-created', vmId }, prefix: 'add-disk' }, async (first, another) => {
          let correlationId: string | undefined = first;
          for (const t of plugs) {
            const item = itemsRef.current?.find((i) => i.lunId === t.lunId);
            if (!item || !needsPlug(item)) continue;
            const id = correlationId ?? another();
            correlationId = undefined;
            await plugItem(item, id);
          }
          for (const t of targets) {
            const item = itemsRef.current?.find((i) => i.lunId === t.lunId);
            if (!item || item.phase === 'made') continue;
            const p = plan(item);
            if (typeof p === 'string') {
              update(item.lunId, { phase: 'failed', failed: p });
              continue;
            }
            const id = correlationId ?? another();
            correlationId = undefined;
            update(item.lunId, { phase: 'creating', correlationIds: [...item.correlationIds, id], failed: undefined, notMade: false });
            let lastKept: UnsettledCreate | undefined = item.unsettled;
            const keep = (u: UnsettledCreate | undefined) => {
              lastKept = u;
              update(item.lunId, { unsettled: u });
            };
            try {
              const outcome = await sendCreate(p, vmId, id, item.unsettled, keep);
              const made = madeOf(outcome, p.disk.alias);
              const plugFailed = made.attached && made.activateAsked && !made.active ? await plugFailureOf(outcome.correlationId) : undefined;
              update(item.lunId, { phase: 'made', made: plugFailed ? { ...made, plugFailed } : made, unsettled: undefined });
            } catch (e) {
              // An answer lost: ask the engine now, so the batch says exactly what was made.
              if (answerLost(e) && lastKept) await settleItem(item, lastKept, e);
              else update(item.lunId, { phase: 'failed', failed: errorText(e) });
            }
          }
        });
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [commit, update, runOperation, settleItem, plugItem, vmId],
  );

  const retryPlug = useCallback(
    async (lunId: string) => {
      if (busyRef.current || !vmId) return;
      const item = itemsRef.current?.find((i) => i.lunId === lunId);
      if (!item || !needsPlug(item)) return;
      busyRef.current = true;
      setBusy(true);
      try {
        // A plug makes the VM's host hold the target: the hosts' views are refreshed with the VM's disks.
        await runOperation({ change: { kind: 'plugged', vmId }, prefix: 'retry-plug' }, (correlationId) => plugItem(item, correlationId));
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [runOperation, plugItem, vmId],
  );

  return {
    items,
    resumedAfterReload: !!initial,
    run,
    retryPlug,
    busy: busy || op.pending,
    allMade: !!items && items.length > 0 && items.every(done),
  };
}
