// VM lifecycle with the seed's LUN connection management (docs/design.md §5, the seed's "Run VM", "Migration",
// "Stop VM" and "The Engine design"):
// - Start runs the VM through the Run path (ops-vm-run.ts); a paused VM just resumes.
// - Stop (shut down or power off) stops, then releases the VM's holds on its host, reference-counted.
// - Migration asserts or connects on the destination first. A destination the user picked that cannot connect
//   fails the migration and the VM stays on its source; a destination the engine picked is skipped (not counted,
//   the seed's "a chosen host will not be calculated as missed try") and the next candidate is tried.
// A host crash and the HA restart are in ops-host-failure.ts. Every decision is a job step, so the console shows
// it exactly as it happened.
import { holders } from './connection-refs';
import { sendRunSpecs } from './devices';
import { USER, type Engine, type JobRun, type StepRun } from './engine';
import { TYPE, backendFailure, vmStatusName } from './messages';
import { LAUNCHING, runVm } from './ops-vm-run';
import { connectAll, hostPreference, requiredConnections, uniqueTargets } from './run-requirements';
import { connectLun, releaseOnHost, releaseRecorded } from './ops-storage';
import type { MigratePoint, ReleasePoint, StopPoint } from './resume-points';
import type { EmHost, EmVm } from './state';

/** POST /vms/{id}/start. Answers at once ("200 complete", reference §2.5); the run goes on as a job. */
export function startVm(e: Engine, vmId: string, correlationId?: string): JobRun {
  const vm = e.vm(vmId);
  const corr = correlationId ? { correlationId } : {};
  if (vm.status === 'paused') {
    const job = e.startJob(`Resuming VM ${vm.name}`, correlationId);
    vm.status = 'up';
    job.note(`Resumed ${vm.name} on ${e.hostName(vm.hostId)}`, { hostId: vm.hostId });
    job.finish();
    e.event(39, 'normal', `VM ${vm.name} was resumed by ${USER} (Host: ${e.hostName(vm.hostId)}).`, { vmId: vm.id, ...corr });
    return job;
  }
  if (vm.status !== 'down') throw backendFailure(409, 'Cannot run VM. VM is running.');
  if (hostPreference(e, vm).length === 0) {
    throw backendFailure(400, 'Cannot run VM. There are no hosts to use. Check that the cluster contains at least one host in Up state.');
  }
  const job = e.startJob(`Launching VM ${vm.name}`, correlationId);
  vm.status = 'wait_for_launch';
  e.event(150, 'normal', `Starting VM ${vm.name} was initiated by ${USER}.`, { vmId: vm.id, ...corr });
  e.background(async () => {
    await runVm(e, vm, job, { exclude: [], correlationId });
  });
  return job;
}

/** POST /vms/{id}/shutdown (graceful) and /stop (power off). Stop, then release the VM's holds on its host. */
export function stopVm(e: Engine, vmId: string, how: 'shutdown' | 'stop', correlationId?: string): JobRun {
  const vm = e.vm(vmId);
  const verb = how === 'stop' ? 'stop' : 'shutdown';
  if (vm.status === 'down') throw backendFailure(409, `Cannot ${verb} VM. VM is not running.`);
  // A launch or a migration owns the VM until it ends (ACTION_TYPE_FAILED_VM_STATUS_ILLEGAL).
  if (vm.status === 'migrating' || LAUNCHING.has(vm.status) || vm.status === 'unknown') {
    throw backendFailure(409, `Cannot ${verb} ${TYPE.vm} because the VM is in ${vmStatusName(vm.status)} status.`);
  }
  if (vm.status === 'powering_down' && how === 'shutdown') {
    throw backendFailure(409, `Cannot ${verb} ${TYPE.vm} because the VM is in ${vmStatusName(vm.status)} status.`);
  }
  const corr = correlationId ? { correlationId } : {};
  const job = e.startJob(how === 'stop' ? `Stopping VM ${vm.name}` : `Shutting down VM ${vm.name}`, correlationId);
  const hostId = vm.hostId;
  const host = e.hostName(hostId);
  vm.status = 'powering_down';
  e.event(
    how === 'stop' ? 33 : 73,
    'normal',
    how === 'stop' ? `VM ${vm.name} powered off by ${USER} (Host: ${host}).` : `VM shutdown initiated by ${USER} on VM ${vm.name} (Host: ${host}).`,
    { vmId: vm.id, ...corr },
  );
  const step = job.step(how === 'stop' ? `Powering off ${vm.name} on ${host}` : `Shutting down the guest of ${vm.name} on ${host}`, { hostId });
  const point: StopPoint = { kind: 'stop', vmId: vm.id, how, ...(hostId ? { hostId } : {}), ...corr, phase: 'stopping', stepId: step.id };
  job.resume = point;
  e.background(() => continueStop(e, job, point));
  return job;
}

