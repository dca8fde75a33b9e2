// The emulated engine as one object the browser entry, the Node entry and the tests share: the engine state
// of a scenario, reset, latency, fault injection, and what a reviewer or a test wants to look at.
import { Engine, type EngineChange } from './engine/engine';
import { takeLunBySomeoneElse } from './engine/ops-disks';
import { crashHost, recoverHost } from './engine/ops-host-failure';
import { cutPortal, restorePortal } from './engine/ops-storage';
import type { EmState } from './engine/state';
import type { EngineVersion } from './engine/version';
import { FaultInjector, type FaultSpec, type FiredFault } from './handlers/faults';
import { DEFAULT_SCENARIO, SCENARIOS, buildScenario } from './scenarios';

export const LATENCY_PRESETS = { none: 0, fast: 0.15, normal: 1, slow: 3 } as const;
export type LatencyPreset = keyof typeof LATENCY_PRESETS;

export function parseLatency(v: string | null | undefined): number | undefined {
  if (!v) return undefined;
  if (v in LATENCY_PRESETS) return LATENCY_PRESETS[v as LatencyPreset];
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export class Emulator {
  engine: Engine;
  /** Transport faults armed for the next matching requests (handlers/faults.ts); not part of the engine's state. */
  readonly faults = new FaultInjector();
  private listeners = new Set<(what: EngineChange) => void>();
  private unsubscribeEngine: () => void;

  constructor(state: EmState, latencyFactor = 0, version?: EngineVersion) {
    this.engine = new Engine(state, { latencyFactor, version });
    this.unsubscribeEngine = this.engine.subscribe((what) => this.emit(what));
  }

  static fresh(scenario = DEFAULT_SCENARIO, latencyFactor = 0, version?: EngineVersion): Emulator {
    return new Emulator(buildScenario(scenario), latencyFactor, version);
  }

  get scenario(): string {
    return this.engine.state.scenario;
  }

  subscribe(l: (what: EngineChange) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private emit(what: EngineChange = 'state') {
    for (const l of this.listeners) l(what);
  }

  /** Rebuilds the scenario; the engine version stays unless one is given (the HTTP engine's admin reset). */
  reset(scenario = this.scenario, version: EngineVersion = this.engine.version): void {
    const latency = this.engine.latencyFactor;
    this.unsubscribeEngine();
    this.engine = new Engine(buildScenario(scenario), { latencyFactor: latency, version });
    // A fresh engine starts with no transport fault armed (a test's leftovers do not leak into the next one).
    this.faults.clear();
    this.unsubscribeEngine = this.engine.subscribe((what) => this.emit(what));
    this.emit();
  }

  setLatency(factor: number): void {
    this.engine.latencyFactor = factor;
    this.emit();
  }

  // ---- fault injection, by names a reviewer or a test uses -------------------------------------------------

  private hostId(name: string): string {
    const h = this.engine.state.hosts.find((x) => x.name === name || x.id === name);
    if (!h) throw new Error(`no host ${name}`);
    return h.id;
  }

  private portalId(address: string): string {
    const p = this.engine.state.portals.find((x) => x.address === address || x.aliases.includes(address) || x.id === address);
    if (!p) throw new Error(`no portal ${address}`);
    return p.id;
  }

  cutPortal(host: string, portal: string): void {
    cutPortal(this.engine, this.hostId(host), this.portalId(portal));
    this.engine.changed();
  }

  restorePortal(host: string, portal: string): void {
    restorePortal(this.engine, this.hostId(host), this.portalId(portal));
    this.engine.changed();
  }

  crashHost(host: string): void {
    crashHost(this.engine, this.hostId(host));
  }

  recoverHost(host: string): void {
    recoverHost(this.engine, this.hostId(host));
  }

  setFailRuns(host: string, fail: boolean): void {
    const h = this.engine.host(this.hostId(host));
    h.failRuns = fail;
    this.engine.changed();
  }

  setLoginFailure(target: string, host: string, fail: boolean): void {
    const t = this.engine.target(target);
    if (!t) throw new Error(`no target ${target}`);
    const id = this.hostId(host);
    t.failLoginHostIds = fail ? [...new Set([...(t.failLoginHostIds ?? []), id])] : (t.failLoginHostIds ?? []).filter((x) => x !== id);
    this.engine.changed();
  }

  /** Another administrator creates a disk on this LUN (the "taken just before Create" case). */
  takeLun(lunId: string, alias = 'taken-by-someone-else'): void {
    takeLunBySomeoneElse(this.engine, lunId, alias);
    this.engine.changed();
  }

  /** Arm a one-shot transport fault for the next request matching `spec` (modes in handlers/faults.ts). */
  failNext(spec: FaultSpec): void {
    this.faults.failNext(spec);
  }

  /** Faults armed and not yet consumed. */
  pendingFaults(): FaultSpec[] {
    return this.faults.list();
  }

  /** Faults consumed so far, each with the request it hit. */
  firedFaults(): FiredFault[] {
    return this.faults.firedList();
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Every token and every cookie session stops working: the console's next call gets a 401. */
  expireSessions(): void {
    this.engine.state.tokens = [];
    this.engine.state.httpSessions = [];
    this.engine.changed();
  }

  idle(): Promise<void> {
    return this.engine.idle();
  }
}

export { SCENARIOS, DEFAULT_SCENARIO };
