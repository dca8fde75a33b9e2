// The only place that calls fetch. Every call goes to same-origin /ovirt-engine/api/v4/... (version in the
// URL, not a header: the engine's CORS filter allows only Accept, Authorization and Content-Type,
// reference/engine-rest-api.md §2.2), and every non-OK answer becomes one EngineError.
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

async function readFault(res: Response, method: string, path: string): Promise<EngineError> {
  const text = await res.text().catch(() => '');
  if (res.status === 401) {
    // The servlet container answers 401 with an HTML page, never a JSON fault (reference §2.4).
    return new EngineError({ kind: 'unauthorized', status: 401, reason: 'Unauthorized', method, path });
  }
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const fault = extractFault(json);
  if (fault) {
    return new EngineError({ kind: 'fault', status: res.status, reason: fault.reason, detail: fault.detail, method, path });
  }
  const reason = res.status === 404 ? 'Not found' : res.statusText || `HTTP ${res.status}`;
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
      const json: unknown = text ? JSON.parse(text) : {};
      return parseWire(opts.schema, json, method, opts.path);
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
