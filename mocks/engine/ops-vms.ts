// VM lifecycle with the seed's LUN connection management (docs/design.md §5, the seed's "Run VM", "Migration",
// "Stop VM", "HA" and "The Engine design"):
// - Run connects every required connection on all Up hosts of the cluster at once, waits on the preferred host
//   and, if it could not connect, immediately takes the next host that did. A host that could not connect is
//   skipped and NOT counted as a run attempt; real run failures count, at most MAX_RUN_ATTEMPTS.
// - Stop (shut down or power off) stops, then releases the VM's holds on its host, reference-counted.
// - Migration asserts or connects on the destination first. A destination the user picked that cannot connect
//   fails the migration and the VM stays on its source; a destination the engine picked is skipped (not counted,
//   the seed's "a chosen host will not be calculated as missed try") and the next candidate is tried.
// - A crashed host's highly available VMs restart elsewhere through the same Run path; other VMs go down.
// Every decision is a job step, so the console shows it exactly as it happened.
import { dropHost, holders } from './connection-refs';
import { sendRunSpecs } from './devices';
import { USER, type Engine, type JobRun } from './engine';
import { TYPE, backendFailure, vmStatusName } from './messages';
import { connectLun, connectionsOf, portalLabel, releaseOnHost } from './ops-storage';
import type { EmConnection, EmHost, EmVm } from './state';

/** The engine's MaxRerunVmOnVdsCount (reference §7): real run failures count, at most three attempts. */
export const MAX_RUN_ATTEMPTS = 3;

/** VM states in which a launch is under way: the Run job owns the VM until it ends. */
const LAUNCHING = new Set(['wait_for_launch', 'powering_up']);

export interface Requirement {
  /** What needs it, in words: "disk test01-backup", "storage domain data1". */
  label: string;
  /** What has to be connected, in words: "iqn…:array-b.backup at 10.35.2.90:3260", "FC LUN 3600a…". */
  targets: string;
  lun: { id: string; type: 'iscsi' | 'fcp' };
  conns: EmConnection[];
  /** The hold a running VM keeps on the host that runs it; storage domains hold their own (`sdHolder`). */
  keepHolder?: string | undefined;
  sdHolder?: string | undefined;
}

function targetsText(lun: { id: string; type: 'iscsi' | 'fcp' }, conns: readonly EmConnection[]): string {
  if (lun.type === 'fcp') return `FC LUN ${lun.id}`;
  return [...new Set(conns.map((c) => `${c.target} at ${portalLabel(c)}`))].join(' and ');
}

/**
 * Everything a VM needs connected on the host that runs it: its plugged LUN disks and the block storage domains
 * of its plugged image disks. An unplugged disk is not needed to run, so it holds nothing (it connects when it
 * is plugged, seed "Hot plug").
 */
export function requiredConnections(e: Engine, vm: EmVm): Requirement[] {
  const out: Requirement[] = [];
  const domains = new Set<string>();
  for (const att of e.attachmentsOfVm(vm.id)) {
    if (!att.active) continue;
    const disk = e.findDisk(att.diskId);
    if (!disk) continue;
    if (disk.kind === 'image') {
      domains.add(disk.storageDomainId);
      continue;
    }
    const conns = connectionsOf(e, disk);
    out.push({
      label: `disk ${disk.alias}`,
      targets: targetsText(disk.lun, conns),
      lun: disk.lun,
      conns,
      keepHolder: holders.vmDisk(vm.id, disk.id),
    });
  }
  for (const sdId of domains) {
    const sd = e.state.storageDomains.find((s) => s.id === sdId);
    if (!sd || sd.storageType === 'nfs') continue;
    const conns = sd.connectionIds.map((id) => e.state.connections.find((c) => c.id === id)).filter((c): c is EmConnection => !!c);
    const firstLun = sd.lunIds[0];
    if (!firstLun) continue;
    const lun = { id: firstLun, type: sd.storageType === 'fcp' ? ('fcp' as const) : ('iscsi' as const) };
    out.push({ label: `storage domain ${sd.name}`, targets: targetsText(lun, conns), lun, conns, sdHolder: holders.storageDomain(sd.id) });
  }
  return out;
}

function runningVmCount(e: Engine, hostId: string): number {
  return e.state.vms.filter((v) => v.hostId === hostId && v.status !== 'down').length;
}

