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

/** Media types of an Accept or Content-Type header, without parameters, lower case; q=0 entries dropped. */
function mediaTypes(header: string): string[] {
  return header
    .split(',')
    .map((part) => part.split(';').map((x) => x.trim().toLowerCase()))
    .filter(([type, ...params]) => type && !params.some((p) => /^q\s*=\s*0(?:\.0*)?$/.test(p)))
    .map(([type]) => type ?? '');
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;
const XML_TYPE = /^(?:application|text)\/(?:[\w.+-]+\+)?xml$/;

function jsonOnlyFault(status: 406 | 415, reason: string, detail: string) {
  return HttpResponse.json({ reason, detail }, { status });
}

/**
 * Accept. The engine produces XML and JSON; RESTEasy picks by Accept, and XML is what it sends when Accept allows
 * both or is absent (the api-model's default format). `resteasy.media.type.param.mapping=accept` (web.xml:11-14)
 * lets an `accept` query parameter stand in for the header. Something it cannot produce is a 406.
 * The emulated engine speaks JSON only: an Accept naming XML and not JSON is refused with a 406 that says so; an
 * absent Accept or a wildcard is answered in JSON (a real engine would answer XML there).
 */
export function acceptRefusal(request: Request, url: URL): Response | undefined {
  const raw = url.searchParams.get('accept') ?? request.headers.get('Accept');
  if (!raw || !raw.trim()) return undefined;
  const types = mediaTypes(raw);
  if (types.some((t) => JSON_TYPE.test(t) || t === '*/*' || t === 'application/*')) return undefined;
  if (types.some((t) => XML_TYPE.test(t))) {
    return jsonOnlyFault(406, 'Not Acceptable', `The emulated engine answers JSON only (Accept: application/json); a real engine answers ${raw} with XML.`);
  }
  return jsonOnlyFault(406, 'Not Acceptable', `The engine answers application/json or application/xml, not ${raw}; the emulated engine answers JSON only.`);
}

/**
 * Content-Type of a POST or PUT body. RESTEasy refuses a body it has no reader for with 415; the engine reads XML
 * and JSON. The emulated engine reads JSON only: XML is refused with a 415 that says so. A body without a
 * Content-Type is read as JSON (lenient: the emulator does not try to guess what RESTEasy would default to).
 */
export function contentTypeRefusal(request: Request): Response | undefined {
  if (request.method !== 'POST' && request.method !== 'PUT') return undefined;
  const raw = request.headers.get('Content-Type');
  if (!raw || !raw.trim()) return undefined;
  const [type] = mediaTypes(raw);
  if (type && JSON_TYPE.test(type)) return undefined;
  if (type && XML_TYPE.test(type)) {
    return jsonOnlyFault(415, 'Unsupported Media Type', `The emulated engine reads JSON bodies only (Content-Type: application/json); a real engine also reads ${type}.`);
  }
  return jsonOnlyFault(415, 'Unsupported Media Type', `The engine reads application/json or application/xml bodies, not ${raw}.`);
}

/** Version, Accept and Content-Type, in the engine's order; undefined when the request may go on. */
export function httpRefusal(request: Request, url: URL): Response | undefined {
  return versionRefusal(request, url) ?? acceptRefusal(request, url) ?? contentTypeRefusal(request);
}
