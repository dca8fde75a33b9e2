import { describe, expect, it } from 'vitest';
import type { EngineEvent, Job, JobStatus, JobWithSteps, Step, Vm } from './model';
import {
  AT_REST_GRACE_MS, IN_TRANSIT_LIMIT_MS, LOST_ANSWER_GRACE_MS, NO_RECORD_LIMIT_MS, failureDetails, judgeOperation, retryOffer, type Judgement, type OperationFacts,
} from './operation-outcome';
import { actionAvailability } from './vm-actions';

const names: Record<string, string> = { h1: 'host1', h2: 'host2', h3: 'host3' };
const hostName = (id: string | undefined) => (id ? names[id] : undefined);
const vm = (status: Vm['status'], hostId?: string): Vm => ({
  id: 'v', name: 'db01', description: '', status, hostId, clusterId: 'c', highAvailability: { enabled: false, priority: 0 }, virtioScsiEnabled: true, placementHostIds: [],
});
let n = 0;
const step = (description: string, status: JobStatus, parentStepId?: string, id = `s${++n}`): Step => ({
  id, jobId: 'j', parentStepId, description, type: 'executing', number: n, status, startTime: n, endTime: undefined, executionHostId: undefined,
});
const job = (status: JobStatus, steps: Step[]): JobWithSteps => ({
  job: { id: 'j', description: 'x', status, startTime: 0, endTime: undefined, lastUpdated: undefined } satisfies Job,
  steps,
});

const T = 1_000_000;
/** Judged with a VM read at `at` (default: just now), the jobs first seen ended at `endedAt`. */
function judge(
  op: Partial<OperationFacts> & Pick<OperationFacts, 'kind'>,
  jobs: JobWithSteps[] | undefined,
  v: Vm | undefined,
  o: { now?: number; vmReadAt?: number; endedAt?: number; events?: EngineEvent[] } = {},
): Judgement {
  const now = o.now ?? T;
  return judgeOperation(
    { vmName: 'db01', startedAt: T - 10_000, jobsEndedAt: o.endedAt, ...op },
    { jobs, events: o.events, vm: v, vmReadAt: o.vmReadAt ?? now, now },
    hostName,
  );
}
const event = (description: string, severity: EngineEvent['severity'], time = 1): EngineEvent => ({
  id: description, code: 1, description, severity, time, correlationId: 'c', vmId: 'v', hostId: undefined, storageDomainId: undefined,
});

