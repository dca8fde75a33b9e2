// Activate, Deactivate and Detach of one attachment, each an OperationDialog with the engine's job steps and a
// result that names what happened to the disk and its target connections. The dialog refreshes what the
// operation changed (diskOperationChange) after each attempt.
import type { EngineChange } from '../../engine-api/changes';
import { detachDisk, plugAttachment, updateAttachment } from '../../engine-api/disk-attachments';
import type { Disk, DiskAttachment, Vm } from '../../domain/model';
import { isVmRunning } from '../../domain/vm-status';
import type { OperationOutcome } from '../../ui/OperationDialog';
import { t } from '../../i18n/i18n';
import { ErrorText } from '../../ui/ErrorText';

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
  const running = isVmRunning(vm.status);
  const lun = disk?.storageType === 'lun';
  // Whole sentences; a missing alias or host name reads "the disk", "its host" (select on `named`).
  const v = { disk: disk?.alias ?? '', diskNamed: disk ? 'yes' : 'no', vm: vm.name, host: hostName ?? '', hostNamed: hostName ? 'yes' : 'no' };
  switch (op) {
    case 'activate':
      return running
        ? t(lun ? 'vm.diskOp.activateRunningLun' : 'vm.diskOp.activateRunning', v)
        : t(lun ? 'vm.diskOp.activateDownLun' : 'vm.diskOp.activateDown', v);
    case 'deactivate':
      return running
        ? t(lun ? 'vm.diskOp.deactivateRunningLun' : 'vm.diskOp.deactivateRunning', v)
        : t('vm.diskOp.deactivateDown', v);
    case 'detach':
      return running && lun ? t('vm.diskOp.detachRunningLun', v) : t(lun ? 'vm.diskOp.detachLun' : 'vm.diskOp.detach', v);
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
        return {
          variant: 'success',
          title: t('vm.diskOp.detachedTitle', { disk: alias, vm: vm.name }),
          body: t(disk?.sharable ? 'vm.diskOp.detachedSharable' : 'vm.diskOp.detachedFloating', { disk: alias }),
        };
      }
      if (op === 'activate') {
        const { plugged } = await plugAttachment(vm.id, att.diskId, correlationId);
        if (!plugged) {
          return {
            variant: 'warning',
            title: t('vm.diskOp.stillInactiveTitle', { disk: alias }),
            body: t('vm.diskOp.stillInactiveBody'),
            retry: { label: t('vm.diskOp.retryActivate'), run: attempt },
          };
        }
        return { variant: 'success', title: t('vm.diskOp.activatedTitle', { disk: alias, vm: vm.name }) };
      }
      await updateAttachment(vm.id, att.diskId, { active: false }, correlationId);
      return { variant: 'success', title: t('vm.diskOp.deactivatedTitle', { disk: alias, vm: vm.name }), body: t('vm.diskOp.deactivatedBody') };
    } catch (e) {
      if (op === 'activate') {
        return {
          variant: 'danger',
          title: t('vm.diskOp.activateFailedTitle', { disk: alias }),
          body: (
            <>
              <p>
                <ErrorText error={e} />
              </p>
              <p>{t('vm.diskOp.activateFailedBody', { disk: alias, vm: vm.name })}</p>
            </>
          ),
          retry: { label: t('vm.diskOp.retryActivate'), run: attempt },
        };
      }
      return {
        variant: 'danger',
        title: t(op === 'detach' ? 'vm.diskOp.detachFailedTitle' : 'vm.diskOp.deactivateFailedTitle', { disk: alias }),
        body: (
          <p>
            <ErrorText error={e} />
          </p>
        ),
        retry: { label: t('vm.diskOp.tryAgain'), run: attempt },
      };
    }
  };
  return attempt;
}
