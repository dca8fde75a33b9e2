import { describe, expect, it } from 'vitest';
import type { Job, JobStatus, JobWithSteps, Step, Vm } from './model';
import { failureDetails, operationOutcome } from './operation-outcome';

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

describe('the result of a lifecycle operation, from its jobs and the VM', () => {
  it('Run is done when the VM is Up, naming the host, even while the job still releases in the background', () => {
    const o = operationOutcome({ kind: 'start', vmName: 'db01' }, [job('started', [])], vm('up', 'h2'), hostName);
    expect(o).toEqual({ state: 'done', headline: 'db01 is Up on host2', details: [] });
  });

  it('Run fails when its job failed and the VM is down; the reasons are each host\'s failure and the conclusion, not the aggregate', () => {
    const parent = step('Asked host1, host2 …', 'failed', undefined, 'p');
    const steps = [
      parent,
      step('host2 could not connect T: host2 cannot reach portal P', 'failed', 'p'),
      step('host1 could not connect T: host1 cannot reach portal P', 'failed', 'p'),
      step('Skipped host1', 'finished'),
      step('db01 could not run: no host could connect what it needs', 'failed'),
    ];
    const o = operationOutcome({ kind: 'start', vmName: 'db01' }, [job('failed', steps)], vm('down'), hostName);
    expect(o.state).toBe('failed');
    expect(o.headline).toBe('db01 could not run');
    expect(o.details).toEqual([
      'host2 could not connect T: host2 cannot reach portal P',
      'host1 could not connect T: host1 cannot reach portal P',
      'db01 could not run: no host could connect what it needs',
      'Now: db01 is Down.',
    ]);
  });

  it('Run is still running while the VM launches', () => {
    expect(operationOutcome({ kind: 'start', vmName: 'db01' }, [job('started', [])], vm('wait_for_launch'), hostName).state).toBe('running');
  });

  it('a stop is done when the VM is down; a shutdown the guest ignored is a failure', () => {
    expect(operationOutcome({ kind: 'stop', vmName: 'db01' }, [job('started', [])], vm('down'), hostName).headline).toBe('db01 is Down');
    const ignored = operationOutcome({ kind: 'shutdown', vmName: 'db01' }, [job('finished', [])], vm('up', 'h1'), hostName);
    expect(ignored.state).toBe('failed');
    expect(ignored.headline).toBe('db01 did not shut down');
  });

  it('a migration is done when the VM runs on another host; failed when the jobs ended with it on its source', () => {
    const op = { kind: 'migrate' as const, vmName: 'db01', sourceHostId: 'h1' };
    expect(operationOutcome(op, [job('finished', [])], vm('up', 'h3'), hostName).headline).toBe('db01 migrated from host1 to host3');
    expect(operationOutcome(op, [job('started', [])], vm('migrating', 'h1'), hostName).state).toBe('running');
    const failed = operationOutcome(op, [job('failed', [step('host3 could not connect T: host3 cannot reach portal P', 'failed')])], vm('up', 'h1'), hostName);
    expect(failed.headline).toBe('Migration failed: db01 stayed on host1');
    expect(failed.details).toEqual(['host3 could not connect T: host3 cannot reach portal P', 'Now: db01 is Up on host1.']);
  });

  it('an engine with terse steps still explains with whatever failed', () => {
    expect(failureDetails([job('failed', [step('Connecting', 'failed', 'x'), step('x', 'finished', undefined, 'x')])])).toEqual(['Connecting']);
  });
});
