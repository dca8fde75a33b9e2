// "Attach existing disks": the Attach wizard's own steps — Virtual machine, Disk (where "Create from LUN" is chosen
// instead), Options for each disk, Review — with their checks on Next, the attach (src/flows/disk-attach: per disk,
// attach then plug on a running VM, decision 021) and its result. The VM and Disk steps are the same in both modes.
import { Alert } from '@patternfly/react-core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { canAttachTo } from '../../domain/attachment-actions';
import { defaultAttachChoice, type AttachChoice } from '../../domain/attach-options';
import type { Disk, Vm } from '../../domain/model';
import { vmContentQueryOptions } from '../../engine-api/vms';
import { isSettled, useAttachDisks } from '../../flows/disk-attach/use-attach-disks';
import { Loading } from '../../ui/QueryStates';
import { attachBatch, attachItems } from './attach-batch';
import { DiskChoiceStep } from './DiskChoiceStep';
import { ExistingOptionsStep } from './ExistingOptionsStep';
import { ExistingResult } from './ExistingResult';
import { ExistingReview } from './ExistingReview';
import { adaptToVm, type AttachFormValues, type AttachMode, type AttachModeSteps, type AttachStepId } from './form';
import { useAttachData, vmBlocker } from './use-attach-data';
import { VmStep } from './VmStep';
import { paths } from '../../ui/paths';
import { t } from '../../i18n/i18n';
import { alertLabel } from '../../i18n/patternfly';

type Problems = Partial<Record<'vm' | 'disk' | 'options' | 'review', string>>;

