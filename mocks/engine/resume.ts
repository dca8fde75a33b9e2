// An engine rebuilt from stored state (a page reload in emulated mode) finishes the jobs that were running: a
// real engine's jobs live on the server and do not stop because a browser tab reloaded. Each running job's resume
// record (resume-points.ts) says where it stood; the job goes on from there with the same steps and events, and
// does nothing twice. A job without a record, or whose record no longer fits the state, ends as failed with a
// step saying the engine was restarted — an honest end, never a job left "started" forever.
import { holders, parseHolder, release } from './connection-refs';
import type { Engine, JobRun } from './engine';
import { EngineFault } from './messages';
import { applyResumedEdits, attachAndPlug, continueDetach, togglePlug } from './ops-attachments';
import { continueAddOnVm, continueFloatingCreate } from './ops-disks';
import { continueRun } from './ops-vm-run';
import { continueStop, migrate } from './ops-vms';
import type { EmResume } from './resume-points';

/** Resume every running job of `e`; settle what the jobs that cannot resume left half-way. */
export function resumeJobs(e: Engine): void {
  const resumed = new Set<string>();
  const ownedVms = new Set<string>();
  for (const job of e.state.jobs.filter((j) => j.status === 'started')) {
    const run = e.jobRun(job);
    const p = job.resume;
    if (p && resumable(e, run, p)) {
      resumed.add(job.id);
      if ('vmId' in p && (p.kind === 'run' || p.kind === 'stop' || p.kind === 'migrate')) ownedVms.add(p.vmId);
      e.background(() => resume(e, run, p));
    } else {
      engineRestarted(run);
    }
  }
  settleVms(e, ownedVms);
  // Temporary holds of operations that will not go on are let go (a resumed one keeps its own).
  const orphan = (h: string) => {
    const parsed = parseHolder(h);
    return parsed.kind === 'operation' && !resumed.has(parsed.opId);
  };
  for (const hostId of [...new Set(e.state.sessions.map((s) => s.hostId))]) {
    e.state.sessions = release(e.state.sessions, hostId, orphan).sessions;
  }
  e.changed();
}

/** The honest end of a job the engine cannot finish after its restart. */
function engineRestarted(job: JobRun): void {
  const what = job.job.description.charAt(0).toLowerCase() + job.job.description.slice(1);
  job.note(`The engine was restarted while ${what}; the job did not finish`, { failed: true });
  job.fail();
}

/** Whether the state still fits the record: its entities exist and the step it has open is open. */
function resumable(e: Engine, job: JobRun, p: EmResume): boolean {
  const open = (id: string | undefined) => !!id && !!job.reopen(id);
  if ('vmId' in p && !e.findVmOrUndefined(p.vmId)) return false;
  switch (p.kind) {
    case 'stop':
    case 'migrate':
    case 'add-floating':
      return open(p.stepId);
    case 'run':
      return p.hostIds.every((id) => !!e.findHost(id)) && (!p.attempt || p.attempt.phase === 'failing' || open(p.attempt.stepId));
    case 'plug-toggle':
      return !!e.findDisk(p.diskId) && (p.plug ? open(p.plug.stepId) : p.unplug ? open(p.unplug.stepId) : false);
    case 'attach':
      return !!e.findDisk(p.diskId) && !!p.plug && open(p.plug.stepId);
    case 'detach':
      return !!e.findDisk(p.diskId) && !!p.unplug && open(p.unplug.stepId);
    case 'add-on-vm':
      if (p.phase === 'pool') return open(p.pool.stepId) || !!p.pool.winnerId;
      if (p.phase === 'creating') return open(p.stepId);
      return !!p.diskId && !!e.findDisk(p.diskId) && (!p.wantActive || (!!p.plug && open(p.plug.stepId)));
  }
}

async function resume(e: Engine, job: JobRun, p: EmResume): Promise<void> {
  try {
    switch (p.kind) {
      case 'run':
        await continueRun(e, job, p);
        return;
      case 'stop':
        await continueStop(e, job, p);
        return;
      case 'migrate':
        await migrate(e, job, p);
        return;
      case 'plug-toggle':
        if ((await togglePlug(e, job, p)) === undefined) applyResumedEdits(e, p);
        return;
      case 'attach':
        await attachAndPlug(e, job, p);
        return;
      case 'detach':
        await continueDetach(e, job, p);
        return;
      case 'add-floating':
        await continueFloatingCreate(e, job, p);
        return;
      case 'add-on-vm':
        await continueAddOnVm(e, job, p);
        return;
    }
  } catch (err) {
    // The engine's refusal of a resumed request (the LUN taken meanwhile, an edit no longer allowed) has no
    // client to go to: the job already says how it ended.
    if (!(err instanceof EngineFault)) throw err;
  }
}

/**
 * VMs left mid-transition by a job that did not resume: settled as an engine restart would (launches back to
 * down, a shutdown completed, a migration back on its source).
 */
function settleVms(e: Engine, owned: ReadonlySet<string>): void {
  for (const vm of e.state.vms) {
    if (owned.has(vm.id)) continue;
    if (vm.status === 'wait_for_launch' || vm.status === 'powering_up' || vm.status === 'unknown') {
      vm.status = 'down';
      if (vm.hostId) e.state.sessions = release(e.state.sessions, vm.hostId, holders.ofVm(vm.id)).sessions;
      delete vm.hostId;
    } else if (vm.status === 'powering_down') {
      vm.status = 'down';
      if (vm.hostId) e.state.sessions = release(e.state.sessions, vm.hostId, holders.ofVm(vm.id)).sessions;
      delete vm.hostId;
    } else if (vm.status === 'migrating') {
      vm.status = 'up';
    }
  }
}
