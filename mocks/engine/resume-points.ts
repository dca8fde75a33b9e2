// Where a long operation stands, kept on its job (EmJob.resume) while the job runs: plain data, saved with the
// rest of the state, so that an engine rebuilt from stored state (a page reload) finishes the job instead of
// dropping it (resume.ts). Each record names the phase under way and the step it has open; what an operation
// already did is written here before the next wait, so a resumed job does nothing twice. Never a token; a CHAP
// password typed into a create request is stored the way persist.ts stores connections (no secret).
import type { AttachmentInput, LunDiskInput } from './disk-rules';

/** A release of holders on a host: its outcome, written down as soon as the sessions changed. */
export interface ReleasePoint {
  texts?: string[] | undefined;
  /** Some target was logged out: the host's logout takes its time. */
  loggedOut?: boolean | undefined;
}

/** A plug into a running VM: connecting the LUN's targets on its host, or the hot plug itself. */
export interface PlugPoint {
  phase: 'connecting' | 'plugging';
  stepId: string;
}

/** An unplug from a running VM: the hot unplug, or the release of the disk's holds on the host. */
export interface UnplugPoint {
  phase: 'unplugging' | 'releasing';
  hostId: string;
  stepId: string;
  release?: ReleasePoint | undefined;
}

export interface StopPoint {
  kind: 'stop';
  vmId: string;
  how: 'shutdown' | 'stop';
  hostId?: string | undefined;
  correlationId?: string | undefined;
  phase: 'stopping' | 'releasing';
  stepId: string;
  release?: ReleasePoint | undefined;
}

export interface MigratePoint {
  kind: 'migrate';
  vmId: string;
  sourceId: string;
  candidateIds: string[];
  userPicked: boolean;
  correlationId?: string | undefined;
  started: number;
  /** The candidate being tried. */
  index: number;
  phase: 'connecting' | 'moving' | 'releasing';
  stepId: string;
  release?: ReleasePoint | undefined;
}

/** PUT on a disk attachment that changes `active`: plug (activate) or unplug (deactivate), then the other edits. */
export interface PlugTogglePoint {
  kind: 'plug-toggle';
  vmId: string;
  diskId: string;
  update: AttachmentInput & { disk?: { alias?: string | undefined; description?: string | undefined; shareable?: boolean | undefined; sgio?: 'filtered' | 'unfiltered' | 'disabled' | undefined; propagateErrors?: boolean | undefined } | undefined };
  correlationId?: string | undefined;
  plug?: PlugPoint | undefined;
  unplug?: UnplugPoint | undefined;
}

/** Attach an existing disk to a running VM with active=true: the hot plug decides the attach. */
export interface AttachPoint {
  kind: 'attach';
  vmId: string;
  diskId: string;
  attachment: AttachmentInput;
  correlationId?: string | undefined;
  plug?: PlugPoint | undefined;
}

/** DELETE on a disk attachment: unplug from a running VM first, then detach (and remove the disk unless detach_only). */
export interface DetachPoint {
  kind: 'detach';
  vmId: string;
  diskId: string;
  detachOnly: boolean;
  correlationId?: string | undefined;
  unplug?: UnplugPoint | undefined;
}

export interface AddFloatingPoint {
  kind: 'add-floating';
  input: LunDiskInput;
  correlationId?: string | undefined;
  phase: 'checking' | 'creating';
  stepId: string;
}

/** The pool connect of a new LUN disk on a VM: every Up host of the data center at once, the chosen one first. */
export interface PoolPoint {
  stepId: string;
  chosenId: string;
  hostIds: string[];
  /** Each host's child step. */
  stepIds: Record<string, string>;
  /** The hosts that answered, with their answer. */
  results: Record<string, { ok: boolean; detail: string }>;
  /** The first host that connected: the LUN is usable. */
  winnerId?: string | undefined;
  failures: string[];
  /** Every host answered and the temporary holds were let go. */
  settled: boolean;
}

export interface AddOnVmPoint {
  kind: 'add-on-vm';
  vmId: string;
  input: LunDiskInput;
  attachment: AttachmentInput;
  alias: string;
  wantActive: boolean;
  correlationId?: string | undefined;
  phase: 'pool' | 'creating' | 'plugging';
  pool: PoolPoint;
  stepId?: string | undefined;
  diskId?: string | undefined;
  plug?: PlugPoint | undefined;
}

/** Run (Start, and the HA restart): every candidate asked at once, then real run attempts in the scheduler's order. */
export interface RunPoint {
  kind: 'run';
  vmId: string;
  correlationId?: string | undefined;
  /** The candidates in the scheduler's order, and the preferred one (the first). */
  hostIds: string[];
  preferredId: string;
  /** "host3, host2 to connect its required connection at once; preferred host: …" */
  asked: string;
  askStepId: string;
  childStepIds: Record<string, string>;
  /** Host names in the order they answered, and each host's answer. */
  answered: string[];
  answers: Record<string, { ok: boolean; already: boolean; detail: string }>;
  /** Candidates neither tried nor skipped yet, best first. */
  remainingIds: string[];
  waitOnPreferred: boolean;
  /** Real run failures so far; a host that could not connect is not one. */
  attempts: number;
  reasons: string[];
  /** The run attempt under way. */
  attempt?: { hostId: string; stepId: string; phase: 'starting' | 'powering-up' | 'failing'; release?: ReleasePoint | undefined } | undefined;
  /** Set once the VM runs or the run failed: only the release of the run's temporary holds is left. */
  outcome?: 'ran' | 'failed' | undefined;
  releasedHostIds: string[];
  released: string[];
}

export type EmResume = RunPoint | StopPoint | MigratePoint | PlugTogglePoint | AttachPoint | DetachPoint | AddFloatingPoint | AddOnVmPoint;
