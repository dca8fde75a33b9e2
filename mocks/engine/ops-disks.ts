// Direct-LUN disks and disk attachments: create (floating or on a VM, with the seed's connect-on-the-pool
// design), attach, plug / unplug, edit, detach and remove. Validations and texts follow the engine
// (reference/engine-rest-api.md §4.2–4.6) and are enforced here whatever the console pre-validates.
import { holders } from './connection-refs';
import { ALIAS_MAX, DESCRIPTION_MAX } from '../../src/domain/disk-naming';
import type { DiskInterface, Sgio } from '../../src/domain/model';
import { sendHotplugSpec } from './devices';
import { USER, type Engine, type JobRun, type StepRun } from './engine';
import { ACTION, TYPE, backendFailure, cannot, incompleteParameters, interfaceName, vmStatusName, type Action } from './messages';
import { connectDisk, connectLun, hostLuns, lunVisibleOnHost, releaseOnHost } from './ops-storage';
import type { EmAttachment, EmConnection, EmDisk, EmHost, EmLunDisk, EmLunRecord, EmVm } from './state';

export interface LunDiskInput {
  alias?: string | undefined;
  description?: string | undefined;
  shareable?: boolean | undefined;
  propagateErrors?: boolean | undefined;
  sgio?: Sgio | 'disabled' | undefined;
  lunType?: string | undefined;
  hostId?: string | undefined;
  lu?:
    | {
        id?: string | undefined;
        address?: string | undefined;
        port?: number | undefined;
        target?: string | undefined;
        username?: string | undefined;
        password?: string | undefined;
      }
    | undefined;
}

export interface AttachmentInput {
  interface?: DiskInterface | undefined;
  bootable?: boolean | undefined;
  active?: boolean | undefined;
  readOnly?: boolean | undefined;
  passDiscard?: boolean | undefined;
  usesScsiReservation?: boolean | undefined;
}

// The same limits the console checks (src/domain/disk-naming.ts); the engine enforces them whatever it was sent.
const ALIAS_RE = /^[\p{L}\p{N}._-]*$/u;
const RUNNING = new Set(['up', 'paused']);
const PLUGGABLE_VM_STATUSES = new Set(['up', 'paused', 'down']);

export function isRunning(vm: EmVm): boolean {
  return RUNNING.has(vm.status);
}

// ---- validation ------------------------------------------------------------------------------------------

function validateLunInput(input: LunDiskInput): { type: 'iscsi' | 'fcp'; lu: NonNullable<LunDiskInput['lu']> & { id: string } } {
  if (!input.lunType) throw incompleteParameters('Disk', ['lunStorage.type'], 'add');
  const lu = input.lu;
  if (!lu?.id) throw incompleteParameters('LogicalUnit', ['id'], 'add');
  if (input.lunType !== 'iscsi' && input.lunType !== 'fcp') {
    throw backendFailure(409, cannot(ACTION.add, TYPE.disk, 'The provided lun has no valid lun type.'));
  }
  if (input.lunType === 'iscsi') {
    const missing = (['address', 'port', 'target'] as const).filter((k) => lu[k] === undefined || lu[k] === '');
    if (missing.length > 0) throw incompleteParameters('LogicalUnit', missing, 'add');
  }
  return { type: input.lunType, lu: { ...lu, id: lu.id } };
}

function validateNameAndDescription(action: Action, alias: string | undefined, description: string | undefined) {
  if (alias !== undefined && (!ALIAS_RE.test(alias) || alias.length > ALIAS_MAX)) {
    throw backendFailure(400, 'Disk alias name must be formed of alpha-numeric characters or "-_."');
  }
  if (description !== undefined && description.length > DESCRIPTION_MAX) {
    throw backendFailure(400, cannot(action, TYPE.disk, `Disk description must not exceed ${DESCRIPTION_MAX} characters.`));
  }
}

function lunInUse(e: Engine, lunId: string) {
  if (e.diskOfLun(lunId)) throw backendFailure(409, cannot(ACTION.add, TYPE.disk, 'The provided lun is used by another disk.'));
}

function requireVmStatus(vm: EmVm, action: Action, allowed: Set<string>) {
  if (!allowed.has(vm.status)) {
    throw backendFailure(409, `Cannot ${action} ${TYPE.disk} because the VM is in ${vmStatusName(vm.status)} status.`);
  }
}

