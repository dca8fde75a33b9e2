// The end of the LUN-disk steps in any wizard that hosts them: the review with its approval, the progress of the
// create, and a failed create shown where the user can fix it — the LUN step (taken meanwhile, not visible from
// the host), the alias, or here with the engine's reason and what happens on the next Create (decision 013).
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { answerLost, isEngineError } from '../../engine-api/errors';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { JobProgress } from '../../ui/JobProgress';
import type { LunDiskData } from './data';
import type { LunDiskFormValues, LunDiskStepId } from './form';
import { ReviewSummary } from './ReviewSummary';
import { StorageDomainApproval } from './StorageDomainApproval';
import { createPlan } from './requests';
import { LunTakenError, useCreateLunDisk, type CreateAttempt, type CreateOutcome } from './use-create-lun-disk';
import type { LunDiskForm } from './validate';

/** Which step an engine failure of the create concerns, so it is shown where the user can fix it. */
export function stepOfFailure(e: unknown): 'lun' | 'disk' | undefined {
  if (!isEngineError(e)) return undefined;
  switch (e.key) {
    case 'ACTION_TYPE_FAILED_DISK_LUN_IS_ALREADY_IN_USE':
    case 'ACTION_TYPE_FAILED_DISK_LUN_INVALID':
      return 'lun';
    case 'VALIDATION_DISK_ALIAS_INVALID':
      return 'disk';
    default:
      return undefined;
  }
}

/**
 * Puts an engine failure of the create on the step where it can be fixed (the LUN, or the alias) and returns that
 * step; undefined when the failure belongs on the review.
 */
export function placeCreateFailure(e: unknown, form: LunDiskForm, data: LunDiskData, lunId: string): 'lun' | 'disk' | undefined {
  const at = stepOfFailure(e);
  if (!at || !isEngineError(e)) return undefined;
  if (at === 'lun') {
    form.setValue('approveStorageDomain', false);
    form.setValue('lunId', '');
    form.setError('lunId', {
      type: 'engine',
      message:
        e.key === 'ACTION_TYPE_FAILED_DISK_LUN_IS_ALREADY_IN_USE'
          ? `LUN ${lunId} was taken meanwhile: the engine says “${e.userMessage}”${e instanceof LunTakenError ? ` It now backs disk ${e.takenBy}.` : ''} It is now listed as used; pick another LUN.`
          : `The engine refused LUN ${lunId}: “${e.userMessage}” Pick a LUN ${data.hostName(form.getValues().hostId)} sees, or another host.`,
    });
  } else {
    form.setError('alias', { type: 'engine', message: e.userMessage }, { shouldFocus: true });
  }
  return at;
}

/**
 * "Create" in any wizard that hosts the LUN-disk steps: one call from the button to the request. Reads the form,
 * builds the plan the Review shows and sends it (one request, never two disks: useCreateLunDisk). A failure the
 * user fixes on a step is placed on that step's field and the wizard moved there; other failures show on the review.
 */
export function useCreateFromForm(
  form: LunDiskForm,
  data: LunDiskData,
  on: {
    /** Moves the hosting wizard to the step the failure concerns. */
    goTo: (s: LunDiskStepId) => void;
    /** The disk exists: called before its result shows (the wizard drops its draft). */
    onCreated: () => void;
  },
) {
  const creator = useCreateLunDisk(data.vmId);
  const [outcome, setOutcome] = useState<CreateOutcome | undefined>(undefined);
  const [failedAt, setFailedAt] = useState<'lun' | 'disk' | undefined>(undefined);

  /** `ready`: the hosting wizard's check that every step is valid (it moves to the first that is not). */
  const create = async (ready: () => boolean): Promise<void> => {
    if (creator.isPending || !ready()) return;
    setFailedAt(undefined);
    const v = form.getValues();
    const row = data.rowById.get(v.lunId);
    if (!row) return;
    try {
      const created = await creator.create(createPlan(data, v, row), v.hostId);
      if (created) {
        on.onCreated();
        setOutcome(created);
      }
    } catch (e) {
      const at = placeCreateFailure(e, form, data, v.lunId);
      setFailedAt(at);
      if (at) on.goTo(at);
    }
  };

  return {
    create,
    /** The current (or last) attempt: its correlation id for the progress, and its error. */
    attempt: creator.attempt,
    busy: creator.isPending,
    /** The step the last failure was placed on (then the review does not repeat it). */
    failedAt,
    /** Set once the disk exists. */
    outcome,
  };
}

export function ReviewAndCreate({
  attempt,
  failureShownElsewhere,
  onFix,
  stepName,
}: {
  attempt: CreateAttempt | undefined;
  failureShownElsewhere: boolean;
  onFix: (s: LunDiskStepId) => void;
  /** What the hosting wizard calls a step ("Disk", "Options"). */
  stepName: (s: LunDiskStepId) => string;
}) {
  const { control } = useFormContext<LunDiskFormValues>();
  const lunId = useWatch({ control, name: 'lunId' });
  return (
    <>
      <ReviewSummary />
      <StorageDomainApproval lunId={lunId} />
      {attempt ? (
        <section aria-label="Progress of the create" style={{ marginTop: '1rem' }}>
          <JobProgress correlationId={attempt.correlationId} active={attempt.pending} label="Steps of the create" />
        </section>
      ) : null}
      {attempt?.error && !failureShownElsewhere ? <CreateFailure error={attempt.error} onFix={onFix} stepName={stepName} /> : null}
    </>
  );
}

function CreateFailure({ error, onFix, stepName }: { error: unknown; onFix: (s: LunDiskStepId) => void; stepName: (s: LunDiskStepId) => string }) {
  const lost = answerLost(error);
  const fixAt: LunDiskStepId | undefined =
    isEngineError(error) &&
    (error.key === 'ACTION_TYPE_FAILED_DISK_BOOT_IN_USE' ||
      error.key === 'CANNOT_PERFORM_ACTION_VIRTIO_SCSI_IS_DISABLED' ||
      error.key === 'HOT_PLUG_IDE_DISK_IS_NOT_SUPPORTED' ||
      error.key === 'ACTION_TYPE_DISK_INTERFACE_UNSUPPORTED')
      ? 'disk'
      : undefined;
  return (
    <div style={{ marginTop: '1rem' }} role="alert">
      <ErrorAlert
        title={lost ? 'No answer from the engine: the disk may or may not have been created' : 'The disk was not created'}
        error={error}
        headingLevel="h3"
        onRetry={fixAt ? () => onFix(fixAt) : undefined}
        retryLabel={fixAt ? `Change it in the ${stepName(fixAt)} step` : undefined}
      />
      {lost ? (
        <p style={{ marginTop: '0.5rem' }}>
          The answer was lost, so the engine may have created the disk anyway. Press Create again: the console first asks the engine whether a
          disk on this LUN exists, and creates nothing twice.
        </p>
      ) : (
        <p style={{ marginTop: '0.5rem' }}>Everything you entered is kept. Fix the cause and press Create again.</p>
      )}
    </div>
  );
}
