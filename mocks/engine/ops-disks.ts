// Creating direct-LUN disks: floating (POST /disks) or on a VM (POST /vms/{id}/diskattachments without disk.id,
// with the seed's connect-on-the-pool design), and the connections a new disk gets. The checks and texts are in
// disk-rules.ts; plugging the new disk into a VM is ops-attachments.ts's `plug`.
import { engineDefaultAlias } from '../../src/domain/disk-naming';
import { holders } from './connection-refs';
import {
  PLUGGABLE_VM_STATUSES, attachmentFrom, checkHostSeesLun, lunInUse, requireInterface, requireVmStatus, validateLunInput,
  validateNameAndDescription, validateVmElement, type AttachmentInput, type LunDiskInput, type ValidLu,
} from './disk-rules';
import type { Engine, JobRun } from './engine';
import { ACTION, TYPE, backendFailure, cannot, interfaceName, notFound } from './messages';
import { plug } from './ops-attachments';
import { connectLun, hostLuns, releaseOnHost } from './ops-storage';
import type { AddFloatingPoint, AddOnVmPoint, PoolPoint } from './resume-points';
import type { EmAttachment, EmConnection, EmHost, EmLunDisk, EmLunRecord } from './state';

/** A floating disk created without an alias gets the engine's default with no VM name: "_Disk1". */
const FLOATING_DEFAULT_ALIAS = engineDefaultAlias('', 0);

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
function requestedConnections(e: Engine, type: 'iscsi' | 'fcp', lu: ValidLu, hostId: string | undefined): EmConnection[] {
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

function lunRecord(e: Engine, type: 'iscsi' | 'fcp', lu: ValidLu, hostId: string | undefined, conns: EmConnection[]): EmLunRecord {
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

function diskFromInput(e: Engine, input: LunDiskInput, type: 'iscsi' | 'fcp', lu: ValidLu, suggestedAlias: string): EmLunDisk {
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

/** POST /disks with lun_storage: a floating direct-LUN disk. Synchronous: 201 with the disk. */
export async function createFloatingLunDisk(e: Engine, input: LunDiskInput, correlationId?: string): Promise<EmLunDisk> {
  const { lu } = validateLunInput(input);
  validateNameAndDescription(ACTION.add, input.alias, input.description);
  lunInUse(e, lu.id);
  const job = e.startJob(`Adding Disk ${input.alias || lu.id}`, correlationId);
  job.note('Validating', { type: 'validating' });
  const step = input.hostId
    ? job.step(`Checking that ${e.hostName(input.hostId)} sees LUN ${lu.id}`, { hostId: input.hostId })
    : job.step(`Creating disk ${input.alias || FLOATING_DEFAULT_ALIAS} from LUN ${lu.id}`);
  const point: AddFloatingPoint = { kind: 'add-floating', input, ...(correlationId ? { correlationId } : {}), phase: input.hostId ? 'checking' : 'creating', stepId: step.id };
  job.resume = point;
  return continueFloatingCreate(e, job, point);
}

/** The floating create from where `p` stands: the host's check of the LUN, then the disk. */
export async function continueFloatingCreate(e: Engine, job: JobRun, p: AddFloatingPoint): Promise<EmLunDisk> {
  const { input, correlationId } = p;
  const { type, lu } = validateLunInput(input);
  try {
    if (p.phase === 'checking' && input.hostId) {
      const step = job.reopen(p.stepId);
      await e.delay('deviceList', 0.3);
      try {
        checkHostSeesLun(e, ACTION.add, input.hostId, lu.id);
        step?.finish(`${e.hostName(input.hostId)} sees LUN ${lu.id}`);
      } catch (err) {
        step?.fail(`${e.hostName(input.hostId)} does not see LUN ${lu.id}`);
        throw err;
      }
      Object.assign(p, { phase: 'creating', stepId: job.step(`Creating disk ${input.alias || FLOATING_DEFAULT_ALIAS} from LUN ${lu.id}`).id });
    }
    const create = job.reopen(p.stepId);
    await e.delay('createDisk');
    // Checked again: someone may have taken the LUN while we waited on the host.
    lunInUse(e, lu.id);
    const disk = diskFromInput(e, input, type, lu, FLOATING_DEFAULT_ALIAS);
    e.state.disks.push(disk);
    create?.finish(`Created disk ${disk.alias} from LUN ${lu.id}`);
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
 * the background and then let go (their `op:` holder) unless something else needs the target. Every answer is
 * written into `pool` (the job's resume record) as it comes, so a resumed job asks only the hosts that had not
 * answered.
 */
async function connectOnPool(
  e: Engine,
  job: JobRun,
  lun: { id: string; type: 'iscsi' | 'fcp' },
  conns: EmConnection[],
  pool: PoolPoint,
  dcName: string,
): Promise<{ ok: true; hostId: string } | { ok: false; failures: string[] }> {
  const what = lun.type === 'fcp' ? `FC LUN ${lun.id}` : `the targets of LUN ${lun.id}`;
  const parent = job.reopen(pool.stepId);
  const holder = holders.operation(job.id);
  const order = pool.hostIds.map((id) => e.host(id));
  const results = new Map<string, Promise<{ host: EmHost; ok: boolean; detail: string }>>();
  for (const h of order) {
    const known = pool.results[h.id];
    if (known) {
      results.set(h.id, Promise.resolve({ host: h, ...known }));
      continue;
    }
    const child = job.reopen(pool.stepIds[h.id]);
    results.set(
      h.id,
      connectLun(e, h, lun, conns, holder).then((r) => {
        if (r.ok) child?.finish(r.detail);
        else child?.fail(r.detail);
        pool.results[h.id] = { ok: r.ok, detail: r.detail };
        return { host: h, ok: r.ok, detail: r.detail };
      }),
    );
  }
  // Whatever else is still connecting finishes in the background and then lets go of its temporary hold.
  const settle = async () => {
    await Promise.allSettled([...results.values()]);
    for (const h of order) await releaseOnHost(e, h.id, (x) => x === holder);
    pool.settled = true;
  };
  if (!pool.winnerId) {
    // Wait on the chosen host first; if it fails, take whichever of the others answers next.
    const pending = new Map(results);
    const first = await pending.get(pool.chosenId);
    pending.delete(pool.chosenId);
    if (first?.ok) pool.winnerId = first.host.id;
    else if (first) pool.failures.push(`Host ${first.host.name}: ${first.detail}.`);
    while (!pool.winnerId && pending.size > 0) {
      const next = await Promise.race([...pending.values()]);
      pending.delete(next.host.id);
      if (next.ok) pool.winnerId = next.host.id;
      else pool.failures.push(`Host ${next.host.name}: ${next.detail}.`);
    }
    e.background(settle);
    const chosen = e.host(pool.chosenId);
    if (!pool.winnerId) {
      parent?.fail(`No Up host of ${dcName} could connect ${what}`);
      return { ok: false, failures: pool.failures };
    }
    parent?.finish(
      pool.winnerId === chosen.id
        ? `${chosen.name} connected first; the other hosts finish in the background`
        : `${chosen.name} could not connect; ${e.hostName(pool.winnerId)} succeeded, so the LUN is usable`,
    );
  } else if (!pool.settled) {
    e.background(settle);
  }
  return { ok: true, hostId: pool.winnerId };
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
  const alias = input.alias || engineDefaultAlias(vm.name, e.attachmentsOfVm(vm.id).length);
  validateVmElement(e, ACTION.add, vm, { alias, sgio, discardMaxSize: input.hostId ? san?.discardMaxSize : 0 }, a);
  checkHostSeesLun(e, ACTION.add, input.hostId, lu.id);
  // Down VM: plugged unless active is false. Running: plugged only when active is true (reference §4.3).
  const wantActive = vm.status === 'down' ? a.active !== false : a.active === true;

  const job = e.startJob(`Adding Disk ${alias} to VM ${vm.name}`, correlationId);
  job.note('Validating', { type: 'validating' });
  const dc = e.dataCenterOfCluster(vm.clusterId);
  const hostsUp = e.upHostsOfDataCenter(dc?.id);
  const dcName = dc?.name ?? 'the data center';
  const chosenId = vm.hostId ?? input.hostId;
  const chosen = hostsUp.find((h) => h.id === chosenId) ?? hostsUp[0];
  const what = type === 'fcp' ? `FC LUN ${lu.id}` : `the targets of LUN ${lu.id}`;
  const parent = job.step(`Connecting ${what} on the Up hosts of ${dcName}${chosen ? ` (chosen host: ${chosen.name})` : ''}`);
  if (!chosen) {
    parent.fail(`No host in ${dcName} is Up`);
    return failPoolConnect(e, job, vm.id, lu.id, [`No host in data center ${dcName} is Up.`], correlationId);
  }
  const order = [chosen, ...hostsUp.filter((h) => h !== chosen)];
  const conns = requestedConnections(e, type, lu, input.hostId);
  const label = conns[0] ? `${conns[0].target} at ${conns[0].address}:${conns[0].port}` : `FC LUN ${lu.id}`;
  const stepIds = Object.fromEntries(order.map((h) => [h.id, job.step(`${h.name}: connecting to ${label}`, { parent, hostId: h.id }).id]));
  const point: AddOnVmPoint = {
    kind: 'add-on-vm', vmId: vm.id, input, attachment: a, alias, wantActive, ...(correlationId ? { correlationId } : {}), phase: 'pool',
    pool: { stepId: parent.id, chosenId: chosen.id, hostIds: order.map((h) => h.id), stepIds, results: {}, failures: [], settled: false },
  };
  job.resume = point;
  return continueAddOnVm(e, job, point);
}

function failPoolConnect(e: Engine, job: JobRun, vmId: string, lunId: string, failures: string[], correlationId: string | undefined): never {
  job.fail();
  e.event(2022, 'error', `Add-Disk operation failed to complete: no host could connect LUN ${lunId}.`, { vmId, ...(correlationId ? { correlationId } : {}) });
  throw backendFailure(400, cannot(ACTION.add, TYPE.disk, 'Error storage server connection.'), ...failures);
}

/** A new LUN disk on a VM from where `p` stands: the pool connect, the disk and its attachment, the plug. */
export async function continueAddOnVm(e: Engine, job: JobRun, p: AddOnVmPoint): Promise<EmAttachment> {
  const vm = e.vm(p.vmId);
  const { input, alias, correlationId } = p;
  const { type, lu } = validateLunInput(input);
  const conns = requestedConnections(e, type, lu, input.hostId);
  const dcName = e.dataCenterOfCluster(vm.clusterId)?.name ?? 'the data center';
  const pool = await connectOnPool(e, job, { id: lu.id, type }, conns, p.pool, dcName);
  if (!pool.ok) return failPoolConnect(e, job, vm.id, lu.id, pool.failures, correlationId);
  if (p.phase === 'pool') {
    Object.assign(p, { phase: 'creating', stepId: job.step(`Creating disk ${alias} from LUN ${lu.id} and attaching it to ${vm.name} (${interfaceName(p.attachment.interface ?? 'virtio_scsi')})`).id });
  }
  if (p.phase === 'creating') {
    const create = job.reopen(p.stepId);
    await e.delay('createDisk');
    try {
      lunInUse(e, lu.id);
    } catch (err) {
      create?.fail(`LUN ${lu.id} was taken by another disk meanwhile`);
      job.fail();
      throw err;
    }
    const disk = diskFromInput(e, { ...input, alias, hostId: input.hostId ?? pool.hostId }, type, lu, alias);
    e.state.disks.push(disk);
    const att = attachmentFrom(vm, disk.id, { ...p.attachment, interface: p.attachment.interface ?? 'virtio_scsi' });
    e.state.attachments.push(att);
    create?.finish(`Created disk ${alias} and attached it to ${vm.name}`);
    e.event(97, 'normal', `The disk ${alias} was successfully added to VM ${vm.name}.`, { vmId: vm.id, diskId: disk.id, ...(correlationId ? { correlationId } : {}) });
    Object.assign(p, { phase: 'plugging', diskId: disk.id });
  }
  const att = e.state.attachments.find((x) => x.vmId === vm.id && x.diskId === p.diskId);
  if (!att) throw notFound();
  let plugOk = true;
  if (p.wantActive) plugOk = await plug(e, job, vm, att, correlationId, { rec: p });
  job[plugOk ? 'finish' : 'fail']();
  return att;
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

