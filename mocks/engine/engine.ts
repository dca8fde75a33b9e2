// The emulated engine: one store of state (state.ts) and small named operations over it (ops-*.ts), written
// like a discrete simulation. Host operations take a configurable, seeded latency; long operations are jobs
// with steps the console polls, exactly as it would on a real engine (/jobs?search=correlation_id=...).
import type { EventSeverity, StepType } from '../../src/domain/model';
import { notFound } from './messages';
import type { EmResume } from './resume-points';
import { NEWEST_ENGINE_VERSION, parseEngineVersion, type EngineVersion } from './version';
import type {
  EmAttachment, EmDisk, EmEvent, EmHost, EmJob, EmLun, EmState, EmStep, EmStorageDomain, EmTarget, EmVm,
} from './state';

export type LatencyOp =
  | 'sso' | 'discover' | 'login' | 'deviceList' | 'connect' | 'disconnect' | 'createDisk' | 'plug' | 'unplug'
  | 'run' | 'powerUp' | 'powerOff' | 'shutdown' | 'migrate';

/** Milliseconds at latency factor 1 (what a reviewer sees with `npm start`). */
export const BASE_LATENCY: Record<LatencyOp, number> = {
  sso: 150, discover: 900, login: 600, deviceList: 500, connect: 700, disconnect: 250, createDisk: 300,
  plug: 800, unplug: 600, run: 1200, powerUp: 900, powerOff: 700, shutdown: 1500, migrate: 2000,
};

export const USER = 'admin@internal';

