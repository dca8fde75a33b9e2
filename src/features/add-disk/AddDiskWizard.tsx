// The "Add Direct LUN disk" wizard: Source → Targets (iSCSI) → LUN → Disk → Review, one form, each step
// validated on Next; the create with its progress and result. The steps, their validation and the create come
// from the LUN-disk flow (src/flows/lun-disk/lun-disk-flow.tsx), so the Attach wizard runs the same ones in place
// ("Create from LUN"); this wizard adds its form and draft, the step list, and "Attach disk X instead".
import { Wizard, WizardStep, type WizardStepType } from '@patternfly/react-core';
import { useMemo, useState, type CSSProperties, type MouseEvent } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { Vm } from '../../domain/model';
import { useFormDraft, loadDraft } from '../../ui/form-draft';
import { useWizardNav, wizardFlow } from '../../ui/wizard-flow';
import { WizardBridge } from '../../ui/WizardBridge';
import { WizardFooter } from '../../ui/WizardFooter';
import { BatchResult } from '../../flows/lun-disk/BatchReview';
import { CreateResult } from '../../flows/lun-disk/CreateResult';
import { LUN_DISK_DRAFT_FIELDS } from '../../flows/lun-disk/draft';
import {
  LUN_DISK_STEPS, SECRET_FIELDS, lunDiskDefaults, schemaForStep, stepResolver, type LunDiskFormValues, type LunDiskStepId,
} from '../../flows/lun-disk/form';
import { LunDiskFlowProvider, useLunDiskFlow } from '../../flows/lun-disk/lun-disk-flow';
import { AttachExistingModal } from './AttachExistingModal';
import { paths } from '../../ui/paths';
import { t } from '../../i18n/i18n';

export function draftKeyOf(vmId: string | undefined): string {
  return `add-disk.${vmId ?? 'floating'}`;
}

export function AddDiskWizard({ vm, origin, onRestart }: { vm: Vm | undefined; origin: string; onRestart: () => void }) {
  const navigate = useNavigate();
  const draftKey = draftKeyOf(vm?.id);
  const [initial] = useState(() => {
    const defaults = lunDiskDefaults(vm ? { name: vm.name, status: vm.status, virtioScsiEnabled: vm.virtioScsiEnabled } : undefined);
    const draft = loadDraft(draftKey, LUN_DISK_DRAFT_FIELDS);
    const step = LUN_DISK_STEPS.find((s) => s === draft?.step);
    return { values: draft ? { ...defaults, ...draft.values, chapPassword: '' } : defaults, step: step ?? 'source', restored: !!draft };
  });
  const nav = useWizardNav<LunDiskStepId>(initial.step);
  const { current, goTo } = nav;
  const schemaCtx = useMemo(() => ({ forVm: !!vm }), [vm]);
  // Live validation (as the user types) judges the fields of the step on screen only.
  const resolver = useMemo(() => stepResolver<LunDiskFormValues>(schemaForStep(current, schemaCtx)), [current, schemaCtx]);
  const form = useForm<LunDiskFormValues>({ defaultValues: initial.values, resolver, mode: 'onTouched' });
  const discardDraft = useFormDraft(form, draftKey, SECRET_FIELDS, current);
  const [hostId, storageType] = useWatch({ control: form.control, name: ['hostId', 'storageType'] });
  // Lives here, not in the table row: the row changes (and may scroll out of the rendered window) once attached.
  const [attaching, setAttaching] = useState<{ diskId: string; alias: string } | undefined>(undefined);
  const lun = useLunDiskFlow({
    form,
    hostId,
    storageType,
    vmId: vm?.id,
    forVm: !!vm,
    goTo,
    onAttachInstead: vm ? (diskId, alias) => setAttaching({ diskId, alias }) : undefined,
    attachTo: vm,
    restoredDraft: initial.restored,
    onCreated: discardDraft,
    draftKey,
  });
  const { outcome } = lun;
  const keepWizard = nav.keep;

  const leave = () => void navigate(origin);
  const cancel = () => {
    discardDraft();
    leave();
  };

  const flow = wizardFlow(nav, lun.visibleSteps, lun.validateStep);

  if (lun.batch.allMade) {
    return (
      <BatchResult batch={lun.batch} vmName={vm?.name} onDone={leave} doneLabel={vm ? t('lunDisk.wizard.backToVm', { vm: vm.name }) : t('lunDisk.wizard.backToDisks')} onAnother={onRestart} />
    );
  }

  if (outcome) {
    return (
      <CreateResult
        outcome={outcome}
        onDone={leave}
        doneLabel={vm ? t('lunDisk.wizard.backToVm', { vm: vm.name }) : t('lunDisk.wizard.backToDisks')}
        onAnother={onRestart}
      />
    );
  }

  const footer = (activeStep: WizardStepType, onNext: (e: MouseEvent<HTMLButtonElement>) => void | Promise<void>, onBack: (e: MouseEvent<HTMLButtonElement>) => void | Promise<void>) => (
    <WizardFooter
      activeStep={activeStep}
      isFinal={activeStep.id === 'review'}
      finalLabel={t('lunDisk.wizard.create')}
      busyLabel={t('lunDisk.wizard.creating')}
      busy={lun.busy}
      onFinal={() => void lun.create(flow.allValid)}
      onNext={(e) => flow.next(activeStep, () => onNext(e))}
      onBack={onBack}
      onCancel={cancel}
    />
  );

  return (
    <FormProvider {...form}>
      <LunDiskFlowProvider flow={lun}>
        <Wizard
          navAriaLabel={t('lunDisk.wizard.stepsNav')}
          isVisitRequired
          startIndex={LUN_DISK_STEPS.indexOf(initial.step === 'targets' && initial.values.storageType !== 'iscsi' ? 'source' : initial.step) + 1}
          onClose={cancel}
          onStepChange={(_e, cur, prev, scope) => flow.onStepChange(cur, prev, scope)}
          footer={footer}
          // Short step names: a narrow step list leaves the LUN table room.
          style={{ '--pf-v6-c-wizard__nav--lg--Width': '11rem' } as CSSProperties}
        >
          {lun.steps.map((step) => (
            <WizardStep key={step.id} id={step.id} name={step.title} isHidden={step.isHidden}>
              <WizardBridge onContext={keepWizard} />
              {step.content}
            </WizardStep>
          ))}
        </Wizard>
        {vm && attaching ? (
          <AttachExistingModal
            diskId={attaching.diskId}
            alias={attaching.alias}
            vm={vm}
            onClose={() => setAttaching(undefined)}
            onAttached={() => {
              discardDraft();
              void navigate(paths.vm(vm.id, { tab: 'disks' }));
            }}
          />
        ) : null}
      </LunDiskFlowProvider>
    </FormProvider>
  );
}

