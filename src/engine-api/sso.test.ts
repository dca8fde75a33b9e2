// The SSO password grant and both of its error shapes (reference/engine-rest-api.md §2.1, §2.4).
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type EngineError } from './errors';
import { requestToken } from './sso';

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
