// The only place that calls fetch. Every call goes to same-origin /ovirt-engine/api/v4/... (version in the
// URL, not a header: the engine's CORS filter allows only Accept, Authorization and Content-Type,
// reference/engine-rest-api.md §2.2), and every non-OK answer — or an OK one that is not the engine's JSON —
// becomes one EngineError.
import type { z } from 'zod';
import { EngineError } from './errors';
import { session } from './session';

export const API_BASE = '/ovirt-engine/api/v4';

export type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions<S extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below /ovirt-engine/api/v4, starting with "/". */
  path: string;
  query?: Query;
  body?: unknown;
  schema: S;
  signal?: AbortSignal | undefined;
}

/** fetch needs an absolute URL outside a page (Node, jsdom); in the page this is the same origin. */
export function absolute(url: string): string {
  return new URL(url, globalThis.location?.href ?? 'http://localhost/').toString();
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined) params.set(k, String(v));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

/** The body as JSON; undefined for an empty body; `not-json` when it does not parse (the parser's text is dropped). */
function readJson(text: string): { json: unknown } | 'not-json' {
  if (!text.trim()) return { json: undefined };
  try {
    return { json: JSON.parse(text) };
  } catch {
    return 'not-json';
  }
}

/**
 * What came back instead of the engine's JSON, in words: its content type and what it most likely is. The engine
 * itself always answers JSON to `Accept: application/json` (reference §2.2), except the servlet container's 401 page;
 * an HTML page is what a proxy or web server in front of it sends (its login page, its error page).
 */
function notJsonText(res: Response, text: string): string {
  const type = res.headers.get('Content-Type')?.split(';')[0]?.trim().toLowerCase() || undefined;
  const html = type === 'text/html' || type === 'application/xhtml+xml' || /^\s*<(!doctype html|html)/i.test(text);
  if (html) {
    return `an HTML page (${type ?? 'no content type'}), not the engine's JSON — most likely the login or error page of a proxy or web server in front of the engine`;
  }
  if (type === 'application/json') return 'JSON that does not parse — most likely an answer cut short on the way';
  return `${type ? `a ${type} body` : 'a body without a content type'}, not the engine's JSON`;
}

/**
 * The standard reason phrases, for an answer that carries none (HTTP/2 has no status text): shown with the
 * status code next to it (ErrorAlert), the reason must not be the code again.
 */
const REASON_PHRASE: Readonly<Record<number, string>> = {
  400: 'Bad Request', 403: 'Forbidden', 405: 'Method Not Allowed', 409: 'Conflict', 500: 'Internal Server Error',
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

async function readFault(res: Response, method: string, path: string): Promise<EngineError> {
  const text = await res.text().catch(() => '');
  if (res.status === 401) {
    // The servlet container answers 401 with an HTML page, never a JSON fault (reference §2.4).
    return new EngineError({ kind: 'unauthorized', status: 401, reason: 'Unauthorized', method, path });
  }
  const body = readJson(text);
  const fault = body === 'not-json' ? undefined : extractFault(body.json);
  if (fault) {
    return new EngineError({ kind: 'fault', status: res.status, reason: fault.reason, detail: fault.detail, method, path });
  }
  const phrase = res.status === 404 ? 'Not found' : res.statusText || REASON_PHRASE[res.status] || 'The request failed';
  const reason = body === 'not-json' ? `${phrase}: the answer was ${notJsonText(res, text)}` : phrase;
  return new EngineError({ kind: 'fault', status: res.status, reason, method, path });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Both envelopes: bare {reason, detail} and failed action {status: "failed", fault: {reason, detail}}. */
export function extractFault(json: unknown): { reason: string; detail?: string } | undefined {
  if (!isRecord(json)) return undefined;
  const o = json;
  const pick = (f: Record<string, unknown>) =>
    typeof f.reason === 'string' || typeof f.detail === 'string'
      ? {
          reason: typeof f.reason === 'string' ? f.reason : 'Operation Failed',
          ...(typeof f.detail === 'string' ? { detail: f.detail } : {}),
        }
      : undefined;
  if (isRecord(o.fault)) return pick(o.fault);
  return pick(o);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

export function parseWire<S extends z.ZodType>(schema: S, json: unknown, method: string, path: string): z.output<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new EngineError({
      kind: 'parse',
      status: 200,
      reason: `${method} ${path}: ${describeIssues(parsed.error)}`,
      method,
      path,
    });
  }
  return parsed.data;
}

export async function engineRequest<S extends z.ZodType>(opts: RequestOptions<S>): Promise<z.output<S>> {
  const method = opts.method ?? 'GET';
  const url = buildUrl(opts.path, opts.query);
  for (let attempt = 0; ; attempt++) {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    const token = session.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await fetch(absolute(url), {
        method,
        headers,
        ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new EngineError({
        kind: 'network',
        status: 0,
        reason: e instanceof Error ? e.message : 'network error',
        method,
        path: opts.path,
      });
    }
    if (res.ok) {
      const text = await res.text();
      const body = readJson(text);
      if (body === 'not-json') {
        const reason = `${method} ${opts.path} answered ${res.status} with ${notJsonText(res, text)}`;
        throw new EngineError({ kind: 'parse', status: res.status, reason, method, path: opts.path });
      }
      // An empty 2xx body (a DELETE's answer, say) reads as an empty object, as it always has.
      return parseWire(opts.schema, body.json === undefined ? {} : body.json, method, opts.path);
    }
    const error = await readFault(res, method, opts.path);
    // A 401 means the engine did not process the request at all (its auth filter rejected it), so once the
    // user has logged in again the very same request can be sent again safely, even a POST.
    if (error.kind === 'unauthorized' && attempt === 0) {
      try {
        await session.expire();
      } catch {
        throw error;
      }
      continue;
    }
    throw error;
  }
}
