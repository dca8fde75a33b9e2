// The SSO token endpoint and logout (reference/engine-rest-api.md §2.1).
import { HttpResponse, delay, http } from 'msw';
import type { EngineRef } from './context';

function ssoError(error: string, description: string) {
  return HttpResponse.json({ error, error_description: description }, { status: 400 });
}

/** Session lifetime of the emulated SSO: long enough for a review, short enough to see expiry in the panel. */
const TOKEN_TTL_MS = 8 * 60 * 60 * 1000;

export function ssoHandlers(engine: EngineRef) {
  return [
    http.post('*/ovirt-engine/sso/oauth/token', async ({ request }) => {
      const e = engine();
      // The SSO wants Accept to be exactly application/json (SsoService.validateClientAcceptHeader).
      if (request.headers.get('Accept') !== 'application/json') {
        return ssoError('invalid_request', 'The Accept header must be application/json.');
      }
      const form = new URLSearchParams(await request.text());
      if (form.get('grant_type') !== 'password') return ssoError('unsupported_grant_type', 'The grant type is not supported.');
      if (!(form.get('scope') ?? '').split(' ').includes('ovirt-app-api')) {
        return ssoError('invalid_request', 'The scope ovirt-app-api is required.');
      }
      const username = form.get('username') ?? '';
      const password = form.get('password') ?? '';
      if (e.latencyFactor > 0) await delay(150 * e.latencyFactor);
      const [name, domain] = username.includes('@') ? username.split('@') : [username, 'internal'];
      const user = e.state.users.find((u) => u.name === `${name}@${domain}` && u.password === password);
      if (!user) {
        return ssoError('access_denied', `Cannot authenticate user '${name}@${domain}': The username or password is incorrect..`);
      }
      const token = globalThis.crypto.randomUUID().replace(/-/g, '');
      const exp = e.now() + TOKEN_TTL_MS;
      e.state.tokens.push({ token, user: user.name, exp });
      e.changed();
      return HttpResponse.json({
        access_token: token,
        scope: 'ovirt-app-api ovirt-ext=token-info:authz-search ovirt-ext=token-info:public-authz-search ovirt-ext=token-info:validate ovirt-ext=token:password-access',
        exp: String(exp),
        token_type: 'bearer',
      });
    }),
    http.post('*/ovirt-engine/services/sso-logout', async ({ request }) => {
      const e = engine();
      const form = new URLSearchParams(await request.text());
      const token = form.get('token');
      e.state.tokens = e.state.tokens.filter((t) => t.token !== token);
      e.changed();
      return new HttpResponse(null, { status: 200 });
    }),
  ];
}

