// Transport faults for e2e suites and reviewers: what a flaky network or a broken proxy in front of the engine
// does to one answer. Applied once, in the handler wrapper (context.ts `api()`), to every API route.
//
//   window.__emulator.failNext({ method: 'POST', path: '/diskattachments', mode: 'lose-after' })
//   window.__emulator.failNext({ path: '/vms/[^/]+/migrate$', mode: 'slow', ms: 4000 })
//   window.__emulator.pendingFaults()   // armed, not yet consumed
//   window.__emulator.firedFaults()     // consumed, with the request each one hit
//   window.__emulator.clearFaults()
//
// - method: GET/POST/PUT/DELETE, any case, or several as 'POST|PUT|DELETE'; absent = any method.
// - path: matched against the request's path and query (".../vms/ID/migrate?correlation_id=..."): a substring,
//   or else a regular expression source.
// - mode:
//   'lose-after'      the engine acts, then the answer is lost: the client sees a network error.
//   'lose-before'     a network error and nothing done (the request never reached the engine).
//   'status-500-html' a 500 with an HTML body (a proxy's error page), nothing done.
//   'garbage-200'     the engine acts; the answer is a 200 whose body is not JSON.
//   'slow'            the answer comes `ms` milliseconds late (default 3000); the engine acts when it comes.
//   'session-ends'    the session ends as this request arrives: every token is dropped, so the engine's auth filter
//                     answers it 401 without acting (reference §2.4), and so it does every later request until the
//                     user logs in again. Unlike expireSessions(), a poll that happens to come first is not hit.
// Each fault is one-shot: the first matching request consumes it. Faults live in the page, not in the stored
// state: a reload or Reset clears them.
import { HttpResponse } from 'msw';

export const FAULT_MODES = ['lose-after', 'lose-before', 'status-500-html', 'garbage-200', 'slow', 'session-ends'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export interface FaultSpec {
  method?: string | undefined;
  path: string;
  mode: FaultMode;
  /** For 'slow': how late the answer comes, in milliseconds. */
  ms?: number | undefined;
}

export interface FiredFault extends FaultSpec {
  /** The request that consumed it: "POST /ovirt-engine/api/v4/vms/…/migrate". */
  request: string;
}

export const DEFAULT_SLOW_MS = 3000;

/** What a proxy in front of the engine sends when the engine behind it failed. */
export const HTML_500_BODY = '<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>';
/** A 200 whose body is cut off mid-JSON, as a truncated or corrupted answer would be. */
export const GARBAGE_BODY = '{"id": "5e1f, <truncated>';

function pathMatches(pattern: string, target: string): boolean {
  if (target.includes(pattern)) return true;
  try {
    return new RegExp(pattern).test(target);
  } catch {
    return false;
  }
}

function checkSpec(spec: FaultSpec): FaultSpec {
  if (!FAULT_MODES.includes(spec.mode)) throw new Error(`unknown fault mode ${String(spec.mode)}; one of ${FAULT_MODES.join(', ')}`);
  if (typeof spec.path !== 'string' || spec.path === '') throw new Error('a fault needs a path (a substring or a regular expression source)');
  return {
    path: spec.path,
    mode: spec.mode,
    ...(spec.method ? { method: spec.method.toUpperCase() } : {}),
    ...(spec.mode === 'slow' ? { ms: spec.ms ?? DEFAULT_SLOW_MS } : {}),
  };
}

export class FaultInjector {
  private pending: FaultSpec[] = [];
  private fired: FiredFault[] = [];

  failNext(spec: FaultSpec): void {
    this.pending.push(checkSpec(spec));
  }

  list(): FaultSpec[] {
    return this.pending.map((f) => ({ ...f }));
  }

  firedList(): FiredFault[] {
    return this.fired.map((f) => ({ ...f }));
  }

  clear(): void {
    this.pending = [];
    this.fired = [];
  }

  /** The first armed fault matching this request, consumed; undefined when none matches. */
  take(method: string, url: URL): FaultSpec | undefined {
    const target = `${url.pathname}${url.search}`;
    const m = method.toUpperCase();
    const i = this.pending.findIndex((f) => (!f.method || f.method.split('|').includes(m)) && pathMatches(f.path, target));
    if (i < 0) return undefined;
    const [fault] = this.pending.splice(i, 1);
    if (fault) this.fired.push({ ...fault, request: `${m} ${url.pathname}` });
    return fault;
  }
}

/**
 * Answers `request` through `handle` with `fault` applied: before the engine (lose-before, status-500-html), after
 * it (lose-after, garbage-200: the engine acted), or late (slow); or the session ends first (session-ends:
 * `endSessions` drops the tokens, then the request is answered as the engine would — 401).
 */
export async function withFault(fault: FaultSpec | undefined, handle: () => Promise<Response>, endSessions: () => void = () => undefined): Promise<Response> {
  if (!fault) return handle();
  switch (fault.mode) {
    case 'session-ends':
      endSessions();
      return handle();
    case 'lose-before':
      return HttpResponse.error();
    case 'status-500-html':
      return new HttpResponse(HTML_500_BODY, { status: 500, headers: { 'Content-Type': 'text/html;charset=utf-8' } });
    case 'slow':
      await new Promise((resolve) => setTimeout(resolve, fault.ms ?? DEFAULT_SLOW_MS));
      return handle();
    case 'lose-after':
      await handle();
      return HttpResponse.error();
    case 'garbage-200':
      await handle();
      return new HttpResponse(GARBAGE_BODY, { status: 200, headers: { 'Content-Type': 'application/json' } });
  }
}
