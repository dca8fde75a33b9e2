// The face of the LUN-disk steps: what a wizard that hosts them needs, composed in one hook. The hosting wizard
// owns its form (with LunDiskFormValues in it), its step navigation and its draft; the flow gives it the steps
// (title, content, validation on Next), "Create" (one call from the button to the request, never two disks), the
// current attempt, the failure and the step it was placed on, and the outcome to show. The Add Direct LUN disk
// wizard runs all five steps; the Attach wizard runs them in place for "Create from LUN" (decision 010).
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { LunStorageType, Vm } from '../../domain/model';
import { ReviewAndCreate, useCreateFromForm, type Interruption } from './CreateReview';
import { createLunTableViewStore, groupedByTarget, LunDiskProvider, useLunDiskData, type LunDiskEnvironment } from './data';
import { batchDisks } from './batch';
import { BatchReview, batchPlan } from './BatchReview';
import { DiskStep } from './DiskStep';
import { LUN_DISK_STEPS, isBatch, type LunDiskFormValues, type LunDiskStepId } from './form';
import { LunStep } from './LunStep';
import { warmLunLists } from './lun-list';
import { LUN_SORT_KEYS, sortAhead, type LunRow } from './lun-rows';
import { warmSearch } from './lun-search';
import { rehearseLunTable } from './rehearse-lun-table';
import { whenIdle } from '../../ui/idle-work';
import { SourceStep } from './SourceStep';
import { TargetsStep } from './TargetsStep';
import { useCreateLunBatch, type LunBatch } from './use-create-lun-batch';
import type { CreateAttempt, CreateOutcome } from './use-create-lun-disk';
import { AttachInsteadAction, GoToDiskLink } from './UsedLunActions';
import { checkStep, StepProblem, type LunDiskForm } from './validate';
import { t, type MessageId } from '../../i18n/i18n';

const STEP_NAMES: Record<LunDiskStepId, MessageId> = {
  source: 'lunDisk.step.source',
  targets: 'lunDisk.step.targets',
  lun: 'lunDisk.step.lun',
  disk: 'lunDisk.step.disk',
  review: 'lunDisk.step.review',
};

export interface LunDiskFlowStep {
  id: LunDiskStepId;
  /** What the hosting wizard calls the step. */
  title: string;
  /** Only the Targets step hides: Fibre Channel needs no discovery or login. */
  isHidden: boolean;
  /** What the step shows, inside LunDiskFlowProvider and the wizard's FormProvider. */
  content: ReactNode;
  /** "Next": the step's schema plus the rules that need the engine's data; the errors land on the fields. */
  validate: () => boolean;
}

export interface LunDiskFlowOptions {
  /** The hosting wizard's form: LunDiskFormValues, or a form with more fields (the Attach wizard's). */
  form: LunDiskForm;
  /** The form's host and storage type, as the wizard watches them: they choose the LUNs listed. */
  hostId: string;
  storageType: LunStorageType;
  /** The VM the disk is created for (created and attached in one request); undefined for a floating disk. */
  vmId: string | undefined;
  /** A disk for a VM: the data center is the VM's, and the alias may stay empty (the engine names the disk). */
  forVm: boolean;
  /** Moves the hosting wizard to a LUN-disk step (a failed create, "Change it in the … step", "go to Targets"). */
  goTo: (s: LunDiskStepId) => void;
  /** What the hosting wizard calls a step; by default Source, Targets, LUN, Disk, Review. */
  stepName?: ((s: LunDiskStepId) => string) | undefined;
  /**
   * A used LUN's row offers "Attach disk X instead" to `attachTo` (by default the VM the flow loaded; nothing
   * while it loads) when this is given — a LUN backs at most one disk; without it, "Go to disk X".
   */
  onAttachInstead?: ((diskId: string, alias: string) => void) | undefined;
  attachTo?: Vm | undefined;
  /** The form was filled from a saved draft (then the CHAP password, never saved, must be typed again). */
  restoredDraft: boolean;
  /** The disk exists: called before its result shows (the wizard drops its draft). */
  onCreated: () => void;
  /**
   * The hosting wizard's draft key: a Create in flight is kept next to the draft, so that after a reload the wizard
   * says so and asks the engine how it ended (src/flows/lun-disk/unsettled-create.ts).
   */
  draftKey?: string | undefined;
}

export interface LunDiskFlow {
  /** All five steps in order, the hidden one (Targets for Fibre Channel) marked. */
  steps: LunDiskFlowStep[];
  /** The steps shown, in order. */
  visibleSteps: LunDiskStepId[];
  validateStep: (id: LunDiskStepId) => boolean;
  /** "Create": `ready` is the wizard's check that every step is valid (it moves to the first that is not). */
  create: (ready: () => boolean) => Promise<void>;
  /** A create is in flight: the wizard's buttons wait. */
  busy: boolean;
  /** The current (or last) attempt: its correlation id for the progress, and its error. */
  attempt: CreateAttempt | undefined;
  /** The step the last failure was placed on (the LUN taken meanwhile, the alias refused). */
  failedAt: 'lun' | 'disk' | undefined;
  /** Set once the disk exists: the wizard shows its result. */
  outcome: CreateOutcome | undefined;
  /** A Create whose end was not known (a reload mid-Create, a lost answer): being checked, or what the check found. */
  interruption: Interruption | undefined;
  /** What the steps read from LunDiskFlowProvider. */
  environment: LunDiskEnvironment;
  /** A batch of LUN disks (decision 048): its disks and results; `allMade` once every disk exists. */
  batch: LunBatch;
}

/** Rows in the table's rehearsal: about a screenful, as the LUN step first shows. */
const REHEARSED_ROWS = 16;