describe('the verdict on a lifecycle operation, from the engine\'s record of it', () => {
  it('Run is done once its jobs ended and the VM is Up, naming the host; while a job still runs it is running', () => {
    expect(judge({ kind: 'start' }, [job('started', [])], vm('up', 'h2')).state).toBe('running');
    expect(judge({ kind: 'start' }, [job('finished', [])], vm('up', 'h2'))).toEqual({ state: 'done', headline: 'db01 is Up on host2', details: [] });
  });

  it('Run fails when its job failed; the reasons are each host\'s failure and the conclusion, not the aggregate', () => {
    const parent = step('Asked host1, host2 …', 'failed', undefined, 'p');
    const steps = [
      parent,
      step('host2 could not connect T: host2 cannot reach portal P', 'failed', 'p'),
      step('host1 could not connect T: host1 cannot reach portal P', 'failed', 'p'),
      step('Skipped host1', 'finished'),
      step('db01 could not run: no host could connect what it needs', 'failed'),
    ];
    const o = judge({ kind: 'start' }, [job('failed', steps)], vm('down'), { endedAt: T - 1000, vmReadAt: T });
    expect(o).toEqual({
      state: 'failed',
      headline: 'db01 could not run',
      details: [
        'host2 could not connect T: host2 cannot reach portal P',
        'host1 could not connect T: host1 cannot reach portal P',
        'db01 could not run: no host could connect what it needs',
      ],
    });
  });

  it('Run is still running while the VM launches', () => {
    expect(judge({ kind: 'start' }, [job('started', [])], vm('wait_for_launch')).state).toBe('running');
  });

  it('a stop is done when its job ended and the VM is down', () => {
    expect(judge({ kind: 'stop' }, [job('finished', [])], vm('down'))).toEqual({ state: 'done', headline: 'db01 is Down', details: [] });
    expect(judge({ kind: 'stop' }, [job('started', [])], vm('down')).state).toBe('running');
  });

  it('a job that finished before the VM moved is waited for, bounded: at rest 5 s, between states 2 min', () => {
    // The first reading: the jobs ended now; the VM read a moment before still shows Up.
    expect(judge({ kind: 'shutdown' }, [job('finished', [])], vm('up', 'h1'), { now: T, vmReadAt: T - 500 })).toEqual({ state: 'running', jobsEndedAt: T });
    expect(judge({ kind: 'shutdown' }, [job('finished', [])], vm('powering_down', 'h1'), { endedAt: T - 60_000 }).state).toBe('running');
    const ignored = judge({ kind: 'shutdown' }, [job('finished', [])], vm('up', 'h1'), { endedAt: T - AT_REST_GRACE_MS });
    expect(ignored).toEqual({ state: 'failed', headline: 'db01 did not shut down', details: ['The engine\u2019s job finished, but 5 s later db01 was Up on host1.'] });
    const stuck = judge({ kind: 'shutdown' }, [job('finished', [])], vm('powering_down', 'h1'), { endedAt: T - IN_TRANSIT_LIMIT_MS });
    expect(stuck.state).toBe('failed');
    expect(stuck.state !== 'running' && stuck.details).toEqual(['The engine\u2019s job finished, but 120 s later db01 was Powering down on host1.']);
  });

  it('a VM that cannot be read is waited for, then the job\'s own word is said as such', () => {
    expect(judge({ kind: 'stop' }, [job('finished', [])], undefined, { endedAt: T - 1000 })).toEqual({ state: 'running', jobsEndedAt: T - 1000 });
    expect(judge({ kind: 'stop' }, [job('finished', [])], undefined, { endedAt: T - IN_TRANSIT_LIMIT_MS })).toEqual({
      state: 'done', headline: 'Power off db01: the engine\u2019s job finished', details: ['db01 could not be read to confirm it.'],
    });
  });

  it('a migration is done when its job ended with the VM on another host; failed with the VM at rest on its source', () => {
    const op = { kind: 'migrate' as const, sourceHostId: 'h1' };
    expect(judge(op, [job('finished', [])], vm('up', 'h3'))).toEqual({ state: 'done', headline: 'db01 migrated from host1 to host3', details: [] });
    expect(judge(op, [job('started', [])], vm('migrating', 'h1')).state).toBe('running');
    const jobs = [job('failed', [step('host3 could not connect T: host3 cannot reach portal P', 'failed')])];
    // A VM read before the jobs ended (still Migrating) is read again before the headline says where it stayed.
    expect(judge(op, jobs, vm('migrating', 'h1'), { now: T, vmReadAt: T - 300 })).toEqual({ state: 'running', jobsEndedAt: T });
    const failed = judge(op, jobs, vm('up', 'h1'), { endedAt: T - 800 });
    expect(failed).toEqual({ state: 'failed', headline: 'Migration failed: db01 stayed on host1', details: ['host3 could not connect T: host3 cannot reach portal P'] });
    // No fresh reading of the VM within the grace: failed is still the engine's word, said without a place.
    expect(judge(op, jobs, vm('migrating', 'h1'), { endedAt: T - AT_REST_GRACE_MS, vmReadAt: T - AT_REST_GRACE_MS - 100 })).toMatchObject({
      state: 'failed', headline: 'Migration of db01 failed',
    });
  });

  it('the verdict does not depend on what the VM did after the jobs failed: a failed migration stays failed on any host', () => {
    const jobs = [job('failed', [step('Migration to host3 cancelled', 'failed')])];
    const onHost2 = judge({ kind: 'migrate', sourceHostId: 'h1', destHostId: 'h3' }, jobs, vm('up', 'h2'), { endedAt: T - 1000 });
    expect(onHost2.state).toBe('failed');
    expect(onHost2.state !== 'running' && onHost2.details).toEqual(['Migration to host3 cancelled']);
  });

  it('where the engine keeps no job, its events with the correlation id decide; with neither, after a while it says it cannot tell', () => {
    expect(judge({ kind: 'start' }, [], vm('down')).state).toBe('running');
    expect(judge({ kind: 'start' }, [], vm('up', 'h1'), { events: [event('VM db01 was started by admin', 'normal')] })).toEqual({
      state: 'done', headline: 'db01 is Up on host1', details: [],
    });
    expect(judge({ kind: 'start' }, [], vm('down'), { events: [event('Failed to run VM db01 on host2', 'error', 2), event('Failed to run VM db01 on host1', 'error', 1)] })).toEqual({
      state: 'failed', headline: 'db01 could not run', details: ['Failed to run VM db01 on host1', 'Failed to run VM db01 on host2'],
    });
    expect(judge({ kind: 'start' }, [], vm('up', 'h1'), { events: [] }).state).toBe('running');
    const none = judge({ kind: 'start', startedAt: T - NO_RECORD_LIMIT_MS }, [], vm('down'), { events: [] });
    expect(none).toEqual({
      state: 'unknown',
      headline: 'Run db01: the engine keeps no record of how it ended',
      details: ['No job and no event of the engine carries its correlation id. Check the VM\u2019s status and its Events tab.'],
    });
  });

  it('after a lost answer, the record decides: a job means the engine acted; no job and no event soon means it did not', () => {
    const lost = 'The engine could not be reached (Failed to fetch).';
    // The engine acted: its job is the record, as for any accepted request.
    const migrated = judge({ kind: 'migrate', sourceHostId: 'h1', answerLost: lost }, [job('finished', [])], vm('up', 'h2'), { endedAt: T - 1 });
    expect(migrated).toEqual({ state: 'done', headline: 'db01 migrated from host1 to host2', details: [] });
    // Nothing yet, within the grace: still asking.
    expect(judge({ kind: 'migrate', sourceHostId: 'h1', answerLost: lost, startedAt: T - LOST_ANSWER_GRACE_MS + 1 }, [], vm('up', 'h1'), { events: [] }).state).toBe('running');
    // No job and no event after the grace: the engine did not act; said with what happened to the answer.
    expect(judge({ kind: 'migrate', sourceHostId: 'h1', answerLost: lost, startedAt: T - LOST_ANSWER_GRACE_MS }, [], vm('up', 'h1'), { events: [] })).toEqual({
      state: 'failed',
      headline: 'Migration failed: db01 stayed on host1',
      details: [lost, 'The engine keeps no job and no event for this request: it did not act on it.'],
    });
    // Without a lost answer the same silence is waited for much longer (an engine that keeps no jobs).
    expect(judge({ kind: 'migrate', sourceHostId: 'h1', startedAt: T - LOST_ANSWER_GRACE_MS }, [], vm('up', 'h1'), { events: [] }).state).toBe('running');
  });

  it('an engine with terse steps still explains with whatever failed', () => {
    expect(failureDetails([job('failed', [step('Connecting', 'failed', 'x'), step('x', 'finished', undefined, 'x')])])).toEqual(['Connecting']);
  });
});