/** The stop from where `p` stands: the guest going down, then the release of the VM's holds on its host. */
export async function continueStop(e: Engine, job: JobRun, p: StopPoint): Promise<void> {
  const vm = e.vm(p.vmId);
  const hostId = p.hostId;
  const corr = p.correlationId ? { correlationId: p.correlationId } : {};
  if (p.phase === 'stopping') {
    const step = mustReopen(job, p.stepId);
    await e.delay(p.how === 'stop' ? 'powerOff' : 'shutdown');
    if (vm.status === 'down' || vm.hostId !== hostId) {
      // Something else (a power off during a shutdown, a host crash) already brought it down.
      step.finish(`${vm.name} is already down`);
      job.finish();
      return;
    }
    vm.status = 'down';
    delete vm.hostId;
    for (const a of e.attachmentsOfVm(vm.id)) delete a.logicalName;
    step.finish(`${vm.name} is down`);
    e.event(61, 'normal', `VM ${vm.name} is down. Exit message: ${p.how === 'stop' ? 'Admin shut down from the engine' : 'User shut down from within the guest'}`, { vmId: vm.id, ...corr });
    if (!hostId) {
      job.finish();
      return;
    }
    Object.assign(p, { phase: 'releasing', stepId: openRelease(e, job, vm, hostId), release: {} });
  }
  if (hostId) await finishRelease(e, job, vm, hostId, p);
  job.finish();
}

/** A step of a resumed job that the resume record says is open (resume.ts checks it before resuming). */
export function mustReopen(job: JobRun, stepId: string): StepRun {
  const step = job.reopen(stepId);
  if (!step) throw new Error(`[emulated engine] job ${job.id} has no open step ${stepId} to resume`);
  return step;
}

/** The seed's "Unmanage the target disk connection": drop every hold of this VM on the host; log out what nothing needs. */
function openRelease(e: Engine, job: JobRun, vm: EmVm, hostId: string): string {
  return job.step(`Releasing on ${e.hostName(hostId)} the connections ${vm.name} no longer needs there`, { hostId }).id;
}

async function finishRelease(e: Engine, job: JobRun, vm: EmVm, hostId: string, p: { stepId: string; release?: ReleasePoint | undefined }) {
  const host = e.hostName(hostId);
  const rel = mustReopen(job, p.stepId);
  const { texts } = await releaseRecorded(e, hostId, holders.ofVm(vm.id), (p.release ??= {}));
  rel.finish(texts.length > 0 ? `Released on ${host} what ${vm.name} no longer needs: ${texts.join('; ')}` : `${vm.name} held no connection on ${host}`);
}

/**
 * POST /vms/{id}/migrate, with a destination ({"host": {...}}) or without (the engine picks). The destination
 * asserts or connects first; the VM stays on its source unless a destination could.
 */
