import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEmulator } from '../node';

const { server } = createNodeEmulator('lab');
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

function token(username: string, password = 'ovirt', scope = 'ovirt-app-api', accept = 'application/json') {
  return fetch('http://engine.test/ovirt-engine/sso/oauth/token', {
    method: 'POST',
    headers: { Accept: accept, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', scope, username, password }),
  });
}

describe('emulated SSO', () => {
  it('refuses a user name without a profile as the engine does (400, REST-scope JSON, "No valid profile")', async () => {
    const res = await token('admin');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error_code: 'access_denied',
      error: "Cannot authenticate user 'admin@N/A': No valid profile found in credentials..",
    });
  });
  it('refuses a profile it does not know, and an empty one', async () => {
    expect(await (await token('admin@corp')).json()).toMatchObject({ error: "Cannot authenticate user 'admin@corp': No valid profile found in credentials.." });
    expect(await (await token('admin@')).json()).toMatchObject({ error: "Cannot authenticate user 'admin@N/A': No valid profile found in credentials.." });
  });
  // SsoService.sendJsonDataWithMessage (:692-713): the shape follows isRestApiScope (:716-730), for every failure.
  it('answers the REST scope alone with {error_code, error}, and any other scope with {error, error_description}', async () => {
    expect(await (await token('admin@internal', 'nope', 'ovirt-app-api ovirt-app-admin')).json()).toEqual({
      error: 'access_denied',
      error_description: "Cannot authenticate user 'admin@internal': The username or password is incorrect..",
    });
    expect(await (await token('admin@internal', 'ovirt', 'ovirt-app-api', 'text/html')).json()).toEqual({
      error_code: 'invalid_request',
      error: 'The Accept header must be application/json.',
    });
  });
  it('issues a token for user@profile', async () => {
    const res = await token('admin@internal');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ token_type: 'bearer' });
  });
});