export function useLunDiskFlow(o: LunDiskFlowOptions): LunDiskFlow {
  const { form, storageType, goTo, onAttachInstead } = o;
  const stepName = o.stepName ?? ((s: LunDiskStepId) => t(STEP_NAMES[s]));
  const data = useLunDiskData({ vmId: o.vmId, hostId: o.hostId, storageType });
  const [view] = useState(createLunTableViewStore);
  // While the user is on Source or Targets, the LUN step's opening list is sorted and built (lun-rows.ts caches it);
  // then, in idle moments, every other column's order, so a header click only looks its order up. Again when the
  // grouping changes (the lists differ); the view is read from its store, so the wizard does not re-render for it.
  useEffect(() => {
    const rows = data.rows;
    let cancel = () => {};
    let last = view.get();
    const warm = () => {
      cancel();
      const current = view.get();
      const g = groupedByTarget(current, storageType);
      const id = setTimeout(() => warmLunLists(rows, current.sort, g), 0);
      // The table rendered once, detached, with the opening list's first screenful (rehearse-lun-table.tsx).
      let unmount = () => {};
      const rehearse = () => (unmount = rehearseLunTable(warmLunLists(rows, current.sort, g).slice(0, REHEARSED_ROWS), storageType === 'iscsi', current.sort));
      const stop = whenIdle([rehearse, () => unmount(), () => warmSearch(rows), ...LUN_SORT_KEYS.map((key) => () => sortAhead(rows, key))]);
      cancel = () => {
        clearTimeout(id);
        stop();
        unmount();
      };
    };
    warm();
    const unsubscribe = view.subscribe(() => {
      const now = view.get();
      if (now.grouped !== last.grouped) warm();
      last = now;
    });
    return () => {
      unsubscribe();
      cancel();
    };
  }, [data.rows, storageType, view]);
  const creating = useCreateFromForm(form, data, { goTo, onCreated: o.onCreated, draftKey: o.draftKey, restoredDraft: o.restoredDraft });

  const validateStep = (id: LunDiskStepId): boolean => checkStep(id, data, form, { forVm: o.forVm });
  const batch = useCreateLunBatch(data.vmId, { draftKey: o.draftKey, restored: o.restoredDraft, onAllMade: o.onCreated });

  /**
   * Create for a batch: the first one checks every step; once the batch has begun its LUNs read as used (by its own
   * disks), so a later Create (the rest, after a reload) checks the names only. `only`: Retry failed.
   */
  const createBatch = async (ready: () => boolean, only?: 'failed'): Promise<void> => {
    if (batch.busy || creating.busy) return;
    if (!batch.items ? !ready() : !only && !validateStep('disk')) return;
    const v = form.getValues();
    await batch.run(only ? undefined : batchDisks(v), (d) => batchPlan(data, v, d), only);
  };
  const create = (ready: () => boolean): Promise<void> => (isBatch(form.getValues()) || batch.items ? createBatch(ready) : creating.create(ready));

  // The same function while what it shows stays the same: the LUN table's rows are memoized on it.
  const actionVm = o.attachTo ?? data.vm.data;
  const usedLunAction = useCallback(
    (row: LunRow, tabbable: boolean): ReactNode => {
      if (!onAttachInstead) return <GoToDiskLink row={row} tabbable={tabbable} />;
      return actionVm ? <AttachInsteadAction row={row} tabbable={tabbable} vm={actionVm} onOpen={onAttachInstead} /> : null;
    },
    [onAttachInstead, actionVm],
  );

  const content: Record<LunDiskStepId, ReactNode> = {
    source: <SourceStep />,
    targets: (
      <>
        <StepProblem />
        <TargetsStep />
      </>
    ),
    lun: <LunStep onGoToTargets={storageType === 'iscsi' ? () => goTo('targets') : undefined} />,
    disk: <DiskStep />,
    review: (
      <ReviewOrBatch
        batch={batch}
        onRetryFailed={() => void createBatch(() => true, 'failed')}
        single={<ReviewAndCreate attempt={creating.attempt} interruption={creating.interruption} failureShownElsewhere={!!creating.failedAt} onFix={goTo} stepName={stepName} />}
      />
    ),
  };

  const steps: LunDiskFlowStep[] = LUN_DISK_STEPS.map((id) => ({
    id,
    title: stepName(id),
    isHidden: id === 'targets' && storageType !== 'iscsi',
    content: content[id],
    validate: () => validateStep(id),
  }));

  const environment: LunDiskEnvironment = { data, view, usedLunAction, restoredDraft: o.restoredDraft };

  return {
    steps,
    visibleSteps: steps.filter((s) => !s.isHidden).map((s) => s.id),
    validateStep,
    create,
    busy: creating.busy || batch.busy,
    attempt: creating.attempt,
    failedAt: creating.failedAt,
    outcome: creating.outcome,
    interruption: creating.interruption,
    environment,
    batch,
  };
}

/** The Review of one disk, or of a batch (two LUNs or more checked, or a batch under way). */
function ReviewOrBatch({ batch, onRetryFailed, single }: { batch: LunBatch; onRetryFailed: () => void; single: ReactNode }) {
  const { control } = useFormContext<LunDiskFormValues>();
  const lunIds = useWatch({ control, name: 'lunIds' });
  return isBatch({ lunIds }) || batch.items ? <BatchReview batch={batch} onRetryFailed={onRetryFailed} /> : single;
}

/** Around the wizard's steps: the engine data, the LUN table's view and the used-LUN action the steps read. */
export function LunDiskFlowProvider({ flow, children }: { flow: LunDiskFlow; children: ReactNode }) {
  return <LunDiskProvider value={flow.environment}>{children}</LunDiskProvider>;
}
