// Jobs and their steps (reference §2.5): how the console shows what the engine is doing, step by step.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { JOB_STATUSES, STEP_TYPES, type Job, type JobWithSteps, type Step } from '../domain/model';
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

export function listJobs(search?: string, signal?: AbortSignal): Promise<Job[]> {
  return engineRequest({ path: '/jobs', query: { search }, schema: jobListWire, signal });
}

export function listSteps(jobId: string, signal?: AbortSignal): Promise<Step[]> {
  return engineRequest({ path: `/jobs/${encodeURIComponent(jobId)}/steps`, schema: stepListWire, signal });
}

/** Every job tagged with one correlation id, with its steps (what OST polls: /jobs?search=correlation_id=X). */
export async function jobsByCorrelation(correlationId: string, signal?: AbortSignal): Promise<JobWithSteps[]> {
  const jobs = await listJobs(`correlation_id=${correlationId}`, signal);
  return Promise.all(jobs.map(async (job) => ({ job, steps: await listSteps(job.id, signal) })));
}

/**
 * The engine's recent jobs whose description names `subject` ("VM db01"), newest first, with their steps: what
 * the engine did on its own too (an HA restart has no correlation id the console knows).
 */
export async function jobsAbout(subject: string, limit: number, signal?: AbortSignal): Promise<JobWithSteps[]> {
  const re = new RegExp(`(^|\\s)${subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`);
  const jobs = (await listJobs(undefined, signal))
    .filter((j) => re.test(j.description))
    .sort((a, b) => (b.startTime ?? 0) - (a.startTime ?? 0))
    .slice(0, limit);
  return Promise.all(jobs.map(async (job) => ({ job, steps: await listSteps(job.id, signal) })));
}

export const jobsAboutQueryOptions = (subject: string, limit = 5) =>
  queryOptions({
    queryKey: [...jobKeys.all, 'about', subject, limit] as const,
    queryFn: ({ signal }) => jobsAbout(subject, limit, signal),
  });

export const correlatedJobsQueryOptions = (correlationId: string, pollMs: number | false) =>
  queryOptions({
    queryKey: jobKeys.byCorrelation(correlationId),
    queryFn: ({ signal }) => jobsByCorrelation(correlationId, signal),
    refetchInterval: pollMs,
  });
