// The lifecycle operations started from this tab: shown where the user started them (the VM list, the VM page)
// until dismissed, followed through the engine's jobs by correlation id. Kept in sessionStorage so a reload or a
// move between the list and the VM page keeps showing them; only ids, names, the engine's error text and the
// verdict (no secret is involved in a VM action). The verdict is written once, when the operation settles, and
// kept: what happens to the VM afterwards never rewrites it (issue 12).
import { useSyncExternalStore } from 'react';
import { z } from 'zod';
import type { SettledOutcome } from '../../domain/operation-outcome';
import type { LifecycleAction } from '../../domain/vm-actions';
import { t } from '../../i18n/i18n';

export interface VmOperation {
  /** The correlation id: tags the engine's jobs and events for this operation (reference §2.2). */
  id: string;
  vmId: string;
  vmName: string;
  kind: LifecycleAction;
  /** Where the VM ran when the operation started (migrations). */
  sourceHostId?: string | undefined;
  /** The destination the user picked; undefined = the engine chooses. */
  destHostId?: string | undefined;
  startedAt: number;
  request: 'sending' | 'accepted' | 'refused';
  /** The engine's reason when it refused the request. */
  error?: { text: string; status?: number | undefined } | undefined;
  /** Set once the outcome is known, so a settled operation stops polling after a reload too. */
  settled?: boolean | undefined;
  /** The verdict, from the engine's record of the operation, as it was when the operation settled. */
  outcome?: SettledOutcome | undefined;
  /** When the console first saw every job of the operation ended (it then waits, bounded, for the VM). */
  jobsEndedAt?: number | undefined;
  /** The page went away while the request was in flight (then `answerLost` says so too). */
  interrupted?: boolean | undefined;
  /**
   * The engine's answer never arrived or could not be read (a network error, a proxy's page, a reload while the
   * request was in flight): what happened to it, in words. The operation is then judged from the engine's record
   * of its correlation id like any accepted one, and fails quickly if the engine has none.
   */
  answerLost?: string | undefined;
}

const KEY = 'dlc.vm-operations';
const MAX = 20;

function load(): VmOperation[] {
  try {
    const raw = sessionStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    const ops = Array.isArray(parsed) ? parsed.flatMap(asOperation) : [];
    // A request still in flight when the page went away: whether the engine got it is unknown, so its record is
    // asked (the jobs and events of the correlation id), as for any answer that was lost.
    return ops.map((o) =>
      o.request === 'sending' ? { ...o, request: 'accepted' as const, interrupted: true, answerLost: t('vm.operation.reloadedBeforeAnswer') } : o,
    );
  } catch {
    return [];
  }
}

const opt = <T extends z.ZodType>(t: T) => t.optional();
const storedOperation = z.object({
  id: z.string(),
  vmId: z.string(),
  vmName: z.string(),
  kind: z.enum(['start', 'shutdown', 'stop', 'migrate']),
  sourceHostId: opt(z.string()),
  destHostId: opt(z.string()),
  startedAt: z.number().catch(0),
  request: z.enum(['sending', 'accepted', 'refused']),
  error: opt(z.object({ text: z.string(), status: opt(z.number()) })),
  settled: opt(z.boolean()),
  outcome: opt(z.object({ state: z.enum(['done', 'failed', 'unknown']), headline: z.string(), details: z.array(z.string()), settledAt: z.number() })),
  jobsEndedAt: opt(z.number()),
  interrupted: opt(z.boolean()),
  answerLost: opt(z.string()),
});

function asOperation(x: unknown): VmOperation[] {
  const r = storedOperation.safeParse(x);
  return r.success ? [r.data] : [];
}

// Read from sessionStorage when first asked (at render, once the catalogs are loaded: load() words a lost answer).
let loaded: VmOperation[] | undefined;
function current(): VmOperation[] {
  loaded ??= typeof sessionStorage === 'undefined' ? [] : load();
  return loaded;
}
const listeners = new Set<() => void>();

function commit(next: VmOperation[]) {
  loaded = next.slice(-MAX);
  try {
    sessionStorage.setItem(KEY, JSON.stringify(loaded));
  } catch {
    // Storage full or unavailable: the list still works for this page's life.
  }
  for (const l of listeners) l();
}

export const operationStore = {
  subscribe: (l: () => void) => {
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  },
  get: () => current(),
  add(op: VmOperation) {
    commit([...current().filter((o) => o.id !== op.id), op]);
  },
  update(id: string, patch: Partial<VmOperation>) {
    if (!current().some((o) => o.id === id)) return;
    commit(current().map((o) => (o.id === id ? { ...o, ...patch } : o)));
  },
  /** Keep the verdict: written once; an operation already settled keeps the one it has. */
  settle(id: string, outcome: SettledOutcome) {
    if (!current().some((o) => o.id === id && !o.settled)) return;
    commit(current().map((o) => (o.id === id ? { ...o, settled: true, outcome } : o)));
  },
  /** Remove a settled operation (a running one stays: its card is where it ends). */
  dismiss(id: string) {
    if (!current().some((o) => o.id === id && isSettled(o))) return;
    commit(current().filter((o) => o.id !== id));
  },
  /** Tests: start from nothing. */
  clear() {
    commit([]);
  },
};

/** The operations of one VM, or of every VM; newest first. */
export function useVmOperations(vmId?: string): VmOperation[] {
  const all = useSyncExternalStore(operationStore.subscribe, operationStore.get, operationStore.get);
  return all.filter((o) => !vmId || o.vmId === vmId).slice().reverse();
}

/** Ended: refused (or cut by a reload) at once, or settled from the engine's record. */
export function isSettled(op: VmOperation): boolean {
  return op.request === 'refused' || !!op.settled;
}

/** The operation still running on a VM, if any: a second action waits for it (no double clicks). */
export function pendingOperation(all: readonly VmOperation[], vmId: string): VmOperation | undefined {
  return all.find((o) => o.vmId === vmId && !isSettled(o));
}
