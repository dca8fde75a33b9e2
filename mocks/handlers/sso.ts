// The SSO token endpoint and logout (reference/engine-rest-api.md §2.1).
import { HttpResponse, delay, http } from 'msw';
import type { EngineRef } from './context';

/**
 * HTTP 400 with the SSO's JSON (enginesso SsoService.sendJsonDataWithMessage): `{error_code, error}` when the
 * request asks for the REST API scope alone (isRestApiScope: "ovirt-app-api" without ovirt-app-admin/-portal — the
 * console's scope), `{error, error_description}` otherwise.
 */
function ssoError(code: string, message: string, restApiScope: boolean) {
  const body = restApiScope ? { error_code: code, error: message } : { error: code, error_description: message };
  return HttpResponse.json(body, { status: 400 });
}

/** Session lifetime of the emulated SSO: long enough for a review, short enough to see expiry in the panel. */
const TOKEN_TTL_MS = 8 * 60 * 60 * 1000;

export function ssoHandlers(engine: EngineRef) {
  return [
    http.post('*/ovirt-engine/sso/oauth/token', async ({ request }) => {
      const e = engine();
      const form = new URLSearchParams(await request.text());
      // Every failure's shape follows the request's scope (SsoService.java:716-730 isRestApiScope reads the scope
      // parameter): ovirt-app-api without ovirt-app-admin / ovirt-app-portal — the console's — gets {error_code, error}.
      const scopes = (form.get('scope') ?? '').split(' ');
      const restApi = scopes.includes('ovirt-app-api') && !scopes.includes('ovirt-app-admin') && !scopes.includes('ovirt-app-portal');
      // The SSO wants Accept to be exactly application/json (SsoService.validateClientAcceptHeader).
      if (request.headers.get('Accept') !== 'application/json') {
        return ssoError('invalid_request', 'The Accept header must be application/json.', restApi);
      }
      if (form.get('grant_type') !== 'password') return ssoError('unsupported_grant_type', 'The grant type is not supported.', restApi);
      if (!scopes.includes('ovirt-app-api')) {
        return ssoError('invalid_request', 'The scope ovirt-app-api is required.', restApi);
      }
      const username = form.get('username') ?? '';
      const password = form.get('password') ?? '';
      if (e.latencyFactor > 0) await delay(150 * e.latencyFactor);
      // SsoService.translateUser: the profile is what follows the last "@"; without one, or with one the SSO does not
      // know, areCredentialsValid throws NO_VALID_PROFILE_IN_CREDENTIALS ("No valid profile found in credentials.",
      // enginesso AppMessages.properties), and OAuthTokenServlet.issueTokenForPasswd wraps it in
      // CANNOT_AUTHENTICATE_USER_IN_DOMAIN "Cannot authenticate user '%1$s@%2$s': %3$s." with profile "N/A" when none
      // was given — hence the double period, as a real engine sends it.
      const at = username.lastIndexOf('@');
      const name = at >= 0 ? username.slice(0, at) : username;
      const profile = at >= 0 ? username.slice(at + 1) : '';
      const profiles = new Set(e.state.users.map((u) => u.name.slice(u.name.lastIndexOf('@') + 1)));
      if (!profile || !profiles.has(profile)) {
        return ssoError('access_denied', `Cannot authenticate user '${name}@${profile || 'N/A'}': No valid profile found in credentials..`, restApi);
      }
      const user = e.state.users.find((u) => u.name === `${name}@${profile}` && u.password === password);
      if (!user) {
        return ssoError('access_denied', `Cannot authenticate user '${name}@${profile}': The username or password is incorrect..`, restApi);
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
      // The engine answers with the SSO's revoke answer as JSON: `{}` on success (services SsoLogoutServlet.java:
      // `response.setContentType("application/json")` around the serialized revokeResponse; enginesso
      // OAuthRevokeServlet.java:65 `sendJsonData(response, new HashMap<>())`). The Python SDK parses it as JSON and
      // fails on anything else (lib/ovirtsdk4/__init__.py _get_sso_response: `_check_content_type(JSON)`, json.loads).
      return HttpResponse.json({});
    }),
  ];
}

