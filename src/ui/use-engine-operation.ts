// One shape for every long operation the console starts on the engine (create, attach and plug, activate,
// deactivate, detach, edit, retry plug, and — through `sendEngineOperation` — the VM lifecycle actions):
// - a second start while one is in flight sends nothing: the guard is a ref, not state, so two clicks in one frame
//   (or React's development double-mount of an auto-started dialog) see it at once;
// - each attempt gets a fresh correlation id, which tags the engine's jobs and events of that attempt (reference
//   §2.2): a retry is a new attempt, with its own progress;
// - its state is { pending, error, outcome } of the latest attempt;
// - when an attempt settles, done or failed, what its change touched is refreshed, said once in
//   engine-api/changes.ts: a failed job may still have changed something (the disk created, the plug not), and
//   the attempt's jobs are read once more, since their last steps may arrive after the answer.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { invalidateAfter, type EngineChange } from '../engine-api/changes';
import { newCorrelationId } from '../engine-api/requests';
import { markOperationRunning } from './polling';

export interface EngineOperationState<T> {
  /** The correlation id of the latest attempt; undefined before the first. */
  correlationId: string | undefined;
  pending: boolean;
  /** Why the latest attempt failed (what it threw), kept until the next attempt or a reset. */
  error: unknown;
  /** What the latest attempt resolved to. */
  outcome: T | undefined;
}

export interface EngineOperationRun {
  /** What the attempt changes in the engine: refreshed, with the attempt's jobs, when it settles. */
  change: EngineChange;
  /** Starts its correlation ids, so its jobs and events are recognisable in the engine (`add-disk-…`). */
  prefix?: string | undefined;
}

/**
 * Sends the attempt. `correlationId` is its own; an attempt of several requests that each need their own progress
 * (one per disk) asks `another()` for more: those jobs are refreshed on settle too.
 */
export type EngineSend<T> = (correlationId: string, another: () => string) => Promise<T>;

/**
 * One attempt, without the guard and the state (which the caller keeps: the hook below in React state, the VM
 * lifecycle in its operation store, decision 032): a fresh correlation id (and more on request), the send, and the
 * refresh of what the change touched when it settles, done or failed — not awaited: the result shows at once; the
 * views it touched follow as their refetches land. `started` learns the id before anything is sent.
 */
export async function sendEngineOperation<T>(
  queryClient: QueryClient,
  how: EngineOperationRun,
  send: EngineSend<T>,
  started?: (correlationId: string) => void,
): Promise<T> {
  const correlationId = newCorrelationId(how.prefix);
  const ids = [correlationId];
  const another = () => {
    const id = newCorrelationId(how.prefix);
    ids.push(id);
    return id;
  };
  started?.(correlationId);
  // The views poll faster while it is in flight (polling.ts).
  const release = markOperationRunning();
  try {
    return await send(correlationId, another);
  } finally {
    release();
    void invalidateAfter(queryClient, how.change, ids);
  }
}

const IDLE: EngineOperationState<never> = { correlationId: undefined, pending: false, error: undefined, outcome: undefined };

export function useEngineOperation<T>() {
  const queryClient = useQueryClient();
  const inFlight = useRef(false);
  const [state, setState] = useState<EngineOperationState<T>>(IDLE);

  /**
   * Runs one attempt. Resolves to its outcome, or to undefined when another attempt is in flight (then nothing is
   * sent); rejects with what `send` threw, after keeping it as `error`.
   */
  const run = useCallback(
    async (how: EngineOperationRun, send: EngineSend<T>): Promise<T | undefined> => {
      if (inFlight.current) return undefined;
      inFlight.current = true;
      let correlationId: string | undefined;
      try {
        const outcome = await sendEngineOperation(queryClient, how, send, (id) => {
          correlationId = id;
          setState({ correlationId: id, pending: true, error: undefined, outcome: undefined });
        });
        setState({ correlationId, pending: false, error: undefined, outcome });
        return outcome;
      } catch (error) {
        setState({ correlationId, pending: false, error, outcome: undefined });
        throw error;
      } finally {
        inFlight.current = false;
      }
    },
    [queryClient],
  );

  const reset = useCallback(() => setState(IDLE), []);

  return { ...state, run, reset };
}
