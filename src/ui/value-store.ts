// One value that a few components read and others set, without the setter's owner re-rendering: e.g. the LUN the
// user is on in the LUN table, shown in a line under it — a focus move re-renders that line, not the whole step.
import { useSyncExternalStore } from 'react';

export interface ValueStore<T> {
  get: () => T;
  /** A stable function: pass it as a callback prop without breaking memoization. */
  set: (value: T) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createValueStore<T>(initial: T): ValueStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (next) => {
      if (Object.is(next, value)) return;
      value = next;
      for (const l of listeners) l();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useStoredValue<T>(store: ValueStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
