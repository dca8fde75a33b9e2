// The HTTP engine's admin endpoint (/__emulator): what `window.__emulator` gives a test in the page, as JSON over
// HTTP, so that other teams' Playwright suites and scripts can drive an engine they reach only over the network.
// Not part of the oVirt API: a real engine has nothing at /__emulator. Documented in README ("The emulated engine
// over HTTP") and docs/decisions/042-engine-over-http.md; the names and shapes are an interface others code against.
import { LATENCY_PRESETS, SCENARIOS, parseLatency, type Emulator } from '../emulator';
import { FAULT_MODES, type FaultSpec } from '../handlers/faults';
import { formatEngineVersion, parseEngineVersion } from '../engine/version';
import { toStored } from '../persist';

export const ADMIN_PREFIX = '/__emulator';

export interface AdminAnswer {
  status: number;
  body: unknown;
}

/** `GET /__emulator`: what the engine is now, and the scenarios a reset can choose. */
export function describeEmulator(emulator: Emulator) {
  return {
    scenario: emulator.scenario,
    version: formatEngineVersion(emulator.engine.version),
    latency: emulator.engine.latencyFactor,
    scenarios: Object.entries(SCENARIOS).map(([name, s]) => ({ name, describe: s.describe })),
  };
}

class AdminError extends Error {}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseBody(text: string): Record<string, unknown> {
  if (!text.trim()) return {};
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new AdminError('the body is not JSON');
  }
  if (!isRecord(v)) throw new AdminError('the body must be a JSON object');
  return v;
}

export function knownScenario(name: unknown): string {
  if (typeof name !== 'string' || !SCENARIOS[name]) {
    throw new AdminError(`unknown scenario ${JSON.stringify(name)}; one of ${Object.keys(SCENARIOS).join(', ')}`);
  }
  return name;
}

export function latencyFactor(v: unknown): number {
  const n = typeof v === 'number' ? (Number.isFinite(v) && v >= 0 ? v : undefined) : typeof v === 'string' ? parseLatency(v) : undefined;
  if (n === undefined) {
    throw new AdminError(`bad latency ${JSON.stringify(v)}; one of ${Object.keys(LATENCY_PRESETS).join(', ')} or a factor ≥ 0`);
  }
  return n;
}

export function engineVersion(v: unknown) {
  const parsed = typeof v === 'string' ? parseEngineVersion(v) : undefined;
  if (!parsed) throw new AdminError(`bad engine version ${JSON.stringify(v)}; e.g. 4.5.7, 4.4.0, 4.3`);
  return parsed;
}

function faultSpec(body: Record<string, unknown>): FaultSpec {
  const { method, path, mode, ms } = body;
  if (typeof path !== 'string') throw new AdminError('a fault needs "path" (a substring or a regular expression source)');
  if (typeof mode !== 'string' || !FAULT_MODES.some((m) => m === mode)) {
    throw new AdminError(`a fault needs "mode", one of ${FAULT_MODES.join(', ')}`);
  }
  if (method !== undefined && typeof method !== 'string') throw new AdminError('"method" must be a string such as "POST" or "POST|PUT"');
  if (ms !== undefined && typeof ms !== 'number') throw new AdminError('"ms" must be a number');
  const m = FAULT_MODES.find((x) => x === mode);
  if (!m) throw new AdminError('unknown mode');
  return { path, mode: m, ...(method !== undefined ? { method } : {}), ...(ms !== undefined ? { ms } : {}) };
}

const str = (v: unknown, what: string): string => {
  if (typeof v !== 'string' || !v) throw new AdminError(`${what} must be a non-empty string`);
  return v;
};
const flag = (v: unknown, what: string): boolean => {
  if (typeof v !== 'boolean') throw new AdminError(`${what} must be true or false`);
  return v;
};

/** The Emulator's named helpers, each with its arguments checked: `POST /__emulator/actions/<name>` `{args: [...]}`. */
const ACTIONS: Record<string, (em: Emulator, args: unknown[]) => void> = {
  cutPortal: (em, [host, portal]) => em.cutPortal(str(host, 'host'), str(portal, 'portal')),
  restorePortal: (em, [host, portal]) => em.restorePortal(str(host, 'host'), str(portal, 'portal')),
  crashHost: (em, [host]) => em.crashHost(str(host, 'host')),
  recoverHost: (em, [host]) => em.recoverHost(str(host, 'host')),
  setFailRuns: (em, [host, fail]) => em.setFailRuns(str(host, 'host'), flag(fail, 'fail')),
  setLoginFailure: (em, [target, host, fail]) => em.setLoginFailure(str(target, 'target'), str(host, 'host'), flag(fail, 'fail')),
  takeLun: (em, [lunId, alias]) => em.takeLun(str(lunId, 'lunId'), alias === undefined ? undefined : str(alias, 'alias')),
  expireSessions: (em) => em.expireSessions(),
};

export const ACTION_NAMES = Object.keys(ACTIONS);

function faultsAnswer(emulator: Emulator) {
  return { pending: emulator.pendingFaults(), fired: emulator.firedFaults() };
}

/** Answers one admin request; `path` is below /__emulator ("", "/state", "/actions/crashHost", …). */
export async function adminAnswer(emulator: Emulator, method: string, path: string, bodyText: string): Promise<AdminAnswer> {
  try {
    const body = method === 'POST' ? parseBody(bodyText) : {};
    const route = `${method} ${path.replace(/\/+$/, '')}`;
    switch (route) {
      case 'GET ':
        return { status: 200, body: describeEmulator(emulator) };
      case 'GET /state':
        // toStored drops tokens, users (their passwords) and CHAP passwords (mocks/persist.ts).
        return { status: 200, body: toStored(emulator.engine.state) };
      case 'POST /reset': {
        // Jobs still running in the old engine finish against the old, discarded state: the answer is the new one.
        const scenario = body.scenario === undefined ? emulator.scenario : knownScenario(body.scenario);
        const version = body.version === undefined ? emulator.engine.version : engineVersion(body.version);
        const latency = body.latency === undefined ? undefined : latencyFactor(body.latency);
        emulator.reset(scenario, version);
        if (latency !== undefined) emulator.setLatency(latency);
        return { status: 200, body: describeEmulator(emulator) };
      }
      case 'POST /latency':
        emulator.setLatency(latencyFactor(body.latency));
        return { status: 200, body: describeEmulator(emulator) };
      case 'GET /faults':
        return { status: 200, body: faultsAnswer(emulator) };
      case 'POST /faults':
        emulator.failNext(faultSpec(body));
        return { status: 200, body: faultsAnswer(emulator) };
      case 'DELETE /faults':
        emulator.clearFaults();
        return { status: 200, body: faultsAnswer(emulator) };
      case 'POST /idle':
        await emulator.idle();
        return { status: 200, body: { ok: true } };
    }
    const action = /^POST \/actions\/([A-Za-z]+)$/.exec(route)?.[1];
    if (action !== undefined) {
      const run = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
      if (!run) throw new AdminError(`unknown action ${action}; one of ${ACTION_NAMES.join(', ')}`);
      const args = body.args ?? [];
      if (!Array.isArray(args)) throw new AdminError('"args" must be an array');
      run(emulator, args);
      return { status: 200, body: { ok: true } };
    }
    return { status: 404, body: { error: `no admin route ${method} ${ADMIN_PREFIX}${path}` } };
  } catch (err) {
    // Bad input, or an Emulator helper that refused (an unknown host, target or LUN): the caller's mistake.
    if (err instanceof AdminError || err instanceof Error) return { status: 400, body: { error: err.message } };
    throw err;
  }
}
