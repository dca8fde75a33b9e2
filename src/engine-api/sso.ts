// SSO password grant and logout (reference/engine-rest-api.md §2.1).
import { z } from 'zod';
import { EngineError } from './errors';
import { session } from './session';
import { absolute } from './transport';

export const SSO_TOKEN_PATH = '/ovirt-engine/sso/oauth/token';
export const SSO_LOGOUT_PATH = '/ovirt-engine/services/sso-logout';

export const ssoTokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  scope: z.string().optional(),
  exp: z.union([z.string(), z.number()]).optional(),
});

// Two failure shapes: {error, error_description}, or {error_code, error} inside an existing REST session.
const ssoErrorSchema = z.union([
  z.object({ error_code: z.string(), error: z.string() }),
  z.object({ error: z.string(), error_description: z.string().optional() }),
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
    throw new EngineError({ kind: 'network', status: 0, reason: e instanceof Error ? e.message : 'network error' });
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

export async function login(credentials: Credentials): Promise<void> {
  const token = await requestToken(credentials);
  session.start(credentials.username, token);
}

/** Revokes the token as the Python SDK does, then forgets it whatever the engine answers. */
export async function logout(): Promise<void> {
  const token = session.token();
  session.end();
  if (!token) return;
  try {
    await fetch(absolute(SSO_LOGOUT_PATH), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ scope: 'ovirt-app-api', token }),
    });
  } catch {
    // The token is already gone from the console; a failed revoke only shortens nothing.
  }
}
