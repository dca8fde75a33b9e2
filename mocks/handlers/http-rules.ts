// What the engine's REST web application checks before a resource method runs, in the order its filters run
// (upstream-engine backend/manager/modules/restapi/webapp/src/main/webapp/WEB-INF/web.xml: the auth filters,
// EnforceAuthFilter (401), then CurrentFilter (correlation id), then VersionFilter, then RESTEasy, which matches the
// path and negotiates Accept and Content-Type). Shared by the in-page emulator and the HTTP engine (mocks/server/),
// through context.ts `api()` and its catch-all `notFoundHandlers`.
import { HttpResponse } from 'msw';

/** What the servlet container (Undertow) renders for `response.sendError(status)`: an HTML page, no JSON. */
export function servletError(status: number, text: string) {
  return new HttpResponse(`<html><head><title>Error</title></head><body>${text}</body></html>`, {
    status,
    headers: { 'Content-Type': 'text/html;charset=utf-8' },
  });
}

// VersionFilter.java:43-45 `^/v(?<version>[0-9]+)(?<path>(/.*))?$` on the path below /ovirt-engine/api.
const VERSION_IN_PATH = /^\/v([0-9]+)(?:\/.*)?$/;
export const API_ROOT = '/ovirt-engine/api';

/**
 * The API version a request asks for (VersionFilter.java:98-121): from the path (`/ovirt-engine/api/v4/...`), else
 * the `Version` header, else the default "4" (packaging/services/ovirt-engine/ovirt-engine.conf.in:530
 * ENGINE_API_DEFAULT_VERSION="4"). A header is ignored when the path names a version.
 */
export function requestedVersion(request: Request, url: URL): string {
  const below = url.pathname.startsWith(API_ROOT) ? url.pathname.slice(API_ROOT.length) : '';
  const m = VERSION_IN_PATH.exec(below);
  if (m?.[1]) return m[1];
  const header = request.headers.get('Version');
  return header ? header : '4';
}

/**
 * An unsupported version gets `response.sendError(SC_BAD_REQUEST)` (VersionFilter.java:123-131): the container's
 * 400 page. The engine's list is ENGINE_API_SUPPORTED_VERSIONS="3, 4" (ovirt-engine.conf.in:524), but version 3
 * was deprecated in 4.0 and removed in 4.4 (ENGINE_API_DEPRECATED_VERSIONS="3:4.0:4.3", :549); the emulated engine
 * speaks only version 4, at every engine version it imitates, and says so the way the engine refuses a version.
 */
export function versionRefusal(request: Request, url: URL): Response | undefined {
  return requestedVersion(request, url) === '4' ? undefined : servletError(400, 'Bad Request');
}

/** One media range of an Accept header: type, its q, and where it stood. */
interface MediaRange {
  type: string;
  q: number;
  index: number;
}

