// Emulated mode in the browser: MSW's service worker answers /ovirt-engine/... from the in-page emulated
// engine. Loaded only by a dynamic import in emulated mode, so a real-engine build carries none of it.
import { setupWorker } from 'msw/browser';
import { Emulator, parseLatency } from './emulator';
import { resumeJobs } from './engine/resume';
import { NEWEST_ENGINE_VERSION, formatEngineVersion, parseEngineVersion } from './engine/version';
import type { EmState } from './engine/state';
import { createHandlers } from './handlers';
import { fromStored, parseStored, parseStoredHttpSessions, toStored, toStoredHttpSessions } from './persist';
import { DEFAULT_SCENARIO, SCENARIOS, buildScenario } from './scenarios';
import { t } from '../src/i18n/i18n';

// The emulated engine's database lives in sessionStorage (per tab, gone when the tab closes), so a reload
// keeps the state until Reset; without tokens or passwords (mocks/persist.ts, docs/decisions/004-emulator-state.md).
const STATE_KEY = 'dlc.emulator.state';
const LATENCY_KEY = 'dlc.emulator.latency';
const ENGINE_KEY = 'dlc.emulator.engine';
// The engine's cookie sessions are the server's, known to every tab of the browser (a new tab is signed in by the
// cookie, decision 046): kept in localStorage, as hashes of their ids (mocks/persist.ts).
const HTTP_SESSIONS_KEY = 'dlc.emulator.httpSessions';

function loadHttpSessions(): EmState['httpSessions'] {
  try {
    return parseStoredHttpSessions(localStorage.getItem(HTTP_SESSIONS_KEY));
  } catch {
    return [];
  }
}
// The scenario of a state too large to store: a reload rebuilds it from its seed (what changed since is lost).
const SCENARIO_KEY = 'dlc.emulator.scenario';
// sessionStorage holds about 5 MB per origin (Chromium, Firefox: 5 MiB of UTF-16 text, i.e. ~5 M characters here
// counted as JSON length); the forms' drafts and operations share it. The datacenter scenario's state is ~15 M
// characters (measured in mocks/scenarios/datacenter.test.ts), so a state over this bound is not stored at all.
export const MAX_STORED_STATE_CHARS = 3_500_000;

function load(): EmState | undefined {
  try {
    const raw = sessionStorage.getItem(STATE_KEY);
    // An older emulator's state, or anything garbled, is refused: the scenario is rebuilt instead.
    const stored = raw ? parseStored(raw) : undefined;
    return stored ? fromStored(stored) : undefined;
  } catch {
    return undefined;
  }
}

export interface BrowserEmulator {
  emulator: Emulator;
  scenarios: Array<{ name: string; describe: string }>;
  /** Rebuild the scenario (or switch to another) and reload the page. */
  reset: (scenario?: string) => void;
  /** Change the latency factor for this tab (kept across reloads, like ?latency=). */
  setLatency: (factor: number) => void;
  /** The engine version this tab's emulator answers as ("4.4.0"), from ?engine= (kept across reloads). */
  engineVersion: string;
  /** ?scenario= named no scenario: which ones exist and which one this tab runs instead. */
  notice?: string | undefined;
}

declare global {
  interface Window {
    /** For reviewers (the console) and Playwright: the emulated engine of this tab. */
    __emulator?: Emulator;
  }
}

