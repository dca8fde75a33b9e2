// Where a page goes back to: the entry point passes its own path as router state ({ from }).

/** The path a page was opened from, if it is a path inside the console (never an outside URL from history). */
export function fromState(state: unknown): string | undefined {
  if (state && typeof state === 'object' && 'from' in state) {
    const from = state.from;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//')) return from;
  }
  return undefined;
}
