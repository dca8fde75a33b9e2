// The end of the LUN-disk steps in any wizard that hosts them: the review with its approval, the progress of the
// create, and a failed create shown where the user can fix it — the LUN step (taken meanwhile, not visible from
// the host), the alias, or here with the engine's reason and what happens on the next Create (decision 013).
import { useEffect, useRef, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { Alert, Spinner } from '@patternfly/react-core';
import { answerLost, errorText, isEngineError } from '../../engine-api/errors';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { JobProgress } from '../../ui/JobProgress';
import type { LunDiskData } from './data';
import type { LunDiskFormValues, LunDiskStepId } from './form';
import { ReviewSummary } from './ReviewSummary';
import { StorageDomainApproval } from './StorageDomainApproval';
import { createPlan } from './requests';
import { LunTakenError, useCreateLunDisk, type CreateAttempt, type CreateOutcome } from './use-create-lun-disk';
import type { UnsettledCreate } from './unsettled-create';
import type { LunDiskForm } from './validate';
import { t } from '../../i18n/i18n';
import { alertLabel } from '../../i18n/patternfly';

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
          ? e instanceof LunTakenError
            ? t('lunDisk.create.takenBy', { lun: lunId, engine: e.userMessage, disk: e.takenBy })
            : t('lunDisk.create.taken', { lun: lunId, engine: e.userMessage })
          : t('lunDisk.create.refused', { lun: lunId, engine: e.userMessage, host: data.hostName(form.getValues().hostId) }),
    });
  } else {
    form.setError('alias', { type: 'engine', message: e.userMessage }, { shouldFocus: true });
  }
  return at;
}

/**
 * What the Review says about a Create whose end the console did not know (decision 013): the page was reloaded while
 * it was in flight, or its answer was lost — while the engine is asked, after it said nothing was made, or when it
 * could not be asked.
 */
export type Interruption =
  | { phase: 'checking'; attempt: UnsettledCreate }
  | { phase: 'not-made'; attempt: UnsettledCreate }
  | { phase: 'unknown'; attempt: UnsettledCreate; error: unknown };

/**
 * "Create" in any wizard that hosts the LUN-disk steps: one call from the button to the request. Reads the form,
 * builds the plan the Review shows and sends it (one request, never two disks: useCreateLunDisk). A Create whose end
 * is unknown is settled with the engine first, before any step is validated: a disk of ours on the LUN is the
 * result, not a "used" LUN. A failure the user fixes on a step is placed on that step's field and the wizard moved
 * there; other failures show on the review.
 */
export function useCreateFromForm(
  form: LunDiskForm,
  data: LunDiskData,
  on: {
    /** Moves the hosting wizard to the step the failure concerns. */
    goTo: (s: LunDiskStepId) => void;
    /** The disk exists: called before its result shows (the wizard drops its draft). */
    onCreated: () => void;
    /** The hosting wizard's draft key: an attempt in flight is kept next to the draft across a reload. */
    draftKey?: string | undefined;
    /** The form was filled from the draft: an attempt kept with it is picked up and checked at once. */
    restoredDraft?: boolean | undefined;
  },
) {
  const creator = useCreateLunDisk(data.vmId, { draftKey: on.draftKey, restored: on.restoredDraft });
  const [outcome, setOutcome] = useState<CreateOutcome | undefined>(undefined);
  const [failedAt, setFailedAt] = useState<'lun' | 'disk' | undefined>(undefined);
  const [interruption, setInterruption] = useState<Interruption | undefined>(() =>
    creator.restoredAttempt ? { phase: 'checking', attempt: creator.restoredAttempt } : undefined,
  );
  const { onCreated, goTo } = on;

  /** Settles an unsettled attempt with the engine: 'stop' when that decided the wizard's next screen. */
  const settle = async (): Promise<'go-on' | 'stop'> => {
    const pending = creator.unsettled();
    if (!pending) return 'go-on';
    setInterruption({ phase: 'checking', attempt: pending });
    try {
      const settled = await creator.settle();
      if (!settled) return 'stop';
      if (settled.outcome) {
        setInterruption(undefined);
        onCreated();
        setOutcome(settled.outcome);
        return 'stop';
      }
      setInterruption({ phase: 'not-made', attempt: settled.attempt });
      return 'go-on';
    } catch (e) {
      // Someone else's disk on that LUN: the LUN step says so, as after the engine's 409 — when the form still has
      // that LUN; a LUN picked since is checked by the steps as usual.
      if (e instanceof LunTakenError) {
        setInterruption(undefined);
        const v = form.getValues();
        if (v.lunId !== e.lunId) return 'go-on';
        const at = placeCreateFailure(e, form, data, e.lunId);
        setFailedAt(at);
        if (at) goTo(at);
        return 'stop';
      }
      setInterruption({ phase: 'unknown', attempt: pending, error: e });
      return 'stop';
    }
  };

  // The page went away while a Create was in flight: ask the engine at once (once), and say so on the Review.
  const restored = creator.restoredAttempt;
  const checkedAtStart = useRef(false);
  useEffect(() => {
    if (!restored || checkedAtStart.current) return;
    checkedAtStart.current = true;
    void settle();
  });

  /** `ready`: the hosting wizard's check that every step is valid (it moves to the first that is not). */
  const create = async (ready: () => boolean): Promise<void> => {
    if (creator.isPending) return;
    if ((await settle()) === 'stop') return;
    if (!ready()) return;
    setFailedAt(undefined);
    setInterruption(undefined);
    const v = form.getValues();
    const row = data.rowById.get(v.lunId);
    if (!row) return;
    try {
      const created = await creator.create(createPlan(data, v, row), v.hostId);
      if (created) {
        onCreated();
        setOutcome(created);
      }
    } catch (e) {
      const at = placeCreateFailure(e, form, data, v.lunId);
      setFailedAt(at);
      if (at) goTo(at);
    }
  };

  return {
    create,
    /** The current (or last) attempt: its correlation id for the progress, and its error. */
    attempt: creator.attempt,
    busy: creator.isPending,
    /** The step the last failure was placed on (then the review does not repeat it). */
    failedAt,
    /** A Create whose end was unknown: being checked, found not made, or not checkable now. */
    interruption,
    /** Set once the disk exists. */
    outcome,
  };
}