export function migrateVm(e: Engine, vmId: string, destHostId: string | undefined, correlationId?: string): JobRun {
  const vm = e.vm(vmId);
  if (vm.status === 'down') throw backendFailure(409, 'Cannot migrate VM. VM is not running.');
  if (vm.status !== 'up') throw backendFailure(409, `Cannot migrate ${TYPE.vm} because the VM is in ${vmStatusName(vm.status)} status.`);
  if (e.attachmentsOfVm(vm.id).some((a) => a.active && a.usesScsiReservation)) {
    throw backendFailure(409, 'Cannot migrate VM. VM uses SCSI reservation.');
  }
  const sourceId = vm.hostId;
  if (!sourceId) throw backendFailure(409, 'Cannot migrate VM. VM is not running.');
  let candidates: EmHost[];
  if (destHostId) {
    const dest = e.findHost(destHostId);
    if (!dest) throw backendFailure(404, `Entity not found: ${destHostId}`);
    if (dest.id === sourceId) throw backendFailure(409, 'Cannot migrate VM. Migration to the same host is not allowed.');
    if (dest.status !== 'up') throw backendFailure(409, 'Cannot migrate VM. Operation can be performed only when Host status is Up.');
    candidates = [dest];
  } else {
    candidates = hostPreference(e, vm, [sourceId]);
    if (candidates.length === 0) {
      throw backendFailure(
        400,
        'Cannot migrate VM. There is no host that satisfies current scheduling constraints. See below for details:',
        `The host ${e.hostName(sourceId)} did not satisfy internal filter Migration because it is the source host.`,
      );
    }
  }
  const source = e.host(sourceId);
  const only = destHostId ? candidates[0] : undefined;
  const job = e.startJob(`Migrating VM ${vm.name} from Host ${source.name}${only ? ` to Host ${only.name}` : ''}`, correlationId);
  vm.status = 'migrating';
  const reqs = requiredConnections(e, vm);
  const what = reqs.length > 0 ? uniqueTargets(reqs) : 'nothing (no LUN disk or block domain)';
  job.note(
    destHostId
      ? `Destination ${candidates[0]?.name ?? '?'}, chosen by ${USER}. ${vm.name} needs ${what}`
      : `The engine picks the destination: ${candidates.map((h) => h.name).join(', ')}, in that order. ${vm.name} needs ${what}`,
    { type: 'validating' },
  );
  const point: MigratePoint = {
    kind: 'migrate', vmId: vm.id, sourceId, candidateIds: candidates.map((h) => h.id), userPicked: !!destHostId,
    ...(correlationId ? { correlationId } : {}), started: e.now(), index: 0, phase: 'connecting', stepId: '',
  };
  job.resume = point;
  e.background(() => migrate(e, job, point));
  return job;
}

/**
 * The migration from where `p` stands: each candidate asserts or connects what the VM needs, then the VM moves,
 * then the source lets go of what it no longer needs.
 */
