// The only place that calls fetch. Every call goes to same-origin /ovirt-engine/api/v4/... (version in the
// URL, not a header: the engine's CORS filter allows only Accept, Authorization and Content-Type,
// reference/engine-rest-api.md §2.2), and every non-OK answer — or an OK one that is not the engine's JSON —
// becomes one EngineError; one the console does not understand says so, with the start of the body (masked).
// zod/v4/core, which both zod classic (the wire schemas) and zod/mini (the login page's, decision 045) build on.
import { safeParse, type $ZodError, type $ZodType, type output } from 'zod/v4/core';
import { t } from '../i18n/i18n';
import { EngineError } from './errors';
import { session } from './session';

export const API_BASE = '/ovirt-engine/api/v4';

/**
 * How long the engine keeps the console's session when nobody uses it, in minutes: the engine's own default for
 * user sessions (UserSessionTimeOutInterval = 30, packaging/dbscripts/upgrade/pre_upgrade/0000_config.sql:677), which
 * the Administration Portal's sessions get too. Without it the HTTP session would last the servlet default, 180
 * minutes (restapi webapp WEB-INF/web.xml `<session-timeout>180</session-timeout>`), while the engine session behind
 * it ends after 30 idle minutes anyway (SessionValidationFilter then invalidates the HTTP session).
 */
export const SESSION_TTL_MINUTES = 30;

/**
 * The session headers of every API request (decision 046). `Prefer: persistent-auth`: the engine keeps its session in
 * an HTTP session, the JSESSIONID cookie, and accepts that cookie instead of a token (aaa RestApiSessionMgmtFilter.java
 * :58-61 stores the engine session id in `req.getSession(true)` when FiltersHelper.getPrefer finds the `persistent-auth`
 * element) — and a request without it ends that HTTP session (RestApiSessionValidationFilter.java:24-33), so every
 * request must carry it. Same origin only: the engine's CORS filter allows no Prefer header (CORSSupportFilter.java:164,
 * "Accept,Authorization,Content-Type"), which is also why a cross-site page cannot use the cookie.
 * `Session-TTL` goes with every request that carries the token: the engine applies it only to an HTTP session that
 * request creates (RestApiSessionMgmtFilter.java:62-71, `isNewSession`: a request that logged in with the Bearer
 * token), and requests sent at once after a login each create one — whichever cookie the browser keeps gets it.
 */
export function sessionHeaders(token: string | undefined): Record<string, string> {
  return token
    ? { Prefer: 'persistent-auth', Authorization: `Bearer ${token}`, 'Session-TTL': String(SESSION_TTL_MINUTES) }
    : { Prefer: 'persistent-auth' };
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions<S extends $ZodType> {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below /ovirt-engine/api/v4, starting with "/". */
  path: string;
  query?: Query;
  body?: unknown;
  schema: S;
  signal?: AbortSignal | undefined;
}

let engineOrigin: string | undefined;

/**
 * Where the engine is when it is not the page's own origin: the contract tests (src/engine-api/contract.test.ts)
 * send the console's requests to `npm run engine` over HTTP. The console itself never sets it (same origin).
 */
export function setEngineOrigin(origin: string | undefined): void {
  engineOrigin = origin;
}

/** fetch needs an absolute URL outside a page (Node, jsdom); in the page this is the same origin. */
export function absolute(url: string): string {
  return new URL(url, engineOrigin ?? globalThis.location?.href ?? 'http://localhost/').toString();
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
    return t('login.error.html', { type: type ?? t('login.error.noContentType') });
  }
  if (type === 'application/json') return t('login.error.jsonCut');
  return type ? t('login.error.otherBody', { type }) : t('login.error.bodyWithoutType');
}

/**
 * The standard reason phrases, for an answer that carries none (HTTP/2 has no status text): said once, next to the
 * status code, so the phrase must not be the code again.
 */
