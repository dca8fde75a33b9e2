// Disk attachments of a VM: attach an existing disk, plug / unplug, edit, detach, and remove a disk (remove is
// here because a detach with detach_only=false removes too). The checks and texts are in disk-rules.ts.
import type { Sgio } from '../../src/domain/model';
import { holders } from './connection-refs';
import { sendHotplugSpec } from './devices';
import {
  DETACHABLE_VM_STATUSES, PLUGGABLE_VM_STATUSES, attachmentFrom, hotplugInterfaceProblem, isRunning, requireInterface, requireVmStatus,
  validateNameAndDescription, validateVmElement, type AttachmentInput,
} from './disk-rules';
import { USER, type Engine, type JobRun, type StepRun } from './engine';
import { ACTION, TYPE, backendFailure, cannot, interfaceName, notFound } from './messages';
import { connectDisk, releaseRecorded } from './ops-storage';
import type { AttachPoint, DetachPoint, PlugPoint, PlugTogglePoint, UnplugPoint } from './resume-points';
import type { EmAttachment, EmDisk, EmVm } from './state';

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
    const point: AttachPoint = { kind: 'attach', vmId: vm.id, diskId: disk.id, attachment: a, ...(correlationId ? { correlationId } : {}) };
    job.resume = point;
    const failed = await attachAndPlug(e, job, point, att);
    if (failed !== undefined) throw backendFailure(400, plugFailureMessage(failed));
    return att;
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

/**
 * The hot plug that decides an attach to a running VM (AttachDiskToVmCommand: a connection failure fails the
 * whole attach), from where `p` stands. The failed step's text when it failed, undefined when attached.
 */
export async function attachAndPlug(e: Engine, job: JobRun, p: AttachPoint, att?: EmAttachment): Promise<string | undefined> {
  const vm = e.vm(p.vmId);
  const disk = e.disk(p.diskId);
  const corr = p.correlationId ? { correlationId: p.correlationId } : {};
  const ok = await plug(e, job, vm, att ?? attachmentFrom(vm, disk.id, { ...p.attachment, interface: p.attachment.interface ?? 'virtio_scsi' }), p.correlationId, { attachOnSuccess: true, rec: p });
  if (!ok) {
    job.fail();
    const failed = e.state.steps.filter((s) => s.jobId === job.id && s.status === 'failed').at(-1);
    e.event(2017, 'error', `Failed to attach Disk ${disk.alias} to VM ${vm.name} (User: ${USER}).`, { vmId: vm.id, diskId: disk.id, ...corr });
    return failed?.description ?? '';
  }
  job.finish();
  e.event(2016, 'normal', `Disk ${disk.alias} was successfully attached to VM ${vm.name} by ${USER}.`, { vmId: vm.id, diskId: disk.id, ...corr });
  return undefined;
}

function noteRequiredConnections(e: Engine, job: JobRun, vm: EmVm, disk: EmDisk) {
  if (disk.kind !== 'lun' || vm.status !== 'down') return;
  const targets = disk.lun.type === 'fcp' ? [`FC LUN ${disk.lun.id}`] : disk.lun.connectionIds.map((id) => e.state.connections.find((c) => c.id === id)?.target ?? id);
  job.note(`${vm.name} is down: ${targets.join(', ')} joined its required connections; they are connected on the host that runs it next`);
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
  opts: { attachOnSuccess?: boolean; rec?: { plug?: PlugPoint | undefined } } = {},
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
  // A resumed plug goes on from its recorded phase, with the step it had open (resume-points.ts).
  const resumed = opts.rec?.plug;
  const record = (phase: PlugPoint['phase'], step: StepRun) => {
    if (opts.rec) opts.rec.plug = { phase, stepId: step.id };
    return step;
  };
  const problem = hotplugInterfaceProblem(ACTION.hotPlug, disk.alias, vm, att.interface);
  if (problem && !resumed) return fail(job.step(`Hot plugging ${disk.alias} into ${vm.name}`), problem);
  if (!host) return fail(job.step(`Hot plugging ${disk.alias} into ${vm.name}`), `${vm.name} has no host`);
  if (disk.kind === 'lun' && resumed?.phase !== 'plugging') {
    const what = disk.lun.type === 'fcp' ? `FC LUN ${disk.lun.id}` : 'the target of the LUN';
    const step = record('connecting', (resumed ? job.reopen(resumed.stepId) : undefined) ?? job.step(`Making sure ${host.name} (running ${vm.name}) is connected to ${what}`, { hostId: host.id }));
    const r = await connectDisk(e, host, disk, holders.vmDisk(vm.id, disk.id));
    if (!r.ok) return fail(step, r.detail);
    step.finish(r.already ? `${host.name} was already connected (${r.detail})` : r.detail);
  }
  const reopened = resumed?.phase === 'plugging' ? job.reopen(resumed.stepId) : undefined;
  const step = record('plugging', reopened ?? job.step(`Hot plugging ${disk.alias} into ${vm.name} on ${host.name}`, { hostId: host.id }));
  await e.delay('plug');
  if (opts.attachOnSuccess) e.state.attachments.push(att);
  att.active = true;
  const spec = sendHotplugSpec(e, vm, att);
  step.finish(`Plugged ${disk.alias} into ${vm.name}${spec ? ` as ${spec.iface} #${spec.index}` : ''}`);
  e.event(2000, 'normal', `VM ${vm.name} disk ${disk.alias} was plugged by ${USER}.`, { vmId: vm.id, diskId: disk.id, hostId: host.id, ...corr });
  return true;
}

/** Unplug one attachment: unplug on the host, then release this disk's hold on its targets there. */
export async function unplug(e: Engine, job: JobRun, vm: EmVm, att: EmAttachment, correlationId?: string, rec?: { unplug?: UnplugPoint | undefined }): Promise<void> {
  const disk = e.disk(att.diskId);
  const corr = correlationId ? { correlationId } : {};
  att.active = false;
  let p = rec?.unplug;
  if (!p) {
    if (!isRunning(vm) || !vm.hostId) {
      job.note(`${vm.name} is down: ${disk.alias} is marked inactive`);
      return;
    }
    const hostId = vm.hostId;
    p = { phase: 'unplugging', hostId, stepId: job.step(`Unplugging ${disk.alias} from ${vm.name} on ${e.hostName(hostId)}`, { hostId }).id };
    if (rec) rec.unplug = p;
  }
  const hostId = p.hostId;
  if (p.phase === 'unplugging') {
    const step = job.reopen(p.stepId);
    await e.delay('unplug');
    delete att.logicalName;
    step?.finish(`Unplugged ${disk.alias} from ${vm.name}`);
    e.event(2002, 'normal', `VM ${vm.name} disk ${disk.alias} was unplugged by ${USER}.`, { vmId: vm.id, diskId: disk.id, hostId, ...corr });
    if (disk.kind !== 'lun') return;
    Object.assign(p, { phase: 'releasing', stepId: job.step(`Releasing the connections of ${disk.alias} on ${e.hostName(hostId)}`, { hostId }).id, release: {} });
  }
  const holder = holders.vmDisk(vm.id, disk.id);
  const rel = job.reopen(p.stepId);
  const { texts } = await releaseRecorded(e, hostId, (h) => h === holder, (p.release ??= {}));
  rel?.finish(texts.length > 0 ? texts.join('; ') : `${disk.alias} held no connection on ${e.hostName(hostId)}`);
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
    const point: PlugTogglePoint = { kind: 'plug-toggle', vmId: vm.id, diskId: disk.id, update: u, ...(correlationId ? { correlationId } : {}) };
    job.resume = point;
    const failed = await togglePlug(e, job, point);
    if (failed !== undefined) throw backendFailure(400, plugFailureMessage(failed));
  }
  // The REST update plugs or unplugs only when `active` differs; an equal value is no plug at all, and the rest of
  // the body goes to UpdateDisk either way (BackendDiskAttachmentResource.update, reference §4.4).
  applyEdits(e, vm, att, disk, u, correlationId);
  return att;
}

