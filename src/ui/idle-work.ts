// Work done ahead, in the browser's idle moments: one task per idle callback, in order, until all are done or the
// caller cancels (the data changed, the view left). A task that has waited a second runs anyway, so the work is
// done even on a page that is never quite idle. Where there is no requestIdleCallback (Safari, jsdom), a 0 ms
// timeout: one task per turn of the event loop.
type Handle = { idle: number } | { timer: ReturnType<typeof setTimeout> };

export function whenIdle(tasks: ReadonlyArray<() => void>): () => void {
  let next = 0;
  let handle: Handle | undefined;
  let cancelled = false;
  const run = () => {
    handle = undefined;
    if (cancelled) return;
    const task = tasks[next++];
    task?.();
    schedule();
  };
  const schedule = () => {
    if (cancelled || next >= tasks.length) return;
    handle = typeof requestIdleCallback === 'function' ? { idle: requestIdleCallback(run, { timeout: 1000 }) } : { timer: setTimeout(run, 0) };
  };
  schedule();
  return () => {
    cancelled = true;
    if (!handle) return;
    if ('idle' in handle) cancelIdleCallback(handle.idle);
    else clearTimeout(handle.timer);
  };
}