/** The per-VM checks shared by add, attach and edit (DiskVmElementValidator, DiskValidator). */
function validateVmElement(
  e: Engine,
  action: Action,
  vm: EmVm,
  disk: { id?: string; alias: string; sgio?: Sgio | undefined; discardMaxSize: number | undefined },
  a: Required<Pick<AttachmentInput, 'interface'>> & AttachmentInput,
) {
  if (a.interface === 'virtio_scsi' && !vm.virtioScsi) {
    throw backendFailure(409, cannot(action, TYPE.disk, 'VirtIO-SCSI is disabled for the VM'));
  }
  if (a.readOnly && (a.interface === 'ide' || a.interface === 'sata')) {
    throw backendFailure(400, cannot(action, TYPE.disk, `${interfaceName(a.interface)} disks can't be read-only.`));
  }
  // Whatever the interface: sgio stays on the disk even where the engine ignores it (reference §4.6).
  if (a.readOnly && disk.sgio) {
    throw backendFailure(400, cannot(action, TYPE.disk, 'SCSI device pass-through is not supported for a read-only disk.'));
  }
  if (a.passDiscard) {
    if (a.interface === 'spapr_vscsi') {
      throw backendFailure(400, cannot(action, TYPE.disk, `Enable discard for ${disk.alias} is supported only by VirtIO-SCSI and IDE disk interfaces.`));
    }
    if (!disk.discardMaxSize) {
      throw backendFailure(400, cannot(action, TYPE.disk, `Enable discard for ${disk.alias} is not supported by the underlying storage.`));
    }
  }
  if (a.usesScsiReservation && disk.sgio !== 'unfiltered') {
    throw backendFailure(409, cannot(action, TYPE.disk, 'SCSI reservation can be set only when SGIO is unfiltered.'));
  }
  if (a.bootable) {
    const other = e
      .attachmentsOfVm(vm.id)
      .find((x) => x.bootable && x.diskId !== disk.id);
    if (other) {
      const name = e.findDisk(other.diskId)?.alias ?? other.diskId;
      throw backendFailure(409, cannot(action, TYPE.disk, `Disk ${name} in VM ${vm.name} is already marked as boot.`));
    }
  }
}

/** VmCommand.isDiskSupportedForPlugUnPlug on x86: only VirtIO and VirtIO-SCSI are hot-pluggable. */
function hotplugInterfaceProblem(action: Action, alias: string, vm: EmVm, iface: DiskInterface): string | undefined {
  if (iface === 'ide') return `Cannot ${action} ${alias} to ${vm.name}. Hot plugging a disk to an IDE interface is not supported.`;
  if (iface === 'spapr_vscsi') return `Cannot ${action} ${alias} to ${vm.name}. Hot plugging a disk to a sPAPR VSCSI interface is not supported.`;
  if (iface === 'sata') return `Cannot ${action} ${TYPE.disk}: The disk interface is not supported by the VM OS: Other OS.`;
  return undefined;
}

// ---- connections of a new disk ---------------------------------------------------------------------------

function findOrCreateConnection(e: Engine, c: Omit<EmConnection, 'id' | 'type'>): EmConnection {
  // Reuse a stored connection with the same details (ISCSIStorageHelper.findConnectionWithSameDetails).
  const same = e.state.connections.find(
    (x) => x.address === c.address && x.port === c.port && x.target === c.target && x.username === c.username && x.password === c.password,
  );
  if (same) return same;
  const conn: EmConnection = { id: e.newId(0xc0), type: 'iscsi', ...c };
  e.state.connections.push(conn);
  return conn;
}

/**
 * The connections a new LUN disk gets. With `lun_storage.host` the engine stores the host's view of the LUN: the
 * paths of that host's sessions and their CHAP user *and password* (VDSM puts them into each path's
 * connection, reference §4.2), whatever the request said. Without a host, what the request says.
 */
function requestedConnections(e: Engine, type: 'iscsi' | 'fcp', lu: NonNullable<LunDiskInput['lu']> & { id: string }, hostId: string | undefined): EmConnection[] {
  const host = hostId ? e.findHost(hostId) : undefined;
  const session = host && type === 'iscsi' ? hostLuns(e, host).find((x) => x.lun.id === lu.id)?.session : undefined;
  if (session) {
    const target = e.target(session.target);
    // A logged-in session with a user proves the target's CHAP pair was right: the host's credentials are it.
    const chap = session.username && target?.chap?.username === session.username ? { username: session.username, password: target.chap.password } : {};
    return [{ id: 'pending', type: 'iscsi', address: session.address, port: session.port, target: session.target, ...chap }];
  }
  return prospectiveConnections(type, lu);
}

function prospectiveConnections(type: 'iscsi' | 'fcp', lu: NonNullable<LunDiskInput['lu']>): EmConnection[] {
  if (type !== 'iscsi' || !lu.address || !lu.target) return [];
  return [
    {
      id: 'pending',
      type: 'iscsi',
      address: lu.address,
      port: lu.port ?? 3260,
      target: lu.target,
      ...(lu.username ? { username: lu.username } : {}),
      ...(lu.password ? { password: lu.password } : {}),
    },
  ];
}

function lunRecord(e: Engine, type: 'iscsi' | 'fcp', lu: NonNullable<LunDiskInput['lu']> & { id: string }, hostId: string | undefined, conns: EmConnection[]): EmLunRecord {
  const san = hostId ? e.lun(lu.id) : undefined;
  // With a host the host's view replaces the request; without one the engine stores nothing it did not get
  // (size 0 until "refresh LUN", reference §4.2).
  return {
    id: lu.id,
    type,
    size: san ? Math.floor(san.size / 2 ** 30) * 2 ** 30 : 0,
    ...(san
      ? { vendorId: san.vendorId, productId: san.productId, serial: san.serial, lunMapping: san.lunMapping, discardMaxSize: san.discardMaxSize }
      : {}),
    connectionIds: conns.map((c) => c.id),
  };
}

