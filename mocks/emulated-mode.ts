// The app's view of emulated mode (src/app/engine-mode.ts), built from the browser emulator.
import type { EmulatedMode } from '../src/app/engine-mode';
import { startBrowserEmulator } from './browser';

export async function startEmulatedMode(): Promise<EmulatedMode> {
  const b = await startBrowserEmulator();
  return { scenario: b.emulator.scenario, scenarios: b.scenarios, reset: b.reset };
}
