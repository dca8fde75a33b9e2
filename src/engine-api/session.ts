// The SSO token lives in memory only: it never goes to localStorage, sessionStorage, a URL or a log
// (docs/decisions/003-token-in-memory.md). What survives a reload or opens a new tab signed in is the engine's own
// HTTP session: every API request asks for it (`Prefer: persistent-auth`), and the engine keeps it in an HttpOnly
// JSESSIONID cookie page scripts cannot read (docs/decisions/046-signed-in-across-reloads.md). A page signed in
// through that cookie has no token: `token` is then undefined and requests carry the cookie alone.

export type SessionState =
  | { status: 'anonymous' }
  | { status: 'active'; user: string; token?: string | undefined }
  /** The engine answered 401: requests wait for a new login, then carry on. */
  | { status: 'expired'; user: string }
  /**
   * Log out is under way: the engine is ending the session. The login page comes once it has answered — shown
   * earlier, a reload in that moment aborted the logout and the still-valid cookie signed the browser back in.
   */
  | { status: 'ending'; user: string };

type Listener = (s: SessionState) => void;

let state: SessionState = { status: 'anonymous' };
const listeners = new Set<Listener>();
let waiters: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];

function set(next: SessionState) {
  state = next;
  for (const l of listeners) l(state);
}

export const session = {
  get: (): SessionState => state,
  token: (): string | undefined => (state.status === 'active' ? state.token : undefined),
  subscribe: (l: Listener): (() => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  /** After a login (`token`), or after the boot probe found the engine's cookie session (no token). */
  start: (user: string, token?: string) => {
    set(token === undefined ? { status: 'active', user } : { status: 'active', user, token });
    const w = waiters;
    waiters = [];
    for (const x of w) x.resolve();
  },
  /**
   * Called by the transport on 401, with the token the refused request carried. When a login form is on screen
   * (`reauthEnabled`), resolves once the user has logged in again; otherwise (unit tests, the login call itself)
   * rejects at once. A 401 for a request sent with another token than the current one — an older one, or none
   * while the login dialog was open (a poll still on its way while the user logged in again) — resolves at once:
   * the request is sent again with the new token, and the user is not asked a second time.
   */
  expire: (sentWith: string | undefined): Promise<void> => {
    if (!reauthEnabled) return Promise.reject(new Error('session expired'));
    if (state.status === 'active' && state.token !== sentWith) return Promise.resolve();
    if (state.status === 'active') set({ status: 'expired', user: state.user });
    if (state.status === 'anonymous') return Promise.reject(new Error('not logged in'));
    if (state.status === 'ending') return Promise.reject(new Error('logging out'));
    return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
  },
  /** Log out has begun (sso.ts logout): no token from here on; requests waiting for a login fail. */
  ending: () => {
    if (state.status === 'anonymous') return;
    set({ status: 'ending', user: state.user });
    rejectWaiters('logged out');
  },
  end: () => {
    set({ status: 'anonymous' });
    rejectWaiters('logged out');
  },
};

function rejectWaiters(why: string) {
  const w = waiters;
  waiters = [];
  for (const x of w) x.reject(new Error(why));
}

let reauthEnabled = false;
/** The app turns this on when it mounts its login overlay. */
export function enableReauthentication(on: boolean) {
  reauthEnabled = on;
}
