// Attaching existing disks to one VM, one disk after the other, each tagged with its own correlation id so its
// job steps show as its progress. Nothing is attached twice: before anything is sent the VM's attachments are
// read, a disk already there is not posted again (a retry, a reload, an answer that was lost), and a second
// call while one runs does nothing (the run, a retried plug and a retried attach share one in-flight guard: they
// are attempts of one ui/use-engine-operation). A failed plug leaves the disk attached and inactive; only the plug
// is retried. An answer lost (attach or plug) is decided by what the engine holds once that request's job is over:
// the attachment there (then it is not posted again), and its `active` (then it is plugged, not a failure).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { attachInTwoSteps, type AttachChoice } from '../../domain/attach-options';
import type { DiskAttachment, VmStatus } from '../../domain/model';
import type { EngineChange } from '../../engine-api/changes';
import { diskAttachmentWire, listAttachments, plugAttachment } from '../../engine-api/disk-attachments';
import { answerLost, isEngineError } from '../../engine-api/errors';
import { jobsOfCorrelation } from '../../engine-api/jobs';
import { sendSpec } from '../../engine-api/requests';
import { useEngineOperation } from '../../ui/use-engine-operation';
import { attachRequests } from './requests';
import { loadUnsettledAttach, saveUnsettledAttach } from './unsettled-attach';

export interface AttachItem {
  diskId: string;
  alias: string;
  /** The effective choice (what is sent). */
  choice: AttachChoice;
}

export type AttachPhase = 'waiting' | 'attaching' | 'plugging' | 'attached' | 'plugged' | 'attach-failed' | 'plug-failed';

export interface AttachItemState {
  item: AttachItem;
  phase: AttachPhase;
  /** Attach inactive, then plug (a running VM with Activate). */
  twoSteps: boolean;
  /** The correlation ids of this disk's requests, oldest first: the attach (and plug), then each retried plug. */
  correlationIds: string[];
  error?: unknown;
  /** It was already attached when the console looked (an earlier try got through): nothing was sent twice. */
  alreadyAttached?: boolean;
}

/** How long a look after a lost answer waits for the engine's job of that request to end (a plug connects first). */
const JOB_WAIT_MS = 30_000;

/**
 * The disk's attachment on the VM as the engine has it once the job of `correlationId` is over (undefined: not
 * attached) — asked after an answer was lost, before anything is called a failure or sent again.
 */