/** The scheduler's order: the VM's preferred (placement) hosts first, then the least loaded, then by name. */
export function hostPreference(e: Engine, vm: EmVm, exclude: readonly string[] = []): EmHost[] {
  const hosts = e.state.hosts.filter((h) => h.status === 'up' && h.clusterId === vm.clusterId && !exclude.includes(h.id));
  return hosts.sort((a, b) => {
    const pa = vm.placementHostIds.indexOf(a.id);
    const pb = vm.placementHostIds.indexOf(b.id);
    if (pa !== pb) return (pa === -1 ? Infinity : pa) - (pb === -1 ? Infinity : pb);
    const la = runningVmCount(e, a.id);
    const lb = runningVmCount(e, b.id);
    if (la !== lb) return la - lb;
    return a.name.localeCompare(b.name, undefined, { numeric: true });
  });
}

function whyPreferred(e: Engine, vm: EmVm, h: EmHost): string {
  if (vm.placementHostIds.includes(h.id)) return `${vm.name} prefers it`;
  const n = runningVmCount(e, h.id);
  return n === 0 ? 'it runs no VM' : `the least loaded: ${n} running VM${n === 1 ? '' : 's'}`;
}

export interface HostAnswer {
  host: EmHost;
  ok: boolean;
  /** Every required connection was already there: asserted, not connected. */
  already: boolean;
  /** One line for the user: what happened on this host, naming the host and the targets. */
  detail: string;
}

/** Assert or connect every requirement on one host; the VM can use the host only if all of them succeed. */
export async function connectAll(e: Engine, host: EmHost, reqs: readonly Requirement[], holder: string): Promise<HostAnswer> {
  if (reqs.length === 0) return { host, ok: true, already: true, detail: `${host.name} needs no storage connection for this VM` };
  const results = await Promise.all(reqs.map((r) => connectLun(e, host, r.lun, r.conns, r.sdHolder ?? holder)));
  const failed = reqs.flatMap((req, i) => (results[i]?.ok ? [] : [{ req, detail: results[i]?.detail ?? '' }]));
  if (failed.length > 0) {
    return {
      host,
      ok: false,
      already: false,
      detail: failed.map((f) => `${host.name} could not connect ${f.req.targets} (for ${f.req.label}): ${f.detail}`).join('; '),
    };
  }
  const already = results.every((r) => r.already);
  return {
    host,
    ok: true,
    already,
    detail: already
      ? `${host.name} is already connected to ${uniqueTargets(reqs)}`
      : [...new Set(results.map((r) => r.detail))].join('; '),
  };
}

/** "X at P, Y at Q": each target once, however many disks sit behind it. */
export function uniqueTargets(reqs: readonly Requirement[]): string {
  return [...new Set(reqs.map((r) => r.targets))].join(', ');
}

function ordinal(n: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'][n - 1] ?? `${n}th`;
}

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

/**
 * The seed's Run VM. Connect all required connections on all candidate hosts at once; wait on the preferred
 * host; if it could not connect, skip it (not a run attempt) and take the best-ranked host that did connect,
 * waiting for the next answer if none has yet. Real run failures count; after MAX_RUN_ATTEMPTS the run fails.
 * Used by Run and by the HA restart. Returns whether the VM runs.
 */