/** Media ranges of an Accept or Content-Type header, without other parameters, lower case. */
function mediaRanges(header: string): MediaRange[] {
  return header
    .split(',')
    .map((part, index) => {
      const [type = '', ...params] = part.split(';').map((x) => x.trim().toLowerCase());
      const q = params.map((p) => /^q\s*=\s*([0-9.]+)$/.exec(p)?.[1]).find((x) => x !== undefined);
      return { type, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.type !== '' && Number.isFinite(r.q));
}

/** What the engine writes: `application/xml` (JAXBProvider) and `application/json` (JSONProvider). */
export type WireFormat = 'xml' | 'json';
const PRODUCED: ReadonlyArray<readonly [WireFormat, string]> = [
  ['xml', 'application/xml'],
  ['json', 'application/json'],
];

/** How well one Accept range matches a produced type: 3 exact, 2 `application/*`, 1 `*\/*`, 0 not. */
function specificity(range: string, produced: string): number {
  if (range === produced) return 3;
  if (range === 'application/*') return 2;
  if (range === '*/*' || range === '*') return 1;
  return 0;
}

/**
 * The format of the answer, or the 406 the engine sends when it can produce nothing the client accepts.
 * Every resource is generated with `@Produces({ ApiMediaType.APPLICATION_XML, ApiMediaType.APPLICATION_JSON })`
 * — XML first (github:oVirt/ovirt-engine-api-metamodel tool/.../JaxrsGenerator.java:47-51 MEDIA_TYPES, :154
 * `@Produces({ %s })`; the hand-written ones likewise, e.g. restapi interface/definition .../ActionResource.java:14).
 * RESTEasy picks, among what the client accepts, the highest q, then the most specific range, then the client's
 * order; where a wildcard leaves the choice to the server (`Accept: *\/*`, `application/*`, or no Accept at all)
 * the first of @Produces wins: XML. So the Python SDK (`Accept: application/xml`, lib/ovirtsdk4/__init__.py:461)
 * and a bare `curl` get XML; the console and the VM portal (`Accept: application/json`) get JSON.
 * `resteasy.media.type.param.mapping=accept` (web.xml:11-14) lets an `accept` query parameter stand in for the header.
 */
export function negotiateFormat(request: Request, url: URL): WireFormat | Response {
  const raw = url.searchParams.get('accept') ?? request.headers.get('Accept');
  if (!raw || !raw.trim()) return 'xml';
  let best: { format: WireFormat; q: number; spec: number; index: number; order: number } | undefined;
  PRODUCED.forEach(([format, produced], order) => {
    for (const r of mediaRanges(raw)) {
      const spec = specificity(r.type, produced);
      if (spec === 0 || r.q <= 0) continue;
      const better =
        !best ||
        r.q > best.q ||
        (r.q === best.q && (spec > best.spec || (spec === best.spec && (r.index < best.index || (r.index === best.index && order < best.order)))));
      if (better) best = { format, q: r.q, spec, index: r.index, order };
    }
  });
  if (best) return best.format;
  return jsonFault(406, 'Not Acceptable', `The engine answers application/xml or application/json, not ${raw}.`);
}

function jsonFault(status: 406 | 415, reason: string, detail: string) {
  return HttpResponse.json({ reason, detail }, { status });
}

/** Accept: a Response (406) when the engine can answer in no format the client accepts. */
export function acceptRefusal(request: Request, url: URL): Response | undefined {
  const format = negotiateFormat(request, url);
  return typeof format === 'string' ? undefined : format;
}

/**
 * The format of a POST or PUT body: the engine reads XML (JAXBProvider `@Consumes(MediaType.APPLICATION_XML)`)
 * and JSON (JSONProvider); the generated resources `@Consumes({ APPLICATION_XML, APPLICATION_JSON })`
 * (JaxrsGenerator.java:326). A body without a Content-Type is read as JSON (lenient: the emulator does not imitate
 * RESTEasy's octet-stream default).
 */
export function bodyFormat(request: Request): WireFormat | undefined {
  const [type] = mediaRanges(request.headers.get('Content-Type') ?? '');
  if (!type) return 'json';
  if (type.type === 'application/xml') return 'xml';
  if (type.type === 'application/json') return 'json';
  return undefined;
}

/** Content-Type of a POST or PUT body: anything but XML or JSON is refused with 415. */
export function contentTypeRefusal(request: Request): Response | undefined {
  if (request.method !== 'POST' && request.method !== 'PUT') return undefined;
  if (bodyFormat(request)) return undefined;
  const raw = request.headers.get('Content-Type') ?? '';
  return jsonFault(415, 'Unsupported Media Type', `The engine reads application/xml or application/json bodies, not ${raw}.`);
}

/** Version, Accept and Content-Type, in the engine's order; undefined when the request may go on. */
export function httpRefusal(request: Request, url: URL): Response | undefined {
  return versionRefusal(request, url) ?? acceptRefusal(request, url) ?? contentTypeRefusal(request);
}
