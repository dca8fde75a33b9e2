// Every way a call to the engine can fail becomes one EngineError: both fault envelopes, 401 without JSON, an empty
// 404, a network failure, an answer that does not match the wire schema or is not JSON at all; and what each
// request sends.
// Fixtures follow reference/engine-rest-api.md §2.2–2.4.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { EngineError } from './errors';
import { hostListWire } from './hosts';
import { iscsiLogin } from './host-storage';
import { session } from './session';
import { engineRequest } from './transport';
import { resetWireWarnings } from './wire';

describe('transport errors', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  const call = () => engineRequest({ path: '/disks', method: 'POST', body: {}, schema: z.unknown() }).catch((e: unknown) => e);

  it('turns a bare fault into an EngineError with status, reason, messages and key', async () => {
    server.use(http.post('*/ovirt-engine/api/v4/disks', () => HttpResponse.json({ reason: 'Operation Failed', detail: '[Cannot add Virtual Disk. The provided lun is used by another disk.]' }, { status: 409 })));
    const e = (await call()) as EngineError;
    expect(e).toBeInstanceOf(EngineError);
    expect(e).toMatchObject({ kind: 'fault', status: 409, reason: 'Operation Failed', key: 'ACTION_TYPE_FAILED_DISK_LUN_IS_ALREADY_IN_USE' });
    expect(e.messages).toEqual(['Cannot add Virtual Disk. The provided lun is used by another disk.']);
    expect(e.userMessage).toBe('Cannot add Virtual Disk. The provided lun is used by another disk.');
  });

  it('turns a failed action into the same EngineError', async () => {
    server.use(http.post('*/ovirt-engine/api/v4/hosts/h1/iscsilogin', () => HttpResponse.json({ iscsi: { address: 'a', password: 'secret' }, status: 'failed', fault: { reason: 'Operation Failed', detail: '[Failed to login to iSCSI node due to authorization failure]' } }, { status: 400 })));
    const e = (await iscsiLogin('h1', { address: 'a', port: 3260, target: 't', username: 'u', password: 'secret' }).catch((x: unknown) => x)) as EngineError;
    expect(e).toMatchObject({ kind: 'fault', status: 400, key: 'ISCSI_LOGIN_AUTH_ERROR' });
    // The echoed password never reaches the error's text.
    expect(JSON.stringify({ m: e.message, d: e.detail, r: e.reason, u: e.userMessage })).not.toContain('secret');
  });

  it('reads "Incomplete parameters" without brackets', async () => {
    server.use(http.post('*/ovirt-engine/api/v4/disks', () => HttpResponse.json({ reason: 'Incomplete parameters', detail: 'LogicalUnit [port] required for add' }, { status: 400 })));
    const e = (await call()) as EngineError;
    expect(e).toMatchObject({ key: 'INCOMPLETE_PARAMETERS', messages: ['LogicalUnit [port] required for add'] });
  });

  it('treats a 401 with an HTML body as unauthorized, not as a parse error', async () => {
    server.use(http.post('*/ovirt-engine/api/v4/disks', () => new HttpResponse('<html>Unauthorized</html>', { status: 401, headers: { 'Content-Type': 'text/html' } })));
    const e = (await call()) as EngineError;
    expect(e).toMatchObject({ kind: 'unauthorized', status: 401 });
  });

  it('reports an empty 404 as not found', async () => {
    server.use(http.post('*/ovirt-engine/api/v4/disks', () => new HttpResponse(null, { status: 404 })));
    expect(await call()).toMatchObject({ kind: 'fault', status: 404, reason: 'Not found' });
  });

  it('reports a network failure as such', async () => {
    server.use(http.post('*/ovirt-engine/api/v4/disks', () => HttpResponse.error()));
    expect(await call()).toMatchObject({ kind: 'network', status: 0 });
  });

  it('reports a response that does not match the wire schema, naming the field', async () => {
    // The collection itself is of the wrong shape; one odd item would only be left out (wire.ts tolerantArray).
    server.use(http.get('*/ovirt-engine/api/v4/hosts', () => HttpResponse.json({ host: { id: '1', name: 'h', status: 'up' } })));
    const e = (await engineRequest({ path: '/hosts', schema: hostListWire }).catch((x: unknown) => x)) as EngineError;
    expect(e.kind).toBe('parse');
    expect(e.reason).toMatch(/at host\)/);
  });

  it('one item the console cannot read is left out and named in the log; the others are listed', async () => {
    resetWireWarnings();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    server.use(http.get('*/ovirt-engine/api/v4/hosts', () =>
      HttpResponse.json({ host: [{ id: 'h1', name: 'host1', status: 'up' }, { id: 'h2', status: 'up' }, { id: 'h3', name: 'host3', status: 'some_new_status', mood: 'new field' }] }),
    ));
    const hosts = await engineRequest({ path: '/hosts', schema: hostListWire });
    expect(hosts.map((h) => [h.id, h.status])).toEqual([['h1', 'up'], ['h3', 'unknown']]);
    expect(warn.mock.calls.flat().join('\n')).toMatch(/host list: item 1 \(id h2\) left out — name:/);
  });

  it('sends the bearer token, JSON headers and the version in the URL', async () => {
    let seen: Request | undefined;
    server.use(http.post('*/ovirt-engine/api/v4/disks', ({ request }) => {
      seen = request;
      return HttpResponse.json({});
    }));
    session.start('admin@internal', 'tok-1');
    await call();
    session.end();
    expect(seen?.headers.get('Authorization')).toBe('Bearer tok-1');
    expect(seen?.headers.get('Accept')).toBe('application/json');
    expect(seen?.headers.get('Content-Type')).toBe('application/json');
    // The engine's cookie session (decision 046): asked for on every request, its idle timeout with the token.
    expect(seen?.headers.get('Prefer')).toBe('persistent-auth');
    expect(seen?.headers.get('Session-TTL')).toBe('30');
  });

  it('signed in by the cookie (no token): Prefer: persistent-auth alone, no Authorization, no Session-TTL', async () => {
    let seen: Request | undefined;
    server.use(http.post('*/ovirt-engine/api/v4/disks', ({ request }) => {
      seen = request;
      return HttpResponse.json({});
    }));
    session.start('admin@internal');
    await call();
    session.end();
    expect(seen?.headers.get('Prefer')).toBe('persistent-auth');
    expect(seen?.headers.get('Authorization')).toBeNull();
    expect(seen?.headers.get('Session-TTL')).toBeNull();
  });
});

