// The session's answer to a 401: ask the user once, and never again for a request that left before they logged in.
import { afterEach, describe, expect, it } from 'vitest';
import { enableReauthentication, session } from './session';

afterEach(() => {
  session.end();
  enableReauthentication(false);
});

describe('session.expire', () => {
  it('a 401 with the current token ends the session; requests wait for the next login', async () => {
    enableReauthentication(true);
    session.start('admin@internal', 't1');
    let resumed = false;
    const waiting = session.expire('t1').then(() => (resumed = true));
    expect(session.get()).toEqual({ status: 'expired', user: 'admin@internal' });
    await Promise.resolve();
    expect(resumed).toBe(false);
    session.start('admin@internal', 't2');
    await waiting;
    expect(resumed).toBe(true);
  });

  it('a late 401 for a request sent with the token before the new login resends at once and asks nothing', async () => {
    enableReauthentication(true);
    session.start('admin@internal', 't1');
    const first = session.expire('t1');
    session.start('admin@internal', 't2');
    await first;
    // A poll sent with t1 before the login comes back 401 only now; so does one sent with no token while the
    // login dialog was open.
    await session.expire('t1');
    await session.expire(undefined);
    expect(session.get()).toEqual({ status: 'active', user: 'admin@internal', token: 't2' });
    // A 401 with the current token still ends the session (the wait is dropped by the log out after the test).
    session.expire('t2').catch(() => undefined);
    expect(session.get().status).toBe('expired');
  });
});
