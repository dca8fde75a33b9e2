// The engine's REST API session in an HTTP session (Prefer: persistent-auth) through the real handlers: when the
// cookie is set, when it is accepted, when it ends — and that the emulator's state holds only hashes of its ids.
import { getResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { Emulator } from '../emulator';
import { toStored, toStoredHttpSessions } from '../persist';
import { createHandlers } from './index';
import { sha256Hex } from '../engine/sha256';

const emulator = Emulator.fresh('lab', 0);
const handlers = createHandlers(() => emulator.engine, emulator.faults);
const ROOT = 'https://engine.example/ovirt-engine/api';
const TOKEN = 'http-session-test-token';

function call(path: string, headers: Record<string, string>, method = 'GET'): Promise<Response> {
  return getResponse(handlers, new Request(`${ROOT}${path}`, { method, headers: { Accept: 'application/json', ...headers } })).then((r) => {
    if (!r) throw new Error(`no handler for ${path}`);
    return r;
  });
}

/** A Bearer request asking for the cookie session; the session id from its Set-Cookie. */
async function openSession(extra: Record<string, string> = {}): Promise<string> {
  const res = await call('/v4/hosts', { Authorization: `Bearer ${TOKEN}`, Prefer: 'persistent-auth', ...extra });
  expect(res.status).toBe(200);
  const m = /^JSESSIONID=([^;]+); Path=\/ovirt-engine\/api; HttpOnly$/.exec(res.headers.get('Set-Cookie') ?? '');
  if (!m?.[1]) throw new Error(`no session cookie: ${res.headers.get('Set-Cookie')}`);
  return m[1];
}

const withCookie = (id: string, prefer = 'persistent-auth') => ({ Cookie: `JSESSIONID=${id}`, ...(prefer ? { Prefer: prefer } : {}) });

beforeEach(() => {
  emulator.reset('lab');
  emulator.engine.state.tokens.push({ token: TOKEN, user: 'admin@internal', exp: Date.now() + 3_600_000 });
});

describe('the cookie session', () => {
  it('is opened by a Bearer request with Prefer: persistent-auth, and only then', async () => {
    const plain = await call('/v4/hosts', { Authorization: `Bearer ${TOKEN}` });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('Set-Cookie')).toBeNull();
    expect(emulator.engine.state.httpSessions).toHaveLength(0);
    await openSession();
    expect(emulator.engine.state.httpSessions).toHaveLength(1);
  });

  it('is accepted without a token with Prefer: persistent-auth (element among others, any case), as the same user', async () => {
    const id = await openSession();
    for (const prefer of ['persistent-auth', 'return=minimal, Persistent-Auth', 'persistent-auth; x=1']) {
      const res = await call('', withCookie(id, prefer));
      expect(res.status, prefer).toBe(200);
      expect(res.headers.get('Set-Cookie'), 'no new session for a request it authenticated').toBeNull();
    }
    const root: unknown = await (await call('', withCookie(id))).json();
    expect(root).toMatchObject({ authenticated_user: { id: expect.any(String) } });
  });

  it('ends on a request without persistent-auth (or with new-auth): that request and every later one get 401', async () => {
    const id = await openSession();
    expect((await call('', withCookie(id, ''))).status).toBe(401);
    expect(emulator.engine.state.httpSessions).toHaveLength(0);
    expect((await call('', withCookie(id))).status).toBe(401);

    const other = await openSession();
    expect((await call('', withCookie(other, 'persistent-auth, new-auth'))).status).toBe(401);
    expect((await call('', withCookie(other))).status).toBe(401);
  });

  it('a request without persistent-auth but with a valid token is answered (by the token) and still ends the cookie session', async () => {
    const id = await openSession();
    expect((await call('/v4/hosts', { ...withCookie(id, ''), Authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect((await call('', withCookie(id))).status).toBe(401);
  });

  it('lasts 180 idle minutes by default, Session-TTL minutes when the opening request says so; each use restarts it', async () => {
    await openSession();
    expect(emulator.engine.state.httpSessions[0]?.ttlMs).toBe(180 * 60_000);
    const id = await openSession({ 'Session-TTL': '30' });
    const s = emulator.engine.state.httpSessions.find((x) => x.ttlMs === 30 * 60_000);
    expect(s).toBeDefined();
    await openSession({ 'Session-TTL': '0' });
    await openSession({ 'Session-TTL': 'soon' });
    expect(emulator.engine.state.httpSessions.filter((x) => x.ttlMs === 180 * 60_000)).toHaveLength(3);
    if (!s) return;
    s.expiresAt = Date.now() - 1;
    expect((await call('', withCookie(id))).status).toBe(401);
  });

  it('ends with expireSessions() and with the session-ends fault', async () => {
    const id = await openSession();
    emulator.expireSessions();
    expect((await call('', withCookie(id))).status).toBe(401);

    emulator.engine.state.tokens.push({ token: TOKEN, user: 'admin@internal', exp: Date.now() + 3_600_000 });
    const next = await openSession();
    emulator.failNext({ method: 'GET', path: '/ovirt-engine/api', mode: 'session-ends' });
    expect((await call('', withCookie(next))).status).toBe(401);
    expect((await call('', withCookie(next))).status).toBe(401);
  });

  it('an unknown or stale cookie is no session; with a valid token a new one is opened', async () => {
    expect((await call('', withCookie('not-a-session'))).status).toBe(401);
    const id = await openSession({ Cookie: 'JSESSIONID=not-a-session' });
    expect(id).not.toBe('not-a-session');
  });

  it('the state, the stored state and the stored sessions hold the SHA-256 of the id, never the id', async () => {
    const id = await openSession();
    const hash = sha256Hex(id);
    expect(emulator.engine.state.httpSessions[0]?.idHash).toBe(hash);
    for (const text of [JSON.stringify(emulator.engine.state), JSON.stringify(toStored(emulator.engine.state)), toStoredHttpSessions(emulator.engine.state)]) {
      expect(text).not.toContain(id);
    }
    expect(toStoredHttpSessions(emulator.engine.state)).toContain(hash);
  });
});

describe('what a request announces (mocks/browser.ts saves the whole state on a state change)', () => {
  it('a read announces no state change; a signed-in read only its session; a write the state', async () => {
    const id = await openSession();
    const heard: string[] = [];
    const off = emulator.subscribe((what) => heard.push(what));
    try {
      expect((await call('/v4/hosts', { Authorization: `Bearer ${TOKEN}` })).status).toBe(200);
      expect(heard).toEqual([]);
      expect((await call('/v4/hosts', withCookie(id))).status).toBe(200);
      expect(heard).toEqual(['sessions']);
      heard.length = 0;
      // A write (here refused by the handler: a disk with nothing in it) is announced as a change of the state.
      const post = new Request(`${ROOT}/v4/disks`, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` }, body: '{}' });
      expect((await getResponse(handlers, post))?.status).toBe(400);
      expect(heard).toEqual(['state']);
    } finally {
      off();
    }
  });
});
