// Shared plumbing for the emulated engine's HTTP handlers: token check, body parsing that accepts both the
// engine's string scalars and native JSON, and the engine's two fault envelopes.
import { HttpResponse, http, type DefaultBodyType, type JsonBodyType, type HttpResponseResolver, type PathParams } from 'msw';
import type { Engine } from '../engine/engine';
import { EngineFault } from '../engine/messages';
import { withFault, type FaultInjector } from './faults';
import { authenticate, rememberUser, setSessionCookie, type CookieMode } from './http-session';
import { API_ROOT, bodyFormat, httpRefusal, negotiateFormat, versionRefusal } from './http-rules';
import { jsonRequestFromXml, xmlAnswer } from './xml-wire';

/** The current engine (Reset replaces it), and the transport faults armed for its routes (faults.ts). */
export interface EngineRef {
  (): Engine;
  readonly faults?: FaultInjector | undefined;
  /** How the session cookie travels (http-session.ts); `http` when absent. */
  readonly cookies?: CookieMode | undefined;
}

export const API_PREFIXES = ['/ovirt-engine/api/v4', '/ovirt-engine/api'] as const;

export function faultResponse(f: EngineFault, echo?: Record<string, unknown>) {
  if (f.status === 404 && !f.detail) return new HttpResponse(null, { status: 404 });
  const fault = { reason: f.reason, ...(f.detail !== undefined ? { detail: f.detail } : {}) };
  const body = f.envelope === 'action' ? { ...(echo ?? {}), status: 'failed', fault } : fault;
  return HttpResponse.json(body, { status: f.status });
}

/** What the servlet container sends on a missing or bad token: 401, an HTML page, no JSON (reference §2.4). */
export function unauthorized() {
  return new HttpResponse('<html><head><title>Error</title></head><body>Unauthorized</body></html>', {
    status: 401,
    headers: { 'Content-Type': 'text/html;charset=utf-8', 'WWW-Authenticate': 'Basic realm="RESTAPI"' },
  });
}

export function tokenOk(e: Engine, request: Request): boolean {
  const auth = request.headers.get('Authorization') ?? '';
  const m = /^Bearer\s+(.+)$/i.exec(auth);
  if (!m) return false;
  const now = e.now();
  return e.state.tokens.some((t) => t.token === m[1] && t.exp > now);
}

export async function readJson(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    const v: unknown = JSON.parse(text);
    const o = obj(v);
    if (o) return o;
  } catch {
    // fall through
  }
  throw new EngineFault(400, 'Request syntactically incorrect.', 'For correct usage, see: https://engine/ovirt-engine/apidoc');
}

/** The engine accepts true/false in any case and 0/1 (reference §1.1). */
export function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const x = v.trim().toLowerCase();
    if (['true', '1', 't', 'y', 'yes'].includes(x)) return true;
    if (['false', '0', 'f', 'n', 'no'].includes(x)) return false;
    throw new EngineFault(400, 'Invalid value', `Invalid boolean value: "${v}"`);
  }
  return undefined;
}

