// Every way a call to the engine can fail becomes one EngineError: both fault envelopes, 401 without JSON, an empty
// 404, a network failure, an answer that does not match the wire schema; and what each request sends.
// Fixtures follow reference/engine-rest-api.md §2.2–2.4.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
