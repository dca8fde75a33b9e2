// The SSO session lives in memory only: the token never goes to localStorage, sessionStorage, a URL or a
// log (docs/decisions/003-token-in-memory.md). A reload therefore asks for the password again; forms keep
// their drafts (without secrets) so nothing the user typed is lost.

export type SessionState =
  | { status: 'anonymous' }
  | { status: 'active'; user: string; token: string }
  /** The engine answered 401: requests wait for a new login, then carry on. */
  | { status: 'expired'; user: string };

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
  start: (user: string, token: string) => {
    set({ status: 'active', user, token });
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
    return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
  },
  end: () => {
    set({ status: 'anonymous' });
    const w = waiters;
    waiters = [];
    for (const x of w) x.reject(new Error('logged out'));
  },
};

let reauthEnabled = false;
/** The app turns this on when it mounts its login overlay. */
export function enableReauthentication(on: boolean) {
  reauthEnabled = on;
}