// ---- create --------------------------------------------------------------------------------------------

function diskFromInput(e: Engine, input: LunDiskInput, type: 'iscsi' | 'fcp', lu: NonNullable<LunDiskInput['lu']> & { id: string }, suggestedAlias: string): EmLunDisk {
  const conns = requestedConnections(e, type, lu, input.hostId).map(({ id: _id, type: _t, ...c }) => findOrCreateConnection(e, c));
  return {
    kind: 'lun',
    id: e.newId(0xd15c),
    alias: input.alias || suggestedAlias,
    description: input.description ?? '',
    shareable: input.shareable ?? false,
    propagateErrors: input.propagateErrors ?? false,
    wipeAfterDelete: false,
    ...(input.sgio && input.sgio !== 'disabled' ? { sgio: input.sgio } : {}),
    lun: lunRecord(e, type, lu, input.hostId, conns),
  };
}

function checkHostSeesLun(e: Engine, action: Action, hostId: string | undefined, lunId: string) {
  if (!hostId) return;
  const host = e.host(hostId);
  if (!lunVisibleOnHost(e, host, lunId)) {
    throw backendFailure(400, cannot(action, TYPE.disk, 'The provided LUN is not visible by the specified host, please check storage server connectivity.'));
  }
}

/** POST /disks with lun_storage: a floating direct-LUN disk. Synchronous: 201 with the disk. */
export async function createFloatingLunDisk(e: Engine, input: LunDiskInput, correlationId?: string): Promise<EmLunDisk> {
  const { type, lu } = validateLunInput(input);
  validateNameAndDescription(ACTION.add, input.alias, input.description);
  lunInUse(e, lu.id);
  const job = e.startJob(`Adding Disk ${input.alias || lu.id}`, correlationId);
  job.note('Validating', { type: 'validating' });
  try {
    if (input.hostId) {
      const step = job.step(`Checking that ${e.hostName(input.hostId)} sees LUN ${lu.id}`, { hostId: input.hostId });
      await e.delay('deviceList', 0.3);
      try {
        checkHostSeesLun(e, ACTION.add, input.hostId, lu.id);
        step.finish(`${e.hostName(input.hostId)} sees LUN ${lu.id}`);
      } catch (err) {
        step.fail(`${e.hostName(input.hostId)} does not see LUN ${lu.id}`);
        throw err;
      }
    }
    const create = job.step(`Creating disk ${input.alias || '_Disk1'} from LUN ${lu.id}`);
    await e.delay('createDisk');
    // Checked again: someone may have taken the LUN while we waited on the host.
    lunInUse(e, lu.id);
    const disk = diskFromInput(e, input, type, lu, '_Disk1');
    e.state.disks.push(disk);
    create.finish(`Created disk ${disk.alias} from LUN ${lu.id}`);
    job.finish();
    e.event(2021, 'normal', `The disk ${disk.alias} was successfully added.`, { diskId: disk.id, ...(correlationId ? { correlationId } : {}) });
    return disk;
  } catch (err) {
    job.fail();
    throw err;
  }
}

/**
 * The seed's "adding a new LUN to a VM": connect the LUN's targets on every Up host of the pool at once, wait
 * for the chosen host, and if it fails take the next result; the first success decides. The others finish in
 * the background and then let go (their `op:` holder) unless something else needs the target.
 */
async function connectOnPool(
  e: Engine,
  job: JobRun,
  lun: { id: string; type: 'iscsi' | 'fcp' },
  conns: EmConnection[],
  dataCenterId: string | undefined,
  chosenId: string | undefined,
): Promise<{ ok: true; hostId: string } | { ok: false; failures: string[] }> {
  const hostsUp = e.upHostsOfDataCenter(dataCenterId);
  const dcName = e.state.dataCenters.find((d) => d.id === dataCenterId)?.name ?? 'the data center';
  const chosen = hostsUp.find((h) => h.id === chosenId) ?? hostsUp[0];
  const what = lun.type === 'fcp' ? `FC LUN ${lun.id}` : `the targets of LUN ${lun.id}`;
  const parent = job.step(
    `Connecting ${what} on the Up hosts of ${dcName}${chosen ? ` (chosen host: ${chosen.name})` : ''}`,
  );
  if (!chosen) {
    parent.fail(`No host in ${dcName} is Up`);
    return { ok: false, failures: [`No host in data center ${dcName} is Up.`] };
  }
  const holder = holders.operation(job.id);
  const order = [chosen, ...hostsUp.filter((h) => h !== chosen)];
  type R = { host: EmHost; ok: boolean; detail: string };
  const results = new Map<string, Promise<R>>();
  for (const h of order) {
    const label = conns[0] ? `${conns[0].target} at ${conns[0].address}:${conns[0].port}` : `FC LUN ${lun.id}`;
    const child = job.step(`${h.name}: connecting to ${label}`, { parent, hostId: h.id });
    results.set(
      h.id,
      connectLun(e, h, lun, conns, holder).then((r) => {
        if (r.ok) child.finish(r.detail);
        else child.fail(r.detail);
        return { host: h, ok: r.ok, detail: r.detail };
      }),
    );
  }
  // Wait on the chosen host first; if it fails, take whichever of the others answers next.
  const failures: string[] = [];
  const pending = new Map(results);
  let winner: R | undefined;
  const first = await pending.get(chosen.id);
  pending.delete(chosen.id);
  if (first?.ok) winner = first;
  else if (first) failures.push(`Host ${first.host.name}: ${first.detail}.`);
  while (!winner && pending.size > 0) {
    const next = await Promise.race([...pending.values()]);
    pending.delete(next.host.id);
    if (next.ok) winner = next;
    else failures.push(`Host ${next.host.name}: ${next.detail}.`);
  }
  // Whatever else is still connecting finishes in the background and then lets go of its temporary hold.
  e.background(async () => {
    await Promise.allSettled([...results.values()]);
    for (const h of order) await releaseOnHost(e, h.id, (x) => x === holder);
  });
  if (!winner) {
    parent.fail(`No Up host of ${dcName} could connect ${what}`);
    return { ok: false, failures };
  }
  parent.finish(
    winner.host === chosen
      ? `${chosen.name} connected first; the other hosts finish in the background`
      : `${chosen.name} could not connect; ${winner.host.name} succeeded, so the LUN is usable`,
  );
  return { ok: true, hostId: winner.host.id };
}

