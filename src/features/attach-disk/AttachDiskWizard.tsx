// The Attach wizard: Virtual machine → Disk → Options → Review for existing disks, or, with "Create from LUN", the
// Add Direct LUN disk steps in place (Source → Targets → LUN) before Options and Review. One form, each step
// validated on Next, a draft in sessionStorage; then per disk the engine's job steps and a clear result.
import { Alert, Button, Title, Wizard, WizardStep, type WizardStepType } from '@patternfly/react-core';
import { useEffect, useMemo, useState, type CSSProperties, type MouseEvent } from 'react';
import { FormProvider, useForm, useWatch, type Resolver } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { canAttachTo } from '../../domain/attachment-actions';
import { defaultAttachChoice, type AttachChoice } from '../../domain/attach-options';
import type { Disk, Vm } from '../../domain/model';
import { AttachResults, attachSummary } from '../../flows/disk-attach/AttachResults';
import { isSettled, useAttachDisks } from '../../flows/disk-attach/use-attach-disks';
import { loadDraft, useFormDraft } from '../../ui/form-draft';
import { CreateResult } from '../../flows/lun-disk/CreateResult';
import { createFromForm, ReviewAndCreate } from '../../flows/lun-disk/CreateReview';
import { LunDiskProvider, useLunDiskData, useLunTableView } from '../../flows/lun-disk/data';
import { DiskStep } from '../../flows/lun-disk/DiskStep';
import { SECRET_FIELDS, schemaForStep, stepResolver } from '../../flows/lun-disk/form';
import { LunStep } from '../../flows/lun-disk/LunStep';
import type { LunRow } from '../../flows/lun-disk/lun-rows';
import { SourceStep } from '../../flows/lun-disk/SourceStep';
import { TargetsStep } from '../../flows/lun-disk/TargetsStep';
import { useCreateLunDisk, type CreateOutcome } from '../../flows/lun-disk/use-create-lun-disk';
import { AttachInsteadAction } from '../../flows/lun-disk/UsedLunActions';
import { checkStep, StepProblem } from '../../flows/lun-disk/validate';
import { useWizardNav, wizardFlow } from '../../ui/wizard-flow';
import { Loading } from '../../ui/QueryStates';
import { WizardBridge } from '../../ui/WizardBridge';
import { WizardFooter } from '../../ui/WizardFooter';
import { attachBatch, attachItems } from './attach-batch';
import { DiskChoiceStep } from './DiskChoiceStep';
import { ExistingOptionsStep } from './ExistingOptionsStep';
import { ExistingReview } from './ExistingReview';
import {
  ATTACH_STEPS, STEP_NAMES, adaptToVm, attachDefaults, attachStepOf, draftKeyOf, lunDiskStepOf, visibleSteps, type AttachFormValues, type AttachMode,
  type AttachStepId,
} from './form';
import { useAttachData, vmBlocker } from './use-attach-data';
import { VmStep } from './VmStep';
import { ATTACH_DRAFT_FIELDS } from './draft';
import { paths } from '../../ui/paths';

type Problems = Partial<Record<'vm' | 'disk' | 'options' | 'review', string>>;

