// The emulated engine as a real HTTP server (node:http): the very handlers the page's service worker runs
// (mocks/handlers createHandlers) over the very Emulator (mocks/emulator.ts), answered through MSW's
// `getResponse(handlers, request)` — one implementation behind the page and the network, not a copy
// (docs/decisions/042-engine-over-http.md). Started by `npm run engine` (cli.ts) and in-process by contract tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { Emulator, SCENARIOS } from '../emulator';
import { NEWEST_ENGINE_VERSION, parseEngineVersion, type EngineVersion } from '../engine/version';
import { createHandlers } from '../handlers';
import { ADMIN_PREFIX, adminAnswer } from './admin';

export interface HttpEngineOptions {
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  scenario?: string;
  /** Latency factor (mocks/emulator.ts LATENCY_PRESETS: none 0, fast 0.15, normal 1, slow 3). */
  latency?: number;
  /** "4.5.7", "4.4.0", "4.3"… (mocks/engine/version.ts). */
  version?: string | EngineVersion;
  /** One line per request; none when absent. */
  log?: (line: string) => void;
}

export interface HttpEngine {
  /** "http://127.0.0.1:4300" — the console's ENGINE_URL, or a test's base URL. */
  url: string;
  emulator: Emulator;
  close: () => Promise<void>;
}

/** Query and form values that are secrets: masked in the log line. */
const SECRET_NAME = /password|token|secret/i;

/** "/ovirt-engine/api/v4/vms?search=name%3Ddb01", with any password or token value masked. */
export function loggedTarget(rawUrl: string): string {
  const url = new URL(rawUrl, 'http://log.invalid');
  for (const name of [...new Set(url.searchParams.keys())]) {
    if (SECRET_NAME.test(name)) url.searchParams.set(name, '***');
  }
  return `${url.pathname}${url.search}`;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

/**
 * Matrix parameters (`/ovirt-engine/api/vms;max=50`, as the VM portal sends them — ovirt-web-ui src/ovirtapi/index.js
 * getVms) cut from the path, and those of the last segment added as query parameters where the query has no such
 * name: the engine reads a parameter from the query first, then from the last path segment's matrix
 * (restapi/jaxrs .../util/ParametersHelper.java getParameter), and RESTEasy matches resources without them, but the
 * handlers' routes would not match a path that still carries them.
 */
export function matrixAsQuery(url: URL): URL {
  if (!url.pathname.includes(';')) return url;
  const out = new URL(url);
  const segments = url.pathname.split('/');
  const [, ...matrix] = (segments.at(-1) ?? '').split(';');
  out.pathname = segments.map((seg) => seg.split(';')[0]).join('/');
  for (const param of matrix) {
    if (!param) continue;
    const eq = param.indexOf('=');
    const name = decodeURIComponent(eq < 0 ? param : param.slice(0, eq));
    const value = eq < 0 ? '' : decodeURIComponent(param.slice(eq + 1));
    if (!out.searchParams.has(name)) out.searchParams.append(name, value);
  }
  return out;
}

/** The IncomingMessage as a Fetch Request, every header kept as sent (repeated ones appended). */
function toRequest(req: IncomingMessage, base: string, body: Buffer): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i];
    const value = req.rawHeaders[i + 1];
    if (name !== undefined && value !== undefined) headers.append(name, value);
  }
  const method = req.method ?? 'GET';
  return new Request(matrixAsQuery(new URL(req.url ?? '/', base)), {
    method,
    headers,
    ...(method !== 'GET' && method !== 'HEAD' && body.length > 0 ? { body: new Uint8Array(body) } : {}),
  });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    // The length is the body's as sent (set below); a handler's own would be a second Content-Length.
    if (name !== 'content-length' && name !== 'transfer-encoding') headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, response.statusText || undefined, { ...headers, 'Content-Length': String(body.length) });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

export async function startHttpEngine(opts: HttpEngineOptions = {}): Promise<HttpEngine> {
  const version = typeof opts.version === 'string' ? parseEngineVersion(opts.version) : opts.version;
  if (typeof opts.version === 'string' && !version) throw new Error(`not an engine version: ${opts.version} (e.g. ${NEWEST_ENGINE_VERSION}, 4.4.0)`);
  // buildScenario falls back to the default for an unknown name; a server started on the wrong one should say so.
  if (opts.scenario !== undefined && !SCENARIOS[opts.scenario]) {
    throw new Error(`unknown scenario "${opts.scenario}"; known scenarios: ${Object.keys(SCENARIOS).join(', ')}`);
  }
  const emulator = Emulator.fresh(opts.scenario, opts.latency ?? 1, version);
  // The engine getter follows a reset (the admin endpoint replaces the Emulator's engine, not the Emulator).
  const handlers = createHandlers(() => emulator.engine, emulator.faults);
  const host = opts.host ?? '127.0.0.1';
  let base = '';

  const server = createServer((req, res) => {
    const started = performance.now();
    const line = (status: string) => opts.log?.(`${req.method ?? 'GET'} ${loggedTarget(req.url ?? '/')} ${status} ${Math.round(performance.now() - started)}ms`);
    void (async () => {
      const body = await readBody(req);
      const path = new URL(req.url ?? '/', base).pathname;
      if (path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`)) {
        const answer = await adminAnswer(emulator, req.method ?? 'GET', path.slice(ADMIN_PREFIX.length), body.toString('utf8'));
        sendJson(res, answer.status, answer.body);
        line(String(answer.status));
        return;
      }
      const request = toRequest(req, base, body);
      const response = await getResponse(handlers, request);
      if (!response) {
        // Outside /ovirt-engine/api (which has its catch-all) and the SSO routes: nothing of the engine's lives here.
        res.writeHead(404, { 'Content-Type': 'text/html;charset=utf-8' });
        res.end('<html><head><title>Error</title></head><body>Not Found</body></html>');
        line('404');
        return;
      }
      if (response.type === 'error') {
        // A transport fault (lose-before, lose-after): the connection drops without an answer, as a network would.
        res.socket?.destroy();
        line('dropped');
        return;
      }
      await send(res, response);
      line(String(response.status));
    })().catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      if (!res.headersSent) sendJson(res, 500, { reason: 'Internal Server Error', detail: `emulated engine: ${message}` });
      else res.end();
      line(`500 (${message})`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 4300, host, () => resolve());
  });
  const address: AddressInfo | string | null = server.address();
  if (!address || typeof address === 'string') throw new Error('the HTTP engine has no TCP address');
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  base = `http://${shownHost}:${address.port}`;

  return {
    url: base,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
