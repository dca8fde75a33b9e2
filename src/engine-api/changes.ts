// Which cached engine answers an engine change makes stale — said once, here, for every operation the console
// starts. The engine decides what a change touches, not the screen that caused it: the seed's connection design
// (docs/design.md §5) connects a new LUN disk's targets on every Up host of the pool, a plug connects (or asserts)
// the target on the VM's host and adds a hold there, an unplug releases it, Run/Stop/Migrate/HA move holds between
// hosts. A host's sessions view (GET /hosts/{id}/storage with the VMs' attachments) must follow all of them.
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { attachmentKeys, vmAttachmentIndexKeys } from './disk-attachments';
import { diskKeys } from './disks';
import { eventKeys } from './events';
import { hostStorageKeys } from './host-storage';
import { hostKeys } from './hosts';
import { jobKeys } from './jobs';
import { vmKeys } from './vms';

export type EngineChange =
  /** A direct-LUN disk was created (floating, or on a VM): its LUN is used now, and every Up host may have connected. */
  | { kind: 'disk-created'; vmId?: string | undefined }
  /** A disk was attached to, detached from, or edited on a VM, without a plug or unplug. */
  | { kind: 'attachment-changed'; vmId: string }
  /** A disk was plugged into (or unplugged from) a VM: the VM's host gained (or released) a hold on the target. */
  | { kind: 'plugged'; vmId: string }
  | { kind: 'unplugged'; vmId: string }
  /** Run, Shut down, Power off, Migrate (or an HA restart): VMs moved, holds moved between hosts. */
  | { kind: 'vm-lifecycle'; vmId: string }
  /** An iSCSI login (or a rescan) on one host: its device list changed. */
  | { kind: 'iscsi-login'; hostId: string };

/** The query keys a change makes stale (each a prefix: everything below it is refreshed too). */
export function keysTouchedBy(change: EngineChange): QueryKey[] {
  switch (change.kind) {
    case 'disk-created':
      return [
        diskKeys.all,
        vmAttachmentIndexKeys.all,
        ...(change.vmId ? [attachmentKeys.all(change.vmId), vmKeys.detail(change.vmId)] : []),
        hostKeys.all, // connect-on-pool: every Up host may hold a new session
      ];
    case 'attachment-changed':
      return [attachmentKeys.all(change.vmId), vmKeys.detail(change.vmId), vmAttachmentIndexKeys.all, diskKeys.all];
    case 'plugged':
    case 'unplugged':
      return [attachmentKeys.all(change.vmId), vmKeys.detail(change.vmId), vmAttachmentIndexKeys.all, diskKeys.all, hostKeys.all];
    case 'vm-lifecycle':
      return [vmKeys.all, hostKeys.all, eventKeys.all];
    case 'iscsi-login':
      return [hostStorageKeys.all(change.hostId)];
  }
}

/**
 * Refresh what a change touched, and the jobs of the correlation ids that made it (their steps may still be
 * arriving). Resolves when the active queries among them have refetched.
 */
export async function invalidateAfter(queryClient: QueryClient, change: EngineChange, correlationIds: readonly string[] = []): Promise<void> {
  await Promise.all([
    ...keysTouchedBy(change).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    ...correlationIds.map((c) => queryClient.invalidateQueries({ queryKey: jobKeys.byCorrelation(c) })),
  ]);
}