export function int(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  if (v === undefined || v === null || v === '') return undefined;
  throw new EngineFault(400, 'Invalid value', `Invalid integer value: ${JSON.stringify(v)}`);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function obj(v: unknown): Record<string, unknown> | undefined {
  return isRecord(v) ? v : undefined;
}

/** Query booleans: t/true/y/yes/1, f/false/n/no/0, and an empty value counts as true (ParametersHelper). */
export function queryBool(url: URL, name: string, dflt: boolean): boolean {
  // Matrix form (";detach_only=true" on the last segment) works too.
  const matrix = new RegExp(`;${name}(?:=([^;/?]*))?`).exec(url.pathname);
  const raw = url.searchParams.has(name) ? url.searchParams.get(name) : matrix ? (matrix[1] ?? '') : null;
  if (raw === null) return dflt;
  if (raw === '') return true;
  return bool(raw) ?? dflt;
}

function cleanCorrelationId(raw: string | null): string | undefined {
  const clean = raw?.replace(/[^0-9a-zA-Z_-]/g, '').slice(0, 36);
  return clean ? clean : undefined;
}

/**
 * The request's correlation id: the `Correlation-Id` header first, then the `correlation_id` query parameter, each
 * stripped of anything but [0-9a-zA-Z_-] and cut to 36 characters (upstream-engine restapi/jaxrs
 * invocation/CurrentFilter.java:64-83 `getCorrelationId`: header, then `request.getParameter`, else a random UUID).
 */
export function correlationId(request: Request, url: URL): string | undefined {
  return cleanCorrelationId(request.headers.get('Correlation-Id')) ?? cleanCorrelationId(url.searchParams.get('correlation_id'));
}

/** A tiny subset of the engine's search language: `field=value` terms joined by "and". */
export function parseSearch(search: string | null, allowed: readonly string[]): Array<[string, string]> {
  // The grammar's tail `SORTBY <field> [ASC|DESC]` and `PAGE <n>` (searchbackend SyntaxChecker.java:26-27 SORTBY, PAGE) — the VM portal sends
  // "SORTBY NAME ASC page 1" (ovirt-web-ui src/ovirtapi/index.js getVms). The emulator lists in its own order and
  // has one page: both are read and dropped.
  search = search?.replace(/(?:^|\s+)sortby\s+[a-z_.]+(?:\s+(?:asc|desc))?(?=\s|$)/i, '').replace(/(?:^|\s+)page\s+\d+\s*$/i, '') ?? null;
  if (!search || !search.trim()) return [];
  // The engine's grammar also has OR (SearchParser); the console never sends it, and the emulator says so plainly
  // rather than reading "a or name=b" as one value.
  if (/\s+or\s+/i.test(search)) {
    throw new EngineFault(400, 'Operation Failed', `Invalid search text: '${search}'. The emulated engine supports AND only.`);
  }
  const terms = search.split(/\s+and\s+/i).map((t) => t.trim()).filter(Boolean);
  return terms.map((t) => {
    const m = /^([a-z_.]+)\s*=\s*(.*)$/i.exec(t);
    if (!m?.[1] || m[2] === undefined || !allowed.includes(m[1].toLowerCase())) {
      throw new EngineFault(400, 'Operation Failed', `Invalid search text: '${t}'. Supported here: ${allowed.join(', ')}.`);
    }
    return [m[1].toLowerCase(), m[2].replace(/^"(.*)"$/, '$1')];
  });
}

/**
 * The `max` query parameter: the search's row count (restapi AbstractBackendCollectionResource.getSearchParameters:
 * `ParametersHelper.getIntegerParameter(..., MAX, Integer.MAX_VALUE, Integer.MAX_VALUE)`); absent means all.
 */
export function maxParam(url: URL): number | undefined {
  const max = int(url.searchParams.get('max') ?? undefined);
  return max !== undefined && max >= 0 ? max : undefined;
}

/** Case-insensitive match with * wildcards, as the engine's search does. */
export function searchMatch(value: string | undefined, pattern: string): boolean {
  if (value === undefined) return false;
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(value);
}

type Method = 'get' | 'post' | 'put' | 'delete';

export interface ApiCtx {
  e: Engine;
  request: Request;
  url: URL;
  params: PathParams;
  /** Path parameter by name (always a string for our routes). */
  p: (name: string) => string;
}

/**
 * Registers one API route under /ovirt-engine/api/v4 and /ovirt-engine/api, token-checked, faults mapped, and
 * transport faults (faults.ts) applied when one is armed for the request.
 */
export function api(
  engine: EngineRef,
  method: Method,
  path: string,
  handler: (ctx: ApiCtx) => Promise<Response> | Response,
  opts: { actionEcho?: boolean } = {},
) {
  return API_PREFIXES.map((prefix) => {
    const resolver: HttpResponseResolver<PathParams, DefaultBodyType> = ({ request, params }) => {
      const url = new URL(request.url);
      return withFault(engine.faults?.take(request.method, url), () => answer(request, params, url), () => {
        const e = engine();
        e.state.tokens = [];
        e.state.httpSessions = [];
        e.changed();
      });
    };
    const answer = async (request: Request, params: PathParams, url: URL): Promise<Response> => {
      const e = engine();
      // The token or the cookie session (Prefer: persistent-auth), as the restapi filters decide (http-session.ts).
      const auth = authenticate(e, request, engine.cookies ?? 'http');
      const user = auth.user;
      if (!user) return unauthorized();
      // Version, Accept, Content-Type: what the engine checks before a resource method runs (http-rules.ts).
      const refused = httpRefusal(request, url);
      if (refused) return refused;
      // XML in and out (xml-wire.ts): the handler sees the JSON body and answers JSON either way.
      const xml = negotiateFormat(request, url) === 'xml';
      let response = await asJsonBody(request).then(
        (req) => {
          rememberUser(req, user);
          return resolve(e, req, params, url);
        },
        (err: unknown) => {
          if (err instanceof EngineFault) return faultResponse(err);
          throw err;
        },
      );
      if (xml) response = await xmlAnswer(response, path, request.method);
      // CurrentFilter.java:100-102 sets the Correlation-Id response header on every answer, a random UUID when the
      // request carried none (:79-81). An error Response (a transport fault) has immutable headers and no header.
      if (response.type !== 'error') response.headers.set('Correlation-Id', correlationId(request, url) ?? globalThis.crypto.randomUUID());
      if (auth.newSessionId) setSessionCookie(response, auth.newSessionId, engine.cookies ?? 'http');
      return response;
    };
    const resolve = async (e: Engine, request: Request, params: PathParams, url: URL): Promise<Response> => {
      const echoSource = opts.actionEcho ? request.clone() : undefined;
      const ctx: ApiCtx = {
        e,
        request,
        url,
        params,
        p: (name) => {
          const v: unknown = params[name];
          const first: unknown = Array.isArray(v) ? v[0] : v;
          return decodeURIComponent(typeof first === 'string' ? first : '');
        },
      };
      try {
        return await handler(ctx);
      } catch (err) {
        if (err instanceof EngineFault) {
          let echo: Record<string, unknown> | undefined;
          if (echoSource) {
            try {
              const text = await echoSource.text();
              echo = text.trim() ? obj(JSON.parse(text)) : {};
            } catch {
              echo = undefined;
            }
          }
          return faultResponse(actionEcho(err, echo), echo);
        }
        throw err;
      } finally {
        // A read changes nothing: no change to announce. The page saves the whole state on each change
        // (mocks/browser.ts): on large-san every poll cost ~75 ms of the main thread, every 8 s (issue 15).
        if (request.method !== 'GET' && request.method !== 'HEAD') e.changed();
      }
    };
    // '*' matches any origin: the page's own in the browser, any base URL in Node.
    return http[method](`*${prefix}${path}`, resolver);
  });
}

/** A POST or PUT with an XML body, as the same request with the JSON body (xml-wire.ts); any other unchanged. */
async function asJsonBody(request: Request): Promise<Request> {
  const writes = request.method === 'POST' || request.method === 'PUT';
  return writes && bodyFormat(request) === 'xml' ? jsonRequestFromXml(request) : request;
}

/**
 * How an action's failure is answered. The resource's action methods run the backend inside `doAction`, whose
 * catch answers any failure with the echoed action, `status: "failed"` and the fault
 * (upstream-engine restapi/jaxrs .../resource/AbstractBackendActionableResource.java:94-95 `handleError(e, action)`,
 * :159-173 `action.setFault(wfe.getFault()); return actionFailure(action, wfe)` → `action.setStatus(FAILED)`).
 * Not so a body that does not parse (RESTEasy refuses it before the method runs), `validateParameters` (called
 * before `doAction`, e.g. BackendHostResource.java:465 in iscsiLogin) or an empty 404 for a missing entity.
 */
function actionEcho(f: EngineFault, echo: Record<string, unknown> | undefined): EngineFault {
  if (!echo || f.envelope === 'action') return f;
  if (f.reason === 'Incomplete parameters' || (f.status === 404 && !f.detail)) return f;
  return f.asAction();
}

/**
 * Anything under /ovirt-engine/api that no handler answers; registered after every other handler. The auth filter
 * runs first (401 without a valid token), then VersionFilter (400 for another version); RESTEasy then finds no
 * resource and throws NotFoundException, for which the engine registers no ExceptionMapper (restapi/jaxrs
 * .../resource/validation/*ExceptionMapper.java map only IO, enum, JSON, id, mapping and validation errors), so the
 * answer is RESTEasy's own: 404 with an empty body — like the engine's 404 for a missing entity (`faultResponse`).
 * An unknown method on a known path is a 405 on a real engine; here it is the same 404.
 */
export function notFoundHandlers(engine: EngineRef) {
  const resolver: HttpResponseResolver<PathParams, DefaultBodyType> = ({ request }) => {
    if (!authenticate(engine(), request, engine.cookies ?? 'http').user) return unauthorized();
    return versionRefusal(request, new URL(request.url)) ?? new HttpResponse(null, { status: 404 });
  };
  return [http.all(`*${API_ROOT}`, resolver), http.all(`*${API_ROOT}/*`, resolver)];
}

export function json(body: JsonBodyType, status = 200, headers?: Record<string, string>) {
  return HttpResponse.json(body, { status, ...(headers ? { headers } : {}) });
}
