// The Python SDK's request shapes (python-ovirt-engine-sdk4 lib/ovirtsdk4/__init__.py) as a small client for the
// replay test (sdk-replay.test.ts): SSO, __send with its headers and sorted form-encoded query, XML answers read as
// the SDK's readers.py reads them, logout through sso-logout.
import { expect } from 'vitest';
import { xmlToJson, type XmlObject, type XmlValue } from '../handlers/xml';
import type { HttpEngine } from './http-engine';

const SDK_AGENT = 'PythonSDK/4.6.2';

/** Python's urlencode (quote_plus) of the SDK's sorted query. */
export function pyQuery(query: Record<string, string>): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const keys = Object.keys(query).sort();
  return keys.length ? `?${keys.map((k) => `${enc(k)}=${enc(query[k] ?? '')}`).join('&')}` : '';
}

export function obj(v: XmlValue | undefined): XmlObject {
  if (v === undefined || typeof v === 'string' || Array.isArray(v)) throw new Error(`not an element with content: ${JSON.stringify(v)}`);
  return v;
}
export function list(v: XmlValue | undefined): XmlObject[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(obj);
}
export function text(v: XmlValue | undefined): string {
  if (typeof v !== 'string') throw new Error(`not text: ${JSON.stringify(v)}`);
  return v;
}

export interface XmlAnswer {
  status: number;
  contentType: string;
  raw: string;
  root: string;
  body: XmlObject;
}

export class PythonSdk {
  token = '';
  constructor(private readonly engine: HttpEngine) {}

  /** Connection._get_access_token: POST form, `Accept: application/json`; curl's default form Content-Type. */
  async login(username = 'admin@internal', password = 'ovirt') {
    const res = await fetch(`${this.engine.url}/ovirt-engine/sso/oauth/token`, {
      method: 'POST',
      headers: { 'User-Agent': SDK_AGENT, Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', scope: 'ovirt-app-api', username, password }).toString(),
    });
    expect(res.headers.get('Content-Type')).toMatch(/^\s*(application|text)\/json\s*(;.*)?$/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.error).toBeUndefined();
    this.token = String(body.access_token);
  }

  /** Connection._revoke_access_token: the SDK json.loads the answer after checking its content type. */
  async logout() {
    const res = await fetch(`${this.engine.url}/ovirt-engine/services/sso-logout`, {
      method: 'POST',
      headers: { 'User-Agent': SDK_AGENT, Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ scope: 'ovirt-app-api', token: this.token }).toString(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^\s*(application|text)\/json\s*(;.*)?$/);
    expect(await res.json()).toEqual({});
  }

  /** Connection.__send. */
  async send(method: string, path: string, opts: { query?: Record<string, string>; body?: string; headers?: Record<string, string> } = {}): Promise<XmlAnswer> {
    const query = opts.query ?? {};
    const headers: Record<string, string> = {
      ...(query.all_content !== undefined ? { 'All-Content': query.all_content } : {}),
      ...(opts.headers ?? {}),
      'User-Agent': SDK_AGENT,
      Version: '4',
      'Content-Type': 'application/xml',
      Accept: 'application/xml',
      Authorization: `Bearer ${this.token}`,
    };
    const res = await fetch(`${this.engine.url}/ovirt-engine/api${path}${pyQuery(query)}`, {
      method,
      headers,
      ...(method === 'POST' || method === 'PUT' ? { body: opts.body ?? '' } : {}),
    });
    const raw = await res.text();
    const contentType = res.headers.get('Content-Type') ?? '';
    if (!raw) return { status: res.status, contentType, raw, root: '', body: {} };
    // Service._internal_read_body: check_xml_content_type, then Reader.read. Only the container's 401 page is HTML.
    if (res.status === 401) return { status: res.status, contentType, raw, root: '', body: {} };
    expect(contentType, `${method} ${path}: ${raw.slice(0, 200)}`).toMatch(/^\s*(application|text)\/xml\s*(;.*)?$/);
    const { root, body } = xmlToJson(raw);
    return { status: res.status, contentType, raw, root, body };
  }

  /** search_by_name: `service.list(search='name="<name>"')`, first hit. */
  async searchByName(collection: string, name: string): Promise<XmlObject | undefined> {
    const res = await this.send('GET', `/${collection}`, { query: { search: `name="${name}"` } });
    expect(res.status).toBe(200);
    const item = Object.values(res.body)[0];
    return list(item)[0];
  }
}

export function idOf(o: XmlObject | undefined): string {
  return text(o?.id);
}

/** The emulated engine's background work (a VM powering up, a job ending) done, as `wait` polling would see it. */
export async function settled(engine: HttpEngine) {
  await engine.emulator.idle();
}
