// The lifecycle operations started from this tab: shown where the user started them (the VM list, the VM page)
// until dismissed, followed through the engine's jobs by correlation id. Kept in sessionStorage so a reload or a
// move between the list and the VM page keeps showing them; only ids, names and the engine's error text (no
// secret is involved in a VM action).
import { useSyncExternalStore } from 'react';
import type { LifecycleAction } from '../../domain/vm-actions';

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
  /** The page went away while the request was in flight: whether the engine got it is unknown. */
  interrupted?: boolean | undefined;
}

const KEY = 'dlc.vm-operations';
const MAX = 20;

function load(): VmOperation[] {
  try {
    const raw = sessionStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    const ops = Array.isArray(parsed) ? parsed.filter(isOperation) : [];
    // A request still in flight when the page went away: we cannot know whether the engine got it. Say so
    // rather than wait forever on an answer that will not come.
    return ops.map((o) =>
      o.request === 'sending'
        ? { ...o, request: 'refused' as const, settled: true, interrupted: true, error: { text: 'The page was reloaded before the engine answered: check the VM\u2019s status and its events before trying again.' } }
        : o,
    );
  } catch {
    return [];
  }
}

function isOperation(x: unknown): x is VmOperation {
  if (!x || typeof x !== 'object') return false;
  const o = x as Record<string, unknown>;
  return typeof o.id === 'string' && typeof o.vmId === 'string' && typeof o.vmName === 'string' && typeof o.kind === 'string';
}

let operations: VmOperation[] = typeof sessionStorage === 'undefined' ? [] : load();
const listeners = new Set<() => void>();

function commit(next: VmOperation[]) {
  operations = next.slice(-MAX);
  try {
    sessionStorage.setItem(KEY, JSON.stringify(operations));
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
  get: () => operations,
  add(op: VmOperation) {
    commit([...operations.filter((o) => o.id !== op.id), op]);
  },
  update(id: string, patch: Partial<VmOperation>) {
    if (!operations.some((o) => o.id === id)) return;
    commit(operations.map((o) => (o.id === id ? { ...o, ...patch } : o)));
  },
  dismiss(id: string) {
    commit(operations.filter((o) => o.id !== id));
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

/** The operation still running on a VM, if any: a second action waits for it (no double clicks). */
export function pendingOperation(all: readonly VmOperation[], vmId: string): VmOperation | undefined {
  return all.find((o) => o.vmId === vmId && o.request !== 'refused' && !o.settled);
}
