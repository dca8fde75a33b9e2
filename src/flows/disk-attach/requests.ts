// Attaching an existing disk as requests (data): shown in the REST preview, then sent as they are.
import { attachInTwoSteps, type AttachChoice } from '../../domain/attach-options';
import type { VmStatus } from '../../domain/model';
import { attachDiskRequest, updateAttachmentRequest, type AttachmentOptions } from '../../engine-api/disk-attachments';
import type { EngineRequestSpec } from '../../engine-api/requests';

/**
 * The attachment body: pass discard is not offered when attaching (as webadmin, BZ 1430754) and SCSI reservation
 * is set with Edit; `active` is always explicit (the engine's default differs between create and attach, §9.8).
 */
export function attachmentOptionsOf(c: AttachChoice, active: boolean): AttachmentOptions {
  return { interface: c.interface, bootable: c.bootable, readOnly: c.readOnly, passDiscard: false, usesScsiReservation: false, active };
}

/**
 * One request on a down VM (or without Activate); on a running VM with Activate, attach inactive and then plug,
 * so a failed plug leaves the disk attached and inactive (attachInTwoSteps).
 */
export function attachRequests(vmId: string, vmStatus: VmStatus, diskId: string, c: AttachChoice): EngineRequestSpec[] {
  if (attachInTwoSteps(vmStatus, c.activate)) {
    return [attachDiskRequest(vmId, diskId, attachmentOptionsOf(c, false)), updateAttachmentRequest(vmId, diskId, { active: true })];
  }
  return [attachDiskRequest(vmId, diskId, attachmentOptionsOf(c, c.activate))];
}
