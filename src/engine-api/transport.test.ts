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
    server.use(http.get('*/ovirt-engine/api/v4/hosts', () => HttpResponse.json({ host: [{ id: '1', name: 'h', status: 'sleeping' }] })));
    const e = (await engineRequest({ path: '/hosts', schema: hostListWire }).catch((x: unknown) => x)) as EngineError;
    expect(e.kind).toBe('parse');
    expect(e.reason).toMatch(/host\.0\.status/);
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
  });
});

describe('answers that are not the engine\'s JSON', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    vi.restoreAllMocks();
  });
  afterAll(() => server.close());
  const list = () => engineRequest({ path: '/hosts', schema: hostListWire }).catch((e: unknown) => e);
  const LOGIN_PAGE = '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>…</form></body></html>';

  it('a 200 with an HTML page (a proxy\'s login page) is a parse error naming what came back, not a SyntaxError', async () => {
    server.use(http.get('*/ovirt-engine/api/v4/hosts', () => new HttpResponse(LOGIN_PAGE, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } })));
    const e = await list();
    expect(e).toBeInstanceOf(EngineError);
    expect(e).toMatchObject({ kind: 'parse', status: 200, method: 'GET', path: '/hosts' });
    const text = e instanceof EngineError ? e.userMessage : '';
    expect(text).toBe(
      "The engine sent a response the console does not understand: GET /hosts answered 200 with an HTML page (text/html), not the engine's JSON — most likely the login or error page of a proxy or web server in front of the engine",
    );
    expect(text).not.toMatch(/SyntaxError|Unexpected token|JSON\.parse|DOCTYPE/i);
  });

  it('a 200 whose JSON does not parse says so, without the parser\'s text', async () => {
    server.use(http.get('*/ovirt-engine/api/v4/hosts', () => new HttpResponse('{"host": [{"id": "1"', { status: 200, headers: { 'Content-Type': 'application/json' } })));
    const e = await list();
    expect(e).toMatchObject({ kind: 'parse', status: 200, reason: 'GET /hosts answered 200 with JSON that does not parse — most likely an answer cut short on the way' });
  });

  it('a 500 with an HTML error page names the status once: its phrase and what came back, the code left to the caller', async () => {
    server.use(http.get('*/ovirt-engine/api/v4/hosts', () => new HttpResponse('<html><body><h1>500 Internal Server Error</h1></body></html>', { status: 500, headers: { 'Content-Type': 'text/html' } })));
    const e = await list();
    expect(e).toMatchObject({ kind: 'fault', status: 500, key: undefined, messages: [] });
    const reason = e instanceof EngineError ? e.reason : '';
    expect(reason).toBe(
      "Internal Server Error: the answer was an HTML page (text/html), not the engine's JSON — most likely the login or error page of a proxy or web server in front of the engine",
    );
    expect(reason).not.toMatch(/500/);
  });

  it('without a status text (HTTP/2) the reason is the standard phrase, never "HTTP 502"', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    const e = await list();
    expect(e).toMatchObject({ kind: 'fault', status: 502 });
    expect(e instanceof EngineError ? e.userMessage : '').toMatch(/^Bad Gateway: the answer was an HTML page \(text\/html\)/);
    expect(e instanceof EngineError ? e.userMessage : '').not.toMatch(/HTTP|502/);
  });

  it('a status without a known phrase or body still says something, without repeating the code', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 507 }));
    expect(await list()).toMatchObject({ kind: 'fault', status: 507, reason: 'The request failed' });
  });

  it('an empty 200 still reads as an empty object', async () => {
    server.use(http.get('*/ovirt-engine/api/v4/hosts', () => new HttpResponse(null, { status: 200 })));
    expect(await list()).toEqual([]);
  });
});