function attachmentFrom(vm: EmVm, diskId: string, a: AttachmentInput & { interface: DiskInterface }): EmAttachment {
  return {
    vmId: vm.id,
    diskId,
    interface: a.interface,
    bootable: a.bootable ?? false,
    active: false,
    readOnly: a.readOnly ?? false,
    passDiscard: a.passDiscard ?? false,
    usesScsiReservation: a.usesScsiReservation ?? false,
  };
}

function requireInterface(a: AttachmentInput): asserts a is AttachmentInput & { interface: DiskInterface } {
  if (!a.interface) throw backendFailure(400, 'Interface is required');
}

/** POST /vms/{id}/diskattachments without disk.id: create a direct-LUN disk, attach it, plug it if asked. */
export async function createLunDiskOnVm(
  e: Engine,
  vmId: string,
  input: LunDiskInput,
  a: AttachmentInput,
  correlationId?: string,
): Promise<EmAttachment> {
  const vm = e.vm(vmId);
  const { type, lu } = validateLunInput(input);
  requireInterface(a);
  validateNameAndDescription(ACTION.add, input.alias, input.description);
  lunInUse(e, lu.id);
  requireVmStatus(vm, ACTION.add, PLUGGABLE_VM_STATUSES);
  const san = e.lun(lu.id);
  const sgio = input.sgio && input.sgio !== 'disabled' ? input.sgio : undefined;
  const alias = input.alias || `${vm.name}_Disk${e.attachmentsOfVm(vm.id).length + 1}`;
  validateVmElement(e, ACTION.add, vm, { alias, sgio, discardMaxSize: input.hostId ? san?.discardMaxSize : 0 }, a);
  checkHostSeesLun(e, ACTION.add, input.hostId, lu.id);
  // Down VM: plugged unless active is false. Running: plugged only when active is true (reference §4.3).
  const wantActive = vm.status === 'down' ? a.active !== false : a.active === true;

  const job = e.startJob(`Adding Disk ${alias} to VM ${vm.name}`, correlationId);
  job.note('Validating', { type: 'validating' });
  const dc = e.dataCenterOfCluster(vm.clusterId);
  const conns = requestedConnections(e, type, lu, input.hostId);
  const chosen = vm.hostId ?? input.hostId;
  const pool = await connectOnPool(e, job, { id: lu.id, type }, conns, dc?.id, chosen);
  if (!pool.ok) {
    job.fail();
    e.event(2022, 'error', `Add-Disk operation failed to complete: no host could connect LUN ${lu.id}.`, { vmId: vm.id, ...(correlationId ? { correlationId } : {}) });
    throw backendFailure(400, cannot(ACTION.add, TYPE.disk, 'Error storage server connection.'), ...pool.failures);
  }
  const create = job.step(`Creating disk ${alias} from LUN ${lu.id} and attaching it to ${vm.name} (${interfaceName(a.interface)})`);
  await e.delay('createDisk');
  try {
    lunInUse(e, lu.id);
  } catch (err) {
    create.fail(`LUN ${lu.id} was taken by another disk meanwhile`);
    job.fail();
    throw err;
  }
  const disk = diskFromInput(e, { ...input, alias, hostId: input.hostId ?? pool.hostId }, type, lu, alias);
  e.state.disks.push(disk);
  const att = attachmentFrom(vm, disk.id, a);
  e.state.attachments.push(att);
  create.finish(`Created disk ${alias} and attached it to ${vm.name}`);
  e.event(97, 'normal', `The disk ${alias} was successfully added to VM ${vm.name}.`, { vmId: vm.id, diskId: disk.id, ...(correlationId ? { correlationId } : {}) });

  let plugOk = true;
  if (wantActive) plugOk = await plug(e, job, vm, att, correlationId);
  job[plugOk ? 'finish' : 'fail']();
  return att;
}

