// Progress of one user operation, from the engine's own jobs and steps (GET /jobs?search=correlation_id=…),
// shown where the user started it. Works against a real engine too; the emulated engine's steps say more.
import { Icon, Spinner } from '@patternfly/react-core';
import { BanIcon, CheckCircleIcon, ExclamationCircleIcon } from '@patternfly/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { JobWithSteps } from '../domain/model';
import { eventsQueryOptions } from '../engine-api/events';
import { correlatedJobsQueryOptions, jobSearchKnown } from '../engine-api/jobs';
import { t } from '../i18n/i18n';
import { POLL_LIVE_MS } from './polling';
import type { JobStatus, Step } from '../domain/model';
import { useHostNames } from './use-host-names';

export function StatusIcon({ status }: { status: JobStatus }) {
  switch (status) {
    case 'started':
      return <Spinner size="sm" aria-label={t('common.job.inProgress')} />;
    case 'finished':
      return (
        <Icon status="success" size="sm">
          <CheckCircleIcon aria-label={t('common.job.done')} />
        </Icon>
      );
    case 'failed':
      return (
        <Icon status="danger" size="sm">
          <ExclamationCircleIcon aria-label={t('common.job.failed')} />
        </Icon>
      );
    default:
      return (
        <Icon size="sm">
          <BanIcon aria-label={t('common.job.notCompleted')} />
        </Icon>
      );
  }
}

function StepList({ steps, parentId, hostName }: { steps: Step[]; parentId: string | undefined; hostName: (id: string | undefined) => string | undefined }) {
  const mine = steps
    .filter((s) => s.parentStepId === parentId)
    .sort((a, b) => (a.startTime ?? 0) - (b.startTime ?? 0) || (a.number ?? 0) - (b.number ?? 0));
  if (mine.length === 0) return null;
  return (
    <ul style={{ listStyle: 'none', paddingLeft: parentId ? '1.5rem' : 0, margin: 0 }}>
      {mine.map((s) => {
        const host = hostName(s.executionHostId);
        return (
          <li key={s.id} style={{ margin: '0.25rem 0' }} data-step-status={s.status}>
            <span style={{ display: 'inline-flex', gap: '0.5rem', alignItems: 'baseline' }}>
              <StatusIcon status={s.status} />
              <span translate="no">
                {s.description}
                {host && !s.description.includes(host) ? <span style={{ color: 'var(--pf-t--global--text--color--subtle)' }}> ({host})</span> : null}
              </span>
            </span>
            <StepList steps={steps} parentId={s.id} hostName={hostName} />
          </li>
        );
      })}
    </ul>
  );
}

/** Jobs with their steps, as a story: each job's description, then its steps (nested, with hosts). */
export function JobList({ list }: { list: readonly JobWithSteps[] }) {
  const hostName = useHostNames();
  return (
    <>
      {list.map(({ job, steps }) => (
        <div key={job.id} style={{ marginBottom: '0.75rem' }}>
          <p style={{ display: 'inline-flex', gap: '0.5rem', alignItems: 'baseline', fontWeight: 600 }}>
            <StatusIcon status={job.status} />
            <span translate="no">{job.description}</span>
          </p>
          <StepList steps={steps} parentId={undefined} hostName={hostName} />
        </div>
      ))}
    </>
  );
}

/** The steps of the jobs tagged with `correlationId`; polls while `active` or while a job is still running. */
export function JobProgress({
  correlationId,
  active,
  label,
}: {
  correlationId: string;
  /** True while the request that started the jobs is still in flight. */
  active: boolean;
  label?: string;
}) {
  // A session the engine shows no jobs (a user who is not an admin, decision 043) follows the attempt's events.
  // Known once the jobs query has asked (it asks the engine first, jobsByCorrelation); no query of its own.
  const jobsHidden = jobSearchKnown() === false;
  const jobs = useQuery({
    // Empty where the engine does not honour the job search (jobsByCorrelation): never another operation's jobs.
    ...correlatedJobsQueryOptions(correlationId, false),
    refetchInterval: (q) => (active || (q.state.data ?? []).some((j: JobWithSteps) => j.job.status === 'started') ? POLL_LIVE_MS : false),
  });
  const events = useQuery({
    ...eventsQueryOptions(`correlation_id=${correlationId}`, 50),
    enabled: jobsHidden,
    refetchInterval: active ? POLL_LIVE_MS : false,
  });
  // The request may finish before the first poll saw its job: read once more when it is over.
  const { refetch } = jobs;
  const { refetch: refetchEvents } = events;
  useEffect(() => {
    if (active) return;
    void refetch();
    if (jobsHidden) void refetchEvents();
  }, [active, jobsHidden, refetch, refetchEvents]);
  if (jobsHidden) {
    const story = [...(events.data ?? [])].sort((a, b) => a.time - b.time);
    return (
      <section aria-label={label ?? t('common.job.progress')}>
        <p style={{ color: 'var(--pf-t--global--text--color--subtle)' }}>
          {t('common.job.eventsInstead')}
        </p>
        {story.length === 0 ? (
          active ? (
            <p>
              <Spinner size="sm" aria-hidden /> {t('common.job.waiting')}
            </p>
          ) : null
        ) : (
          <ul style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }} aria-label={t('common.job.eventsLabel')}>
            {story.map((e) => (
              <li key={e.id} style={{ margin: '0.25rem 0' }} translate="no">
                {e.description}
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  }
  // The engine lists the newest job first; read as a story, the first job comes first (attach, then plug).
  const list = [...(jobs.data ?? [])].sort((a, b) => (a.job.startTime ?? 0) - (b.job.startTime ?? 0));
  return (
    <section aria-label={label ?? t('common.job.progress')}>
      {list.length === 0 ? (
        active ? (
          <p>
            <Spinner size="sm" aria-hidden /> {t('common.job.waiting')}
          </p>
        ) : null
      ) : (
        <JobList list={list} />
      )}
    </section>
  );
}
