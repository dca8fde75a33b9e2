// SSO password grant and logout (reference/engine-rest-api.md §2.1).
import * as z from 'zod/mini';
import { t } from '../i18n/i18n';
import { EngineError } from './errors';
import { session } from './session';
import { apiRootWire } from './api-root';
import { absolute } from './transport';

export const SSO_TOKEN_PATH = '/ovirt-engine/sso/oauth/token';
export const SSO_LOGOUT_PATH = '/ovirt-engine/services/sso-logout';
/** The API's entry point: the boot probe and the cookie session's end go here (the cookie's path is /ovirt-engine/api). */
export const API_ROOT_PATH = '/ovirt-engine/api';
/**
 * Who logged in last in this browser: a display hint, not a secret (the user name the login form had), so a page
 * signed in by the engine's cookie can name its user. The engine's API root names the user only by id
 * (`authenticated_user: {href, id}`, restapi BackendApiResource) — the emulator's root does the same.
 */
export const LAST_USER_KEY = 'dlc.lastUser';

export const ssoTokenSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.string(),
  scope: z.optional(z.string()),
  exp: z.optional(z.union([z.string(), z.number()])),
});

// Two failure shapes: {error, error_description}, or {error_code, error} inside an existing REST session.
const ssoErrorSchema = z.union([
  z.object({ error_code: z.string(), error: z.string() }),
  z.object({ error: z.string(), error_description: z.optional(z.string()) }),
]);

export interface Credentials {
  username: string;
  password: string;
}

export async function requestToken({ username, password }: Credentials): Promise<string> {
  const body = new URLSearchParams({ grant_type: 'password', scope: 'ovirt-app-api', username, password });
  let res: Response;
  try {
    res = await fetch(absolute(SSO_TOKEN_PATH), {
      method: 'POST',
      // The SSO rejects anything but exactly "application/json" here (SsoService.validateClientAcceptHeader).
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });
  } catch (e) {
    throw new EngineError({ kind: 'network', status: 0, reason: e instanceof Error ? e.message : t('login.error.networkError') });
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (res.ok) {
    const ok = ssoTokenSchema.safeParse(json);
    if (ok.success) return ok.data.access_token;
    throw new EngineError({ kind: 'parse', status: res.status, reason: 'the SSO token response has no access_token' });
  }
  const err = ssoErrorSchema.safeParse(json);
  if (err.success) {
    const d = err.data;
    const [code, description] = 'error_code' in d ? [d.error_code, d.error] : [d.error, d.error_description ?? d.error];
    throw new EngineError({ kind: 'sso', status: res.status, reason: description, messages: [description], code });
  }
  throw new EngineError({ kind: 'sso', status: res.status, reason: res.statusText || `HTTP ${res.status}` });
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage disabled: the page then names no user after a reload
  }
}

export async function login(credentials: Credentials): Promise<void> {
  const token = await requestToken(credentials);
  storage()?.setItem(LAST_USER_KEY, credentials.username);
  session.start(credentials.username, token);
}

let bootProbe: Promise<boolean> | undefined;

/**
 * Once per page, before the login page shows: is this browser still signed in through the engine's cookie session
 * (decision 046)? `GET /ovirt-engine/api` with `Prefer: persistent-auth` and no token: the browser sends the
 * JSESSIONID cookie, the engine finds its session in it (RestApiSessionMgmtFilter.java:44-52, SsoRestApiAuthFilter
 * skips the token check for an authenticated HTTP session) and answers 200 with the API root; without a live
 * session it answers 401 (EnforceAuthFilter). 200 with the engine's root starts the session without a token; anything
 * else (401, no engine, a proxy's page) leaves the console anonymous: the login page.
 */
export function resumeSession(): Promise<boolean> {
  bootProbe ??= probe();
  return bootProbe;
}

/** For tests: the next resumeSession probes again. */
export function forgetSessionProbe(): void {
  bootProbe = undefined;
}

async function probe(): Promise<boolean> {
  try {
    const res = await fetch(absolute(API_ROOT_PATH), { headers: { Accept: 'application/json', Prefer: 'persistent-auth' } });
    if (res.status !== 200) return false;
    const root = apiRootWire.safeParse(JSON.parse(await res.text()));
    if (!root.success) return false;
  } catch {
    return false;
  }
  if (session.get().status !== 'anonymous') return true; // a login finished first
  // The login catalog (login.json) is loaded with the entry, so this word is there at boot.
  session.start(storage()?.getItem(LAST_USER_KEY) || t('login.signedIn'), undefined);
  return true;
}

/**
 * Ends the cookie session: a request with the cookie and without `Prefer: persistent-auth` makes the engine
 * invalidate its HTTP session (RestApiSessionValidationFilter.java:24-33) before anything authenticates; the
 * request itself then has no credentials and gets a 401, which is the expected answer. The engine session behind
 * the cookie is no longer reachable and ends by its TTL (there is no REST logout).
 */
async function endCookieSession(signal?: AbortSignal): Promise<void> {
  await fetch(absolute(API_ROOT_PATH), { headers: { Accept: 'application/json' }, ...(signal ? { signal } : {}) });
}

/**
 * Ends the session on the engine: the cookie session always; the token too while the page holds it (it does until
 * a reload), revoked as the Python SDK does. The console forgets both whatever the engine answers.
 */
export async function logout(): Promise<void> {
  const token = session.token();
  // "Logging out…" until the engine has answered: the login page shown at once let a reload abort these requests,
  // and the cookie session, still valid, signed the browser back in (seen in CI: Log out, then a reload).
  session.ending();
  storage()?.removeItem(LAST_USER_KEY);
  // An engine that does not answer does not keep the user waiting: its session then ends by its TTL.
  const signal = AbortSignal.timeout(LOGOUT_WAIT_MS);
  try {
    // The token first: once it is revoked no request still on its way can open a new cookie session with it
    // (a Bearer request with `Prefer: persistent-auth` would), so the cookie session ended next stays ended.
    // A failed request only leaves a session the console no longer uses to end by its TTL.
    if (token) {
      await fetch(absolute(SSO_LOGOUT_PATH), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ scope: 'ovirt-app-api', token }),
        signal,
      }).catch(() => undefined);
    }
    await endCookieSession(signal).catch(() => undefined);
  } finally {
    session.end();
  }
}

/** How long Log out waits for the engine before showing the login page anyway. */
const LOGOUT_WAIT_MS = 10_000;
