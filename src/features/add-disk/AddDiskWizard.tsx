// The "Add Direct LUN disk" wizard: Source → Targets (iSCSI) → LUN → Disk → Review, one form, each step
// validated on Next; the create with its progress and result. The steps themselves live in src/flows/lun-disk so
// the Attach wizard can run them in place ("Create from LUN").
import { Wizard, WizardStep, type WizardStepType } from '@patternfly/react-core';
import { useMemo, useState, type CSSProperties, type MouseEvent } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { Vm } from '../../domain/model';
import { useFormDraft, loadDraft } from '../../ui/form-draft';
import { useWizardNav, wizardFlow } from '../../ui/wizard-flow';
import { WizardBridge } from '../../ui/WizardBridge';
import { WizardFooter } from '../../ui/WizardFooter';
import { LunDiskProvider, useLunDiskData, useLunTableView } from '../../flows/lun-disk/data';
import { DiskStep } from '../../flows/lun-disk/DiskStep';
import { LUN_DISK_DRAFT_FIELDS } from '../../flows/lun-disk/draft';
import {
  LUN_DISK_STEPS, SECRET_FIELDS, lunDiskDefaults, schemaForStep, stepResolver, type LunDiskFormValues, type LunDiskStepId,
} from '../../flows/lun-disk/form';
import { LunStep } from '../../flows/lun-disk/LunStep';
import type { LunRow } from '../../flows/lun-disk/lun-rows';
import { checkStep, StepProblem } from '../../flows/lun-disk/validate';
import { SourceStep } from '../../flows/lun-disk/SourceStep';
import { TargetsStep } from '../../flows/lun-disk/TargetsStep';
import { CreateResult } from '../../flows/lun-disk/CreateResult';
import { createFromForm, ReviewAndCreate } from '../../flows/lun-disk/CreateReview';
import { AttachInsteadAction, GoToDiskLink } from '../../flows/lun-disk/UsedLunActions';
import { AttachExistingModal } from './AttachExistingModal';
import { useCreateLunDisk, type CreateOutcome } from '../../flows/lun-disk/use-create-lun-disk';
import { paths } from '../../ui/paths';

const STEP_NAMES: Record<LunDiskStepId, string> = { source: 'Source', targets: 'Targets', lun: 'LUN', disk: 'Disk', review: 'Review' };

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
  const data = useLunDiskData({ vmId: vm?.id, hostId, storageType });
  const view = useLunTableView();
  const creator = useCreateLunDisk(vm?.id);
  const [outcome, setOutcome] = useState<CreateOutcome | undefined>(undefined);
  const [failureShownAt, setFailureShownAt] = useState<'lun' | 'disk' | undefined>(undefined);
  // Lives here, not in the table row: the row changes (and may scroll out of the rendered window) once attached.
  const [attaching, setAttaching] = useState<{ diskId: string; alias: string } | undefined>(undefined);
  const keepWizard = nav.keep;
  const visibleSteps = LUN_DISK_STEPS.filter((s) => !(s === 'targets' && storageType !== 'iscsi'));

  const validateStep = (id: LunDiskStepId): boolean => checkStep(id, data, form, schemaCtx);

  const leave = () => void navigate(origin);
  const cancel = () => {
    discardDraft();
    leave();
  };

  const flow = wizardFlow(nav, visibleSteps, validateStep);

  const create = async () => {
    if (creator.isPending || !flow.allValid()) return;
    setFailureShownAt(undefined);
    const r = await createFromForm(creator, data, form);
    if (r.outcome) {
      discardDraft();
      setOutcome(r.outcome);
    } else {
      setFailureShownAt(r.failedAt);
      if (r.failedAt) goTo(r.failedAt);
    }
  };

  const usedLunAction = (row: LunRow, tabbable: boolean) =>
    vm ? (
      <AttachInsteadAction row={row} tabbable={tabbable} vm={vm} onOpen={(diskId, alias) => setAttaching({ diskId, alias })} />
    ) : (
      <GoToDiskLink row={row} tabbable={tabbable} />
    );

  if (outcome) {
    return (
      <CreateResult
        outcome={outcome}
        onDone={leave}
        doneLabel={vm ? `Back to ${vm.name}` : 'Back to Disks'}
        onAnother={onRestart}
      />
    );
  }

  const footer = (activeStep: WizardStepType, onNext: (e: MouseEvent<HTMLButtonElement>) => void | Promise<void>, onBack: (e: MouseEvent<HTMLButtonElement>) => void | Promise<void>) => (
    <WizardFooter
      activeStep={activeStep}
      isFinal={activeStep.id === 'review'}
      finalLabel="Create"
      busyLabel="Creating…"
      busy={creator.isPending}
      onFinal={() => void create()}
      onNext={(e) => flow.next(activeStep, () => onNext(e))}
      onBack={onBack}
      onCancel={cancel}
    />
  );


  return (
    <FormProvider {...form}>
      <LunDiskProvider value={{ data, view, usedLunAction, restoredDraft: initial.restored }}>
        <Wizard
          navAriaLabel="Steps"
          isVisitRequired
          startIndex={LUN_DISK_STEPS.indexOf(initial.step === 'targets' && initial.values.storageType !== 'iscsi' ? 'source' : initial.step) + 1}
          onClose={cancel}
          onStepChange={(_e, cur, prev, scope) => flow.onStepChange(cur, prev, scope)}
          footer={footer}
          // Short step names: a narrow step list leaves the LUN table room.
          style={{ '--pf-v6-c-wizard__nav--lg--Width': '11rem' } as CSSProperties}
        >
          <WizardStep id="source" name={STEP_NAMES.source}>
            <WizardBridge onContext={keepWizard} />
            <SourceStep />
          </WizardStep>
          <WizardStep id="targets" name={STEP_NAMES.targets} isHidden={storageType !== 'iscsi'}>
            <WizardBridge onContext={keepWizard} />
            <StepProblem />
            <TargetsStep />
          </WizardStep>
          <WizardStep id="lun" name={STEP_NAMES.lun}>
            <WizardBridge onContext={keepWizard} />
            <LunStep onGoToTargets={storageType === 'iscsi' ? () => goTo('targets') : undefined} />
          </WizardStep>
          <WizardStep id="disk" name={STEP_NAMES.disk}>
            <WizardBridge onContext={keepWizard} />
            <DiskStep />
          </WizardStep>
          <WizardStep id="review" name={STEP_NAMES.review}>
            <WizardBridge onContext={keepWizard} />
            <ReviewAndCreate attempt={creator.attempt} failureShownElsewhere={!!failureShownAt} onFix={goTo} stepName={(id) => STEP_NAMES[id]} />
          </WizardStep>
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
      </LunDiskProvider>
    </FormProvider>
  );
}

