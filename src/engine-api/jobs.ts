// Jobs and their steps (reference §2.5): how the console shows what the engine is doing, step by step.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { JOB_STATUSES, STEP_TYPES, type Job, type JobWithSteps, type Step } from '../domain/model';
import { EngineError } from './errors';
import { newCorrelationId } from './requests';
import { session } from './session';
import { engineRequest } from './transport';
import { openEnum, wireCollection, wireInt, wireRef, wireTime } from './wire';

export const jobWire = z
  .object({
    id: z.string(),
    description: z.string().optional(),
    // upstream-model types/JobStatus.java: aborted, failed, finished, started, unknown; another reads 'unknown'.
    status: openEnum(JOB_STATUSES, 'a job status'),
    start_time: wireTime.optional(),
    end_time: wireTime.optional(),
    last_updated: wireTime.optional(),
  })
  .transform(
    (w): Job => ({
      id: w.id,
      description: w.description ?? '',
      status: w.status,
      startTime: w.start_time,
      endTime: w.end_time,
      lastUpdated: w.last_updated,
    }),
  );

export const jobListWire = wireCollection('job', jobWire);

export const stepWire = z
  .object({
    id: z.string(),
    description: z.string().optional(),
    // upstream-model types/StepEnum.java also has removing_bricks (Gluster): read as 'unknown' like any other.
    type: openEnum(STEP_TYPES, 'a step type'),
    number: wireInt.optional(),
    // upstream-model types/StepStatus.java: the same five values as JobStatus.
    status: openEnum(JOB_STATUSES, 'a step status'),
    start_time: wireTime.optional(),
    end_time: wireTime.optional(),
    job: wireRef.optional(),
    parent_step: wireRef.optional(),
    execution_host: wireRef.optional(),
  })
  .transform(
    (w): Step => ({
      id: w.id,
      jobId: w.job?.id,
      parentStepId: w.parent_step?.id,
      description: w.description ?? '',
      type: w.type,
      number: w.number,
      status: w.status,
      startTime: w.start_time,
      endTime: w.end_time,
      executionHostId: w.execution_host?.id,
    }),
  );

export const stepListWire = wireCollection('step', stepWire);

export const jobKeys = {
  all: ['jobs'] as const,
  byCorrelation: (correlationId: string) => [...jobKeys.all, 'correlation', correlationId] as const,
  steps: (jobId: string) => [...jobKeys.all, 'detail', jobId, 'steps'] as const,
};

/** `max`: the engine sorts jobs by start time, oldest first (SearchObjectAutoCompleter.java, JOB: "start_time ASC"). */
export function listJobs(search?: string, signal?: AbortSignal, max?: number): Promise<Job[]> {
  return engineRequest({ path: '/jobs', query: { search, max }, schema: jobListWire, signal });
}

export function listSteps(jobId: string, signal?: AbortSignal): Promise<Step[]> {
  return engineRequest({ path: `/jobs/${encodeURIComponent(jobId)}/steps`, schema: stepListWire, signal });
}

/**
 * Whether the engine applies `search=correlation_id=…` to this session's GET /jobs (decision 043). A filtered
 * session — a user who is not an admin, by default (BaseBackendResource.isFiltered, ENGINE_API_FILTER_BY_DEFAULT) —
 * never gets the search: BackendJobsResource.list runs GetAllJobs instead (BackendJobsResource.java:28-31), an
 * admin-only query the engine then refuses (QueriesCommandBase.validatePermissions: 400 "Query execution failed
 * due to insufficient permissions."). A Job carries no correlation id to re-check an answer (types/Job.java), so
 * the console asks once per user, with a correlation id nobody used: an empty answer means the search was applied;
 * a job in it means it was not; a refusal means this session has no jobs. Network trouble, a 401 or an unreadable
 * answer decide nothing (rethrown, asked again next time).
 */
