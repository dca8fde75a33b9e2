// A VM's disk attachments (reference/engine-rest-api.md §4.3–4.4). An attachment's id equals its disk's id.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { DISK_INTERFACES, type DiskAttachment, type DiskInterface, type Sgio, type Vm } from '../domain/model';
import { lunDiskWireBody, type NewLunDisk } from './disks';
import { sendSpec, type EngineRequestSpec } from './requests';
import { engineRequest } from './transport';
import { openEnum, wireBool, wireCollection, wireList, wireOptString, wireRef } from './wire';
import { vmKeys, vmWire } from './vms';

export const diskAttachmentWire = z
  .object({
    id: z.string(),
    // upstream-model types/DiskInterface.java (5 values = DISK_INTERFACES); another reads 'unknown': shown, not
    // editable, never hot plugged (domain/attachment-actions).
    interface: openEnum(DISK_INTERFACES, 'a disk interface'),
    bootable: wireBool.optional(),
    active: wireBool.optional(),
    read_only: wireBool.optional(),
    pass_discard: wireBool.optional(),
    uses_scsi_reservation: wireBool.optional(),
    logical_name: wireOptString,
    disk: wireRef.optional(),
    vm: wireRef.optional(),
  })
  .transform(
    (w): DiskAttachment => ({
      id: w.id,
      diskId: w.disk?.id ?? w.id,
      vmId: w.vm?.id,
      interface: w.interface,
      bootable: w.bootable ?? false,
      active: w.active ?? false,
      readOnly: w.read_only ?? false,
      passDiscard: w.pass_discard ?? false,
      usesScsiReservation: w.uses_scsi_reservation ?? false,
      logicalName: w.logical_name,
    }),
  );

export const diskAttachmentListWire = wireCollection('disk_attachment', diskAttachmentWire);

export const attachmentKeys = {
  all: (vmId: string) => [...vmKeys.detail(vmId), 'attachments'] as const,
};

export function listAttachments(vmId: string, signal?: AbortSignal): Promise<DiskAttachment[]> {
  return engineRequest({ path: `/vms/${encodeURIComponent(vmId)}/diskattachments`, schema: diskAttachmentListWire, signal });
}

export const attachmentsQueryOptions = (vmId: string) =>
  queryOptions({ queryKey: attachmentKeys.all(vmId), queryFn: ({ signal }) => listAttachments(vmId, signal) });

/** Per-VM settings of a disk; `interface` and `active` are always sent, their defaults differ by call (§9.8). */
export interface AttachmentOptions {
  interface: DiskInterface;
  bootable: boolean;
  readOnly: boolean;
  passDiscard: boolean;
  usesScsiReservation: boolean;
  active: boolean;
}

function attachmentBody(o: AttachmentOptions): Record<string, unknown> {
  return {
    interface: o.interface,
    bootable: String(o.bootable),
    read_only: String(o.readOnly),
    pass_discard: String(o.passDiscard),
    uses_scsi_reservation: String(o.usesScsiReservation),
    active: String(o.active),
  };
}

/** Create a direct-LUN disk and attach it in one call: no disk.id in the body means "create" (§4.3). */
export function createAttachedLunDiskRequest(vmId: string, disk: NewLunDisk, o: AttachmentOptions): EngineRequestSpec {
  return {
    method: 'POST',
    path: `/vms/${encodeURIComponent(vmId)}/diskattachments`,
    body: { ...attachmentBody(o), disk: lunDiskWireBody(disk) },
  };
}

export function createAttachedLunDisk(vmId: string, disk: NewLunDisk, o: AttachmentOptions, correlationId?: string) {
  return sendSpec(createAttachedLunDiskRequest(vmId, disk, o), diskAttachmentWire, correlationId);
}

/** Attach an existing disk: disk.id present (§4.3). */
export function attachDiskRequest(vmId: string, diskId: string, o: AttachmentOptions): EngineRequestSpec {
  return {
    method: 'POST',
    path: `/vms/${encodeURIComponent(vmId)}/diskattachments`,
    body: { ...attachmentBody(o), disk: { id: diskId } },
  };
}

export function attachDisk(vmId: string, diskId: string, o: AttachmentOptions, correlationId?: string) {
  return sendSpec(attachDiskRequest(vmId, diskId, o), diskAttachmentWire, correlationId);
}

export type AttachmentUpdate = Partial<AttachmentOptions> & {
  /**
   * The disk's SCSI pass-through: it lives on the disk, and the attachment PUT updates the disk too (UpdateDisk
   * runs with the `disk` object sent, reference §4.4). 'disabled' turns pass-through off (§4.1).
   */
  sgio?: Sgio | 'disabled' | undefined;
};

