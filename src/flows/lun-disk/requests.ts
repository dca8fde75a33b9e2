// From the LUN-disk form to what is sent: the option context of the rules, the effective options, the CHAP
// credentials of the LUN's target, and the create request as data (shown in the review, then sent as is).
import { effectiveOptions, sgioOf, type DiskOptionContext, type DiskOptionValues } from '../../domain/disk-options';
import type { AttachmentOptions } from '../../engine-api/disk-attachments';
import { createAttachedLunDiskRequest } from '../../engine-api/disk-attachments';
import { createLunDiskRequest, type NewLunDisk } from '../../engine-api/disks';
import { iscsiLoginRequest } from '../../engine-api/host-storage';
import type { EngineRequestSpec } from '../../engine-api/requests';
import type { LunDiskData } from './data';
import { batchLunIds, type LunDiskFormValues } from './form';
import type { LunRow } from './lun-rows';

export function optionValues(v: LunDiskFormValues): DiskOptionValues {
  const { interface: iface, bootable, sharable, readOnly, passthrough, privilegedIo, scsiReservation, passDiscard, propagateErrors, activate } = v;
  return { interface: iface, bootable, sharable, readOnly, passthrough, privilegedIo, scsiReservation, passDiscard, propagateErrors, activate };
}

/**
 * The context of the option rules. For a batch (decision 048) the options are set once for all its disks, so a
 * LUN-dependent option applies only when it applies to every LUN: discard when each LUN supports it, as known
 * from a host with an active path to each; and none is bootable (domain/disk-options, batchSize).
 */
export function optionContext(data: LunDiskData, v: Pick<LunDiskFormValues, 'lunId' | 'lunIds'>): DiskOptionContext {
  const vm = data.vmId ? data.vm.data : undefined;
  const ids = batchLunIds(v);
  const rows = ids.flatMap((id) => {
    const r = data.rowById.get(id);
    return r ? [r] : [];
  });
  return {
    vm: vm ? { name: vm.name, status: vm.status, virtioScsiEnabled: vm.virtioScsiEnabled, bootableDiskAlias: data.vmBootableAlias } : undefined,
    lun: rows.length > 0 ? { discardMaxSize: leastDiscard(rows.map((r) => r.lun.lu.discardMaxSize)), reachable: rows.every((r) => !r.availability.unreachable) } : undefined,
    ...(ids.length > 1 ? { batchSize: ids.length } : {}),
  };
}

/** The discard support of a batch: none if one LUN has none, unknown if one is unknown, else the least. */
function leastDiscard(sizes: ReadonlyArray<number | undefined>): number | undefined {
  if (sizes.some((s) => s === 0)) return 0;
  if (sizes.some((s) => s === undefined)) return undefined;
  return Math.min(...sizes.map((s) => s ?? 0));
}

export interface ChapForLun {
  username?: string | undefined;
  password?: string | undefined;
  /** The target uses CHAP but the password is not known here (e.g. the page was reloaded). */
  passwordMissing: boolean;
}

/**
 * The CHAP credentials to send with the LUN: those the host logged in to its target with. The user name comes
 * from our own login or from the host's LUN list (which never carries the password); the password only from
 * the form, when it belongs to that user.
 */
export function chapForLun(v: LunDiskFormValues, row: LunRow): ChapForLun {
  if (row.type !== 'iscsi') return { passwordMissing: false };
  const login = v.logins.find((l) => l.hostId === v.hostId && l.iqn === row.target && l.ok);
  const username = login?.chapUsername ?? row.lun.lu.username;
  if (!username) return { passwordMissing: false };
  const password = v.chapUsername.trim() === username && v.chapPassword ? v.chapPassword : undefined;
  return password ? { username, password, passwordMissing: false } : { passwordMissing: true };
}

export function newLunDiskOf(v: LunDiskFormValues, row: LunRow, eff: DiskOptionValues): NewLunDisk {
  const chap = chapForLun(v, row);
  return {
    alias: v.alias.trim(),
    description: v.description,
    sharable: eff.sharable,
    propagateErrors: eff.propagateErrors,
    sgio: sgioOf(eff),
    lun: {
      id: row.id,
      type: row.type,
      // The host the LUN was picked on: the engine then checks that host sees the LUN and stores the host's view
      // of it (size, vendor, serial, paths, and the CHAP credentials of its sessions); without it the disk has
      // no size until "refresh LUN" (reference §4.2). Not sent when the host has no active path to the LUN: the
      // check would refuse it (ACTION_TYPE_FAILED_DISK_LUN_INVALID), see docs/decisions/012.
      hostId: row.availability.unreachable ? undefined : v.hostId,
      address: row.lun.lu.address,
      port: row.lun.lu.port,
      target: row.lun.lu.target,
      username: chap.username,
      password: chap.password,
    },
  };
}

export function attachmentOptionsOf(eff: DiskOptionValues): AttachmentOptions {
  return {
    interface: eff.interface,
    bootable: eff.bootable,
    readOnly: eff.readOnly,
    passDiscard: eff.passDiscard,
    usesScsiReservation: eff.scsiReservation,
    // Always explicit: the engine's default differs between create and attach (reference §9.8).
    active: eff.activate,
  };
}

export interface CreatePlan {
  spec: EngineRequestSpec;
  disk: NewLunDisk;
  attachment: AttachmentOptions | undefined;
  effective: DiskOptionValues;
  chap: ChapForLun;
}

/** The one request that creates the disk: POST /disks, or POST /vms/{id}/diskattachments (create-and-attach). */
export function createPlan(data: LunDiskData, v: LunDiskFormValues, row: LunRow): CreatePlan {
  const effective = effectiveOptions(optionContext(data, v), optionValues(v));
  const disk = newLunDiskOf(v, row, effective);
  const chap = chapForLun(v, row);
  if (data.vmId) {
    const attachment = attachmentOptionsOf(effective);
    return { spec: createAttachedLunDiskRequest(data.vmId, disk, attachment), disk, attachment, effective, chap };
  }
  return { spec: createLunDiskRequest(disk), disk, attachment: undefined, effective, chap };
}

/**
 * The iSCSI login this wizard already made for the LUN's target, as a request a script must make first (the "as code"
 * tabs show it before the create; the REST tab does not: it is not sent again). Address and port are the LUN's
 * path; the TPGT the discovered portal's. The CHAP password is never copied here: a CHAP login carries only a
 * masked marker, which the snippets turn into an environment or vault variable (engine-api/request-as-code.ts).
 */
export function priorLoginRequests(v: LunDiskFormValues, row: LunRow): EngineRequestSpec[] {
  if (row.type !== 'iscsi' || !row.target) return [];
  const login = v.logins.find((l) => l.hostId === v.hostId && l.iqn === row.target && l.ok);
  const address = row.lun.lu.address;
  if (!login || !address) return [];
  const port = row.lun.lu.port ?? 3260;
  const tpgt = v.discovered.find((d) => d.iqn === row.target)?.portals.find((p) => p.address === address && p.port === port)?.tpgt;
  const chap = login.chapUsername ? { username: login.chapUsername, password: '********' } : {};
  return [iscsiLoginRequest(v.hostId, { address, port, target: row.target, tpgt, ...chap })];
}