/** mulberry32: small, fast, seeded; the scenario replays exactly. */
function nextRandom(state: EmState): number {
  let t = (state.rng = (state.rng + 0x6d2b79f5) | 0);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Deterministic UUID-shaped ids from a counter: stable across replays, readable in tests. */
export function uuidFromNumber(n: number, tag = 0): string {
  const hex = n.toString(16).padStart(12, '0');
  const t = tag.toString(16).padStart(4, '0');
  return `5e1f0000-${t}-4000-8000-${hex}`;
}

/** What a change touched: the state, or only the HTTP sessions' sliding expiry (a read by a signed-in session). */
export type EngineChange = 'state' | 'sessions';

export class Engine {
  state: EmState;
  /** 0 in unit tests: every host operation resolves on the next tick. */
  latencyFactor: number;
  /** The engine version this emulator answers as (version.ts); the newest unless a test or a flag says otherwise. */
  readonly version: EngineVersion;
  private listeners = new Set<(what: EngineChange) => void>();
  private inFlight = new Set<Promise<unknown>>();
  private clock: () => number;

  constructor(state: EmState, opts: { latencyFactor?: number; clock?: () => number; version?: EngineVersion } = {}) {
    this.state = state;
    this.latencyFactor = opts.latencyFactor ?? 0;
    this.version = opts.version ?? newestVersion();
    this.clock = opts.clock ?? (() => Date.now());
  }

  // ---- infrastructure -------------------------------------------------------------------------------------

  now(): number {
    return this.clock();
  }

  random(): number {
    return nextRandom(this.state);
  }

  newId(tag = 0): string {
    return uuidFromNumber(this.state.nextId++, tag);
  }

  delay(op: LatencyOp, scale = 1): Promise<void> {
    const ms = BASE_LATENCY[op] * this.latencyFactor * scale * (0.75 + this.random() * 0.5);
    return new Promise((resolve) => setTimeout(resolve, ms > 0 ? ms : 0));
  }

  subscribe(l: (what: EngineChange) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Tells the listeners (the page saving the state, the panel) what changed: the state, or only HTTP sessions. */
  changed(what: EngineChange = 'state'): void {
    for (const l of this.listeners) l(what);
  }

  /** Runs `work` after the HTTP answer has gone out, as the engine does after "200 complete". */
  background(work: () => Promise<void>): void {
    const p = work()
      .catch((e: unknown) => {
        // A bug in the emulator must be loud, not a silently stuck job.
        console.error('[emulated engine] background operation failed', e);
      })
      .finally(() => {
        this.inFlight.delete(p);
        this.changed();
      });
    this.inFlight.add(p);
  }

  /** Resolves when no background operation is running (tests). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  // ---- lookups --------------------------------------------------------------------------------------------

  host(id: string): EmHost {
    const h = this.state.hosts.find((x) => x.id === id);
    if (!h) throw notFound();
    return h;
  }
  findHost(id: string | undefined): EmHost | undefined {
    return this.state.hosts.find((x) => x.id === id);
  }
  vm(id: string): EmVm {
    const v = this.state.vms.find((x) => x.id === id);
    if (!v) throw notFound();
    return v;
  }
  findVmOrUndefined(id: string): EmVm | undefined {
    return this.state.vms.find((x) => x.id === id);
  }
  disk(id: string): EmDisk {
    const d = this.state.disks.find((x) => x.id === id);
    if (!d) throw notFound();
    return d;
  }
  findDisk(id: string): EmDisk | undefined {
    return this.state.disks.find((x) => x.id === id);
  }
  lun(id: string): EmLun | undefined {
    return this.state.luns.find((l) => l.id === id);
  }
  target(iqn: string): EmTarget | undefined {
    return this.state.targets.find((t) => t.iqn === iqn);
  }
  attachmentsOfVm(vmId: string): EmAttachment[] {
    return this.state.attachments.filter((a) => a.vmId === vmId);
  }
  attachmentsOfDisk(diskId: string): EmAttachment[] {
    return this.state.attachments.filter((a) => a.diskId === diskId);
  }
  storageDomainOfLun(lunId: string): EmStorageDomain | undefined {
    return this.state.storageDomains.find((sd) => sd.lunIds.includes(lunId));
  }
  diskOfLun(lunId: string): EmDisk | undefined {
    return this.state.disks.find((d) => d.kind === 'lun' && d.lun.id === lunId);
  }
  hostName(id: string | undefined): string {
    return this.findHost(id)?.name ?? String(id);
  }
  dataCenterOfCluster(clusterId: string) {
    const c = this.state.clusters.find((x) => x.id === clusterId);
    return this.state.dataCenters.find((d) => d.id === c?.dataCenterId);
  }
  /** Up hosts of a data center (the "pool"), by name. */
  upHostsOfDataCenter(dataCenterId: string | undefined): EmHost[] {
    const clusters = new Set(this.state.clusters.filter((c) => c.dataCenterId === dataCenterId).map((c) => c.id));
    return this.state.hosts
      .filter((h) => h.status === 'up' && clusters.has(h.clusterId))
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  }

  // ---- jobs, steps, events --------------------------------------------------------------------------------

  startJob(description: string, correlationId: string | undefined): JobRun {
    const t = this.now();
    const job: EmJob = {
      id: this.newId(0x10b),
      description,
      status: 'started',
      startTime: t,
      lastUpdated: t,
      ...(correlationId ? { correlationId } : {}),
    };
    this.state.jobs.push(job);
    this.changed();
    return new JobRun(this, job);
  }

  /** A running job found in the state (an engine rebuilt from stored state resumes it). */
  jobRun(job: EmJob): JobRun {
    return new JobRun(this, job);
  }

  event(
    code: number,
    severity: EventSeverity,
    description: string,
    refs: { vmId?: string; hostId?: string; storageDomainId?: string; diskId?: string; correlationId?: string } = {},
  ): EmEvent {
    const ev: EmEvent = {
      id: String(this.state.nextId++),
      code,
      severity,
      description,
      time: this.now(),
      ...Object.fromEntries(Object.entries(refs).filter(([, v]) => v !== undefined)),
    };
    this.state.events.push(ev);
    // Keep the log bounded, like the engine's audit log cleanup.
    if (this.state.events.length > 2000) this.state.events.splice(0, this.state.events.length - 2000);
    this.changed();
    return ev;
  }
}

export class JobRun {
  private counters = new Map<string, number>();
  constructor(
    private engine: Engine,
    readonly job: EmJob,
  ) {
    // A resumed job numbers its next steps after the ones it already has.
    for (const s of engine.state.steps) {
      if (s.jobId !== job.id) continue;
      const key = s.parentStepId ?? '';
      this.counters.set(key, Math.max(this.counters.get(key) ?? 0, s.number));
    }
  }

  /** Where the job stands, for an engine rebuilt from stored state (resume-points.ts); gone once it ends. */
  get resume(): EmResume | undefined {
    return this.job.resume;
  }
  set resume(r: EmResume) {
    this.job.resume = r;
  }

  /** A step of this job that is still open, to go on with after a resume. */
  reopen(stepId: string | undefined): StepRun | undefined {
    const s = this.engine.state.steps.find((x) => x.id === stepId && x.jobId === this.job.id && x.status === 'started');
    return s ? new StepRun(this.engine, s, () => this.touch()) : undefined;
  }

  get id(): string {
    return this.job.id;
  }
  get correlationId(): string | undefined {
    return this.job.correlationId;
  }

  step(description: string, opts: { type?: StepType; parent?: StepRun; hostId?: string | undefined } = {}): StepRun {
    const key = opts.parent?.id ?? '';
    const number = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, number);
    const s: EmStep = {
      id: this.engine.newId(0x57e),
      jobId: this.job.id,
      description,
      type: opts.type ?? 'executing',
      number,
      status: 'started',
      startTime: this.engine.now(),
      ...(opts.parent ? { parentStepId: opts.parent.id } : {}),
      ...(opts.hostId ? { executionHostId: opts.hostId } : {}),
    };
    this.engine.state.steps.push(s);
    this.touch();
    return new StepRun(this.engine, s, () => this.touch());
  }

  /** A step that is already over when it is recorded (a decision, a check that needed no host call). */
  note(description: string, opts: { type?: StepType; parent?: StepRun; hostId?: string | undefined; failed?: boolean } = {}) {
    const s = this.step(description, opts);
    if (opts.failed) s.fail();
    else s.finish();
    return s;
  }

  private touch() {
    this.job.lastUpdated = this.engine.now();
    this.engine.changed();
  }

  finish(): void {
    this.end('finished');
  }
  fail(): void {
    this.end('failed');
  }
  private end(status: 'finished' | 'failed') {
    if (this.job.status !== 'started') return;
    this.job.status = status;
    delete this.job.resume;
    this.job.endTime = this.engine.now();
    // A step still open when its job ends did not complete.
    for (const s of this.engine.state.steps) {
      if (s.jobId === this.job.id && s.status === 'started') {
        s.status = status === 'finished' ? 'finished' : 'aborted';
        s.endTime = this.job.endTime;
      }
    }
    this.touch();
  }
}

export class StepRun {
  constructor(
    private engine: Engine,
    readonly step: EmStep,
    private touch: () => void,
  ) {}
  get id(): string {
    return this.step.id;
  }
  describe(description: string): this {
    this.step.description = description;
    this.touch();
    return this;
  }
  finish(description?: string): void {
    this.end('finished', description);
  }
  fail(description?: string): void {
    this.end('failed', description);
  }
  private end(status: 'finished' | 'failed', description?: string) {
    if (description) this.step.description = description;
    this.step.status = status;
    this.step.endTime = this.engine.now();
    this.touch();
  }
}

function newestVersion(): EngineVersion {
  const v = parseEngineVersion(NEWEST_ENGINE_VERSION);
  if (!v) throw new Error('NEWEST_ENGINE_VERSION does not parse');
  return v;
}