export function useAttachExistingFlow({
  form,
  draftKey,
  restoredDraft,
  initialDisk,
  goTo,
  discardDraft,
  origin,
  onDone,
  onRestart,
}: {
  form: UseFormReturn<AttachFormValues>;
  /** The wizard's draft key: a run in flight is kept next to the draft, so a reload picks it up from the engine. */
  draftKey: string;
  /** The form was filled from the draft. */
  restoredDraft: boolean;
  /** The disk the user came from (Disks → a disk → Attach to VM). */
  initialDisk: Disk | undefined;
  goTo: (s: AttachStepId) => void;
  discardDraft: () => void;
  origin: string;
  onDone: () => void;
  onRestart: () => void;
}) {
  const [vmId, mode, diskIds, choices] = useWatch({ control: form.control, name: ['vmId', 'mode', 'diskIds', 'choices'] });
  const data = useAttachData(vmId);
  const queryClient = useQueryClient();
  const attacher = useAttachDisks(vmId, { draftKey, restored: restoredDraft });
  const [problems, setProblems] = useState<Problems>({});
  const preselected = initialDisk ? [initialDisk] : [];
  const vm = data.vm;
  const batch = data.attachVm ? attachBatch(data, data.attachVm, diskIds, choices) : [];

  // The draft goes once every disk is attached (plugged or not): what is left is a retry on the result screen.
  const states = attacher.states;
  useEffect(() => {
    if (states && states.every((s) => isSettled(s.phase)) && !states.some((s) => s.phase === 'attach-failed')) discardDraft();
  }, [states, discardDraft]);

  const problem = (k: keyof Problems, text: string | undefined): boolean => {
    setProblems((p) => ({ ...p, [k]: text }));
    return !text;
  };

  const validateVm = (): boolean => {
    const v = form.getValues();
    const chosen = data.usage.data?.find((x) => x.vm.id === v.vmId)?.vm;
    if (!chosen) return problem('vm', data.usage.isPending ? t('attach.check.vmsLoading') : t('attach.check.chooseVm'));
    return problem('vm', vmBlocker(chosen, preselected, data.usersByDisk));
  };
  const validateDisk = (): boolean => {
    const v = form.getValues();
    if (v.mode === 'create') return problem('disk', undefined);
    if (v.diskIds.length === 0) return problem('disk', t('attach.check.pickDisk'));
    for (const id of v.diskIds) {
      const row = data.rows.find((r) => r.disk.id === id);
      if (!row) return problem('disk', t('attach.check.diskGone', { disk: data.diskById.get(id)?.alias ?? id }));
      if (!row.attachability.selectable) {
        return problem('disk', t('attach.check.cannotAttach', { disk: row.disk.alias, vm: vm?.name ?? '', vmNamed: vm ? 'yes' : 'no', reason: row.attachability.reason ?? '' }));
      }
    }
    return problem('disk', undefined);
  };
  const validateOptions = (): boolean => {
    const bad = batch.find((b) => b.interfaceProblem);
    if (bad) {
      document.getElementById(`opts-${bad.disk.id}-interface`)?.focus();
      return problem('options', t('attach.check.interfaceProblem', { disk: bad.disk.alias, problem: bad.interfaceProblem ?? '' }));
    }
    return problem('options', undefined);
  };
  const validateReview = (): boolean => {
    const a = vm ? canAttachTo(vm) : undefined;
    return problem('review', a && !a.ok ? a.reason : undefined);
  };

  const chooseVm = (chosen: Vm) => {
    form.setValue('vmId', chosen.id, { shouldDirty: true });
    const adapt = (to: Vm) => {
      const adapted = adaptToVm(form.getValues(), to);
      form.setValue('interface', adapted.interface);
      form.setValue('choices', adapted.choices);
    };
    adapt(chosen);
    // The VM list carries no virtio_scsi (only all_content=true does, decision 044 §15 F-A): once the chosen VM's
    // own read says, move what it cannot take to its default. If that read fails, VirtIO-SCSI stays "unknown".
    void queryClient.ensureQueryData(vmContentQueryOptions(chosen.id)).then(
      (full) => {
        if (form.getValues('vmId') === chosen.id) adapt(full);
      },
      () => undefined,
    );
    setProblems((p) => ({ ...p, vm: undefined }));
  };
  const chooseMode = (m: AttachMode) => {
    form.setValue('mode', m, { shouldDirty: true });
    setProblems((p) => ({ ...p, disk: undefined }));
  };
  const toggleDisk = (diskId: string, picked: boolean) => {
    const v = form.getValues();
    const ids = picked ? [...v.diskIds.filter((x) => x !== diskId), diskId] : v.diskIds.filter((x) => x !== diskId);
    form.setValue('diskIds', ids, { shouldDirty: true });
    if (picked && !v.choices[diskId] && vm) form.setValue('choices', { ...v.choices, [diskId]: defaultAttachChoice(vm) });
    setProblems((p) => ({ ...p, disk: undefined }));
  };
  const changeChoice = (diskId: string, c: AttachChoice) => {
    form.setValue('choices', { ...form.getValues('choices'), [diskId]: c }, { shouldDirty: true });
    setProblems((p) => ({ ...p, options: undefined }));
  };
  /** A used LUN in "Create from LUN": attach the disk that uses it instead (a LUN backs at most one disk). */
  const attachInstead = (diskId: string) => {
    form.setValue('mode', 'existing');
    form.setValue('diskIds', [diskId]);
    if (vm && !form.getValues('choices')[diskId]) form.setValue('choices', { ...form.getValues('choices'), [diskId]: defaultAttachChoice(vm) });
    goTo('options');
  };

  /** `ready`: the wizard's check that every step is valid (it moves to the first that is not). */
  const attach = async (ready: () => boolean): Promise<void> => {
    if (attacher.busy || !ready() || !vm) return;
    await attacher.run(attachItems(batch), vm.status);
  };

  const loading = <Loading what={t('attach.check.loadWhat')} />;
  const steps: AttachModeSteps = {
    vm: {
      content: <VmStep data={data} selectedId={vmId} onSelect={chooseVm} error={problems.vm} preselected={preselected} />,
      validate: validateVm,
    },
    disk: {
      content: <DiskChoiceStep data={data} mode={mode} onMode={chooseMode} diskIds={diskIds} onToggle={toggleDisk} error={problems.disk} />,
      validate: validateDisk,
    },
    options: {
      content: data.attachVm ? <ExistingOptionsStep vm={data.attachVm} batch={batch} onChange={changeChoice} problem={problems.options} /> : loading,
      validate: validateOptions,
    },
    review: {
      content: vm ? <ExistingReview vm={vm} batch={batch} current={data.vmAttachments} disks={data.disks.data ?? []} /> : loading,
      validate: validateReview,
    },
  };

  // Set by the last Review check in this mode; shown above the Review in either mode until checked again. While a
  // run the page lost in a reload is looked up in the engine, that is said here, and nothing can be sent.
  const reviewProblem =
    attacher.resumed === 'checking' ? (
      <Alert variant="info" variantLabel={alertLabel('info')} isInline title={t('attach.review.reloadedChecking')} component="h3" role="status" style={{ marginBottom: '1rem' }} />
    ) : problems.review ? (
      <Alert variant="danger" variantLabel={alertLabel('danger')} isInline title={t('attach.review.cannotAttach')} component="h3" role="alert" style={{ marginBottom: '1rem' }}>
        {problems.review}
      </Alert>
    ) : null;

  const result =
    states && vm ? (
      <ExistingResult
        states={states}
        vm={vm}
        vmDisksPath={paths.vm(vmId, { tab: 'disks' })}
        origin={origin}
        busy={attacher.busy}
        resumedAfterReload={attacher.resumed === 'done'}
        onRetryPlug={(id) => void attacher.retryPlug(id)}
        onRetryAttach={(id) => void attacher.retryAttach(id, vm.status)}
        onDone={onDone}
        onRestart={onRestart}
      />
    ) : undefined;

  return { steps, reviewProblem, attach, busy: attacher.busy, result, attachInstead };
}
