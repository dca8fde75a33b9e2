import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from './idle-work';

describe('whenIdle', () => {
  afterEach(() => vi.useRealTimers());

  it('runs the tasks one per turn, in order', () => {
    vi.useFakeTimers();
    const done: number[] = [];
    whenIdle([1, 2, 3].map((n) => () => done.push(n)));
    expect(done).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(done).toEqual([1]);
    vi.runAllTimers();
    expect(done).toEqual([1, 2, 3]);
  });

  it('stops when cancelled: the tasks not begun never run', () => {
    vi.useFakeTimers();
    const done: number[] = [];
    const cancel = whenIdle([1, 2, 3].map((n) => () => done.push(n)));
    vi.advanceTimersToNextTimer();
    cancel();
    vi.runAllTimers();
    expect(done).toEqual([1]);
  });
});