const REASON_PHRASE: Readonly<Record<number, string>> = {
  400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 413: 'Content Too Large',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** "HTTP 502 Bad Gateway": the code once, with a phrase that does not repeat it (a 2xx needs none). */
function statusText(res: Response): string {
  const phrase = res.ok ? undefined : [res.statusText, REASON_PHRASE[res.status]].find((p) => p && !p.includes(String(res.status)));
  return phrase ? `HTTP ${res.status} ${phrase}` : `HTTP ${res.status}`;
}

/** How much of an unreadable body the details show. */
const EXCERPT_LENGTH = 200;

// Whatever looks like a secret: in JSON ("password": "…"), a form or query (access_token=…), a header (Bearer …) or
// an HTML input (value="…", a proxy's login form). Masked before the excerpt is cut, so no cut exposes part of one.
const SECRET_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(["']?\b(?:access_token|refresh_token|id_token|token|password|passwd|secret)\b["']?\s*[:=]\s*)(?:"(?:[^"\\]|\\.)*"?|'[^']*'?|[^\s"'&,;<>}]+)/gi, '$1•••'],
  [/\b(Bearer\s+)[\w.~+/=-]+/gi, '$1•••'],
  [/(<input\b[^>]*?\bvalue\s*=\s*)(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, '$1•••'],
];

/** The first characters of a body, for a user to see what came back: whitespace collapsed, secrets masked. */
export function answerExcerpt(text: string): string {
  let masked = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) masked = masked.replace(pattern, replacement);
  const flat = masked.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH).trimEnd()}…` : flat;
}

/** An answer the console does not understand, naming the request and the status once, with what came back. */
function unreadable(res: Response, text: string, method: string, path: string, what: string, problems?: string): EngineError {
  return new EngineError({
    kind: 'parse',
    status: res.status,
    reason: t('login.error.unreadableReason', { method, path, status: statusText(res), what }),
    method,
    path,
    answer: { excerpt: answerExcerpt(text), problems },
  });
}

async function readFault(res: Response, method: string, path: string): Promise<EngineError> {
  const text = await res.text().catch(() => '');
  if (res.status === 401) {
    // The servlet container answers 401 with an HTML page, never a JSON fault (reference §2.4).
    return new EngineError({ kind: 'unauthorized', status: 401, reason: 'Unauthorized', method, path });
  }
  const body = readJson(text);
  if (body === 'not-json') return unreadable(res, text, method, path, notJsonText(res, text));
  const fault = extractFault(body.json);
  if (fault) {
    return new EngineError({ kind: 'fault', status: res.status, reason: fault.reason, detail: fault.detail, method, path });
  }
  // The engine answers a missing entity with an empty 404 (reference §2.4); every other failure of its own is a
  // JSON fault. An empty body or other JSON came from something else on the way.
  if (body.json === undefined) {
    return res.status === 404
      ? new EngineError({ kind: 'fault', status: 404, reason: t('login.error.notFound'), method, path })
      : unreadable(res, text, method, path, t('login.error.emptyBody'));
  }
  return unreadable(res, text, method, path, t('login.error.noFault'));
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

function describeIssues(error: $ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/** The body read by the wire schema; JSON of another shape is an answer the console does not understand. */
export function parseWire<S extends $ZodType>(schema: S, json: unknown, res: Response, text: string, method: string, path: string): output<S> {
  const parsed = safeParse(schema, json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || t('login.error.topLevel');
    throw unreadable(res, text, method, path, t('login.error.badJson', { where }), describeIssues(parsed.error));
  }
  return parsed.data;
}

export async function engineRequest<S extends $ZodType>(opts: RequestOptions<S>): Promise<output<S>> {
  const method = opts.method ?? 'GET';
  const url = buildUrl(opts.path, opts.query);
  for (let attempt = 0; ; attempt++) {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    const token = session.token();
    Object.assign(headers, sessionHeaders(token));
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
        reason: e instanceof Error ? e.message : t('login.error.networkError'),
        method,
        path: opts.path,
      });
    }
    if (res.ok) {
      const text = await res.text();
      const body = readJson(text);
      if (body === 'not-json') throw unreadable(res, text, method, opts.path, notJsonText(res, text));
      // An empty 2xx body (a DELETE's answer, say) reads as an empty object, as it always has.
      return parseWire(opts.schema, body.json === undefined ? {} : body.json, res, text, method, opts.path);
    }
    const error = await readFault(res, method, opts.path);
    // A 401 means the engine did not process the request at all (its auth filter rejected it), so once the
    // user has logged in again the very same request can be sent again safely, even a POST.
    if (error.kind === 'unauthorized' && attempt === 0) {
      try {
        await session.expire(token);
      } catch {
        throw error;
      }
      continue;
    }
    throw error;
  }
}
