// The engine's REST API session kept in an HTTP session (`Prefer: persistent-auth`), as the restapi webapp's filters
// do it (decision 046), in their order (restapi webapp WEB-INF/web.xml filter-mappings):
// 1. RestApiSessionValidationFilter.java:24-33 — a request without the `persistent-auth` element in Prefer, or with
//    `new-auth`, invalidates the HTTP session its cookie names, before anything authenticates.
// 2. SessionValidationFilter.java:39-50 — an HTTP session whose engine session has ended is invalidated.
// 3. SsoRestApiAuthFilter.java:42-45 — a request whose HTTP session holds a live engine session is authenticated by
//    it (the Bearer token is not looked at); otherwise the Bearer token is (:61-78).
// 4. RestApiSessionMgmtFilter.java:58-76 — with `persistent-auth`, the engine session goes into the HTTP session
//    (`req.getSession(true)`: a new one answers with a JSESSIONID cookie), and `Session-TTL: <minutes>` (>= 1) on
//    the request that logged in sets its idle timeout (`setMaxInactiveInterval`); otherwise the servlet default,
//    `<session-timeout>180</session-timeout>` (web.xml), applies. The cookie is `HttpOnly` (web.xml `<cookie-config>
//    <http-only>true</http-only>`), not `Secure` (`<secure>false</secure>`), and its path is the webapp's context.
//
// The emulator's state holds a SHA-256 of each session id (mocks/engine/sha256.ts), never the id: whatever reads or stores the state (the
// tab's sessionStorage, the browser's localStorage for other tabs, the HTTP engine's /state) holds nothing a
// request could use (decision 004). The id exists only in the cookie.
import type { Engine } from '../engine/engine';
import { sha256Hex } from '../engine/sha256';
export type { EmHttpSession } from '../engine/state';

export const SESSION_COOKIE = 'JSESSIONID';
/** web.xml `<session-timeout>180</session-timeout>`: minutes. */
export const DEFAULT_SESSION_MINUTES = 180;
/** The webapp's context path: the servlet container's default cookie path. */
export const SESSION_COOKIE_PATH = '/ovirt-engine/api';

/**
 * How the emulator's session cookie travels. `http`: the Cookie request header and a real Set-Cookie (the HTTP
 * engine, and Node tests). `document`: in the page (MSW's service worker), where a mocked answer cannot set a real
 * cookie — a service worker's Set-Cookie never reaches the cookie jar — so the emulator writes `document.cookie`
 * itself and reads it back. A script cannot set an HttpOnly cookie, and `document.cookie` only shows cookies whose
 * path covers the page's, so in the page the cookie is readable by scripts and its path is `/`: an emulated-mode
 * limitation (decision 046).
 */
export type CookieMode = 'http' | 'document';


/** FiltersHelper.getPrefer: the element names of every Prefer header, case-insensitive, parameters ignored. */
export function preferOf(request: Request): { persistent: boolean; newAuth: boolean } {
  const names = (request.headers.get('Prefer') ?? '')
    .split(',')
    .map((el) => (el.split(/[;=]/)[0] ?? '').trim().toLowerCase());
  return { persistent: names.includes('persistent-auth'), newAuth: names.includes('new-auth') };
}

function cookieIn(header: string | null | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

function sessionIdOf(request: Request, mode: CookieMode): string | undefined {
  const fromHeader = cookieIn(request.headers.get('Cookie'));
  if (fromHeader || mode === 'http') return fromHeader;
  return typeof document === 'undefined' ? undefined : cookieIn(document.cookie);
}

/** Servlet containers' ids are random; 24 bytes, base64url. */
function randomSessionId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function bearerUser(e: Engine, request: Request): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(request.headers.get('Authorization') ?? '');
  if (!m) return undefined;
  const now = e.now();
  return e.state.tokens.find((t) => t.token === m[1] && t.exp > now)?.user;
}

/** Integer.parseInt's accepted form; a minimum of 1 minute (RestApiSessionMgmtFilter MINIMAL_SESSION_TTL). */
function sessionTtlMinutes(request: Request): number {
  const raw = request.headers.get('Session-TTL')?.trim() ?? '';
  const n = /^[+-]?\d+$/.test(raw) ? Number(raw) : NaN;
  return n >= 1 ? n : DEFAULT_SESSION_MINUTES;
}

// Who each authenticated request is, for the handlers that need the user (filter.ts, api-root.ts): a request
// authenticated by its cookie carries no token to look the user up by.
const users = new WeakMap<Request, string>();

/** The user `authenticate` found for this request (or for the request it was rebuilt from: `rememberUser`). */
export function requestUser(request: Request): string | undefined {
  return users.get(request);
}

export function rememberUser(request: Request, user: string): void {
  users.set(request, user);
}

export interface Authenticated {
  user: string | undefined;
  /** A new HTTP session's id: the answer sets the cookie (`sessionCookie`). */
  newSessionId?: string;
}

/** The restapi filters' decision for one request (see the top of this file). */
export function authenticate(e: Engine, request: Request, mode: CookieMode): Authenticated {
  const prefer = preferOf(request);
  const now = e.now();
  const before = e.state.httpSessions.length;
  e.state.httpSessions = e.state.httpSessions.filter((s) => s.expiresAt > now);
  let user: string | undefined;
  let used = false;
  const id = sessionIdOf(request, mode);
  if (id) {
    const idHash = sha256Hex(id);
    if (!prefer.persistent || prefer.newAuth) {
      e.state.httpSessions = e.state.httpSessions.filter((s) => s.idHash !== idHash);
    } else {
      const s = e.state.httpSessions.find((x) => x.idHash === idHash);
      if (s) {
        s.expiresAt = now + s.ttlMs; // an HTTP session's timeout counts from its last use
        user = s.user;
        used = true;
      }
    }
  }
  let newSessionId: string | undefined;
  if (!user) {
    user = bearerUser(e, request);
    if (user && prefer.persistent) {
      newSessionId = randomSessionId();
      const ttlMs = sessionTtlMinutes(request) * 60_000;
      e.state.httpSessions.push({ idHash: sha256Hex(newSessionId), user, ttlMs, expiresAt: now + ttlMs });
    }
  }
  if (user) rememberUser(request, user);
  if (e.state.httpSessions.length !== before || newSessionId) e.changed();
  // Its new expiry is kept across a reload (mocks/browser.ts saves the sessions), not the whole state.
  else if (used) e.changed('sessions');
  return { user, ...(newSessionId ? { newSessionId } : {}) };
}

/**
 * Sets the cookie of a new HTTP session on the answer: the servlet container's Set-Cookie (a session cookie, no
 * Max-Age), and in the page `document.cookie` (see CookieMode).
 */
export function setSessionCookie(response: Response, id: string, mode: CookieMode): void {
  if (response.type !== 'error') response.headers.append('Set-Cookie', `${SESSION_COOKIE}=${id}; Path=${SESSION_COOKIE_PATH}; HttpOnly`);
  if (mode === 'document' && typeof document !== 'undefined') {
    document.cookie = `${SESSION_COOKIE}=${id}; Path=/; SameSite=Strict`;
  }
}