describe('Try again: for a failed operation only, while it makes sense for the VM as it is now', () => {
  const offer = (op: Parameters<typeof retryOffer>[0], state: Parameters<typeof retryOffer>[1], now: Vm | undefined) =>
    retryOffer(op, state, now, now ? actionAvailability({ vm: now, attachments: [] }) : undefined, hostName)?.label;

  it('a failed shut down is offered again only while the VM runs; a done one never', () => {
    expect(offer({ kind: 'shutdown', vmName: 'db01' }, 'failed', vm('up', 'h1'))).toBe('Try again: Shut down db01');
    expect(offer({ kind: 'shutdown', vmName: 'db01' }, 'failed', vm('down'))).toBeUndefined();
    expect(offer({ kind: 'shutdown', vmName: 'db01' }, 'done', vm('up', 'h1'))).toBeUndefined();
    expect(offer({ kind: 'shutdown', vmName: 'db01' }, 'unknown', vm('up', 'h1'))).toBeUndefined();
  });

  it('a failed Run is offered again only while the VM is Down', () => {
    expect(offer({ kind: 'start', vmName: 'db01' }, 'failed', vm('down'))).toBe('Try again: Run db01');
    expect(offer({ kind: 'start', vmName: 'db01' }, 'failed', vm('up', 'h2'))).toBeUndefined();
    expect(offer({ kind: 'start', vmName: 'db01' }, 'failed', undefined)).toBeUndefined();
  });

  it('a failed migration is offered from where the VM runs now, while it is Up and not migrating, and not to its own host', () => {
    const op = { kind: 'migrate' as const, vmName: 'db01', destHostId: 'h3' };
    expect(offer(op, 'failed', vm('up', 'h1'))).toBe('Try again: Migrate db01 from host1 to host3');
    expect(offer(op, 'failed', vm('up', 'h2'))).toBe('Try again: Migrate db01 from host2 to host3');
    expect(offer(op, 'failed', vm('migrating', 'h2'))).toBeUndefined();
    expect(offer(op, 'failed', vm('down'))).toBeUndefined();
    expect(offer(op, 'failed', vm('up', 'h3'))).toBeUndefined();
    expect(offer({ kind: 'migrate', vmName: 'db01' }, 'failed', vm('up', 'h2'))).toBe('Try again: Migrate db01 from host2 to a host the engine chooses');
  });

  it('another operation running on the VM, or disks not read yet (migrate), hold the offer back', () => {
    const now = vm('up', 'h1');
    const busy = actionAvailability({ vm: now, attachments: [], pending: { label: 'Power off' } });
    expect(retryOffer({ kind: 'shutdown', vmName: 'db01' }, 'failed', now, busy, hostName)).toBeUndefined();
    const checking = actionAvailability({ vm: now, attachments: undefined });
    expect(retryOffer({ kind: 'migrate', vmName: 'db01', destHostId: 'h3' }, 'failed', now, checking, hostName)).toBeUndefined();
  });
});
