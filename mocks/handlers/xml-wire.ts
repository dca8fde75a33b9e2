// XML at the edge of every API route (context.ts `api()`): an XML request body becomes the JSON body the handlers
// already read, and a JSON answer becomes the engine's XML when the client negotiated XML (http-rules.ts
// negotiateFormat). The handlers never see XML. Codec: xml.ts.
import { EngineFault } from '../engine/messages';
import { toXml, xmlRootFor, xmlToJson, XmlSyntaxError } from './xml';

/**
 * The request with its XML body (`Content-Type: application/xml`, what the Python SDK sends) replaced by the same
 * object as JSON. A body that is not well-formed XML is the 400 a JSON body that does not parse gets (context.ts
 * readJson).
 */
export async function jsonRequestFromXml(request: Request): Promise<Request> {
  const text = await request.text();
  const headers = new Headers(request.headers);
  headers.set('Content-Type', 'application/json');
  headers.delete('Content-Length');
  let body = '';
  if (text.trim()) {
    try {
      body = JSON.stringify(xmlToJson(text).body);
    } catch (err) {
      if (!(err instanceof XmlSyntaxError)) throw err;
      throw new EngineFault(400, 'Request syntactically incorrect.', 'For correct usage, see: https://engine/ovirt-engine/apidoc');
    }
  }
  return new Request(request.url, { method: request.method, headers, ...(body ? { body } : {}) });
}

/**
 * A handler's JSON answer as the engine's XML: the root element from the route (xml.ts xmlRootFor), headers kept
 * (Location, Correlation-Id), `Content-Type: application/xml` as RESTEasy's JAXBProvider writes it. Left alone: an
 * answer that is not JSON (the container's HTML pages, the empty 404), and a transport fault.
 */
export async function xmlAnswer(response: Response, route: string, method: string): Promise<Response> {
  if (response.type === 'error') return response;
  if (!/^application\/json\b/i.test(response.headers.get('Content-Type') ?? '')) return response;
  const text = await response.clone().text();
  let body: unknown;
  try {
    body = text.trim() ? JSON.parse(text) : {};
  } catch {
    return response;
  }
  const headers = new Headers(response.headers);
  headers.delete('Content-Length');
  headers.set('Content-Type', 'application/xml');
  // A removal's <action> says `<status>complete</status>` (BackendResource.java:190); the emulator's JSON is `{}`.
  const shown =
    method.toUpperCase() === 'DELETE' && response.status < 300 && typeof body === 'object' && body !== null && !('status' in body)
      ? { ...body, status: 'complete' }
      : body;
  return new Response(toXml(xmlRootFor(route, method, response.status, shown), shown), { status: response.status, headers });
}
