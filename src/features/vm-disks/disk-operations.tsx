// Activate, Deactivate and Detach of one attachment, each an OperationDialog with the engine's job steps and a
// result that names what happened to the disk and its target connections. The dialog refreshes what the
// operation changed (diskOperationChange) after each attempt.
import type { EngineChange } from '../../engine-api/changes';
import { detachDisk, plugAttachment, updateAttachment } from '../../engine-api/disk-attachments';
import { errorText } from '../../engine-api/errors';
import type { Disk, DiskAttachment, Vm } from '../../domain/model';
import { isVmRunning } from '../../domain/vm-status';
import type { OperationOutcome } from '../../ui/OperationDialog';

export type DiskOperation = 'activate' | 'deactivate' | 'detach';

/**
 * What the operation changes in the engine: Activate plugs; Deactivate unplugs; Detach of a plugged disk on a
 * running VM unplugs it first (DetachDiskFromVmCommand, reference §4.4). Either way what the VM's host holds may
 * change, so its sessions view is refreshed with the VM's disks.
 */
export function diskOperationChange(op: DiskOperation, vmId: string): EngineChange {
  return op === 'activate' ? { kind: 'plugged', vmId } : { kind: 'unplugged', vmId };
}

export function describeOperation(op: DiskOperation, vm: Vm, disk: Disk | undefined, hostName: string | undefined) {
  const alias = disk?.alias ?? 'the disk';
  const running = isVmRunning(vm.status);
  const lun = disk?.storageType === 'lun';
  switch (op) {
    case 'activate':
      return running
        ? `Plugs ${alias} into ${vm.name}${lun ? `, after making sure ${hostName ?? 'its host'} is connected to the LUN's target (connecting it if needed)` : ''}.`
        : `Marks ${alias} active. ${vm.name} is down: ${lun ? "the LUN's target connections become required connections of the VM and are connected on the host that runs it next" : 'it is plugged at the next run'}.`;
    case 'deactivate':
      return running
        ? `Unplugs ${alias} from ${vm.name}${lun ? `, then releases its target connection on ${hostName ?? 'its host'} — unless something else on that host still needs it (another plugged disk, another VM, a storage domain)` : ''}. The disk stays attached.`
        : `Marks ${alias} inactive. ${vm.name} is down, so nothing is unplugged.`;
    case 'detach':
      return `Detaches ${alias} from ${vm.name}${running && lun ? `, unplugging it first and releasing its target connection on ${hostName ?? 'the host'} if nothing else needs it` : ''}. The disk itself is kept${disk?.storageType === 'lun' ? ' and so is the data on the LUN' : ''}.`;
  }
}

export function runOperation(
  op: DiskOperation,
  vm: Vm,
  att: DiskAttachment,
  disk: Disk | undefined,
): (correlationId: string) => Promise<OperationOutcome> {
  const alias = disk?.alias ?? att.diskId;
  const attempt = async (correlationId: string): Promise<OperationOutcome> => {
    try {
      if (op === 'detach') {
        await detachDisk(vm.id, att.diskId, correlationId);
        return { variant: 'success', title: `Detached ${alias} from ${vm.name}`, body: `${alias} is now ${disk?.sharable ? 'detached from this VM' : 'a floating disk'}; attach it again from the Disks tab of any VM.` };
      }
      if (op === 'activate') {
        const { plugged } = await plugAttachment(vm.id, att.diskId, correlationId);
        if (!plugged) {
          return { variant: 'warning', title: `${alias} is attached but still inactive`, body: 'The engine accepted the request but did not plug the disk. See the steps below.', retry: { label: 'Retry activate', run: attempt } };
        }
        return { variant: 'success', title: `Activated ${alias} on ${vm.name}` };
      }
      await updateAttachment(vm.id, att.diskId, { active: false }, correlationId);
      return { variant: 'success', title: `Deactivated ${alias} on ${vm.name}`, body: 'The steps below say what happened to its target connection.' };
    } catch (e) {
      if (op === 'activate') {
        return {
          variant: 'danger',
          title: `Could not activate ${alias}`,
          body: (
            <>
              <p>{errorText(e)}</p>
              <p>{alias} stays attached to {vm.name} and inactive. Fix the cause and retry.</p>
            </>
          ),
          retry: { label: 'Retry activate', run: attempt },
        };
      }
      return {
        variant: 'danger',
        title: op === 'detach' ? `Could not detach ${alias}` : `Could not deactivate ${alias}`,
        body: <p>{errorText(e)}</p>,
        retry: { label: 'Try again', run: attempt },
      };
    }
  };
  return attempt;
}