describe('answers the console does not understand', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    vi.restoreAllMocks();
  });
  afterAll(() => server.close());
  const list = async (): Promise<EngineError> => {
    const e = await engineRequest({ path: '/hosts', schema: hostListWire }).then(
      () => undefined,
      (x: unknown) => x,
    );
    if (!(e instanceof EngineError)) throw new Error(`expected an EngineError, got ${String(e)}`);
    return e;
  };
  const times = (text: string, status: number) => text.split(String(status)).length - 1;
  const LOGIN_PAGE = '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>…</form></body></html>';
  const answer = (status: number, body: string | null, type?: string) =>
    new HttpResponse(body, { status, ...(type ? { headers: { 'Content-Type': type } } : {}) });

  it('a 200 with an HTML page (a proxy\'s login page): the console\'s own words, the request, the status once, the page\'s start in the details', async () => {
    server.use(http.get('*/ovirt-engine/api/v4/hosts', () => answer(200, LOGIN_PAGE, 'text/html; charset=utf-8')));
    const e = await list();
    expect(e).toMatchObject({ kind: 'parse', status: 200, method: 'GET', path: '/hosts' });
    expect(e.userMessage).toBe(
      "The engine sent an answer the console does not understand: GET /hosts answered HTTP 200 with an HTML page (text/html), not the engine's JSON — most likely the login or error page of a proxy or web server in front of the engine.",
    );
    expect(e.userMessage).not.toMatch(/SyntaxError|Unexpected token|JSON\.parse|DOCTYPE/i);
    expect(times(e.userMessage, 200)).toBe(1);
    expect(e.answer).toEqual({ excerpt: LOGIN_PAGE, problems: undefined });
  });

  it('a 200 whose JSON is cut short says so, without the parser\'s text', async () => {
    server.use(http.get('*/ovirt-engine/api/v4/hosts', () => answer(200, '{"host": [{"id": "1"', 'application/json')));
    const e = await list();
    expect(e.kind).toBe('parse');
    expect(e.userMessage).toBe(
      'The engine sent an answer the console does not understand: GET /hosts answered HTTP 200 with JSON that does not parse — most likely an answer cut short on the way.',
    );
    expect(e.userMessage).not.toMatch(/position|Expected|Unexpected/);
    expect(times(e.userMessage, 200)).toBe(1);
    expect(e.answer?.excerpt).toBe('{"host": [{"id": "1"');
  });

  it('a 200 with JSON of the wrong shape names the field, in the message and (with the schema\'s words) in the details', async () => {
    server.use(http.get('*/ovirt-engine/api/v4/hosts', () => HttpResponse.json({ host: 'sleeping' })));
    const e = await list();
    expect(e).toMatchObject({ kind: 'parse', status: 200 });
    expect(e.userMessage).toBe('The engine sent an answer the console does not understand: GET /hosts answered HTTP 200 with JSON the console cannot read (at host).');
    expect(times(e.userMessage, 200)).toBe(1);
    expect(e.answer?.problems).toMatch(/^host: /);
    expect(e.answer?.excerpt).toBe('{"host":"sleeping"}');
  });

  it('a 500 with an HTML error page: the status once, with its phrase; the page in the details, never a fault of the engine', async () => {
    const page = '<html><body><h1>500 Internal Server Error</h1></body></html>';
    server.use(http.get('*/ovirt-engine/api/v4/hosts', () => answer(500, page, 'text/html')));
    const e = await list();
    expect(e).toMatchObject({ kind: 'parse', status: 500, key: undefined, messages: [] });
    expect(e.userMessage).toBe(
      "The engine sent an answer the console does not understand: GET /hosts answered HTTP 500 Internal Server Error with an HTML page (text/html), not the engine's JSON — most likely the login or error page of a proxy or web server in front of the engine.",
    );
    expect(times(e.userMessage, 500)).toBe(1);
    expect(e.answer?.excerpt).toBe(page);
  });

  it('a 502 with an empty body (a gateway that could not reach the engine): the standard phrase, the status once, an empty excerpt', async () => {
    // Without a status text, as over HTTP/2: the phrase comes from the standard list, never "HTTP 502" again.
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 502 }));
    const e = await list();
    expect(e).toMatchObject({ kind: 'parse', status: 502 });
    expect(e.userMessage).toBe("The engine sent an answer the console does not understand: GET /hosts answered HTTP 502 Bad Gateway with an empty body, not the engine's JSON.");
    expect(times(e.userMessage, 502)).toBe(1);
    expect(e.answer?.excerpt).toBe('');
  });

  it('a status text that repeats the code is not said as the phrase', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('oops', { status: 503, statusText: 'HTTP 503' }));
    const e = await list();
    expect(e.userMessage).toContain('GET /hosts answered HTTP 503 Service Unavailable with a text/plain body, not the engine\'s JSON.');
    expect(times(e.userMessage, 503)).toBe(1);
  });

  it('a status without a known phrase or body still says something, without repeating the code', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 507 }));
    const e = await list();
    expect(e).toMatchObject({ kind: 'parse', status: 507 });
    expect(e.userMessage).toBe("The engine sent an answer the console does not understand: GET /hosts answered HTTP 507 with an empty body, not the engine's JSON.");
  });

  it('a non-2xx with JSON that is not the engine\'s fault is not understood either; an empty 404 is the engine\'s "not found"', async () => {
    server.use(http.get('*/ovirt-engine/api/v4/hosts', () => HttpResponse.json({ message: 'upstream timed out' }, { status: 504 })));
    const e = await list();
    expect(e).toMatchObject({ kind: 'parse', status: 504 });
    expect(e.userMessage).toContain("answered HTTP 504 Gateway Timeout with JSON without the engine's reason or detail.");
    expect(e.answer?.excerpt).toBe('{"message":"upstream timed out"}');
    server.use(http.get('*/ovirt-engine/api/v4/hosts', () => answer(404, null)));
    expect(await list()).toMatchObject({ kind: 'fault', status: 404, reason: 'Not found', answer: undefined });
  });

  it('the details show at most the first 200 characters, whitespace collapsed', async () => {
    const page = `<html>\n  <body>\n${'x'.repeat(400)}</body></html>`;
    server.use(http.get('*/ovirt-engine/api/v4/hosts', () => answer(200, page, 'text/html')));
    const excerpt = (await list()).answer?.excerpt ?? '';
    expect(excerpt).toBe(`<html> <body> ${'x'.repeat(200 - '<html> <body> '.length)}…`);
  });

  it('masks whatever looks like a token or a password in the excerpt, even where the body is cut short', async () => {
    const body =
      '{"access_token": "tok-SECRET1", "password":"pw-SECRET2", "user": "admin", "hint": "Authorization: Bearer tok.SECRET3"} ' +
      '<form action="/login?access_token=SECRET4&x=1"><input type="password" name="password" value="SECRET5"></form> {"password": "SECRET6';
    server.use(http.post('*/ovirt-engine/api/v4/disks', () => answer(201, body, 'text/plain')));
    const e = await engineRequest({ path: '/disks', method: 'POST', body: {}, schema: z.unknown() }).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'parse', status: 201 });
    const excerpt = e instanceof EngineError ? (e.answer?.excerpt ?? '') : '';
    expect(excerpt).toContain('"user": "admin"');
    expect(excerpt).toContain('"access_token": •••');
    expect(excerpt).not.toMatch(/SECRET/);
  });

  it('an empty 200 still reads as an empty object', async () => {
    server.use(http.get('*/ovirt-engine/api/v4/hosts', () => new HttpResponse(null, { status: 200 })));
    expect(await engineRequest({ path: '/hosts', schema: hostListWire })).toEqual([]);
  });
});
