// What the Attach wizard reads from the engine: every VM with its attachments (GET /vms?follow=disk_attachments)
// and every disk — who uses which disk, which disks the chosen VM can take and why not, and its bootable disk.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { canAttachTo } from '../../domain/attachment-actions';
import { attachability, attachDiskOf, type AttachDisk, type Attachability, type AttachVm, type DiskUser } from '../../domain/attach-options';
import type { Disk, DiskAttachment, Vm } from '../../domain/model';
import { attachmentsByDisk, vmsWithAttachmentsQueryOptions, type VmWithAttachments } from '../../engine-api/disk-attachments';
import { disksQueryOptions } from '../../engine-api/disks';
import { vmContentQueryOptions } from '../../engine-api/vms';
import { POLL_UNBOUNDED } from '../../ui/polling';
import { t } from '../../i18n/i18n';

export interface DiskRow {
  disk: Disk;
  users: DiskUser[];
  attachability: Attachability;
}

export function useAttachData(vmId: string) {
  // Both are whole collections (no `max`): read when the wizard opens, refreshed by the wizard's own attaches
  // (engine-api/changes.ts), never on a timer (ui/polling.ts, POLL_UNBOUNDED).
  const usage = useQuery({ ...vmsWithAttachmentsQueryOptions(), refetchInterval: POLL_UNBOUNDED });
  const disks = useQuery({ ...disksQueryOptions(), refetchInterval: POLL_UNBOUNDED });
  // The list carries no virtio_scsi (the engine sends it only with all_content=true, decision 044 §15 F-A): the
  // chosen VM's is read on its own, once, rather than asking for all_content on every VM of a polled list.
  const content = useQuery({ ...vmContentQueryOptions(vmId), enabled: !!vmId });
  const virtioScsiEnabled = content.data?.virtioScsiEnabled;
  const entry: VmWithAttachments | undefined = usage.data?.find((x) => x.vm.id === vmId);
  const listed = entry?.vm;
  const vm: Vm | undefined = useMemo(() => (listed ? { ...listed, virtioScsiEnabled } : undefined), [listed, virtioScsiEnabled]);

  const usersByDisk = useMemo(() => {
    const m = new Map<string, DiskUser[]>();
    for (const [diskId, list] of usage.data ? attachmentsByDisk(usage.data) : []) {
      m.set(diskId, list.map((x) => ({ vmId: x.vm.id, vmName: x.vm.name })));
    }
    return m;
  }, [usage.data]);

  const diskById = useMemo(() => new Map((disks.data ?? []).map((d) => [d.id, d])), [disks.data]);

  const rows = useMemo((): DiskRow[] => {
    if (!vm) return [];
    return (disks.data ?? [])
      .map((disk) => {
        const users = usersByDisk.get(disk.id) ?? [];
        return { disk, users, attachability: attachability(disk, vm, users) };
      })
      .sort(
        (a, b) =>
          Number(b.attachability.selectable) - Number(a.attachability.selectable) ||
          a.disk.alias.localeCompare(b.disk.alias, undefined, { numeric: true }),
      );
  }, [disks.data, usersByDisk, vm]);

  const attachVm: AttachVm | undefined = useMemo(() => {
    if (!vm || !entry) return undefined;
    const boot = entry.attachments.find((a) => a.bootable);
    return {
      name: vm.name,
      status: vm.status,
      virtioScsiEnabled: vm.virtioScsiEnabled,
      bootableDiskAlias: boot ? (diskById.get(boot.diskId)?.alias ?? boot.diskId) : undefined,
    };
  }, [vm, entry, diskById]);

  const attachDisk = (id: string): AttachDisk | undefined => {
    const d = diskById.get(id);
    return d ? attachDiskOf(d) : undefined;
  };

  return {
    usage,
    disks,
    vm,
    vmAttachments: entry?.attachments ?? ([] as DiskAttachment[]),
    attachVm,
    rows,
    diskById,
    usersByDisk,
    attachDisk,
  };
}

export type AttachData = ReturnType<typeof useAttachData>;

/** Why a VM cannot be chosen: its state, or it already has every disk the user came with. */
export function vmBlocker(vm: Vm, preselected: readonly Disk[], usersByDisk: Map<string, DiskUser[]>): string | undefined {
  const a = canAttachTo(vm);
  if (!a.ok) return a.reason;
  if (preselected.length > 0 && preselected.every((d) => (usersByDisk.get(d.id) ?? []).some((u) => u.vmId === vm.id))) {
    return t('attach.vmStep.alreadyAttached', { disks: preselected.map((d) => d.alias).join(', '), count: preselected.length, vm: vm.name });
  }
  return undefined;
}