export function jobSearchHonoured(): Promise<boolean> {
  const user = sessionUser();
  const asked = probes.get(user);
  if (asked) return asked;
  const probe = listJobs(`correlation_id=${newCorrelationId('probe')}`, undefined, 1).then(
    (jobs) => learnt(user, jobs.length === 0),
    (err: unknown) => {
      if (err instanceof EngineError && err.kind === 'fault' && (err.status === 400 || err.status === 403)) return learnt(user, false);
      probes.delete(user);
      throw err;
    },
  );
  probes.set(user, probe);
  return probe;
}
const probes = new Map<string, Promise<boolean>>();
const known = new Map<string, boolean>();

function learnt(user: string, honoured: boolean): boolean {
  known.set(user, honoured);
  return honoured;
}

/** What the probe learnt for the current user, without asking: undefined until it answered. */
export function jobSearchKnown(): boolean | undefined {
  return known.get(sessionUser());
}

function sessionUser(): string {
  const s = session.get();
  return s.status === 'anonymous' ? '' : s.user;
}

/** Forgets what was learnt per user (tests; a user whose roles changed is asked again after a reload anyway). */
export function forgetJobSearchProbes(): void {
  probes.clear();
  known.clear();
}

export const jobSearchQueryOptions = () =>
  queryOptions({
    queryKey: [...jobKeys.all, 'search-honoured', sessionUser()] as const,
    queryFn: () => jobSearchHonoured(),
    staleTime: Infinity,
  });

/**
 * The jobs of one correlation id, only where the engine honours the search: `[]` otherwise, so the caller falls
 * back to the correlation id's events (BackendEventsResource.java:55-58 applies the search for filtered users too)
 * and never shows another operation's jobs as this one's.
 */
export async function jobsOfCorrelation(correlationId: string, signal?: AbortSignal): Promise<Job[]> {
  if (!(await jobSearchHonoured())) return [];
  return listJobs(`correlation_id=${correlationId}`, signal);
}

/** Every job tagged with one correlation id, with its steps (what OST polls: /jobs?search=correlation_id=X). */
export async function jobsByCorrelation(correlationId: string, signal?: AbortSignal): Promise<JobWithSteps[]> {
  const jobs = await jobsOfCorrelation(correlationId, signal);
  return Promise.all(jobs.map(async (job) => ({ job, steps: await listSteps(job.id, signal) })));
}

/**
 * The engine's recent jobs whose description names `subject` ("VM db01"), newest first, with the steps of those
 * `limit` only: what the engine did on its own too (an HA restart has no correlation id the console knows). Jobs
 * have no search field but correlation_id and come oldest first, so `max` would keep the oldest: this reads the
 * job table, and its callers ask only when something changed (VmJobs: a new event of the VM, or an operation of
 * it running — decision 043). Empty where the session gets no jobs.
 */
export async function jobsAbout(subject: string, limit: number, signal?: AbortSignal): Promise<JobWithSteps[]> {
  if (!(await jobSearchHonoured())) return [];
  const re = new RegExp(`(^|\\s)${subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`);
  const jobs = (await listJobs(undefined, signal))
    .filter((j) => re.test(j.description))
    .sort((a, b) => (b.startTime ?? 0) - (a.startTime ?? 0))
    .slice(0, limit);
  return Promise.all(jobs.map(async (job) => ({ job, steps: await listSteps(job.id, signal) })));
}

/** `trigger`: what, when it changes, makes the jobs worth reading again (part of the key: no polling needed). */
export const jobsAboutQueryOptions = (subject: string, limit = 5, trigger: string = '') =>
  queryOptions({
    queryKey: [...jobKeys.all, 'about', subject, limit, trigger] as const,
    queryFn: ({ signal }) => jobsAbout(subject, limit, signal),
    placeholderData: (prev) => prev,
  });

export const correlatedJobsQueryOptions = (correlationId: string, pollMs: number | false) =>
  queryOptions({
    queryKey: jobKeys.byCorrelation(correlationId),
    queryFn: ({ signal }) => jobsByCorrelation(correlationId, signal),
    refetchInterval: pollMs,
  });
