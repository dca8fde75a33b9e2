// VM lifecycle with the seed's LUN connection management (docs/design.md §5): Run connects every required
// connection on all Up hosts at once and takes the preferred host, or the next that connected; a host that
// could not connect is skipped and not counted as a run attempt. Stop and migration release what the source
// no longer needs; a failed host restarts its highly available VMs elsewhere.
import { dropHost, holders } from '../../src/domain/connection-refs';
import { sendRunSpecs } from './devices';
import { USER, type Engine, type JobRun } from './engine';
import { TYPE, backendFailure, vmStatusName } from './messages';
import { connectLun, connectionsOf, releaseOnHost } from './ops-storage';
import type { EmConnection, EmHost, EmVm } from './state';

/** The engine's MaxRerunVmOnVdsCount: real run failures count, at most three attempts. */
export const MAX_RUN_ATTEMPTS = 3;

interface Requirement {
  label: string;
  lun: { id: string; type: 'iscsi' | 'fcp' };
  conns: EmConnection[];
  /** Holder to keep once the VM runs on a host; undefined for storage domains (they hold their own). */
  keepHolder: string | undefined;
  sdHolder?: string;
}

/** Everything a VM needs connected on the host that runs it: its plugged LUN disks and its image disks' domains. */
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
    out.push({
      label: `disk ${disk.alias} (${disk.lun.type === 'fcp' ? 'FC LUN' : 'LUN'} ${disk.lun.id})`,
      lun: disk.lun,
      conns: connectionsOf(e, disk),
      keepHolder: holders.vmDisk(vm.id, disk.id),
    });
  }
  for (const sdId of domains) {
    const sd = e.state.storageDomains.find((s) => s.id === sdId);
    if (!sd || sd.storageType === 'nfs') continue;
    const conns = sd.connectionIds.map((id) => e.state.connections.find((c) => c.id === id)).filter((c): c is EmConnection => !!c);
    const firstLun = sd.lunIds[0];
    if (!firstLun) continue;
    out.push({
      label: `storage domain ${sd.name}`,
      lun: { id: firstLun, type: sd.storageType === 'fcp' ? 'fcp' : 'iscsi' },
      conns,
      keepHolder: undefined,
      sdHolder: holders.storageDomain(sd.id),
    });
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

/** Connect every requirement on one host; all must succeed for the VM to run there. */
async function connectAll(e: Engine, host: EmHost, reqs: Requirement[], holder: string): Promise<{ ok: boolean; detail: string }> {
  const results = await Promise.all(reqs.map((r) => connectLun(e, host, r.lun, r.conns, r.sdHolder ?? holder)));
  const failed = results.map((r, i) => ({ r, req: reqs[i] })).filter((x) => !x.r.ok);
  if (failed.length > 0) return { ok: false, detail: failed.map((f) => `${f.req?.label}: ${f.r.detail}`).join('; ') };
  if (reqs.length === 0) return { ok: true, detail: `${host.name} needs no storage connection for this VM` };
  const already = results.every((r) => r.already);
  return { ok: true, detail: already ? `${host.name} already has every required connection` : `${host.name} connected: ${results.map((r) => r.detail).join('; ')}` };
}

/** POST /vms/{id}/start. Answers at once; the run goes on as a job. */
export function startVm(e: Engine, vmId: string, correlationId?: string): JobRun {
  const vm = e.vm(vmId);
  if (vm.status === 'paused') {
    const job = e.startJob(`Resuming VM ${vm.name}`, correlationId);
    vm.status = 'up';
    job.note(`Resumed ${vm.name} on ${e.hostName(vm.hostId)}`);
    job.finish();
    e.event(39, 'normal', `VM ${vm.name} was resumed by ${USER} (Host: ${e.hostName(vm.hostId)}).`, { vmId: vm.id, ...(correlationId ? { correlationId } : {}) });
    return job;
  }
  if (vm.status !== 'down') throw backendFailure(409, 'Cannot run VM. VM is running.');
  if (hostPreference(e, vm).length === 0) {
    throw backendFailure(400, 'Cannot run VM. There are no hosts to use. Check that the cluster contains at least one host in Up state.');
  }
  const job = e.startJob(`Launching VM ${vm.name}`, correlationId);
  vm.status = 'wait_for_launch';
  e.event(150, 'normal', `Starting VM ${vm.name} was initiated by ${USER}.`, { vmId: vm.id, ...(correlationId ? { correlationId } : {}) });
  e.background(async () => {
    await runVm(e, vm, job, { exclude: [], correlationId });
  });
  return job;
}

/**
 * The seed's Run VM: connect all required connections on all candidate hosts at once; wait on the preferred
 * host; if it could not connect, skip it (not a run attempt) and take the next; real run failures count.
 */
export async function runVm(e: Engine, vm: EmVm, job: JobRun, opts: { exclude: string[]; correlationId?: string | undefined }): Promise<boolean> {
  const corr = opts.correlationId ? { correlationId: opts.correlationId } : {};
  const reqs = requiredConnections(e, vm);
  const order = hostPreference(e, vm, opts.exclude);
  const preferred = order[0];
  if (!preferred) {
    job.note('No host of the cluster is Up', { failed: true });
    vm.status = 'down';
    job.fail();
    e.event(54, 'error', `Failed to run VM ${vm.name} (User: ${USER}): no host of the cluster is Up.`, { vmId: vm.id, ...corr });
    return false;
  }
  job.note(
    reqs.length > 0
      ? `${vm.name} requires: ${reqs.map((r) => r.label).join(', ')}`
      : `${vm.name} has no LUN disk or block storage domain to connect`,
    { type: 'validating' },
  );
  const opHolder = holders.operation(job.id);
  const parent = job.step(`Connecting the required connections on ${order.map((h) => h.name).join(', ')} at once (preferred: ${preferred.name})`);
  const results = new Map<string, Promise<{ ok: boolean; detail: string }>>();
  for (const h of order) {
    const child = job.step(`${h.name}: connecting ${reqs.length} required connection${reqs.length === 1 ? '' : 's'}`, { parent, hostId: h.id });
    results.set(
      h.id,
      connectAll(e, h, reqs, opHolder).then((r) => {
        if (r.ok) child.finish(r.detail);
        else child.fail(`${h.name} could not connect: ${r.detail}`);
        return r;
      }),
    );
  }
  let attempts = 0;
  const reasons: string[] = [];
  let ranOn: EmHost | undefined;
  for (const h of order) {
    const r = await results.get(h.id);
    if (!r) continue;
    if (!r.ok) {
      job.note(`Skipped ${h.name}${h === preferred ? ' (preferred)' : ''}: it is not connected to what ${vm.name} needs — not counted as a run attempt`, { hostId: h.id });
      reasons.push(`${h.name}: ${r.detail}`);
      continue;
    }
    if (parent.step.status === 'started') parent.finish(`${h.name}${h === preferred ? ' (preferred)' : ''} is connected; starting there`);
    attempts++;
    const run = job.step(`Starting ${vm.name} on ${h.name} (run attempt ${attempts} of ${MAX_RUN_ATTEMPTS})`, { hostId: h.id });
    vm.status = 'powering_up';
    vm.hostId = h.id;
    await e.delay('run');
    if (h.failRuns || h.status !== 'up') {
      const why = h.status !== 'up' ? `${h.name} is no longer Up` : `the VM exited while starting on ${h.name}`;
      run.fail(`Failed to run ${vm.name} on ${h.name}: ${why}`);
      reasons.push(`${h.name}: ${why}`);
      e.event(151, 'warning', `Failed to run VM ${vm.name} on Host ${h.name}.`, { vmId: vm.id, hostId: h.id, ...corr });
      delete vm.hostId;
      vm.status = 'wait_for_launch';
      if (attempts >= MAX_RUN_ATTEMPTS) break;
      continue;
    }
    // The VM runs here: its disks now hold their targets on this host.
    for (const req of reqs) if (req.keepHolder) await connectLun(e, h, req.lun, req.conns, req.keepHolder);
    sendRunSpecs(e, vm, h.id, 'run');
    await e.delay('powerUp');
    vm.status = 'up';
    run.finish(`${vm.name} is up on ${h.name} (run attempt ${attempts} of ${MAX_RUN_ATTEMPTS})`);
    ranOn = h;
    break;
  }
  if (parent.step.status === 'started') parent.fail('No candidate host could connect and run the VM');
  // Connections made only for this start let go once every host has answered.
  const allResults = [...results.values()];
  e.background(async () => {
    await Promise.allSettled(allResults);
    const released: string[] = [];
    for (const h of order) {
      const outs = await releaseOnHost(e, h.id, (x) => x === opHolder);
      released.push(...outs.filter((o) => o.loggedOut).map((o) => o.text));
    }
    if (released.length > 0) job.note(`Released the connections made only for this start: ${released.join('; ')}`);
    if (job.job.status === 'started') job[ranOn ? 'finish' : 'fail']();
  });
  if (ranOn) {
    e.event(32, 'normal', `VM ${vm.name} started on Host ${ranOn.name}`, { vmId: vm.id, hostId: ranOn.id, ...corr });
    return true;
  }
  vm.status = 'down';
  delete vm.hostId;
  const summary = attempts >= MAX_RUN_ATTEMPTS ? `${MAX_RUN_ATTEMPTS} run attempts failed` : 'no host could run it';
  job.note(`${vm.name} could not run: ${summary}. ${reasons.join('; ')}`, { failed: true });
  e.event(54, 'error', `Failed to run VM ${vm.name} (User: ${USER}): ${summary}. ${reasons.join('; ')}.`, { vmId: vm.id, ...corr });
  return false;
}

/** POST /vms/{id}/shutdown (graceful) and /stop (power off). Then release the VM's connections on its host. */
export function stopVm(e: Engine, vmId: string, how: 'shutdown' | 'stop', correlationId?: string): JobRun {
  const vm = e.vm(vmId);
  if (vm.status === 'down') throw backendFailure(409, `Cannot ${how === 'stop' ? 'stop' : 'shutdown'} VM. VM is not running.`);
  if (vm.status === 'migrating' || vm.status === 'wait_for_launch') {
    throw backendFailure(409, `Cannot ${how === 'stop' ? 'stop' : 'shutdown'} VM because the VM is in ${vmStatusName(vm.status)} status.`);
  }
  const corr = correlationId ? { correlationId } : {};
  const job = e.startJob(how === 'stop' ? `Stopping VM ${vm.name}` : `Shutting down VM ${vm.name}`, correlationId);
  const hostId = vm.hostId;
  vm.status = 'powering_down';
  e.event(how === 'stop' ? 33 : 73, 'normal', how === 'stop' ? `VM ${vm.name} powered off by ${USER} (Host: ${e.hostName(hostId)}).` : `VM shutdown initiated by ${USER} on VM ${vm.name} (Host: ${e.hostName(hostId)}).`, { vmId: vm.id, ...corr });
  e.background(async () => {
    const step = job.step(how === 'stop' ? `Powering off ${vm.name} on ${e.hostName(hostId)}` : `Shutting down ${vm.name} on ${e.hostName(hostId)}`, { hostId });
    await e.delay(how === 'stop' ? 'powerOff' : 'shutdown');
    vm.status = 'down';
    delete vm.hostId;
    for (const a of e.attachmentsOfVm(vm.id)) delete a.logicalName;
    step.finish(`${vm.name} is down`);
    e.event(61, 'normal', `VM ${vm.name} is down. Exit message: User shut down from within the guest`, { vmId: vm.id, ...corr });
    if (hostId) await releaseVmConnections(e, job, vm, hostId);
    job.finish();
  });
  return job;
}

async function releaseVmConnections(e: Engine, job: JobRun, vm: EmVm, hostId: string) {
  const prefix = `vm:${vm.id}/`;
  const rel = job.step(`Releasing on ${e.hostName(hostId)} the connections ${vm.name} no longer needs`, { hostId });
  const outcomes = await releaseOnHost(e, hostId, (h) => h.startsWith(prefix));
  rel.finish(outcomes.length > 0 ? outcomes.map((o) => o.text).join('; ') : `${vm.name} held no connection on ${e.hostName(hostId)}`);
}

/** POST /vms/{id}/migrate: assert or connect the targets on the destination first; a failure leaves the VM where it was. */
export function migrateVm(e: Engine, vmId: string, destHostId: string | undefined, correlationId?: string): JobRun {
  const vm = e.vm(vmId);
  if (vm.status === 'down') throw backendFailure(409, 'Cannot migrate VM. VM is not running.');
  if (vm.status !== 'up') throw backendFailure(409, `Cannot migrate ${TYPE.vm} because the VM is in ${vmStatusName(vm.status)} status.`);
  if (e.attachmentsOfVm(vm.id).some((a) => a.active && a.usesScsiReservation)) {
    throw backendFailure(409, 'Cannot migrate VM. VM uses SCSI reservation.');
  }
  const sourceId = vm.hostId;
  if (!sourceId) throw backendFailure(409, 'Cannot migrate VM. VM is not running.');
  let dest: EmHost | undefined;
  if (destHostId) {
    dest = e.findHost(destHostId);
    if (!dest) throw backendFailure(404, `Entity not found: ${destHostId}`);
    if (dest.id === sourceId) throw backendFailure(409, 'Cannot migrate VM. Source and destination hosts are the same.');
    if (dest.status !== 'up') throw backendFailure(409, 'Cannot migrate VM. Operation can be performed only when Host status is Up.');
  } else {
    dest = hostPreference(e, vm, [sourceId])[0];
    if (!dest) {
      throw backendFailure(400, 'Cannot migrate VM. There is no host that satisfies current scheduling constraints. See below for details:', `The host ${e.hostName(sourceId)} did not satisfy internal filter Migration because it is the source host.`);
    }
  }
  const d = dest;
  const source = e.host(sourceId);
  const job = e.startJob(`Migrating VM ${vm.name} from Host ${source.name} to Host ${d.name}`, correlationId);
  vm.status = 'migrating';
  e.event(62, 'normal', `Migration started (VM: ${vm.name}, Source: ${source.name}, Destination: ${d.name}, User: ${USER}).`, { vmId: vm.id, ...(correlationId ? { correlationId } : {}) });
  e.background(() => migrate(e, vm, job, source, d, correlationId));
  return job;
}

async function migrate(e: Engine, vm: EmVm, job: JobRun, source: EmHost, dest: EmHost, correlationId?: string) {
  const corr = correlationId ? { correlationId } : {};
  const started = e.now();
  const reqs = requiredConnections(e, vm);
  const opHolder = holders.operation(job.id);
  const connect = job.step(`Making sure destination ${dest.name} is connected to what ${vm.name} needs`, { hostId: dest.id });
  const r = await connectAll(e, dest, reqs, opHolder);
  if (!r.ok) {
    connect.fail(`${dest.name} could not connect: ${r.detail}`);
    vm.status = 'up';
    const outs = await releaseOnHost(e, dest.id, (x) => x === opHolder);
    if (outs.length > 0) job.note(outs.map((o) => o.text).join('; '));
    job.note(`${vm.name} stays on ${source.name}`, { failed: true });
    job.fail();
    e.event(65, 'error', `Migration failed (VM: ${vm.name}, Source: ${source.name}, Destination: ${dest.name}): ${r.detail}.`, { vmId: vm.id, hostId: dest.id, ...corr });
    return;
  }
  connect.finish(r.detail);
  const move = job.step(`Migrating ${vm.name} from ${source.name} to ${dest.name}`, { hostId: dest.id });
  await e.delay('migrate');
  if (dest.status !== 'up' || vm.status !== 'migrating') {
    move.fail(`${dest.name} is no longer available; ${vm.name} stays on ${source.name}`);
    if (vm.status === 'migrating') vm.status = 'up';
    await releaseOnHost(e, dest.id, (x) => x === opHolder);
    job.fail();
    return;
  }
  for (const req of reqs) if (req.keepHolder) await connectLun(e, dest, req.lun, req.conns, req.keepHolder);
  await releaseOnHost(e, dest.id, (x) => x === opHolder);
  vm.hostId = dest.id;
  vm.status = 'up';
  sendRunSpecs(e, vm, dest.id, 'migrate');
  move.finish(`${vm.name} now runs on ${dest.name}`);
  await releaseVmConnections(e, job, vm, source.id);
  job.finish();
  const secs = Math.max(1, Math.round((e.now() - started) / 1000));
  e.event(63, 'normal', `Migration completed (VM: ${vm.name}, Source: ${source.name}, Destination: ${dest.name}, Duration: ${secs} seconds).`, { vmId: vm.id, hostId: dest.id, ...corr });
}

/** Fault injection: a host crashes. Its sessions are gone; HA VMs restart elsewhere, other VMs go down. */
export function crashHost(e: Engine, hostId: string): void {
  const host = e.host(hostId);
  host.status = 'non_responsive';
  e.state.sessions = dropHost(e.state.sessions, hostId);
  e.event(12, 'error', `Host ${host.name} is non responsive.`, { hostId });
  for (const vm of e.state.vms.filter((v) => v.hostId === hostId)) {
    for (const a of e.attachmentsOfVm(vm.id)) delete a.logicalName;
    if (vm.ha.enabled) {
      vm.status = 'unknown';
      const job = e.startJob(`Restarting highly available VM ${vm.name}`, undefined);
      job.note(`${host.name} failed; ${vm.name} is highly available, so the engine restarts it on another host`, { hostId });
      e.event(9602, 'warning', `Highly Available VM ${vm.name} failed. It will be restarted automatically.`, { vmId: vm.id, hostId });
      delete vm.hostId;
      vm.status = 'wait_for_launch';
      e.background(() => runVm(e, vm, job, { exclude: [hostId] }).then(() => undefined));
    } else {
      vm.status = 'down';
      delete vm.hostId;
      e.event(61, 'error', `VM ${vm.name} is down. Exit message: host ${host.name} became non responsive; the VM is not highly available.`, { vmId: vm.id, hostId });
    }
  }
  e.changed();
}

/** The host comes back: Up again, reconnected to its data center's block storage domains. */
export function recoverHost(e: Engine, hostId: string): void {
  const host = e.host(hostId);
  host.status = 'up';
  e.event(16, 'normal', `Status of host ${host.name} was set to Up.`, { hostId });
  const dc = e.dataCenterOfCluster(host.clusterId);
  e.background(async () => {
    for (const sd of e.state.storageDomains) {
      if (sd.storageType !== 'iscsi' || !dc) continue;
      const conns = sd.connectionIds.map((id) => e.state.connections.find((c) => c.id === id)).filter((c): c is EmConnection => !!c);
      const lunId = sd.lunIds[0];
      if (lunId) await connectLun(e, host, { id: lunId, type: 'iscsi' }, conns, holders.storageDomain(sd.id));
    }
  });
}

