// The engine's checks and texts for direct-LUN disk requests (reference/engine-rest-api.md §4.2–4.6), the
// request shapes the handlers parse into, and the VM status sets the disk operations test. Enforced by the
// emulator whatever the console pre-validates (design §4). Used by ops-disks.ts and ops-attachments.ts.
import { ALIAS_MAX, ALIAS_RE, DESCRIPTION_MAX } from '../../src/domain/disk-naming';
import type { DiskInterface, Sgio } from '../../src/domain/model';
import type { Engine } from './engine';
import { ACTION, TYPE, backendFailure, cannot, incompleteParameters, interfaceName, vmStatusName, type Action } from './messages';
import { lunVisibleOnHost } from './ops-storage';
import type { EmAttachment, EmVm } from './state';

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

const RUNNING = new Set(['up', 'paused']);
/** The VM statuses in which a disk can be added, attached, plugged or unplugged. */
export const PLUGGABLE_VM_STATUSES = new Set(['up', 'paused', 'down']);
/** DetachDiskFromVm accepts Up or Down only — not Paused, unlike plug and attach. */
export const DETACHABLE_VM_STATUSES = new Set(['up', 'down']);

export function isRunning(vm: EmVm): boolean {
  return RUNNING.has(vm.status);
}

/** A request's logical unit once its id is known to be there. */
export type ValidLu = NonNullable<LunDiskInput['lu']> & { id: string };

export function validateLunInput(input: LunDiskInput): { type: 'iscsi' | 'fcp'; lu: ValidLu } {
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

/**
 * VALIDATION_DISK_ALIAS_INVALID with the console's own character rule and length limit (src/domain/disk-naming.ts),
 * which the engine enforces whatever it was sent. An absent or empty alias is not this check's business: the
 * console's rule wants at least one character, but the emulator has always let an empty alias through here — a
 * create then takes the engine's default alias, an edit stores it as sent.
 */
function aliasInvalid(alias: string | undefined): boolean {
  if (alias === undefined || alias === '') return false;
  return !ALIAS_RE.test(alias) || alias.length > ALIAS_MAX;
}

export function validateNameAndDescription(action: Action, alias: string | undefined, description: string | undefined) {
  if (aliasInvalid(alias)) {
    throw backendFailure(400, 'Disk alias name must be formed of alpha-numeric characters or "-_."');
  }
  if (description !== undefined && description.length > DESCRIPTION_MAX) {
    throw backendFailure(400, cannot(action, TYPE.disk, `Disk description must not exceed ${DESCRIPTION_MAX} characters.`));
  }
}

/** A LUN backs at most one disk. */
export function lunInUse(e: Engine, lunId: string) {
  if (e.diskOfLun(lunId)) throw backendFailure(409, cannot(ACTION.add, TYPE.disk, 'The provided lun is used by another disk.'));
}

export function requireVmStatus(vm: EmVm, action: Action, allowed: Set<string>) {
  if (!allowed.has(vm.status)) {
    throw backendFailure(409, `Cannot ${action} ${TYPE.disk} because the VM is in ${vmStatusName(vm.status)} status.`);
  }
}

/** The per-VM checks shared by add, attach and edit (DiskVmElementValidator, DiskValidator). */
export function validateVmElement(
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
export function hotplugInterfaceProblem(action: Action, alias: string, vm: EmVm, iface: DiskInterface): string | undefined {
  if (iface === 'ide') return `Cannot ${action} ${alias} to ${vm.name}. Hot plugging a disk to an IDE interface is not supported.`;
  if (iface === 'spapr_vscsi') return `Cannot ${action} ${alias} to ${vm.name}. Hot plugging a disk to a sPAPR VSCSI interface is not supported.`;
  if (iface === 'sata') return `Cannot ${action} ${TYPE.disk}: The disk interface is not supported by the VM OS: Other OS.`;
  return undefined;
}

/** With `lun_storage.host`, that host must see the LUN. */
export function checkHostSeesLun(e: Engine, action: Action, hostId: string | undefined, lunId: string) {
  if (!hostId) return;
  const host = e.host(hostId);
  if (!lunVisibleOnHost(e, host, lunId)) {
    throw backendFailure(400, cannot(action, TYPE.disk, 'The provided LUN is not visible by the specified host, please check storage server connectivity.'));
  }
}

/** A new attachment as the request describes it, not yet plugged (`plug` decides). */
export function attachmentFrom(vm: EmVm, diskId: string, a: AttachmentInput & { interface: DiskInterface }): EmAttachment {
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

export function requireInterface(a: AttachmentInput): asserts a is AttachmentInput & { interface: DiskInterface } {
  if (!a.interface) throw backendFailure(400, 'Interface is required');
}
