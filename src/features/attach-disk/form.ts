// The Attach wizard's form: the VM, how (existing disks or a new one from a LUN), the disks with their options,
// and — for "Create from LUN" — the Add Direct LUN disk steps' own values (src/flows/lun-disk/form.ts), all in one
// react-hook-form form, saved as a draft (without the CHAP password) until success or Cancel.
import type { ReactNode } from 'react';
import { defaultAttachChoice, type AttachChoice } from '../../domain/attach-options';
import { defaultInterface, interfaceChoices } from '../../domain/disk-options';
import type { Vm } from '../../domain/model';
import { lunDiskDefaults, type LunDiskFormValues, type LunDiskStepId } from '../../flows/lun-disk/form';
import { t, type MessageId } from '../../i18n/i18n';

export type AttachMode = 'existing' | 'create';
export type AttachStepId = 'vm' | 'disk' | 'source' | 'targets' | 'lun' | 'options' | 'review';
export const ATTACH_STEPS: readonly AttachStepId[] = ['vm', 'disk', 'source', 'targets', 'lun', 'options', 'review'];

const STEP_NAME_IDS: Record<AttachStepId, MessageId> = {
  vm: 'attach.steps.vm',
  disk: 'attach.steps.disk',
  source: 'attach.steps.source',
  targets: 'attach.steps.targets',
  lun: 'attach.steps.lun',
  options: 'attach.steps.options',
  review: 'attach.steps.review',
};

/** A step's name in the wizard's navigation, in the current language. */
export function stepName(id: AttachStepId): string {
  return t(STEP_NAME_IDS[id]);
}

export interface AttachFormValues extends LunDiskFormValues {
  vmId: string;
  mode: AttachMode;
  /** The existing disks to attach, in the order picked. */
  diskIds: string[];
  /** Per disk id: its interface, bootable, read-only and Activate. */
  choices: Record<string, AttachChoice>;
}

type VmLike = Pick<Vm, 'id' | 'name' | 'status' | 'virtioScsiEnabled'>;

export function attachDefaults(vm: VmLike | undefined, diskId: string | undefined): AttachFormValues {
  // A disk created for a VM starts with Activate on and the VM's default interface (decision 011).
  const lun = lunDiskDefaults(vm ?? { name: '', status: 'down', virtioScsiEnabled: true });
  return {
    ...lun,
    vmId: vm?.id ?? '',
    mode: 'existing',
    diskIds: diskId ? [diskId] : [],
    choices: diskId && vm ? { [diskId]: defaultAttachChoice(vm) } : {},
  };
}

/** The steps shown for a mode: "Create from LUN" runs the Add Direct LUN disk steps in place. */
export function visibleSteps(mode: AttachMode, storageType: LunDiskFormValues['storageType']): AttachStepId[] {
  if (mode === 'existing') return ['vm', 'disk', 'options', 'review'];
  return ATTACH_STEPS.filter((s) => !(s === 'targets' && storageType !== 'iscsi'));
}

/** The LUN-disk step an attach step runs in "Create from LUN" (its Options step is the LUN-disk "Disk" step). */
export function lunDiskStepOf(step: AttachStepId): LunDiskStepId | undefined {
  switch (step) {
    case 'source':
    case 'targets':
    case 'lun':
    case 'review':
      return step;
    case 'options':
      return 'disk';
    default:
      return undefined;
  }
}

export function attachStepOf(step: LunDiskStepId): AttachStepId {
  return step === 'disk' ? 'options' : step;
}

/**
 * What a mode puts in the one step list: a step's content and its check on Next. "Attach existing disks" owns
 * Virtual machine, Disk, Options and Review; "Create from LUN" brings Source, Targets and LUN and runs its own
 * Options and Review in their place.
 */
export interface AttachModeStep {
  content: ReactNode;
  validate: () => boolean;
}

export type AttachModeSteps = Partial<Record<AttachStepId, AttachModeStep>>;

/**
 * A VM was chosen: keep every choice that still applies, and move what the new VM cannot take to its default
 * (VirtIO-SCSI on a VM that has it disabled → VirtIO), for the new disk and for each existing disk.
 */
export function adaptToVm(v: AttachFormValues, vm: VmLike): Pick<AttachFormValues, 'interface' | 'choices'> {
  const ctx = { vm: { name: vm.name, status: vm.status, virtioScsiEnabled: vm.virtioScsiEnabled } };
  const fits = (i: AttachChoice['interface']) => !interfaceChoices(ctx, { ...v, interface: i, readOnly: false }).find((c) => c.value === i)?.disabled;
  const choices: Record<string, AttachChoice> = {};
  for (const id of v.diskIds) {
    const c = v.choices[id] ?? defaultAttachChoice(vm);
    choices[id] = fits(c.interface) ? c : { ...c, interface: defaultInterface(vm) };
  }
  return { interface: fits(v.interface) ? v.interface : defaultInterface(vm), choices };
}

export function draftKeyOf(vmId: string | undefined, diskId: string | undefined): string {
  return `attach-disk.${vmId ?? '-'}.${diskId ?? '-'}`;
}
