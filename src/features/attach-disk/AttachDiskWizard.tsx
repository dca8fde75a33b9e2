// The Attach wizard: Virtual machine → Disk → Options → Review for existing disks, or, with "Create from LUN", the
// Add Direct LUN disk steps in place (Source → Targets → LUN) before Options and Review. One form, each step
// validated on Next, a draft in sessionStorage; then per disk the engine's job steps and a clear result. This file
// is the one step list; each mode's steps, checks, final action and result are in attach-existing-flow.tsx and
// create-from-lun-flow.tsx.
import { Wizard, WizardStep, type WizardStepType } from '@patternfly/react-core';
import { useMemo, useState, type CSSProperties, type MouseEvent } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { Disk, Vm } from '../../domain/model';
import { SECRET_FIELDS } from '../../flows/lun-disk/form';
import { LunDiskFlowProvider } from '../../flows/lun-disk/lun-disk-flow';
import { loadDraft, useFormDraft } from '../../ui/form-draft';
import { useWizardNav, wizardFlow } from '../../ui/wizard-flow';
import { WizardBridge } from '../../ui/WizardBridge';
import { WizardFooter } from '../../ui/WizardFooter';
import { useAttachExistingFlow } from './attach-existing-flow';
import { liveResolver, useCreateFromLunFlow } from './create-from-lun-flow';
import { ATTACH_DRAFT_FIELDS } from './draft';
import { ATTACH_STEPS, attachDefaults, stepName, draftKeyOf, visibleSteps, type AttachFormValues, type AttachMode, type AttachStepId } from './form';
import { t } from '../../i18n/i18n';

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
  const resolver = useMemo(() => liveResolver(current), [current]);
  const form = useForm<AttachFormValues>({ defaultValues: initial.values, resolver, mode: 'onTouched' });
  const discardDraft = useFormDraft(form, draftKey, SECRET_FIELDS, current);
  const [mode, storageType] = useWatch({ control: form.control, name: ['mode', 'storageType'] });
  const leave = () => void navigate(origin);
  const existing = useAttachExistingFlow({ form, draftKey, restoredDraft: initial.restored, initialDisk, goTo, discardDraft, origin, onDone: leave, onRestart });
  const fromLun = useCreateFromLunFlow({
    form,
    draftKey,
    goTo,
    restoredDraft: initial.restored,
    onAttachInstead: existing.attachInstead,
    onCreated: discardDraft,
    onDone: leave,
    onRestart,
  });
  const keepWizard = nav.keep;
  const steps = visibleSteps(mode, storageType);

  // "Create from LUN" runs its own steps where it has them; the VM and Disk steps are the same in both modes.
  const stepIn = (m: AttachMode, id: AttachStepId) => (m === 'create' ? fromLun.steps[id] : undefined) ?? existing.steps[id];
  const validate = (id: AttachStepId): boolean => stepIn(form.getValues().mode, id)?.validate() ?? true;

  const flow = wizardFlow(nav, steps, validate);

  const cancel = () => {
    discardDraft();
    leave();
  };

  const result = fromLun.result ?? existing.result;
  if (result) return result;

  const footer = (activeStep: WizardStepType, onNext: (e: MouseEvent<HTMLButtonElement>) => void | Promise<void>, onBack: (e: MouseEvent<HTMLButtonElement>) => void | Promise<void>) => (
    <WizardFooter
      activeStep={activeStep}
      isFinal={activeStep.id === 'review'}
      finalLabel={mode === 'create' ? t('attach.wizard.createAndAttach') : t('attach.wizard.attach')}
      busyLabel={mode === 'create' ? t('attach.wizard.creating') : t('attach.wizard.attaching')}
      busy={fromLun.busy || existing.busy}
      onFinal={() => void (mode === 'create' ? fromLun.create(flow.allValid) : existing.attach(flow.allValid))}
      onNext={(e) => flow.next(activeStep, () => onNext(e))}
      onBack={onBack}
      onCancel={cancel}
    />
  );

  const startStep = steps.includes(initial.step) ? initial.step : 'vm';
  return (
    <FormProvider {...form}>
      <LunDiskFlowProvider flow={fromLun.lun}>
        <Wizard
          navAriaLabel={t('attach.wizard.navLabel')}
          isVisitRequired
          startIndex={ATTACH_STEPS.indexOf(startStep) + 1}
          onClose={cancel}
          onStepChange={(_e, cur, prev, scope) => flow.onStepChange(cur, prev, scope)}
          footer={footer}
          style={{ '--pf-v6-c-wizard__nav--lg--Width': '13rem' } as CSSProperties}
        >
          {ATTACH_STEPS.map((id) => (
            <WizardStep key={id} id={id} name={stepName(id)} isHidden={!steps.includes(id)}>
              <WizardBridge onContext={keepWizard} />
              {id === 'review' ? existing.reviewProblem : null}
              {stepIn(mode, id)?.content}
            </WizardStep>
          ))}
        </Wizard>
      </LunDiskFlowProvider>
    </FormProvider>
  );
}
