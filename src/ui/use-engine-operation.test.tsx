// The one shape of a long engine operation: one request per click, a fresh correlation id per attempt, the
// failure kept, and what the change touched refreshed when the attempt settles (done or failed).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as changes from '../engine-api/changes';
import { invalidateAfter, type EngineChange } from '../engine-api/changes';
import { useEngineOperation } from './use-engine-operation';

vi.mock('../engine-api/changes', async (importOriginal) => {
  const real = await importOriginal<typeof changes>();
  return { ...real, invalidateAfter: vi.fn(real.invalidateAfter) };
});

const change: EngineChange = { kind: 'plugged', vmId: 'vm-1' };
let queryClient: QueryClient;

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

/** A send the test settles by hand. */
function deferred<T>() {
  let resolve: (v: T) => void = () => undefined;
  let reject: (e: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => {
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  vi.mocked(invalidateAfter).mockClear();
});

describe('useEngineOperation', () => {
  it('a second start while one is in flight sends nothing; the state says pending until it settles', async () => {
    const { result } = renderHook(() => useEngineOperation<string>(), { wrapper });
    const answer = deferred<string>();
    const send = vi.fn(() => answer.promise);
    let first: Promise<string | undefined> = Promise.resolve(undefined);
    let second: Promise<string | undefined> = Promise.resolve(undefined);
    act(() => {
      first = result.current.run({ change }, send);
      second = result.current.run({ change }, send);
    });
    expect(send).toHaveBeenCalledTimes(1);
    await expect(second).resolves.toBeUndefined();
    expect(result.current.pending).toBe(true);
    expect(result.current.outcome).toBeUndefined();

    await act(async () => {
      answer.resolve('done');
      await first;
    });
    await expect(first).resolves.toBe('done');
    expect(result.current).toMatchObject({ pending: false, outcome: 'done', error: undefined });
    // Settled: the next start goes through.
    await act(() => result.current.run({ change }, send));
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('each attempt has a fresh correlation id with the prefix; more ids for one attempt are fresh too', async () => {
    const { result } = renderHook(() => useEngineOperation<string[]>(), { wrapper });
    const seen: string[] = [];
    const send = (id: string, another: () => string) => {
      seen.push(id, another());
      return Promise.resolve(seen);
    };
    await act(() => result.current.run({ change, prefix: 'retry-plug' }, send));
    const firstId = result.current.correlationId;
    await act(() => result.current.run({ change, prefix: 'retry-plug' }, send));
    expect(firstId).toBe(seen[0]);
    expect(result.current.correlationId).toBe(seen[2]);
    expect(new Set(seen).size).toBe(4);
    for (const id of seen) expect(id).toMatch(/^retry-plug-/);
  });

  it('a failure is rethrown and kept as the error until the next attempt', async () => {
    const { result } = renderHook(() => useEngineOperation<string>(), { wrapper });
    const refused = new Error('refused');
    const failed = await act(() => result.current.run({ change }, () => Promise.reject(refused)).catch((e: unknown) => e));
    expect(failed).toBe(refused);
    expect(result.current).toMatchObject({ pending: false, error: refused, outcome: undefined });
    expect(result.current.correlationId).toMatch(/^dlc-/);
    // Another render keeps it.
    await act(() => queryClient.invalidateQueries());
    expect(result.current.error).toBe(refused);

    await act(() => result.current.run({ change }, () => Promise.resolve('done')));
    expect(result.current).toMatchObject({ error: undefined, outcome: 'done' });
    act(() => result.current.reset());
    expect(result.current).toMatchObject({ correlationId: undefined, pending: false, error: undefined, outcome: undefined });
  });

  it('when an attempt settles, done or failed, the change is refreshed with every correlation id of the attempt', async () => {
    const { result } = renderHook(() => useEngineOperation<string>(), { wrapper });
    let ids: string[] = [];
    await act(() =>
      result.current.run({ change, prefix: 'attach' }, (id, another) => {
        ids = [id, another()];
        return Promise.resolve('ok');
      }),
    );
    expect(invalidateAfter).toHaveBeenCalledTimes(1);
    expect(invalidateAfter).toHaveBeenLastCalledWith(queryClient, change, ids);

    await act(() => result.current.run({ change: { kind: 'unplugged', vmId: 'vm-2' } }, () => Promise.reject(new Error('no'))).catch(() => undefined));
    expect(invalidateAfter).toHaveBeenCalledTimes(2);
    expect(invalidateAfter).toHaveBeenLastCalledWith(queryClient, { kind: 'unplugged', vmId: 'vm-2' }, [result.current.correlationId]);
  });

  it('a start that sent nothing (one was in flight) refreshes nothing', async () => {
    const { result } = renderHook(() => useEngineOperation<string>(), { wrapper });
    const answer = deferred<string>();
    let first: Promise<string | undefined> = Promise.resolve(undefined);
    act(() => {
      first = result.current.run({ change }, () => answer.promise);
    });
    await act(() => result.current.run({ change }, () => Promise.resolve('second')));
    expect(invalidateAfter).not.toHaveBeenCalled();
    await act(async () => {
      answer.resolve('first');
      await first;
    });
    expect(invalidateAfter).toHaveBeenCalledTimes(1);
  });
});