export async function migrate(e: Engine, job: JobRun, p: MigratePoint): Promise<void> {
  const vm = e.vm(p.vmId);
  const source = e.host(p.sourceId);
  const candidates = p.candidateIds.map((id) => e.host(id));
  const corr = p.correlationId ? { correlationId: p.correlationId } : {};
  const reqs = requiredConnections(e, vm);
  const opHolder = holders.operation(job.id);
  const what = reqs.length > 0 ? uniqueTargets(reqs) : 'nothing (no LUN disk or block domain)';
  const overtaken = () => vm.status !== 'migrating' || vm.hostId !== source.id || source.status !== 'up';
  const stay = (why: string) => {
    if (vm.status === 'migrating') vm.status = 'up';
    job.note(`${why} ${vm.name} stays on ${source.name}${vm.status === 'up' && vm.hostId === source.id ? ' (Up)' : ''}`, { failed: true });
    job.fail();
  };
  for (; p.index < candidates.length; p.index++) {
    const dest = candidates[p.index];
    if (!dest) break;
    if (p.phase === 'connecting') {
      // The seed's Migration: "assert that the backing storage target is reachable or connect it to the destination".
      const connect = job.reopen(p.stepId) ?? job.step(`Making sure ${dest.name} is connected to ${what} before migrating`, { hostId: dest.id });
      p.stepId = connect.id;
      const r = await connectAll(e, dest, reqs, opHolder);
      if (overtaken()) {
        connect.fail(`${source.name} or ${vm.name} changed state meanwhile`);
        await releaseOnHost(e, dest.id, (x) => x === opHolder);
        job.fail();
        return;
      }
      if (!r.ok) {
        connect.fail(r.detail);
        const outs = await releaseOnHost(e, dest.id, (x) => x === opHolder);
        if (outs.some((o) => o.loggedOut)) job.note(outs.filter((o) => o.loggedOut).map((o) => o.text).join('; '), { hostId: dest.id });
        if (p.userPicked) {
          e.event(65, 'error', `Migration failed (VM: ${vm.name}, Source: ${source.name}, Destination: ${dest.name}): ${r.detail}.`, { vmId: vm.id, hostId: dest.id, ...corr });
          stay(`Migration to ${dest.name} cancelled: ${dest.name} cannot connect what ${vm.name} needs.`);
          return;
        }
        job.note(`Skipped ${dest.name}: it is not connected to what ${vm.name} needs. Not counted as a migration attempt`, { hostId: dest.id });
        continue;
      }
      connect.finish(r.already ? `${dest.name} is ready: ${r.detail} (asserted, nothing to connect)` : `${dest.name} is ready: ${r.detail}`);
      e.event(62, 'normal', `Migration started (VM: ${vm.name}, Source: ${source.name}, Destination: ${dest.name}, User: ${USER}).`, { vmId: vm.id, ...corr });
      Object.assign(p, { phase: 'moving', stepId: job.step(`Migrating ${vm.name} from ${source.name} to ${dest.name}`, { hostId: dest.id }).id });
    }
    if (p.phase === 'moving') {
      const move = mustReopen(job, p.stepId);
      await e.delay('migrate');
      if (dest.status !== 'up' || overtaken()) {
        const why = dest.status !== 'up' ? `${dest.name} stopped responding during the migration` : `${vm.name} or ${source.name} changed state meanwhile`;
        move.fail(why);
        await releaseOnHost(e, dest.id, (x) => x === opHolder);
        e.event(65, 'error', `Migration failed (VM: ${vm.name}, Source: ${source.name}, Destination: ${dest.name}): ${why}.`, { vmId: vm.id, ...corr });
        if (vm.status === 'migrating') stay(`Migration failed: ${why}.`);
        else job.fail();
        return;
      }
      // The VM now runs on dest: its disks hold their targets there, and the temporary hold goes.
      for (const req of reqs) if (req.keepHolder) await connectLun(e, dest, req.lun, req.conns, req.keepHolder);
      await releaseOnHost(e, dest.id, (x) => x === opHolder);
      vm.hostId = dest.id;
      vm.status = 'up';
      sendRunSpecs(e, vm, dest.id, 'migrate');
      move.finish(`${vm.name} now runs on ${dest.name}`);
      // The seed's design, after migrating: the source releases what it no longer needs.
      Object.assign(p, { phase: 'releasing', stepId: openRelease(e, job, vm, source.id), release: {} });
    }
    await finishRelease(e, job, vm, source.id, p);
    job.finish();
    const secs = Math.max(1, Math.round((e.now() - p.started) / 1000));
    e.event(63, 'normal', `Migration completed (VM: ${vm.name}, Source: ${source.name}, Destination: ${dest.name}, Duration: ${secs} seconds).`, { vmId: vm.id, hostId: dest.id, ...corr });
    return;
  }
  e.event(65, 'error', `Migration failed (VM: ${vm.name}, Source: ${source.name}): no destination could connect what it needs.`, { vmId: vm.id, ...corr });
  stay(`No destination could connect what ${vm.name} needs.`);
}
