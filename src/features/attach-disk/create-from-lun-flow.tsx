// "Create from LUN": the Add Direct LUN disk steps run in place in the Attach wizard (decision 010) — Source,
// Targets (iSCSI), LUN, then the LUN-disk Disk step as Options and its Review — with "Create and attach": one request
// that creates the disk and attaches it to the chosen VM, never two disks (src/flows/lun-disk/lun-disk-flow.tsx).
import { useWatch, type Resolver, type UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { BatchResult } from '../../flows/lun-disk/BatchReview';
import { CreateResult } from '../../flows/lun-disk/CreateResult';
import { schemaForStep, stepResolver } from '../../flows/lun-disk/form';
import { useLunDiskFlow } from '../../flows/lun-disk/lun-disk-flow';
import { attachStepOf, stepName, lunDiskStepOf, type AttachFormValues, type AttachModeSteps, type AttachStepId } from './form';
import { t } from '../../i18n/i18n';

/**
 * Live validation (as the user types) for the step on screen: in "Create from LUN", the fields of the LUN-disk step
 * it runs; nothing else (the attach steps are checked on Next).
 */
export function liveResolver(current: AttachStepId): Resolver<AttachFormValues> {
  const step = lunDiskStepOf(current);
  const forLun = stepResolver<AttachFormValues>(step ? schemaForStep(step, { forVm: true }) : z.object({}));
  return (values, ctx, opts) => (values.mode === 'create' ? forLun(values, ctx, opts) : { values, errors: {} });
}

export function useCreateFromLunFlow({
  form,
  draftKey,
  goTo,
  restoredDraft,
  onAttachInstead,
  onCreated,
  onDone,
  onRestart,
}: {
  form: UseFormReturn<AttachFormValues>;
  /** The wizard's draft key: a Create in flight is kept next to the draft across a reload. */
  draftKey: string;
  goTo: (s: AttachStepId) => void;
  restoredDraft: boolean;
  /** A used LUN's row: attach the disk that uses it instead (the wizard switches to existing disks). */
  onAttachInstead: (diskId: string) => void;
  /** The disk exists: called before its result shows (the wizard drops its draft). */
  onCreated: () => void;
  onDone: () => void;
  onRestart: () => void;
}) {
  const [vmId, hostId, storageType] = useWatch({ control: form.control, name: ['vmId', 'hostId', 'storageType'] });
  const lun = useLunDiskFlow({
    form,
    hostId,
    storageType,
    vmId: vmId || undefined,
    forVm: true,
    goTo: (s) => goTo(attachStepOf(s)),
    stepName: (s) => stepName(attachStepOf(s)),
    onAttachInstead: (diskId) => onAttachInstead(diskId),
    restoredDraft,
    onCreated,
    draftKey,
  });

  const steps: AttachModeSteps = {};
  for (const s of lun.steps) steps[attachStepOf(s.id)] = { content: s.content, validate: s.validate };

  // A batch (decision 048) ends with every disk's result; one disk with its own.
  const result = lun.batch.allMade ? (
    <BatchResult batch={lun.batch} vmName={lun.environment.data.vm.data?.name} onDone={onDone} doneLabel={t('attach.result.done')} onAnother={onRestart} anotherLabel={t('attach.result.more')} />
  ) : lun.outcome ? (
    <CreateResult outcome={lun.outcome} onDone={onDone} doneLabel={t('attach.result.done')} onAnother={onRestart} anotherLabel={t('attach.result.another')} />
  ) : undefined;

  return { lun, steps, create: lun.create, busy: lun.busy, result };
}
