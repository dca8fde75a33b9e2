// The SSO password grant and both of its error shapes (reference/engine-rest-api.md §2.1, §2.4).
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type EngineError } from './errors';
import { enableReauthentication, session } from './session';
import { forgetSessionProbe, LAST_USER_KEY, login, logout, requestToken, resumeSession } from './sso';

describe('SSO', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  it('sends the password grant as a form with scope ovirt-app-api and Accept exactly application/json', async () => {
    let body = '';
    let accept = '';
    server.use(http.post('*/ovirt-engine/sso/oauth/token', async ({ request }) => {
      body = await request.text();
      accept = request.headers.get('Accept') ?? '';
      return HttpResponse.json({ access_token: 'abc', scope: 'ovirt-app-api', exp: '1493207433000', token_type: 'bearer' });
    }));
    expect(await requestToken({ username: 'admin@internal', password: 'p&ss' })).toBe('abc');
    expect(accept).toBe('application/json');
    expect(new URLSearchParams(body).get('scope')).toBe('ovirt-app-api');
    expect(new URLSearchParams(body).get('grant_type')).toBe('password');
    expect(new URLSearchParams(body).get('password')).toBe('p&ss');
  });

  it('reads both SSO error shapes', async () => {
    server.use(http.post('*/ovirt-engine/sso/oauth/token', () => HttpResponse.json({ error: 'access_denied', error_description: "Cannot authenticate user 'a@internal': The username or password is incorrect.." }, { status: 400 })));
    const e = (await requestToken({ username: 'a', password: 'b' }).catch((x: unknown) => x)) as EngineError;
    expect(e).toMatchObject({ kind: 'sso', code: 'access_denied', key: 'CANNOT_AUTHENTICATE_USER' });
    server.use(http.post('*/ovirt-engine/sso/oauth/token', () => HttpResponse.json({ error_code: 'invalid_grant', error: 'The grant is invalid.' }, { status: 400 })));
    const e2 = (await requestToken({ username: 'a', password: 'b' }).catch((x: unknown) => x)) as EngineError;
    expect(e2).toMatchObject({ kind: 'sso', code: 'invalid_grant' });
    expect(e2.userMessage).toBe('The grant is invalid.');
  });
});

/** A Storage in memory, for the node environment (the user-name hint only). */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

const ROOT = { product_info: { name: 'oVirt Engine', version: { major: '4', minor: '5', build: '7', revision: '0' } } };