export async function runVm(
  e: Engine,
  vm: EmVm,
  job: JobRun,
  opts: { exclude: string[]; correlationId?: string | undefined },
): Promise<boolean> {
  const corr = opts.correlationId ? { correlationId: opts.correlationId } : {};
  const reqs = requiredConnections(e, vm);
  const order = hostPreference(e, vm, opts.exclude);
  const preferred = order[0];
  if (!preferred) {
    job.note('No host of the cluster is Up', { failed: true });
    vm.status = 'down';
    delete vm.hostId;
    job.fail();
    e.event(54, 'error', `Failed to run VM ${vm.name} (User: ${USER}): no host of the cluster is Up.`, { vmId: vm.id, ...corr });
    return false;
  }
  job.note(
    reqs.length > 0
      ? `${vm.name} requires ${reqs.map((r) => `${r.targets} (${r.label})`).join(', ')}`
      : `${vm.name} has no LUN disk or block storage domain to connect`,
    { type: 'validating' },
  );
  const opHolder = holders.operation(job.id);
  const what = reqs.length === 1 ? 'its required connection' : `its ${reqs.length} required connections`;
  const asked = `${order.map((h) => h.name).join(', ')} to connect ${what} at once; preferred host: ${preferred.name} (${whyPreferred(e, vm, preferred)})`;
  const parent = job.step(`Asking ${asked}`);
  const answered: string[] = [];
  const settled = new Map<string, HostAnswer>();
  const results = new Map<string, Promise<HostAnswer>>();
  for (const h of order) {
    const child = job.step(
      reqs.length > 0 ? `${h.name}: connecting ${uniqueTargets(reqs)}` : `${h.name}: nothing to connect`,
      { parent, hostId: h.id },
    );
    results.set(
      h.id,
      connectAll(e, h, reqs, opHolder).then((r) => {
        answered.push(h.name);
        const rank = `answered ${ordinal(answered.length)}`;
        if (r.ok) child.finish(`${r.detail} (${rank})`);
        else child.fail(`${r.detail} (${rank})`);
        settled.set(h.id, r);
        return r;
      }),
    );
  }
  const everyAnswer = Promise.all(results.values()).then((all) => {
    const failed = all.filter((a) => !a.ok).map((a) => a.host.name);
    const [firstToAnswer, ...rest] = answered;
    const summary = `Asked ${asked}. Answers: ${firstToAnswer ?? ''} first${rest.length > 0 ? `, then ${rest.join(', ')}` : ''}${
      failed.length === all.length ? '; none could connect' : failed.length > 0 ? `; ${failed.join(', ')} could not connect` : ''
    }`;
    if (all.some((a) => a.ok)) parent.finish(summary);
    else parent.fail(summary);
  });

  let attempts = 0;
  const reasons: string[] = [];
  const remaining = [...order];
  let waitOnPreferred = true;
  /** The next host to run on, or undefined when no remaining host can; skips (not counted) the unconnected. */
  const pickNext = async (): Promise<EmHost | undefined> => {
    for (;;) {
      for (const h of [...remaining]) {
        const r = settled.get(h.id);
        if (r && !r.ok) {
          remaining.splice(remaining.indexOf(h), 1);
          reasons.push(r.detail);
          job.note(
            `Skipped ${h.name}${h === preferred ? ' (preferred)' : ''}: it is not connected to what ${vm.name} needs. Not counted as a run attempt (${attempts} of ${MAX_RUN_ATTEMPTS} used)`,
            { hostId: h.id },
          );
        }
      }
      if (remaining.length === 0) return undefined;
      if (waitOnPreferred && remaining[0] === preferred) {
        // The seed: "Wait on connection on the preferred host."
        waitOnPreferred = false;
        await results.get(preferred.id);
        continue;
      }
      const ready = remaining.find((h) => settled.get(h.id)?.ok);
      if (ready) return ready;
      // Nobody left has connected yet: take whichever answers next.
      await Promise.race(remaining.flatMap((h) => results.get(h.id) ?? []));
    }
  };

  let ranOn: EmHost | undefined;
  while (attempts < MAX_RUN_ATTEMPTS) {
    const h = await pickNext();
    if (!h) break;
    remaining.splice(remaining.indexOf(h), 1);
    attempts++;
    const attempt = `run attempt ${attempts} of ${MAX_RUN_ATTEMPTS}`;
    const chosenBecause = h === preferred ? 'the preferred host' : `${h.name} is connected`;
    const run = job.step(`Starting ${vm.name} on ${h.name} (${attempt}; ${chosenBecause})`, { hostId: h.id });
    vm.status = 'powering_up';
    vm.hostId = h.id;
    await e.delay('run');
    let failure: string | undefined;
    if (h.status !== 'up') failure = `${h.name} stopped responding`;
    else if (h.failRuns) failure = `the VM exited while starting on ${h.name}`;
    if (!failure) {
      // The VM runs here: its disks now hold their targets on this host (reference counted, design §5).
      for (const req of reqs) {
        if (!req.keepHolder) continue;
        const held = await connectLun(e, h, req.lun, req.conns, req.keepHolder);
        if (!held.ok) failure = `${h.name} lost ${req.targets} while starting (${held.detail})`;
      }
    }
    if (!failure) {
      sendRunSpecs(e, vm, h.id, 'run');
      await e.delay('powerUp');
      if (h.status !== 'up') failure = `${h.name} stopped responding while ${vm.name} was powering up`;
    }
    if (failure) {
      run.fail(`Failed to run ${vm.name} on ${h.name}: ${failure} (${attempt})`);
      reasons.push(`${h.name}: ${failure}`);
      e.event(151, 'warning', `Failed to run VM ${vm.name} on Host ${h.name}.`, { vmId: vm.id, hostId: h.id, ...corr });
      await releaseOnHost(e, h.id, (x) => x.startsWith(`vm:${vm.id}/`));
      delete vm.hostId;
      vm.status = 'wait_for_launch';
      continue;
    }
    vm.status = 'up';
    run.finish(`${vm.name} is up on ${h.name} (${attempt})`);
    ranOn = h;
    break;
  }

  // Connections made only for this start let go once every host has answered (the seed: the others finish in
  // the background); what a running VM or a storage domain holds stays.
  e.background(async () => {
    await everyAnswer;
    const released: string[] = [];
    for (const h of order) {
      const outs = await releaseOnHost(e, h.id, (x) => x === opHolder);
      released.push(...outs.filter((o) => o.loggedOut).map((o) => o.text));
    }
    if (released.length > 0) job.note(`Released the connections made only for this start: ${released.join('; ')}`);
    if (ranOn) job.finish();
    else job.fail();
  });
  if (ranOn) {
    e.event(32, 'normal', `VM ${vm.name} started on Host ${ranOn.name}`, { vmId: vm.id, hostId: ranOn.id, ...corr });
    return true;
  }
  vm.status = 'down';
  delete vm.hostId;
  const summary =
    attempts >= MAX_RUN_ATTEMPTS
      ? `${MAX_RUN_ATTEMPTS} run attempts failed`
      : attempts === 0
        ? 'no host could connect what it needs'
        : `no other host could run it after ${attempts} failed run attempt${attempts === 1 ? '' : 's'}`;
  // Each host's reason is its own step above (its answer, its failed run); this one concludes.
  job.note(`${vm.name} could not run: ${summary}`, { failed: true });
  e.event(54, 'error', `Failed to run VM ${vm.name} (User: ${USER}): ${summary}. ${reasons.join('. ')}.`, { vmId: vm.id, ...corr });
  return false;
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
  e.background(async () => {
    const step = job.step(how === 'stop' ? `Powering off ${vm.name} on ${host}` : `Shutting down the guest of ${vm.name} on ${host}`, { hostId });
    await e.delay(how === 'stop' ? 'powerOff' : 'shutdown');
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
    e.event(61, 'normal', `VM ${vm.name} is down. Exit message: ${how === 'stop' ? 'Admin shut down from the engine' : 'User shut down from within the guest'}`, { vmId: vm.id, ...corr });
    if (hostId) await releaseVmConnections(e, job, vm, hostId);
    job.finish();
  });
  return job;
}

