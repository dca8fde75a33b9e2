// The end of the wizard: what the engine did, step by step, and a clear result — created; created and attached
// and plugged; or created and attached but not plugged (then why, from the failed job step, and Retry plug).
// A partial success is never reported as a success or a failure of the whole (reference §4.3, AddDiskCommand).
import { Alert, AlertActionLink, Button, Title } from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { plugAttachment } from '../../engine-api/disk-attachments';
import { diskQueryOptions } from '../../engine-api/disks';
import { errorText } from '../../engine-api/errors';
import { correlatedJobsQueryOptions } from '../../engine-api/jobs';
import { vmQueryOptions } from '../../engine-api/vms';
import { INTERFACE_TEXT } from '../../domain/format';
import { JobProgress } from '../../ui/JobProgress';
import { useEngineOperation } from '../../ui/use-engine-operation';
import type { CreateOutcome } from './use-create-lun-disk';
import { paths } from '../../ui/paths';
import { t, type MessageId } from '../../i18n/i18n';
import { Rich } from '../../i18n/Rich';
import { alertLabel } from '../../i18n/patternfly';

/** How the console learnt of a disk whose create answer it never got: said, not hidden. */
function recoveredNote(outcome: CreateOutcome, did: 'created' | 'attached' | 'done'): string {
  if (!outcome.recovered) return '';
  return ` ${t(outcome.after === 'reload' ? RECOVERED_AFTER_RELOAD[did] : RECOVERED_AFTER_LOSS[did])}`;
}

const RECOVERED_AFTER_RELOAD: Record<'created' | 'attached' | 'done', MessageId> = {
  created: 'lunDisk.result.reloadedCreated',
  attached: 'lunDisk.result.reloadedAttached',
  done: 'lunDisk.result.reloadedDone',
};
const RECOVERED_AFTER_LOSS: Record<'created' | 'attached' | 'done', MessageId> = {
  created: 'lunDisk.result.lostCreated',
  attached: 'lunDisk.result.lostAttached',
  done: 'lunDisk.result.lostDone',
};

type Retry = { correlationId: string; state: 'pending' | 'done' } | { correlationId: string; state: 'failed'; error: unknown };