describe('signed in across reloads: the boot probe and Log out (decision 046)', () => {
  const server = setupServer();
  let storage: Storage;
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    forgetSessionProbe();
  });
  afterEach(() => {
    server.resetHandlers();
    session.end();
    enableReauthentication(false);
    vi.unstubAllGlobals();
  });
  afterAll(() => server.close());

  it('probes GET /ovirt-engine/api once, with Prefer: persistent-auth and no token; 200 signs in without a token, named by the hint', async () => {
    const seen: Request[] = [];
    server.use(http.get('*/ovirt-engine/api', ({ request }) => {
      seen.push(request);
      return HttpResponse.json(ROOT);
    }));
    storage.setItem(LAST_USER_KEY, 'user@internal');
    const [a, b] = await Promise.all([resumeSession(), resumeSession()]);
    expect([a, b]).toEqual([true, true]);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers.get('Prefer')).toBe('persistent-auth');
    expect(seen[0]?.headers.get('Authorization')).toBeNull();
    expect(session.get()).toEqual({ status: 'active', user: 'user@internal' });
    expect(session.token()).toBeUndefined();
  });

  it('401, or a 200 that is not the engine\'s root (a proxy\'s page), leaves the console anonymous: the login page', async () => {
    server.use(http.get('*/ovirt-engine/api', () => new HttpResponse('<html>Unauthorized</html>', { status: 401 })));
    expect(await resumeSession()).toBe(false);
    expect(session.get().status).toBe('anonymous');
    forgetSessionProbe();
    server.use(http.get('*/ovirt-engine/api', () => new HttpResponse('<html>Log in to the proxy</html>', { status: 200 })));
    expect(await resumeSession()).toBe(false);
    expect(session.get().status).toBe('anonymous');
  });

  it('login keeps the user name as a hint, never the token or the password', async () => {
    server.use(http.post('*/ovirt-engine/sso/oauth/token', () => HttpResponse.json({ access_token: 'secret-token', token_type: 'bearer' })));
    await login({ username: 'admin@internal', password: 'pw-123' });
    expect(storage.getItem(LAST_USER_KEY)).toBe('admin@internal');
    const everything = Array.from({ length: storage.length }, (_, i) => storage.getItem(storage.key(i) ?? '')).join(' ');
    expect(everything).not.toContain('secret-token');
    expect(everything).not.toContain('pw-123');
  });

  it('Log out with the token: revokes it, then ends the cookie session with a request without Prefer; forgets the hint', async () => {
    const order: string[] = [];
    let revoked = '';
    server.use(
      http.post('*/ovirt-engine/sso/oauth/token', () => HttpResponse.json({ access_token: 'tok-9', token_type: 'bearer' })),
      http.post('*/ovirt-engine/services/sso-logout', async ({ request }) => {
        order.push('sso-logout');
        revoked = new URLSearchParams(await request.text()).get('token') ?? '';
        return HttpResponse.json({});
      }),
      http.get('*/ovirt-engine/api', ({ request }) => {
        order.push(`api Prefer=${request.headers.get('Prefer') ?? 'none'} Authorization=${request.headers.get('Authorization') ?? 'none'}`);
        return new HttpResponse(null, { status: 401 });
      }),
    );
    await login({ username: 'admin@internal', password: 'ovirt' });
    await logout();
    expect(session.get().status).toBe('anonymous');
    expect(revoked).toBe('tok-9');
    expect(order).toEqual(['sso-logout', 'api Prefer=none Authorization=none']);
    expect(storage.getItem(LAST_USER_KEY)).toBeNull();
  });

  it('Log out: "ending" until the engine has ended the cookie session, then anonymous (a reload in between cannot abort it unseen)', async () => {
    let release: () => void = () => undefined;
    const answered = new Promise<void>((r) => (release = r));
    const seen: string[] = [];
    server.use(
      http.post('*/ovirt-engine/sso/oauth/token', () => HttpResponse.json({ access_token: 'tok-7', token_type: 'bearer' })),
      http.post('*/ovirt-engine/services/sso-logout', () => HttpResponse.json({})),
      http.get('*/ovirt-engine/api', async () => {
        seen.push(session.get().status);
        await answered;
        return new HttpResponse(null, { status: 401 });
      }),
    );
    await login({ username: 'admin@internal', password: 'ovirt' });
    const out = logout();
    expect(session.get()).toEqual({ status: 'ending', user: 'admin@internal' });
    expect(session.token()).toBeUndefined();
    enableReauthentication(true); // as under the app's AuthGate: a 401 now fails the request, no login form
    await expect(session.expire(undefined)).rejects.toThrow('logging out');
    enableReauthentication(false);
    await vi.waitFor(() => expect(seen).toEqual(['ending']));
    release();
    await out;
    expect(session.get().status).toBe('anonymous');
  });

  it('Log out after a reload (no token): only the cookie session ends; nothing to revoke', async () => {
    const order: string[] = [];
    server.use(http.get('*/ovirt-engine/api', ({ request }) => {
      order.push(request.headers.get('Prefer') ?? 'none');
      return order.length === 1 ? HttpResponse.json(ROOT) : new HttpResponse(null, { status: 401 });
    }));
    expect(await resumeSession()).toBe(true);
    await logout();
    expect(order).toEqual(['persistent-auth', 'none']);
    expect(session.get().status).toBe('anonymous');
  });
});