/** The seed's "Unmanage the target disk connection": drop every hold of this VM on the host; log out what nothing needs. */
async function releaseVmConnections(e: Engine, job: JobRun, vm: EmVm, hostId: string) {
  const host = e.hostName(hostId);
  const rel = job.step(`Releasing on ${host} the connections ${vm.name} no longer needs there`, { hostId });
  const outcomes = await releaseOnHost(e, hostId, (h) => h.startsWith(`vm:${vm.id}/`));
  rel.finish(
    outcomes.length > 0
      ? `Released on ${host} what ${vm.name} no longer needs: ${outcomes.map((o) => o.text).join('; ')}`
      : `${vm.name} held no connection on ${host}`,
  );
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
  e.background(() => migrate(e, vm, job, source, candidates, !!destHostId, correlationId));
  return job;
}

async function migrate(e: Engine, vm: EmVm, job: JobRun, source: EmHost, candidates: EmHost[], userPicked: boolean, correlationId?: string) {
  const corr = correlationId ? { correlationId } : {};
  const started = e.now();
  const reqs = requiredConnections(e, vm);
  const opHolder = holders.operation(job.id);
  const what = reqs.length > 0 ? uniqueTargets(reqs) : 'nothing (no LUN disk or block domain)';
  job.note(
    userPicked
      ? `Destination ${candidates[0]?.name ?? '?'}, chosen by ${USER}. ${vm.name} needs ${what}`
      : `The engine picks the destination: ${candidates.map((h) => h.name).join(', ')}, in that order. ${vm.name} needs ${what}`,
    { type: 'validating' },
  );
  const overtaken = () => vm.status !== 'migrating' || vm.hostId !== source.id || source.status !== 'up';
  const stay = (why: string) => {
    if (vm.status === 'migrating') vm.status = 'up';
    job.note(`${why} ${vm.name} stays on ${source.name}${vm.status === 'up' && vm.hostId === source.id ? ' (Up)' : ''}`, { failed: true });
    job.fail();
  };
  const failures: string[] = [];
  for (const dest of candidates) {
    // The seed's Migration: "assert that the backing storage target is reachable or connect it to the destination".
    const connect = job.step(`Making sure ${dest.name} is connected to ${what} before migrating`, { hostId: dest.id });
    const r = await connectAll(e, dest, reqs, opHolder);
    if (overtaken()) {
      connect.fail(`${source.name} or ${vm.name} changed state meanwhile`);
      await releaseOnHost(e, dest.id, (x) => x === opHolder);
      job.fail();
      return;
    }
    if (!r.ok) {
      connect.fail(r.detail);
      failures.push(r.detail);
      const outs = await releaseOnHost(e, dest.id, (x) => x === opHolder);
      if (outs.some((o) => o.loggedOut)) job.note(outs.filter((o) => o.loggedOut).map((o) => o.text).join('; '), { hostId: dest.id });
      if (userPicked) {
        e.event(65, 'error', `Migration failed (VM: ${vm.name}, Source: ${source.name}, Destination: ${dest.name}): ${r.detail}.`, { vmId: vm.id, hostId: dest.id, ...corr });
        stay(`Migration to ${dest.name} cancelled: ${dest.name} cannot connect what ${vm.name} needs.`);
        return;
      }
      job.note(`Skipped ${dest.name}: it is not connected to what ${vm.name} needs. Not counted as a migration attempt`, { hostId: dest.id });
      continue;
    }
    connect.finish(r.already ? `${dest.name} is ready: ${r.detail} (asserted, nothing to connect)` : `${dest.name} is ready: ${r.detail}`);
    e.event(62, 'normal', `Migration started (VM: ${vm.name}, Source: ${source.name}, Destination: ${dest.name}, User: ${USER}).`, { vmId: vm.id, ...corr });
    const move = job.step(`Migrating ${vm.name} from ${source.name} to ${dest.name}`, { hostId: dest.id });
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
    await releaseVmConnections(e, job, vm, source.id);
    job.finish();
    const secs = Math.max(1, Math.round((e.now() - started) / 1000));
    e.event(63, 'normal', `Migration completed (VM: ${vm.name}, Source: ${source.name}, Destination: ${dest.name}, Duration: ${secs} seconds).`, { vmId: vm.id, hostId: dest.id, ...corr });
    return;
  }
  e.event(65, 'error', `Migration failed (VM: ${vm.name}, Source: ${source.name}): no destination could connect what it needs.`, { vmId: vm.id, ...corr });
  stay(`No destination could connect what ${vm.name} needs.`);
}