export function CreateResult({
  outcome,
  onDone,
  doneLabel,
  onAnother,
  anotherLabel = t('lunDisk.result.another'),
}: {
  outcome: CreateOutcome;
  onDone: () => void;
  doneLabel: string;
  onAnother: () => void;
  anotherLabel?: string;
}) {
  const diskId = outcome.kind === 'floating' ? outcome.disk.id : outcome.attachment.diskId;
  const disk = useQuery({ ...diskQueryOptions(diskId), initialData: outcome.kind === 'floating' ? outcome.disk : undefined });
  const vm = useQuery({ ...vmQueryOptions(outcome.kind === 'vm' ? outcome.vmId : ''), enabled: outcome.kind === 'vm' });
  const jobs = useQuery({ ...correlatedJobsQueryOptions(outcome.correlationId, false) });
  const plug = useEngineOperation<true>();
  const retry: Retry | undefined = !plug.correlationId
    ? undefined
    : plug.pending
      ? { correlationId: plug.correlationId, state: 'pending' }
      : plug.outcome
        ? { correlationId: plug.correlationId, state: 'done' }
        : { correlationId: plug.correlationId, state: 'failed', error: plug.error };
  const alias = disk.data?.alias ?? t('lunDisk.result.theNewDisk');
  const vmName = vm.data?.name ?? t('lunDisk.result.theVm');

  const plugged = outcome.kind === 'vm' && (outcome.attachment.active || retry?.state === 'done');
  const partial = outcome.kind === 'vm' && outcome.activateAsked && !plugged;
  // Why the plug failed: the engine's last failed step of this operation (the 201 itself does not say).
  const failedStep = (jobs.data ?? []).flatMap((j) => j.steps).filter((s) => s.status === 'failed').at(-1);

  const retryPlug = async () => {
    if (outcome.kind !== 'vm') return;
    // A plug on a running VM connects (or asserts) the target on its host and holds it there: the hosts' views
    // are refreshed with the VM's disks.
    await plug
      .run({ change: { kind: 'plugged', vmId: outcome.vmId }, prefix: 'retry-plug' }, async (correlationId) => {
        const { plugged: now } = await plugAttachment(outcome.vmId, diskId, correlationId);
        // Still inactive after the answer: a failure of the retry, the job's steps say why.
        if (!now) throw new Error(t('lunDisk.result.stillInactive'));
        return true;
      })
      .catch(() => undefined); // kept as the retry's error, shown below
  };

  const diskLink = (
    <Link to={paths.disk(diskId)} data-testid="result-disk-link">
      {t('lunDisk.used.goToDiskLabel', { alias })}
    </Link>
  );
  const vmLink = outcome.kind === 'vm' ? <Link to={paths.vm(outcome.vmId)}>{t('lunDisk.attachExisting.goToVm', { vm: vmName })}</Link> : null;

  let alert;
  if (outcome.kind === 'floating') {
    alert = (
      <Alert variant="success" variantLabel={alertLabel('success')} isInline title={t('lunDisk.result.created', { alias })} component="h2">
        <p>
          {t('lunDisk.result.floatingBody', { alias, lun: outcome.disk.storageType === 'lun' ? outcome.disk.lun.id : '' })}
          {recoveredNote(outcome, 'created')}
        </p>
        <p style={{ marginTop: '0.5rem' }}>{diskLink}</p>
      </Alert>
    );
  } else if (partial) {
    alert = (
      <Alert
        variant="warning"
        variantLabel={alertLabel('warning')}
        isInline
        title={t('lunDisk.result.notPlugged', { alias, vm: vmName })}
        component="h2"
        actionLinks={
          <AlertActionLink onClick={() => void retryPlug()} isDisabled={retry?.state === 'pending'}>
            {retry?.state === 'pending' ? t('lunDisk.result.plugging') : t('lunDisk.result.retryPlug')}
          </AlertActionLink>
        }
      >
        <p>
          {failedStep ? (
            <Rich id="lunDisk.result.plugFailedAt" values={{ vm: vmName, step: failedStep.description }} tags={[(c) => <strong data-testid="failed-step">{c}</strong>]} />
          ) : (
            t('lunDisk.result.plugFailed', { vm: vmName })
          )}
        </p>
        <p style={{ marginTop: '0.5rem' }}>
          {t('lunDisk.result.inactive', { vm: vmName })}
          {recoveredNote(outcome, 'attached')} {t('lunDisk.result.fixThenRetry')} {diskLink} · {vmLink}
        </p>
        {retry?.state === 'failed' ? (
          <p style={{ marginTop: '0.5rem' }} role="alert">
            {t('lunDisk.result.retryFailed', { reason: errorText(retry.error) })}
          </p>
        ) : null}
      </Alert>
    );
  } else {
    const att = outcome.attachment;
    alert = (
      <Alert
        variant="success"
        variantLabel={alertLabel('success')}
        isInline
        title={plugged ? t('lunDisk.result.plugged', { alias, vm: vmName }) : t('lunDisk.result.attachedNotPlugged', { alias, vm: vmName })}
        component="h2"
      >
        <p>
          {t('lunDisk.result.interface', { iface: INTERFACE_TEXT[att.interface], bootable: att.bootable ? 'yes' : 'no', readOnly: att.readOnly ? 'yes' : 'no' })}
          {retry?.state === 'done' ? ` ${t('lunDisk.result.retrySucceeded')}` : ''}
          {recoveredNote(outcome, 'done')}
        </p>
        <p style={{ marginTop: '0.5rem' }}>
          {diskLink} · {vmLink}
        </p>
      </Alert>
    );
  }

  return (
    <section aria-labelledby="result-title" style={{ display: 'grid', gap: '1rem' }}>
      <Title headingLevel="h2" id="result-title" className="pf-v6-screen-reader">
        {t('lunDisk.result.title')}
      </Title>
      <div aria-live="polite">{alert}</div>
      <div>
        <Title headingLevel="h3" style={{ marginBottom: '0.5rem' }}>
          {t('lunDisk.result.whatEngineDid')}
        </Title>
        <JobProgress correlationId={outcome.correlationId} active={false} label={t('lunDisk.create.steps')} />
        {retry ? (
          <>
            <Title headingLevel="h3" style={{ margin: '0.5rem 0' }}>
              {t('lunDisk.result.retryTitle')}
            </Title>
            <JobProgress correlationId={retry.correlationId} active={retry.state === 'pending'} label={t('lunDisk.result.retrySteps')} />
          </>
        ) : null}
      </div>
      <div style={{ display: 'flex', gap: '1rem' }}>
        <Button variant="primary" onClick={onDone}>
          {doneLabel}
        </Button>
        <Button variant="secondary" onClick={onAnother}>
          {anotherLabel}
        </Button>
      </div>
    </section>
  );
}
