// The emulated engine in Node, for Vitest: the same handlers through msw/node.
import { setupServer } from 'msw/node';
import { Emulator } from './emulator';
import { createHandlers } from './handlers';

export function createNodeEmulator(scenario = 'lab') {
  const emulator = Emulator.fresh(scenario, 0);
  const server = setupServer(...createHandlers(() => emulator.engine, emulator.faults));
  return { emulator, server };
}