/** PUT is a partial update: only the keys sent change (§1.1). `active` plugs or unplugs (§4.4). */
export function updateAttachmentRequest(vmId: string, diskId: string, u: AttachmentUpdate): EngineRequestSpec {
  const body: Record<string, unknown> = {};
  if (u.interface !== undefined) body.interface = u.interface;
  if (u.bootable !== undefined) body.bootable = String(u.bootable);
  if (u.readOnly !== undefined) body.read_only = String(u.readOnly);
  if (u.passDiscard !== undefined) body.pass_discard = String(u.passDiscard);
  if (u.usesScsiReservation !== undefined) body.uses_scsi_reservation = String(u.usesScsiReservation);
  if (u.active !== undefined) body.active = String(u.active);
  if (u.sgio !== undefined) body.disk = { sgio: u.sgio };
  return { method: 'PUT', path: `/vms/${encodeURIComponent(vmId)}/diskattachments/${encodeURIComponent(diskId)}`, body };
}

export function updateAttachment(vmId: string, diskId: string, u: AttachmentUpdate, correlationId?: string) {
  return sendSpec(updateAttachmentRequest(vmId, diskId, u), diskAttachmentWire, correlationId);
}

export interface PlugResult {
  /** The attachment as the engine reports it after the request. */
  attachment: DiskAttachment;
  /** Whether the disk is active now: the attachment's own `active`, nothing else. */
  plugged: boolean;
}

/**
 * Plug (activate) an attached disk: PUT active=true. A failed hot plug comes back as a fault (reference §4.4), but
 * a 200 is not proof of a plug: it carries the attachment as the engine has it after the update, and only that
 * attachment's `active` says the disk is plugged. The one rule for every plug path (Activate, attach then plug,
 * Retry plug).
 */
export async function plugAttachment(vmId: string, diskId: string, correlationId?: string): Promise<PlugResult> {
  const attachment = await updateAttachment(vmId, diskId, { active: true }, correlationId);
  return { attachment, plugged: attachment.active };
}

/** Detach, keeping the disk: detach_only=true (false would delete the disk, §4.4). */
export function detachDiskRequest(vmId: string, diskId: string): EngineRequestSpec {
  return {
    method: 'DELETE',
    path: `/vms/${encodeURIComponent(vmId)}/diskattachments/${encodeURIComponent(diskId)}`,
    query: { detach_only: true },
  };
}

export async function detachDisk(vmId: string, diskId: string, correlationId?: string): Promise<void> {
  await sendSpec(detachDiskRequest(vmId, diskId), z.unknown(), correlationId);
}

// ---- every VM with its attachments, in one call ---------------------------------------------------------------

const vmWithAttachmentsWire = z
  .object({ disk_attachments: wireList('disk_attachment', diskAttachmentWire) })
  .and(vmWire)
  .transform((w): VmWithAttachments => {
    const { disk_attachments: attachments, ...vm } = w;
    return { vm, attachments: attachments.map((a) => ({ ...a, vmId: a.vmId ?? vm.id })) };
  });

export interface VmWithAttachments {
  vm: Vm;
  attachments: DiskAttachment[];
}

export const vmAttachmentIndexKeys = {
  all: [...vmKeys.all, 'with-attachments'] as const,
};

/** GET /vms?follow=disk_attachments: who uses which disk, without one request per VM. */
export async function listVmsWithAttachments(signal?: AbortSignal): Promise<VmWithAttachments[]> {
  const list = await engineRequest({
    path: '/vms',
    query: { follow: 'disk_attachments' },
    schema: wireCollection('vm', vmWithAttachmentsWire),
    signal,
  });
  return list.sort((a, b) => a.vm.name.localeCompare(b.vm.name, undefined, { numeric: true }));
}

// A whole collection (no `max`), so never polled (ui/polling.ts, POLL_UNBOUNDED): refreshed by this tab's operations
// (changes.ts) and, when stale, as the tab comes back to the foreground — what other administrators changed meanwhile
// (the app's client turns window-focus refetches off for everything else).
export const vmsWithAttachmentsQueryOptions = () =>
  queryOptions({ queryKey: vmAttachmentIndexKeys.all, queryFn: ({ signal }) => listVmsWithAttachments(signal), refetchOnWindowFocus: true });

/** diskId → the VMs it is attached to, with the attachment. */
export function attachmentsByDisk(list: readonly VmWithAttachments[]): Map<string, Array<{ vm: Vm; attachment: DiskAttachment }>> {
  const out = new Map<string, Array<{ vm: Vm; attachment: DiskAttachment }>>();
  for (const { vm, attachments } of list) {
    for (const attachment of attachments) {
      const arr = out.get(attachment.diskId) ?? [];
      arr.push({ vm, attachment });
      out.set(attachment.diskId, arr);
    }
  }
  return out;
}