/** POST /vms/{id}/diskattachments with disk.id: AttachDiskToVm (active defaults to false here). */
export async function attachExistingDisk(e: Engine, vmId: string, diskId: string, a: AttachmentInput, correlationId?: string): Promise<EmAttachment> {
  const vm = e.vm(vmId);
  requireInterface(a);
  const disk = e.findDisk(diskId);
  if (!disk) throw backendFailure(400, cannot(ACTION.attach, TYPE.disk, 'The specified disk does not exist.'));
  requireVmStatus(vm, ACTION.attach, PLUGGABLE_VM_STATUSES);
  const others = e.attachmentsOfDisk(diskId);
  if (others.some((x) => x.vmId === vm.id)) throw backendFailure(409, cannot(ACTION.attach, TYPE.disk, 'The disk is already attached to VM.'));
  if (!disk.shareable && others.length > 0) {
    throw backendFailure(409, cannot(ACTION.attach, TYPE.disk, 'The disk is not shareable and is already attached to a VM.'));
  }
  validateVmElement(e, ACTION.attach, vm, { id: disk.id, alias: disk.alias, sgio: disk.kind === 'lun' ? disk.sgio : undefined, discardMaxSize: disk.kind === 'lun' ? disk.lun.discardMaxSize : 1 }, a);
  const active = a.active === true;
  if (active && isRunning(vm)) {
    const problem = hotplugInterfaceProblem(ACTION.attach, disk.alias, vm, a.interface);
    if (problem) throw backendFailure(400, problem);
  }
  const job = e.startJob(`Attaching Disk ${disk.alias} to VM ${vm.name}`, correlationId);
  job.note('Validating', { type: 'validating' });
  const att = attachmentFrom(vm, disk.id, a);
  if (active && isRunning(vm)) {
    // The hot plug runs inside the attach: a connection failure fails the whole attach (AttachDiskToVmCommand).
    const ok = await plug(e, job, vm, att, correlationId, { attachOnSuccess: true });
    if (!ok) {
      job.fail();
      const failed = e.state.steps.filter((s) => s.jobId === job.id && s.status === 'failed').at(-1);
      e.event(2017, 'error', `Failed to attach Disk ${disk.alias} to VM ${vm.name} (User: ${USER}).`, { vmId: vm.id, diskId: disk.id, ...(correlationId ? { correlationId } : {}) });
      throw backendFailure(400, plugFailureMessage(failed?.description));
    }
  } else {
    e.state.attachments.push(att);
    job.note(`Attached ${disk.alias} to ${vm.name} (${interfaceName(att.interface)})`);
    if (active) {
      att.active = true;
      noteRequiredConnections(e, job, vm, disk);
    }
  }
  job.finish();
  e.event(2016, 'normal', `Disk ${disk.alias} was successfully attached to VM ${vm.name} by ${USER}.`, { vmId: vm.id, diskId: disk.id, ...(correlationId ? { correlationId } : {}) });
  return att;
}

function noteRequiredConnections(e: Engine, job: JobRun, vm: EmVm, disk: EmDisk) {
  if (disk.kind !== 'lun' || vm.status !== 'down') return;
  const targets = disk.lun.type === 'fcp' ? [`FC LUN ${disk.lun.id}`] : disk.lun.connectionIds.map((id) => e.state.connections.find((c) => c.id === id)?.target ?? id);
  job.note(`${vm.name} is down: ${targets.join(', ')} joined its required connections; they are connected on the host that runs it next`);
}

export interface PlugFailure {
  step: StepRun;
  reason: string;
}

/**
 * Plug one attachment. A down VM only flips the flag. A running VM: assert or connect the LUN's targets on
 * its host (holder: this disk on this VM), then hot plug and send the host the device spec. Returns false,
 * with the failure on the job and in the events, when the connection or the plug failed.
 */
