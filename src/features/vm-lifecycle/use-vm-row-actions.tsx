// Run, Shut down, Power off and Migrate as row actions of the VM list. A disabled action stays in the menu with
// its reason as the item's description, so the reason is read with it.
import type { IAction } from '@patternfly/react-table';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Vm } from '../../domain/model';
import { vmsWithAttachmentsQueryOptions } from '../../engine-api/disk-attachments';
import { disksQueryOptions } from '../../engine-api/disks';
import { pendingOperation, useVmOperations } from './operations';
import { useLifecycleDialogs } from './use-lifecycle-dialogs';
import { ACTION_LABEL, actionAvailability, type LifecycleAction } from '../../domain/vm-actions';
import { VmOperations } from './VmOperations';
import { useViewPollInterval } from '../../ui/polling';

export function useVmRowActions(): { rowActions: (vm: Vm) => IAction[]; operations: ReactNode; dialogs: ReactNode } {
  const ops = useVmOperations();
  const poll = useViewPollInterval();
  const usage = useQuery({ ...vmsWithAttachmentsQueryOptions(), refetchInterval: poll });
  const disks = useQuery(disksQueryOptions());
  const { open, dialogs } = useLifecycleDialogs();
  const rowActions = (vm: Vm): IAction[] => {
    // Until the VMs' attachments are read, Migrate cannot be decided: it waits, disabled, "checking…".
    const attachments =
      usage.isError && !usage.data
        ? ('unreadable' as const)
        : usage.data?.find((x) => x.vm.id === vm.id)?.attachments.map((a) => ({ ...a, alias: disks.data?.find((d) => d.id === a.diskId)?.alias }));
    const pending = pendingOperation(ops, vm.id);
    const states = actionAvailability({ vm, attachments, pending: pending ? { label: ACTION_LABEL[pending.kind] } : undefined });
    return (['start', 'shutdown', 'stop', 'migrate'] as LifecycleAction[]).map((a) => ({
      title: ACTION_LABEL[a],
      isAriaDisabled: !states[a].enabled,
      description: states[a].enabled ? undefined : states[a].reason,
      onClick: () => open(vm, a),
    }));
  };
  return { rowActions, operations: <VmOperations />, dialogs };
}
