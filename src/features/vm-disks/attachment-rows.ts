import type { Disk, DiskAttachment } from '../../domain/model';

export interface AttachmentRow {
  attachment: DiskAttachment;
  /** Undefined while the disk list loads, or if the disk vanished meanwhile. */
  disk: Disk | undefined;
}

/** The VM's attachments with their disks, bootable first, then by alias (as the webadmin sorts the sub-tab). */
export function attachmentRows(attachments: readonly DiskAttachment[], disks: readonly Disk[] | undefined): AttachmentRow[] {
  const byId = new Map((disks ?? []).map((d) => [d.id, d]));
  return attachments
    .map((attachment) => ({ attachment, disk: byId.get(attachment.diskId) }))
    .sort((a, b) => Number(b.attachment.bootable) - Number(a.attachment.bootable) || (a.disk?.alias ?? '').localeCompare(b.disk?.alias ?? '', undefined, { numeric: true }));
}