/** Plug or unplug for an update of `active`, from where `p` stands. The failed step's text when the plug failed. */
export async function togglePlug(e: Engine, job: JobRun, p: PlugTogglePoint): Promise<string | undefined> {
  const vm = e.vm(p.vmId);
  const att = e.state.attachments.find((a) => a.vmId === p.vmId && a.diskId === p.diskId);
  if (!att) throw notFound();
  if (p.update.active) {
    const ok = await plug(e, job, vm, att, p.correlationId, { rec: p });
    if (!ok) {
      job.fail();
      return e.state.steps.filter((s) => s.jobId === job.id && s.status === 'failed').at(-1)?.description ?? '';
    }
  } else {
    await unplug(e, job, vm, att, p.correlationId, p);
  }
  job.finish();
  return undefined;
}

/** The edits of an update whose plug or unplug a resumed job finished (the request that asked for them is gone). */
export function applyResumedEdits(e: Engine, p: PlugTogglePoint): void {
  const vm = e.vm(p.vmId);
  const att = e.state.attachments.find((a) => a.vmId === p.vmId && a.diskId === p.diskId);
  if (att) applyEdits(e, vm, att, e.disk(p.diskId), p.update, p.correlationId);
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
  requireVmStatus(vm, ACTION.detach, DETACHABLE_VM_STATUSES);
  if (att.active && isRunning(vm)) {
    const problem = hotplugInterfaceProblem(ACTION.hotUnplug, disk.alias, vm, att.interface);
    if (problem) throw backendFailure(400, problem);
  }
  const job = e.startJob(`Detaching Disk ${disk.alias} from VM ${vm.name}`, correlationId);
  job.note('Validating', { type: 'validating' });
  const point: DetachPoint = { kind: 'detach', vmId: vm.id, diskId: disk.id, detachOnly, ...(correlationId ? { correlationId } : {}) };
  job.resume = point;
  await continueDetach(e, job, point);
}

/** The detach from where `p` stands: the unplug from a running VM first, then the detach (and the removal). */
export async function continueDetach(e: Engine, job: JobRun, p: DetachPoint): Promise<void> {
  const vm = e.vm(p.vmId);
  const att = e.state.attachments.find((a) => a.vmId === p.vmId && a.diskId === p.diskId);
  const disk = e.disk(p.diskId);
  if (!att) throw notFound();
  if (p.unplug || (att.active && isRunning(vm))) await unplug(e, job, vm, att, p.correlationId, p);
  e.state.attachments = e.state.attachments.filter((a) => a !== att);
  job.note(`Detached ${disk.alias} from ${vm.name}`);
  e.event(2018, 'normal', `Disk ${disk.alias} was successfully detached from VM ${vm.name} by ${USER}.`, { vmId: vm.id, diskId: disk.id, ...(p.correlationId ? { correlationId: p.correlationId } : {}) });
  if (!p.detachOnly) removeDiskRecord(e, disk, job);
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