export async function startBrowserEmulator(): Promise<BrowserEmulator> {
  const url = new URL(window.location.href);
  const requested = url.searchParams.get('scenario');
  const latencyParam = parseLatency(url.searchParams.get('latency'));
  if (latencyParam !== undefined) sessionStorage.setItem(LATENCY_KEY, String(latencyParam));
  const latency = parseLatency(sessionStorage.getItem(LATENCY_KEY)) ?? 1;
  // ?engine=4.4.0 picks the engine version this tab emulates (an older engine lacks discoveriscsi and active_paths);
  // ?engine=newest goes back to the newest. Kept in this tab across reloads, like ?latency=.
  const engineParam = url.searchParams.get('engine');
  if (engineParam === 'newest') sessionStorage.removeItem(ENGINE_KEY);
  else if (parseEngineVersion(engineParam)) sessionStorage.setItem(ENGINE_KEY, engineParam ?? '');
  const version = parseEngineVersion(sessionStorage.getItem(ENGINE_KEY)) ?? parseEngineVersion(NEWEST_ENGINE_VERSION);

  let state = load();
  const wanted = requested && SCENARIOS[requested] ? requested : undefined;
  const reloaded = !!state && !(wanted && wanted !== state.scenario);
  const unstored = sessionStorage.getItem(SCENARIO_KEY) ?? undefined;
  // Another scenario asked for is a Reset: its engine has no sessions. A reload or a new tab keeps the browser's.
  const switched = !!state && !reloaded;
  if (!state || !reloaded) state = buildScenario(wanted ?? (unstored && SCENARIOS[unstored] ? unstored : DEFAULT_SCENARIO));
  state.httpSessions = switched ? [] : loadHttpSessions();
  // A mistyped ?scenario= is said, not silently replaced by another scenario (issue 14).
  const notice =
    requested && !SCENARIOS[requested]
      ? t('emulator.noticeUnknownScenario', { requested, scenarios: Object.keys(SCENARIOS).join(', '), scenario: state.scenario })
      : undefined;

  const emulator = new Emulator(state, latency, version);
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Once a state is found too large it is not serialized again (15 M characters take ~50 ms on every change).
  let tooLarge = false;
  const save = () => {
    timer = undefined;
    if (tooLarge) return;
    try {
      const text = JSON.stringify(toStored(emulator.engine.state));
      if (text.length > MAX_STORED_STATE_CHARS) {
        tooLarge = true;
        sessionStorage.removeItem(STATE_KEY);
        sessionStorage.setItem(SCENARIO_KEY, emulator.scenario);
        console.info(
          `[emulated engine] scenario ${emulator.scenario}: its state (${(text.length / 1e6).toFixed(1)} M characters) is too large for this tab's sessionStorage and is kept in memory only; a reload rebuilds the scenario from its seed.`,
        );
        return;
      }
      sessionStorage.removeItem(SCENARIO_KEY);
      sessionStorage.setItem(STATE_KEY, text);
    } catch (e) {
      console.warn('[emulated engine] could not save its state', e);
    }
  };
  const saveSessions = () => {
    try {
      localStorage.setItem(HTTP_SESSIONS_KEY, toStoredHttpSessions(emulator.engine.state));
    } catch (e) {
      console.warn('[emulated engine] could not save its sessions', e);
    }
  };
  save();
  saveSessions();
  emulator.subscribe((what) => {
    // At once, not with the state: a tab opened right after a login must find the session.
    saveSessions();
    if (what === 'state' && !timer) timer = setTimeout(save, 150);
  });
  window.addEventListener('pagehide', () => {
    if (timer) clearTimeout(timer);
    save();
  });
  // The jobs that were running when the page went away go on where they stood (mocks/engine/resume.ts).
  if (reloaded) resumeJobs(emulator.engine);

  const worker = setupWorker(...createHandlers(() => emulator.engine, emulator.faults, 'document'));
  await worker.start({
    quiet: true,
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest(request, print) {
      // Anything for the engine that the emulator does not know is a bug to see, not a silent pass-through.
      if (new URL(request.url).pathname.startsWith('/ovirt-engine')) print.error();
    },
  });
  window.__emulator = emulator;
  return {
    emulator,
    scenarios: Object.entries(SCENARIOS).map(([name, s]) => ({ name, describe: s.describe })),
    engineVersion: formatEngineVersion(emulator.engine.version),
    notice,
    setLatency: (factor: number) => {
      emulator.setLatency(factor);
      sessionStorage.setItem(LATENCY_KEY, String(factor));
    },
    reset: (scenario?: string) => {
      const name = scenario ?? emulator.scenario;
      emulator.reset(name);
      tooLarge = false;
      save();
      const next = new URL(window.location.href);
      next.searchParams.set('scenario', name);
      window.location.assign(next.toString());
    },
  };
}