/** Fault injection: a host crashes. Its sessions are gone; HA VMs restart elsewhere, other VMs go down. */
export function crashHost(e: Engine, hostId: string): void {
  const host = e.host(hostId);
  if (host.status === 'non_responsive') return;
  host.status = 'non_responsive';
  e.state.sessions = dropHost(e.state.sessions, hostId);
  e.event(12, 'error', `Host ${host.name} is non responsive.`, { hostId });
  // A VM still launching there is the Run job's: it counts the failure and tries the next host (rerun).
  for (const vm of e.state.vms.filter((v) => v.hostId === hostId && !LAUNCHING.has(v.status))) {
    for (const a of e.attachmentsOfVm(vm.id)) delete a.logicalName;
    delete vm.hostId;
    if (vm.ha.enabled) {
      const job = e.startJob(`Restarting highly available VM ${vm.name}`, undefined);
      // The seed's HA: "assert that the backing storage target is reachable or connect it to the VM destination
      // host, then restart the VM" — the Run path does exactly that on the candidate hosts.
      job.note(`${host.name} is non responsive; ${vm.name} is highly available, so the engine restarts it on another host`, { hostId });
      e.event(9602, 'warning', `Highly Available VM ${vm.name} failed. It will be restarted automatically.`, { vmId: vm.id, hostId });
      vm.status = 'wait_for_launch';
      e.background(() => runVm(e, vm, job, { exclude: [hostId] }).then(() => undefined));
    } else {
      vm.status = 'down';
      e.event(61, 'error', `VM ${vm.name} is down. Exit message: host ${host.name} became non responsive; the VM is not highly available.`, { vmId: vm.id, hostId });
    }
  }
  e.changed();
}

/** The host comes back: Up again, reconnected to its data center's block storage domains (host activation). */
export function recoverHost(e: Engine, hostId: string): void {
  const host = e.host(hostId);
  if (host.status === 'up') return;
  host.status = 'up';
  e.event(16, 'normal', `Status of host ${host.name} was set to Up.`, { hostId });
  const dc = e.dataCenterOfCluster(host.clusterId);
  e.background(async () => {
    if (!dc) return;
    for (const sd of e.state.storageDomains) {
      if (sd.storageType !== 'iscsi') continue;
      const conns = sd.connectionIds.map((id) => e.state.connections.find((c) => c.id === id)).filter((c): c is EmConnection => !!c);
      const lunId = sd.lunIds[0];
      if (lunId) await connectLun(e, host, { id: lunId, type: 'iscsi' }, conns, holders.storageDomain(sd.id));
    }
  });
  e.changed();
}
