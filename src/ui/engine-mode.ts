import { createContext, useContext, type ComponentType } from 'react';

/** What the app knows of emulated mode; undefined against a real engine. Implemented by mocks/browser.ts. */
export interface EmulatedMode {
  scenario: string;
  scenarios: Array<{ name: string; describe: string }>;
  reset: (scenario?: string) => void;
  /** The dev-only emulator panel (hosts' sessions, device specs, faults), rendered in a drawer. */
  Panel?: ComponentType<{ onClose: () => void }>;
}

export const EmulatedModeContext = createContext<EmulatedMode | undefined>(undefined);

export function useEmulatedMode(): EmulatedMode | undefined {
  return useContext(EmulatedModeContext);
}
