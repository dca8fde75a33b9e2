import { createContext, useContext, type ComponentType } from 'react';

/** What the app knows of emulated mode; undefined against a real engine. Implemented by mocks/browser.ts. */
export interface EmulatedMode {
  scenario: string;
  /** The engine version the emulator answers as ("4.5.7"; ?engine=4.4.0 picks an older one). */
  engineVersion?: string | undefined;
  scenarios: Array<{ name: string; describe: string }>;
  /** Something the reviewer should know about how this tab started (an unknown ?scenario=). */
  notice?: string | undefined;
  reset: (scenario?: string) => void;
  /** The dev-only emulator panel (hosts' sessions, device specs, faults), rendered in a drawer. */
  Panel?: ComponentType<{ onClose: () => void }>;
}

export const EmulatedModeContext = createContext<EmulatedMode | undefined>(undefined);

export function useEmulatedMode(): EmulatedMode | undefined {
  return useContext(EmulatedModeContext);
}
