// The app's view of emulated mode (src/ui/engine-mode.ts), built from the browser emulator, with the dev-only
// emulator panel the layout shows in a drawer.
// The emulated engine's own words (its panel and indicator), with the emulator: a real-engine build has none.
import '../src/i18n/catalog-emulator';
import type { EmulatedMode } from '../src/ui/engine-mode';
import { startBrowserEmulator } from './browser';
import { createEmulatorPanel } from './panel/EmulatorPanel';

export async function startEmulatedMode(): Promise<EmulatedMode> {
  const b = await startBrowserEmulator();
  return {
    scenario: b.emulator.scenario,
    engineVersion: b.engineVersion,
    notice: b.notice,
    scenarios: b.scenarios,
    reset: b.reset,
    Panel: createEmulatorPanel({ emulator: b.emulator, scenarios: b.scenarios, reset: b.reset, setLatency: b.setLatency }),
  };
}