export async function plug(
  e: Engine,
  job: JobRun,
  vm: EmVm,
  att: EmAttachment,
  correlationId?: string,
  opts: { attachOnSuccess?: boolean } = {},
): Promise<boolean> {
  const disk = e.disk(att.diskId);
  const corr = correlationId ? { correlationId } : {};
  if (!isRunning(vm)) {
    if (opts.attachOnSuccess) e.state.attachments.push(att);
    att.active = true;
    noteRequiredConnections(e, job, vm, disk);
    return true;
  }
  const host = e.findHost(vm.hostId);
  const fail = (step: StepRun, text: string) => {
    step.fail(text);
    e.event(2001, 'error', `Failed to plug disk ${disk.alias} to VM ${vm.name} (User: ${USER}). ${text}.`, { vmId: vm.id, diskId: disk.id, ...(host ? { hostId: host.id } : {}), ...corr });
    return false;
  };
  const problem = hotplugInterfaceProblem(ACTION.hotPlug, disk.alias, vm, att.interface);
  if (problem) return fail(job.step(`Hot plugging ${disk.alias} into ${vm.name}`), problem);
  if (!host) return fail(job.step(`Hot plugging ${disk.alias} into ${vm.name}`), `${vm.name} has no host`);
  if (disk.kind === 'lun') {
    const what = disk.lun.type === 'fcp' ? `FC LUN ${disk.lun.id}` : 'the target of the LUN';
    const step = job.step(`Making sure ${host.name} (running ${vm.name}) is connected to ${what}`, { hostId: host.id });
    const r = await connectDisk(e, host, disk, holders.vmDisk(vm.id, disk.id));
    if (!r.ok) return fail(step, r.detail);
    step.finish(r.already ? `${host.name} was already connected (${r.detail})` : r.detail);
  }
  const step = job.step(`Hot plugging ${disk.alias} into ${vm.name} on ${host.name}`, { hostId: host.id });
  await e.delay('plug');
  if (opts.attachOnSuccess) e.state.attachments.push(att);
  att.active = true;
  const spec = sendHotplugSpec(e, vm, att);
  step.finish(`Plugged ${disk.alias} into ${vm.name}${spec ? ` as ${spec.iface} #${spec.index}` : ''}`);
  e.event(2000, 'normal', `VM ${vm.name} disk ${disk.alias} was plugged by ${USER}.`, { vmId: vm.id, diskId: disk.id, hostId: host.id, ...corr });
  return true;
}

/** Unplug one attachment: unplug on the host, then release this disk's hold on its targets there. */
export async function unplug(e: Engine, job: JobRun, vm: EmVm, att: EmAttachment, correlationId?: string): Promise<void> {
  const disk = e.disk(att.diskId);
  att.active = false;
  if (!isRunning(vm) || !vm.hostId) {
    att.active = false;
    job.note(`${vm.name} is down: ${disk.alias} is marked inactive`);
    return;
  }
  const hostId = vm.hostId;
  const step = job.step(`Unplugging ${disk.alias} from ${vm.name} on ${e.hostName(hostId)}`, { hostId });
  await e.delay('unplug');
  delete att.logicalName;
  step.finish(`Unplugged ${disk.alias} from ${vm.name}`);
  e.event(2002, 'normal', `VM ${vm.name} disk ${disk.alias} was unplugged by ${USER}.`, { vmId: vm.id, diskId: disk.id, hostId, ...(correlationId ? { correlationId } : {}) });
  if (disk.kind === 'lun') {
    const holder = holders.vmDisk(vm.id, disk.id);
    const rel = job.step(`Releasing the connections of ${disk.alias} on ${e.hostName(hostId)}`, { hostId });
    const outcomes = await releaseOnHost(e, hostId, (h) => h === holder);
    rel.finish(outcomes.length > 0 ? outcomes.map((o) => o.text).join('; ') : `${disk.alias} held no connection on ${e.hostName(hostId)}`);
  }
}

export interface AttachmentUpdateInput extends AttachmentInput {
  disk?: { alias?: string | undefined; description?: string | undefined; shareable?: boolean | undefined; sgio?: Sgio | 'disabled' | undefined; propagateErrors?: boolean | undefined } | undefined;
}

/** PUT /vms/{id}/diskattachments/{diskId}: plug/unplug when `active` changes, then update the rest. */
export async function updateAttachment(e: Engine, vmId: string, diskId: string, u: AttachmentUpdateInput, correlationId?: string): Promise<EmAttachment> {
  const vm = e.vm(vmId);
  const att = e.state.attachments.find((a) => a.vmId === vmId && a.diskId === diskId);
  if (!att) throw backendFailure(400, cannot(ACTION.edit, TYPE.disk, `The disk ${e.findDisk(diskId)?.alias ?? diskId} is not attached to the VM ${vm.name}.`));
  const disk = e.disk(diskId);
  if (u.active !== undefined && u.active !== att.active) {
    const action = u.active ? ACTION.hotPlug : ACTION.hotUnplug;
    requireVmStatus(vm, action, PLUGGABLE_VM_STATUSES);
    if (isRunning(vm)) {
      const problem = hotplugInterfaceProblem(action, disk.alias, vm, u.interface ?? att.interface);
      if (problem) throw backendFailure(400, problem);
    }
    const job = e.startJob(`${u.active ? 'Activating' : 'Deactivating'} Disk ${disk.alias} on VM ${vm.name}`, correlationId);
    job.note('Validating', { type: 'validating' });
    if (u.active) {
      const ok = await plug(e, job, vm, att, correlationId);
      if (!ok) {
        job.fail();
        const failed = e.state.steps.filter((s) => s.jobId === job.id && s.status === 'failed').at(-1);
        throw backendFailure(400, plugFailureMessage(failed?.description));
      }
    } else {
      await unplug(e, job, vm, att, correlationId);
    }
    job.finish();
  }
  // The REST update plugs or unplugs only when `active` differs; an equal value is no plug at all, and the rest of
  // the body goes to UpdateDisk either way (BackendDiskAttachmentResource.update, reference §4.4).
  applyEdits(e, vm, att, disk, u, correlationId);
  return att;
}

function plugFailureMessage(stepText: string | undefined): string {
  return stepText && /cannot|not zoned|rejected|refused|not Up|no host/i.test(stepText) ? `Error storage server connection: ${stepText}` : (stepText ?? 'Error storage server connection');
}

function applyEdits(e: Engine, vm: EmVm, att: EmAttachment, disk: EmDisk, u: AttachmentUpdateInput, correlationId?: string) {
  const changes = {
    interface: u.interface !== undefined && u.interface !== att.interface,
    bootable: u.bootable !== undefined && u.bootable !== att.bootable,
    readOnly: u.readOnly !== undefined && u.readOnly !== att.readOnly,
    sgio: u.disk?.sgio !== undefined && (u.disk.sgio === 'disabled' ? undefined : u.disk.sgio) !== (disk.kind === 'lun' ? disk.sgio : undefined),
    shareable: u.disk?.shareable !== undefined && u.disk.shareable !== disk.shareable,
    propagate: u.disk?.propagateErrors !== undefined && u.disk.propagateErrors !== disk.propagateErrors,
    reservation: u.usesScsiReservation !== undefined && u.usesScsiReservation !== att.usesScsiReservation,
    passDiscard: u.passDiscard !== undefined && u.passDiscard !== att.passDiscard,
    alias: u.disk?.alias !== undefined && u.disk.alias !== disk.alias,
    description: u.disk?.description !== undefined && u.disk.description !== disk.description,
  };
  if (!Object.values(changes).some(Boolean)) return;
  const vms = e.attachmentsOfDisk(disk.id).map((a) => e.findVmOrUndefined(a.vmId));
  const anyNotDown = vms.some((v) => v && v.status !== 'down');
  // Reservation uses the disk's unfiltered SG_IO, so it is held to the same rule as sgio (decision 022).
  if (anyNotDown && (changes.sgio || changes.shareable || changes.propagate || changes.interface || changes.bootable || changes.reservation)) {
    throw backendFailure(409, cannot(ACTION.edit, TYPE.disk, 'At least one of the VMs is not down.'));
  }
  if (changes.readOnly && vm.status !== 'down' && att.active) {
    throw backendFailure(409, cannot(ACTION.edit, TYPE.disk, 'At least one of the VMs is not down.'));
  }
  if (u.disk?.alias !== undefined || u.disk?.description !== undefined) validateNameAndDescription(ACTION.edit, u.disk.alias, u.disk.description);
  const nextSgio = u.disk?.sgio !== undefined ? (u.disk.sgio === 'disabled' ? undefined : u.disk.sgio) : disk.kind === 'lun' ? disk.sgio : undefined;
  validateVmElement(e, ACTION.edit, vm, { id: disk.id, alias: disk.alias, sgio: nextSgio, discardMaxSize: disk.kind === 'lun' ? disk.lun.discardMaxSize : 1 }, {
    interface: u.interface ?? att.interface,
    bootable: u.bootable ?? att.bootable,
    readOnly: u.readOnly ?? att.readOnly,
    passDiscard: u.passDiscard ?? att.passDiscard,
    usesScsiReservation: u.usesScsiReservation ?? att.usesScsiReservation,
  });
  const job = e.startJob(`Editing Disk ${disk.alias} of VM ${vm.name}`, correlationId);
  job.note('Validating', { type: 'validating' });
  const said = (k: keyof typeof changes, text: string) => {
    if (changes[k]) job.note(text);
  };
  said('interface', `Interface: ${interfaceName(att.interface)} → ${interfaceName(u.interface ?? att.interface)}`);
  said('bootable', `Bootable: ${u.bootable ? 'on' : 'off'}`);
  said('readOnly', `Read-only: ${u.readOnly ? 'on' : 'off'}`);
  said('sgio', `SCSI pass-through of ${disk.alias}: ${nextSgio ?? 'off'}`);
  said('reservation', `SCSI reservation: ${u.usesScsiReservation ? 'on' : 'off'}`);
  said('passDiscard', `Enable discard: ${u.passDiscard ? 'on' : 'off'}`);
  said('shareable', `Sharable: ${u.disk?.shareable ? 'yes' : 'no'}`);
  said('propagate', `Propagate errors: ${u.disk?.propagateErrors ? 'on' : 'off'}`);
  said('alias', `Alias: ${disk.alias} → ${u.disk?.alias ?? ''}`);
  said('description', 'Description changed');
  if (u.interface !== undefined) att.interface = u.interface;
  if (u.bootable !== undefined) att.bootable = u.bootable;
  if (u.readOnly !== undefined) att.readOnly = u.readOnly;
  if (u.passDiscard !== undefined) att.passDiscard = u.passDiscard;
  if (u.usesScsiReservation !== undefined) att.usesScsiReservation = u.usesScsiReservation;
  if (u.disk?.alias !== undefined) disk.alias = u.disk.alias;
  if (u.disk?.description !== undefined) disk.description = u.disk.description;
  if (u.disk?.shareable !== undefined) disk.shareable = u.disk.shareable;
  if (u.disk?.propagateErrors !== undefined) disk.propagateErrors = u.disk.propagateErrors;
  if (disk.kind === 'lun' && u.disk?.sgio !== undefined) {
    if (u.disk.sgio === 'disabled') delete disk.sgio;
    else disk.sgio = u.disk.sgio;
  }
  job.finish();
  e.event(88, 'normal', `VM ${vm.name} ${disk.alias} disk was updated by ${USER}.`, { vmId: vm.id, diskId: disk.id, ...(correlationId ? { correlationId } : {}) });
  e.changed();
}

/** DELETE /vms/{id}/diskattachments/{diskId}: detach (unplugging first on a running VM), or delete the disk. */
export async function detachDisk(e: Engine, vmId: string, diskId: string, detachOnly: boolean, correlationId?: string): Promise<void> {
  const vm = e.vm(vmId);
  const att = e.state.attachments.find((a) => a.vmId === vmId && a.diskId === diskId);
  const disk = e.findDisk(diskId);
  if (!att || !disk) throw backendFailure(400, cannot(ACTION.detach, TYPE.disk, `The specified disk is not attached to the VM ${vm.name}.`));
  // DetachDiskFromVm accepts Up or Down only — not Paused, unlike plug and attach.
  requireVmStatus(vm, ACTION.detach, new Set(['up', 'down']));
  if (att.active && isRunning(vm)) {
    const problem = hotplugInterfaceProblem(ACTION.hotUnplug, disk.alias, vm, att.interface);
    if (problem) throw backendFailure(400, problem);
  }
  const job = e.startJob(`Detaching Disk ${disk.alias} from VM ${vm.name}`, correlationId);
  job.note('Validating', { type: 'validating' });
  if (att.active && isRunning(vm)) await unplug(e, job, vm, att, correlationId);
  e.state.attachments = e.state.attachments.filter((a) => a !== att);
  job.note(`Detached ${disk.alias} from ${vm.name}`);
  e.event(2018, 'normal', `Disk ${disk.alias} was successfully detached from VM ${vm.name} by ${USER}.`, { vmId: vm.id, diskId: disk.id, ...(correlationId ? { correlationId } : {}) });
  if (!detachOnly) removeDiskRecord(e, disk, job);
  job.finish();
}

function removeDiskRecord(e: Engine, disk: EmDisk, job: JobRun) {
  e.state.disks = e.state.disks.filter((d) => d !== disk);
  e.state.attachments = e.state.attachments.filter((a) => a.diskId !== disk.id);
  if (disk.kind === 'lun') {
    // The LUN row and its connections go too when nothing else uses them (StorageHelperBase.removeLun).
    const used = new Set(e.state.disks.flatMap((d) => (d.kind === 'lun' ? d.lun.connectionIds : [])));
    for (const sd of e.state.storageDomains) for (const c of sd.connectionIds) used.add(c);
    e.state.connections = e.state.connections.filter((c) => used.has(c.id) || !disk.lun.connectionIds.includes(c.id));
  }
  job.note(`Removed disk ${disk.alias}${disk.kind === 'lun' ? ' (the data on the LUN is untouched)' : ''}`);
  e.event(2014, 'normal', `Disk ${disk.alias} was successfully removed from domain (User ${USER}).`, { diskId: disk.id });
}

/** DELETE /disks/{id}: blocked while a VM using it is not down. */
export function removeDisk(e: Engine, diskId: string, correlationId?: string): void {
  const disk = e.disk(diskId);
  const vms = e.attachmentsOfDisk(diskId).map((a) => e.findVmOrUndefined(a.vmId));
  if (vms.some((v) => v && v.status !== 'down')) {
    throw backendFailure(409, cannot(ACTION.remove, TYPE.disk, 'At least one of the VMs is not down.'));
  }
  const job = e.startJob(`Removing Disk ${disk.alias}`, correlationId);
  removeDiskRecord(e, disk, job);
  job.finish();
}

/** Emulator hook: someone else creates a disk on this LUN (tests of the 409 "taken meanwhile" path). */
export function takeLunBySomeoneElse(e: Engine, lunId: string, alias: string): EmLunDisk {
  const san = e.lun(lunId);
  const portal = san?.targetIqn ? e.target(san.targetIqn)?.portalIds[0] : undefined;
  const p = e.state.portals.find((x) => x.id === portal);
  const t = san?.targetIqn ? e.target(san.targetIqn) : undefined;
  const conns = p && t ? [findOrCreateConnection(e, { address: p.address, port: p.port, target: t.iqn, ...(t.chap ? { username: t.chap.username, password: t.chap.password } : {}) })] : [];
  const disk: EmLunDisk = {
    kind: 'lun', id: e.newId(0xd15c), alias, description: 'Created by another administrator',
    shareable: false, propagateErrors: false, wipeAfterDelete: false,
    lun: { id: lunId, type: san?.storageType ?? 'iscsi', size: san?.size ?? 0, connectionIds: conns.map((c) => c.id) },
  };
  e.state.disks.push(disk);
  e.event(2021, 'normal', `The disk ${alias} was successfully added.`, { diskId: disk.id });
  return disk;
}

