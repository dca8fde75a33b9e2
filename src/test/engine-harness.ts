// A logged-in client against the emulated engine in Node: for tests of the client, the emulator's rules and
// the whole request path. Unknown requests fail the test (onUnhandledRequest: 'error').
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createNodeEmulator } from '../../mocks/node';
import type { Emulator } from '../../mocks/emulator';
import type { EngineVersion } from '../domain/engine-version';
import { forgetJobSearchProbes } from '../engine-api/jobs';
import { login, logout } from '../engine-api/sso';
import { session } from '../engine-api/session';

/**
 * `opts.version`: the engine version the emulator answers as (the newest when absent). `opts.user`: who logs in
 * (default admin@internal; user@internal is not an admin — its answers are filtered).
 */
export function setupEmulatedEngine(scenario = 'lab', opts: { login?: boolean; version?: EngineVersion; user?: string } = {}) {
  const { emulator, server } = createNodeEmulator(scenario, opts.version);
  const ctx: { emulator: Emulator } = { emulator };
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(async () => {
    emulator.reset(scenario);
    forgetJobSearchProbes();
    if (opts.login !== false) await login({ username: opts.user ?? 'admin@internal', password: 'ovirt' });
  });
  afterEach(async () => {
    await emulator.idle();
    if (session.get().status !== 'anonymous') await logout();
    server.resetHandlers();
  });
  afterAll(() => server.close());
  return { ctx, server, engine: () => emulator.engine };
}

export function byName<T extends { name: string }>(items: T[], name: string): T {
  const x = items.find((i) => i.name === name);
  if (!x) throw new Error(`no ${name} in ${items.map((i) => i.name).join(', ')}`);
  return x;
}
