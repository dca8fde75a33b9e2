// Run, Shut down, Power off and Migrate as row actions of the VM list. A disabled action stays in the menu with
// its reason as the item's description, so the reason is read with it.
//
// What Migrate needs (the VM's attachments: a plugged disk with SCSI reservation ties the VM to its host) is read
// when that VM's menu opens — one request for that VM (GET /vms/{id}/diskattachments), polled at the views' rate
// while the menu is open — never every VM's attachments and every disk for the whole list (5,000 VMs and 20,000
// disks on a datacenter: tens of MB on every poll). The alias of a reserving disk, for the reason, is read the same
// way, for those disks only (usually none).
import type { IAction } from '@patternfly/react-table';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { Vm } from '../../domain/model';
import { attachmentsQueryOptions } from '../../engine-api/disk-attachments';
import { diskQueryOptions } from '../../engine-api/disks';
import { pendingOperation, useVmOperations } from './operations';
import { useLifecycleDialogs } from './use-lifecycle-dialogs';
import { ACTION_LABEL, actionAvailability, type LifecycleAction } from '../../domain/vm-actions';
import { VmOperations } from './VmOperations';
import { useViewPollInterval } from '../../ui/polling';

export function useVmRowActions(): {
  rowActions: (vm: Vm) => IAction[];
  /** Called when a VM's menu opens: its attachments are read then. */
  onMenuOpen: (vm: Vm) => void;
  operations: ReactNode;
  dialogs: ReactNode;
} {
  const ops = useVmOperations();
  const poll = useViewPollInterval();
  const [openVmId, setOpenVmId] = useState<string>();
  const usage = useQuery({ ...attachmentsQueryOptions(openVmId ?? ''), enabled: !!openVmId, refetchInterval: poll });
  const reserving = (usage.data ?? []).filter((a) => a.active && a.usesScsiReservation);
  const aliases = useQueries({ queries: reserving.map((a) => diskQueryOptions(a.diskId)) });
  const { open, dialogs } = useLifecycleDialogs();
  const rowActions = (vm: Vm): IAction[] => {
    // Until the VM's attachments are read, Migrate cannot be decided: it waits, disabled, "checking…".
    const attachments =
      vm.id !== openVmId
        ? undefined
        : usage.isError && !usage.data
          ? ('unreadable' as const)
          : usage.data?.map((a) => ({ ...a, alias: aliases.find((q) => q.data?.id === a.diskId)?.data?.alias }));
    const pending = pendingOperation(ops, vm.id);
    const states = actionAvailability({ vm, attachments, pending: pending ? { label: ACTION_LABEL[pending.kind] } : undefined });
    return (['start', 'shutdown', 'stop', 'migrate'] as LifecycleAction[]).map((a) => ({
      title: ACTION_LABEL[a],
      isAriaDisabled: !states[a].enabled,
      description: states[a].enabled ? undefined : states[a].reason,
      onClick: () => open(vm, a),
    }));
  };
  return { rowActions, onMenuOpen: (vm) => setOpenVmId(vm.id), operations: <VmOperations />, dialogs };
}
