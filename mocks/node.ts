// The emulated engine in Node, for Vitest: the same handlers through msw/node.
import { setupServer } from 'msw/node';
import { Emulator } from './emulator';
import type { EngineVersion } from './engine/version';
import { createHandlers } from './handlers';

/** `version`: the engine version to answer as (the newest when absent). */
export function createNodeEmulator(scenario = 'lab', version?: EngineVersion) {
  const emulator = Emulator.fresh(scenario, 0, version);
  const server = setupServer(...createHandlers(() => emulator.engine, emulator.faults));
  return { emulator, server };
}
