// The disks picked in the Attach wizard with their choices, under the rules that look at the whole batch (one
// bootable disk per VM counts the disks being attached too), and what is sent for each.
import {
  attachOptionStates, bootableTakenBy, defaultAttachChoice, effectiveAttachChoice, type AttachChoice, type AttachDisk, type AttachVm,
} from '../../domain/attach-options';
import type { Disk } from '../../domain/model';
import type { AttachItem } from '../../flows/disk-attach/use-attach-disks';
import type { AttachData } from './use-attach-data';

export interface BatchEntry {
  disk: Disk;
  target: AttachDisk;
  choice: AttachChoice;
  bootableTakenBy: string | undefined;
  effective: AttachChoice;
  interfaceProblem: string | undefined;
}

export function attachBatch(data: AttachData, vm: AttachVm, diskIds: readonly string[], choices: Readonly<Record<string, AttachChoice>>): BatchEntry[] {
  const base = diskIds.flatMap((id) => {
    const disk = data.diskById.get(id);
    const target = data.attachDisk(id);
    return disk && target ? [{ disk, target, choice: choices[id] ?? defaultAttachChoice(vm) }] : [];
  });
  return base.map((b, i) => {
    const taken = bootableTakenBy(base.map((x) => ({ disk: x.target, choice: x.choice })), i);
    return {
      ...b,
      bootableTakenBy: taken,
      effective: effectiveAttachChoice(vm, b.target, b.choice, taken),
      interfaceProblem: attachOptionStates(vm, b.target, b.choice, taken).interfaceProblem,
    };
  });
}

export function attachItems(batch: readonly BatchEntry[]): AttachItem[] {
  return batch.map((b) => ({ diskId: b.disk.id, alias: b.disk.alias, choice: b.effective }));
}