async function engineHasIt(vmId: string, diskId: string, correlationId: string): Promise<DiskAttachment | undefined> {
  const until = Date.now() + JOB_WAIT_MS;
  for (;;) {
    // Jobs only where the engine honours the search (decision 043); otherwise the attachment as it is now.
    const jobs = await jobsOfCorrelation(correlationId).catch(() => []);
    if (!jobs.some((j) => j.status === 'started') || Date.now() > until) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return (await listAttachments(vmId).catch(() => [])).find((a) => a.diskId === diskId);
}

export function isSettled(p: AttachPhase): boolean {
  return p === 'attached' || p === 'plugged' || p === 'attach-failed' || p === 'plug-failed';
}

export interface AttachDisksOptions {
  /** The hosting wizard's draft key: a run in flight is kept next to the draft, so a reload can pick it up. */
  draftKey?: string | undefined;
  /** The wizard was filled from its draft: a run kept with it is looked up in the engine (else it is stale). */
  restored?: boolean | undefined;
}

export function useAttachDisks(vmId: string, opts: AttachDisksOptions = {}) {
  const { draftKey } = opts;
  const { run: runOperation } = useEngineOperation<void>();
  const [states, setStates] = useState<AttachItemState[] | undefined>(undefined);
  const [interrupted] = useState(() => {
    if (!draftKey) return undefined;
    const kept = opts.restored ? loadUnsettledAttach(draftKey) : undefined;
    if (!kept) saveUnsettledAttach(draftKey, undefined);
    return kept;
  });
  /** Set when the page was reloaded while a run was in flight: its results were read from the engine. */
  const [resumed, setResumed] = useState<'checking' | 'done' | undefined>(interrupted ? 'checking' : undefined);
  // An attach with Activate on a running VM plugs (the VM's host gains a hold on the target); the hosts are
  // refreshed after every attempt, as a plug may have happened in any of them.
  const change = useMemo((): EngineChange => ({ kind: 'plugged', vmId }), [vmId]);

  const patch = useCallback((diskId: string, p: Partial<AttachItemState>) => {
    setStates((all) => all?.map((s) => (s.item.diskId === diskId ? { ...s, ...p } : s)));
  }, []);

  const plugOne = useCallback(
    async (diskId: string, correlationId: string): Promise<boolean> => {
      patch(diskId, { phase: 'plugging' });
      try {
        const { plugged } = await plugAttachment(vmId, diskId, correlationId);
        patch(diskId, { phase: plugged ? 'plugged' : 'plug-failed', error: plugged ? undefined : new Error('The engine answered, but the disk is still inactive.') });
        return plugged;
      } catch (error) {
        // The answer was lost: the engine may have plugged it. Its attachment's `active` says (the one rule of
        // every plug path, engine-api plugAttachment), once the plug's job is over.
        if (answerLost(error)) {
          const now = await engineHasIt(vmId, diskId, correlationId);
          if (now?.active) {
            patch(diskId, { phase: 'plugged', error: undefined });
            return true;
          }
        }
        patch(diskId, { phase: 'plug-failed', error });
        return false;
      }
    },
    [patch, vmId],
  );

  const attachOne = useCallback(
    async (item: AttachItem, vmStatus: VmStatus, existing: DiskAttachment | undefined, correlationId: string): Promise<void> => {
      const specs = attachRequests(vmId, vmStatus, item.diskId, item.choice);
      const twoSteps = attachInTwoSteps(vmStatus, item.choice.activate);
      patch(item.diskId, { phase: 'attaching', twoSteps, error: undefined, alreadyAttached: !!existing });
      let att = existing;
      if (!att) {
        const [attach] = specs;
        if (!attach) return;
        try {
          att = await sendSpec(attach, diskAttachmentWire, correlationId);
        } catch (error) {
          // The engine may have attached it although the answer was lost, or earlier (when the first read of the
          // VM's disks failed, "already attached" comes back): look before calling it a failure.
          const maybeThere = answerLost(error) || (isEngineError(error) && error.key === 'ACTION_TYPE_FAILED_DISK_ALREADY_ATTACHED');
          if (maybeThere) att = await engineHasIt(vmId, item.diskId, correlationId);
          if (!att) {
            patch(item.diskId, { phase: 'attach-failed', error });
            return;
          }
          patch(item.diskId, { alreadyAttached: true });
        }
      }
      if (twoSteps && !att.active) {
        await plugOne(item.diskId, correlationId);
        return;
      }
      patch(item.diskId, { phase: att.active ? 'plugged' : 'attached' });
    },
    [patch, plugOne, vmId],
  );

  /** Attaches `items` to the VM (in its state `vmStatus`); resolves when every disk has its result. */
  const run = useCallback(
    async (items: readonly AttachItem[], vmStatus: VmStatus): Promise<void> => {
      await runOperation({ change, prefix: 'attach' }, async (first, another) => {
        // Each disk its own correlation id, so each shows its own progress.
        const ids = items.map((_, i) => (i === 0 ? first : another()));
        setStates(items.map((item, i) => ({ item, phase: 'waiting', twoSteps: attachInTwoSteps(vmStatus, item.choice.activate), correlationIds: [ids[i] ?? ''] })));
        if (draftKey) saveUnsettledAttach(draftKey, { vmId, vmStatus, items: items.map((item, i) => ({ ...item, correlationId: ids[i] ?? first })) });
        try {
          // What is on the VM already: nothing is posted twice.
          const current = await listAttachments(vmId).catch(() => undefined);
          for (const [i, item] of items.entries()) {
            await attachOne(item, vmStatus, current?.find((a) => a.diskId === item.diskId), ids[i] ?? another());
          }
        } finally {
          if (draftKey) saveUnsettledAttach(draftKey, undefined);
        }
      });
    },
    [attachOne, change, draftKey, runOperation, vmId],
  );

  // The page went away while a run was in flight: what each disk's requests did is read from the engine (after
  // their jobs end), never judged again by the wizard's steps — "already attached" is then the console's own work.
  const lookedUp = useRef(false);
  useEffect(() => {
    if (!interrupted || lookedUp.current) return;
    lookedUp.current = true;
    void (async () => {
      const next: AttachItemState[] = [];
      for (const { correlationId, ...item } of interrupted.items) {
        const twoSteps = attachInTwoSteps(interrupted.vmStatus, item.choice.activate);
        const att = await engineHasIt(interrupted.vmId, item.diskId, correlationId);
        const base = { item, twoSteps, correlationIds: [correlationId] };
        if (!att) next.push({ ...base, phase: 'attach-failed', error: new Error('The page was reloaded before the engine attached it: it is not attached.') });
        else if (att.active) next.push({ ...base, phase: 'plugged', alreadyAttached: true });
        else if (item.choice.activate && twoSteps)
          next.push({ ...base, phase: 'plug-failed', alreadyAttached: true, error: new Error('The page was reloaded before the plug was done: the disk is attached and inactive.') });
        else next.push({ ...base, phase: 'attached', alreadyAttached: true });
      }
      if (draftKey) saveUnsettledAttach(draftKey, undefined);
      setStates(next);
      setResumed('done');
    })();
  }, [interrupted, draftKey]);

  /** Plugs a disk whose plug failed; it is attached and inactive. */
  const retryPlug = useCallback(
    async (diskId: string): Promise<void> => {
      await runOperation({ change, prefix: 'plug' }, async (correlationId) => {
        setStates((all) => all?.map((s) => (s.item.diskId === diskId ? { ...s, correlationIds: [...s.correlationIds, correlationId], error: undefined } : s)));
        await plugOne(diskId, correlationId);
      });
    },
    [change, plugOne, runOperation],
  );

  /** Tries a failed attach again; it first looks whether the disk is on the VM after all. */
  const retryAttach = useCallback(
    async (diskId: string, vmStatus: VmStatus): Promise<void> => {
      const state = states?.find((s) => s.item.diskId === diskId);
      if (!state) return;
      await runOperation({ change, prefix: 'attach' }, async (correlationId) => {
        setStates((all) => all?.map((s) => (s.item.diskId === diskId ? { ...s, correlationIds: [...s.correlationIds, correlationId], error: undefined } : s)));
        const existing = (await listAttachments(vmId).catch(() => [])).find((a) => a.diskId === diskId);
        await attachOne(state.item, vmStatus, existing, correlationId);
      });
    },
    [attachOne, change, runOperation, states, vmId],
  );

  const busy = resumed === 'checking' || !!states?.some((s) => !isSettled(s.phase));
  return { states, run, retryPlug, retryAttach, busy, resumed };
}
