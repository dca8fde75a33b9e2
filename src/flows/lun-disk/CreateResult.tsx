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

/** How the console learnt of a disk whose create answer it never got: said, not hidden. */
function recoveredNote(outcome: CreateOutcome, did: string): string {
  if (!outcome.recovered) return '';
  return outcome.after === 'reload'
    ? ` (The page was reloaded while the disk was being created; the engine had ${did}, and nothing was created twice.)`
    : ` (The engine had ${did} before the connection to it was lost; nothing was created twice.)`;
}

type Retry = { correlationId: string; state: 'pending' | 'done' } | { correlationId: string; state: 'failed'; error: unknown };

export function CreateResult({
  outcome,
  onDone,
  doneLabel,
  onAnother,
  anotherLabel = 'Create another disk',
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
  const alias = disk.data?.alias ?? 'the new disk';
  const vmName = vm.data?.name ?? 'the VM';

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
        if (!now) throw new Error('The engine answered, but the disk is still inactive. The steps below say why.');
        return true;
      })
      .catch(() => undefined); // kept as the retry's error, shown below
  };

  const diskLink = (
    <Link to={paths.disk(diskId)} data-testid="result-disk-link">
      Go to disk {alias}
    </Link>
  );
  const vmLink = outcome.kind === 'vm' ? <Link to={paths.vm(outcome.vmId)}>Go to {vmName}</Link> : null;

  let alert;
  if (outcome.kind === 'floating') {
    alert = (
      <Alert variant="success" isInline title={`Disk ${alias} created`} component="h2">
        <p>
          The floating direct-LUN disk {alias} now stands for LUN {outcome.disk.storageType === 'lun' ? outcome.disk.lun.id : ''}. It is not
          attached to any VM yet.
          {recoveredNote(outcome, 'created it')}
        </p>
        <p style={{ marginTop: '0.5rem' }}>{diskLink}</p>
      </Alert>
    );
  } else if (partial) {
    alert = (
      <Alert
        variant="warning"
        isInline
        title={`Disk ${alias} was created and attached to ${vmName}, but not plugged`}
        component="h2"
        actionLinks={
          <AlertActionLink onClick={() => void retryPlug()} isDisabled={retry?.state === 'pending'}>
            {retry?.state === 'pending' ? 'Plugging…' : 'Retry plug'}
          </AlertActionLink>
        }
      >
        <p>
          Creating and attaching succeeded; plugging it into the running {vmName} failed
          {failedStep ? (
            <>
              {' '}
              at the step: <strong data-testid="failed-step">{failedStep.description}</strong>
            </>
          ) : (
            '.'
          )}
        </p>
        <p style={{ marginTop: '0.5rem' }}>
          The disk is attached to {vmName} and inactive.{recoveredNote(outcome, 'created and attached it')} Fix the cause, then retry the
          plug. {diskLink} · {vmLink}
        </p>
        {retry?.state === 'failed' ? (
          <p style={{ marginTop: '0.5rem' }} role="alert">
            The retry failed too: {errorText(retry.error)}
          </p>
        ) : null}
      </Alert>
    );
  } else {
    const att = outcome.attachment;
    alert = (
      <Alert
        variant="success"
        isInline
        title={
          plugged
            ? `Disk ${alias} created, attached to ${vmName} and plugged`
            : `Disk ${alias} created and attached to ${vmName} (not plugged, as you chose)`
        }
        component="h2"
      >
        <p>
          Interface {INTERFACE_TEXT[att.interface]}
          {att.bootable ? ', bootable' : ''}
          {att.readOnly ? ', read-only' : ''}.{retry?.state === 'done' ? ' The retried plug succeeded.' : ''}
          {recoveredNote(outcome, 'done it')}
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
        Result
      </Title>
      <div aria-live="polite">{alert}</div>
      <div>
        <Title headingLevel="h3" style={{ marginBottom: '0.5rem' }}>
          What the engine did
        </Title>
        <JobProgress correlationId={outcome.correlationId} active={false} label="Steps of the create" />
        {retry ? (
          <>
            <Title headingLevel="h3" style={{ margin: '0.5rem 0' }}>
              Retry of the plug
            </Title>
            <JobProgress correlationId={retry.correlationId} active={retry.state === 'pending'} label="Steps of the retried plug" />
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