export function AttachDiskWizard({
  vm: initialVm,
  disk: initialDisk,
  origin,
  onRestart,
}: {
  /** The VM the user came from (VM → Disks → Attach). */
  vm: Vm | undefined;
  /** The disk the user came from (Disks → a disk → Attach to VM). */
  disk: Disk | undefined;
  origin: string;
  onRestart: () => void;
}) {
  const navigate = useNavigate();
  const draftKey = draftKeyOf(initialVm?.id, initialDisk?.id);
  const [initial] = useState(() => {
    const defaults = attachDefaults(initialVm, initialDisk?.id);
    const draft = loadDraft(draftKey, ATTACH_DRAFT_FIELDS);
    const values: AttachFormValues = draft ? { ...defaults, ...draft.values, chapPassword: '' } : defaults;
    const saved = ATTACH_STEPS.find((s) => s === draft?.step);
    const step: AttachStepId = saved && visibleSteps(values.mode, values.storageType).includes(saved) ? saved : initialVm ? 'disk' : 'vm';
    return { values, step, restored: !!draft };
  });
  const nav = useWizardNav<AttachStepId>(initial.step);
  const { current, goTo } = nav;
  // Live validation (as the user types) judges the fields of the LUN-disk step on screen only.
  const resolver = useMemo<Resolver<AttachFormValues>>(() => {
    const step = lunDiskStepOf(current);
    const forLun = stepResolver<AttachFormValues>(step ? schemaForStep(step, { forVm: true }) : z.object({}));
    return (values, ctx, opts) => (values.mode === 'create' ? forLun(values, ctx, opts) : { values, errors: {} });
  }, [current]);
  const form = useForm<AttachFormValues>({ defaultValues: initial.values, resolver, mode: 'onTouched' });
  const discardDraft = useFormDraft(form, draftKey, SECRET_FIELDS, current);
  const [vmId, mode, diskIds, choices, hostId, storageType] = useWatch({
    control: form.control,
    name: ['vmId', 'mode', 'diskIds', 'choices', 'hostId', 'storageType'],
  });
  const data = useAttachData(vmId);
  const lunData = useLunDiskData({ vmId: vmId || undefined, hostId, storageType });
  const view = useLunTableView();
  const creator = useCreateLunDisk(vmId || undefined);
  const attacher = useAttachDisks(vmId);
  const [outcome, setOutcome] = useState<CreateOutcome | undefined>(undefined);
  const [failureShownAt, setFailureShownAt] = useState<'lun' | 'disk' | undefined>(undefined);
  const [problems, setProblems] = useState<Problems>({});
  const keepWizard = nav.keep;
  const steps = visibleSteps(mode, storageType);
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

  const validate = (id: AttachStepId): boolean => {
    const v = form.getValues();
    const lunStep = lunDiskStepOf(id);
    if (v.mode === 'create' && lunStep) return checkStep(lunStep, lunData, form, { forVm: true });
    switch (id) {
      case 'vm': {
        const chosen = data.usage.data?.find((x) => x.vm.id === v.vmId)?.vm;
        if (!chosen) return problem('vm', data.usage.isPending ? 'The VMs are still loading: wait for them, then choose one.' : 'Choose the virtual machine to attach to.');
        return problem('vm', vmBlocker(chosen, preselected, data.usersByDisk));
      }
      case 'disk': {
        if (v.mode === 'create') return problem('disk', undefined);
        if (v.diskIds.length === 0) return problem('disk', 'Pick at least one disk to attach, or choose Create from LUN.');
        for (const id of v.diskIds) {
          const row = data.rows.find((r) => r.disk.id === id);
          if (!row) return problem('disk', `Disk ${data.diskById.get(id)?.alias ?? id} is no longer listed: it was removed meanwhile. Unpick it.`);
          if (!row.attachability.selectable) {
            return problem('disk', `${row.disk.alias} cannot be attached to ${vm?.name ?? 'this VM'}: ${row.attachability.reason} Unpick it or pick another disk.`);
          }
        }
        return problem('disk', undefined);
      }
      case 'options': {
        const bad = batch.find((b) => b.interfaceProblem);
        if (bad) {
          document.getElementById(`opts-${bad.disk.id}-interface`)?.focus();
          return problem('options', `${bad.disk.alias}: ${bad.interfaceProblem ?? ''}`);
        }
        return problem('options', undefined);
      }
      case 'review': {
        const a = vm ? canAttachTo(vm) : undefined;
        return problem('review', a && !a.ok ? a.reason : undefined);
      }
      default:
        return true;
    }
  };

  const flow = wizardFlow(nav, steps, validate);

  const chooseVm = (chosen: Vm) => {
    form.setValue('vmId', chosen.id, { shouldDirty: true });
    const adapted = adaptToVm(form.getValues(), chosen);
    form.setValue('interface', adapted.interface);
    form.setValue('choices', adapted.choices);
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

  const cancel = () => {
    discardDraft();
    void navigate(origin);
  };

  const attachExisting = async () => {
    if (attacher.busy || !flow.allValid() || !vm) return;
    await attacher.run(attachItems(batch), vm.status);
  };

  const create = async () => {
    if (creator.isPending || !flow.allValid()) return;
    setFailureShownAt(undefined);
    const r = await createFromForm(creator, lunData, form);
    if (r.outcome) {
      discardDraft();
      setOutcome(r.outcome);
    } else {
      setFailureShownAt(r.failedAt);
      if (r.failedAt) goTo(attachStepOf(r.failedAt));
    }
  };

  const vmDisksPath = paths.vm(vmId, { tab: 'disks' });

  if (outcome) {
    return <CreateResult outcome={outcome} onDone={() => void navigate(origin)} doneLabel="Done" onAnother={onRestart} anotherLabel="Attach another disk" />;
  }

  if (states && vm) {
    const summary = attachSummary(states, vm.name);
    return (
      <section aria-labelledby="attach-result-title" style={{ display: 'grid', gap: '1rem' }}>
        <Title headingLevel="h2" id="attach-result-title" className="pf-v6-screen-reader">
          Result
        </Title>
        <div aria-live="polite">
          <Alert variant={summary.variant} isInline title={summary.title} component="h2" data-testid="attach-summary" />
        </div>
        <AttachResults
          states={states}
          vmName={vm.name}
          headingLevel="h3"
          onRetryPlug={(id) => void attacher.retryPlug(id)}
          onRetryAttach={(id) => void attacher.retryAttach(id, vm.status)}
        />
        <div style={{ display: 'flex', gap: '1rem', alignItems: 'center' }}>
          <Button variant="primary" onClick={() => void navigate(origin)} isDisabled={attacher.busy}>
            Done
          </Button>
          <Button variant="secondary" onClick={onRestart} isDisabled={attacher.busy}>
            Attach more disks
          </Button>
          {origin !== vmDisksPath ? <Link to={vmDisksPath}>Go to the disks of {vm.name}</Link> : null}
        </div>
      </section>
    );
  }

  const usedLunAction = (row: LunRow, tabbable: boolean) =>
    lunData.vm.data ? <AttachInsteadAction row={row} tabbable={tabbable} vm={lunData.vm.data} onOpen={(diskId) => attachInstead(diskId)} /> : null;

  const footer = (activeStep: WizardStepType, onNext: (e: MouseEvent<HTMLButtonElement>) => void | Promise<void>, onBack: (e: MouseEvent<HTMLButtonElement>) => void | Promise<void>) => (
    <WizardFooter
      activeStep={activeStep}
      isFinal={activeStep.id === 'review'}
      finalLabel={mode === 'create' ? 'Create and attach' : 'Attach'}
      busyLabel={mode === 'create' ? 'Creating…' : 'Attaching…'}
      busy={creator.isPending || attacher.busy}
      onFinal={() => void (mode === 'create' ? create() : attachExisting())}
      onNext={(e) => flow.next(activeStep, () => onNext(e))}
      onBack={onBack}
      onCancel={cancel}
    />
  );


  const startStep = steps.includes(initial.step) ? initial.step : 'vm';
  return (
    <FormProvider {...form}>
      <LunDiskProvider value={{ data: lunData, view, usedLunAction, restoredDraft: initial.restored }}>
        <Wizard
          navAriaLabel="Steps"
          isVisitRequired
          startIndex={ATTACH_STEPS.indexOf(startStep) + 1}
          onClose={cancel}
          onStepChange={(_e, cur, prev, scope) => flow.onStepChange(cur, prev, scope)}
          footer={footer}
          style={{ '--pf-v6-c-wizard__nav--lg--Width': '13rem' } as CSSProperties}
        >
          <WizardStep id="vm" name={STEP_NAMES.vm}>
            <WizardBridge onContext={keepWizard} />
            <VmStep data={data} selectedId={vmId} onSelect={chooseVm} error={problems.vm} preselected={preselected} />
          </WizardStep>
          <WizardStep id="disk" name={STEP_NAMES.disk}>
            <WizardBridge onContext={keepWizard} />
            <DiskChoiceStep data={data} mode={mode} onMode={chooseMode} diskIds={diskIds} onToggle={toggleDisk} error={problems.disk} />
          </WizardStep>
          <WizardStep id="source" name={STEP_NAMES.source} isHidden={mode !== 'create'}>
            <WizardBridge onContext={keepWizard} />
            <SourceStep />
          </WizardStep>
          <WizardStep id="targets" name={STEP_NAMES.targets} isHidden={mode !== 'create' || storageType !== 'iscsi'}>
            <WizardBridge onContext={keepWizard} />
            <StepProblem />
            <TargetsStep />
          </WizardStep>
          <WizardStep id="lun" name={STEP_NAMES.lun} isHidden={mode !== 'create'}>
            <WizardBridge onContext={keepWizard} />
            <LunStep onGoToTargets={storageType === 'iscsi' ? () => goTo('targets') : undefined} />
          </WizardStep>
          <WizardStep id="options" name={STEP_NAMES.options}>
            <WizardBridge onContext={keepWizard} />
            {mode === 'create' ? (
              <DiskStep />
            ) : data.attachVm ? (
              <ExistingOptionsStep vm={data.attachVm} batch={batch} onChange={changeChoice} problem={problems.options} />
            ) : (
              <Loading what="the virtual machine and its disks" />
            )}
          </WizardStep>
          <WizardStep id="review" name={STEP_NAMES.review}>
            <WizardBridge onContext={keepWizard} />
            {problems.review ? (
              <Alert variant="danger" isInline title="Cannot attach now" component="h3" role="alert" style={{ marginBottom: '1rem' }}>
                {problems.review}
              </Alert>
            ) : null}
            {mode === 'create' ? (
              <ReviewAndCreate
                attempt={creator.attempt}
                failureShownElsewhere={!!failureShownAt}
                onFix={(s) => goTo(attachStepOf(s))}
                stepName={(s) => STEP_NAMES[attachStepOf(s)]}
              />
            ) : vm ? (
              <ExistingReview vm={vm} batch={batch} current={data.vmAttachments} disks={data.disks.data ?? []} />
            ) : (
              <Loading what="the virtual machine and its disks" />
            )}
          </WizardStep>
        </Wizard>
      </LunDiskProvider>
    </FormProvider>
  );
}