export function ReviewAndCreate({
  attempt,
  interruption,
  failureShownElsewhere,
  onFix,
  stepName,
}: {
  attempt: CreateAttempt | undefined;
  interruption?: Interruption | undefined;
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
      {interruption ? <InterruptedCreate interruption={interruption} /> : null}
      {attempt ? (
        <section aria-label={t('lunDisk.create.progress')} style={{ marginTop: '1rem' }}>
          <JobProgress correlationId={attempt.correlationId} active={attempt.pending} label={t('lunDisk.create.steps')} />
        </section>
      ) : null}
      {attempt?.error && !failureShownElsewhere && !interruption ? <CreateFailure error={attempt.error} onFix={onFix} stepName={stepName} /> : null}
    </>
  );
}

/** Never silent: what happened to a Create whose end the console did not know, and what the next Create does. */
function InterruptedCreate({ interruption: i }: { interruption: Interruption }) {
  const { attempt } = i;
  const reloaded = attempt.state === 'sent';
  const lun = attempt.lunId;
  const body =
    i.phase === 'checking' ? (
      <p>
        <Spinner size="sm" aria-hidden /> {t('lunDisk.create.asking', { lun })}
      </p>
    ) : i.phase === 'not-made' ? (
      <p>{t('lunDisk.create.notMade', { lun })}</p>
    ) : (
      <>
        <p>{t('lunDisk.create.couldNotAsk', { lun, reason: errorText(i.error) })}</p>
        <p style={{ marginTop: '0.5rem' }}>{t('lunDisk.create.pressCreateLater')}</p>
      </>
    );
  const title =
    i.phase === 'checking'
      ? t(reloaded ? 'lunDisk.create.reloadedChecking' : 'lunDisk.create.lostChecking')
      : i.phase === 'not-made'
        ? t(reloaded ? 'lunDisk.create.reloadedNotMade' : 'lunDisk.create.lostNotMade')
        : t(reloaded ? 'lunDisk.create.reloadedUnknown' : 'lunDisk.create.lostUnknown');
  return (
    <div style={{ marginTop: '1rem' }} role={i.phase === 'checking' ? 'status' : 'alert'}>
      <Alert variant={i.phase === 'unknown' ? 'warning' : 'info'} variantLabel={alertLabel(i.phase === 'unknown' ? 'warning' : 'info')} isInline title={title} component="h3">
        {body}
      </Alert>
      <section aria-label={t('lunDisk.create.interruptedProgress')} style={{ marginTop: '0.5rem' }}>
        <JobProgress correlationId={attempt.correlationId} active={false} label={t('lunDisk.create.interruptedSteps')} />
      </section>
    </div>
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
        title={lost ? t('lunDisk.create.noAnswer') : t('lunDisk.create.notCreated')}
        error={error}
        headingLevel="h3"
        onRetry={fixAt ? () => onFix(fixAt) : undefined}
        retryLabel={fixAt ? t('lunDisk.create.changeIn', { step: stepName(fixAt) }) : undefined}
      />
      {lost ? (
        <p style={{ marginTop: '0.5rem' }}>
          {t('lunDisk.create.lostBody')}
        </p>
      ) : (
        <p style={{ marginTop: '0.5rem' }}>{t('lunDisk.create.keptBody')}</p>
      )}
    </div>
  );
}
