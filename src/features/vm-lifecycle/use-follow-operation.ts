// Follows one accepted lifecycle operation until the engine's record of it decides how it ended, then keeps that
// verdict in the operation store (settled once, never recomputed: issue 12). While it runs, what it changes (the
// VM's status and host, the hosts' sessions) is refreshed as its jobs move.
// Mounted by the operation's card and by OperationsFollower (in the app's layout), so an operation settles from
// the engine's record at the time it ends even while the user is on another page.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { judgeOperation, type HostNames } from '../../domain/operation-outcome';
import type { Vm } from '../../domain/model';
import { invalidateAfter } from '../../engine-api/changes';
import { eventsQueryOptions } from '../../engine-api/events';
import { hostsQueryOptions } from '../../engine-api/hosts';
import { correlatedJobsQueryOptions } from '../../engine-api/jobs';
import { vmQueryOptions } from '../../engine-api/vms';
import { POLL_LIVE_MS, useMarkRunning } from '../../ui/polling';
import { operationStore, type VmOperation } from './operations';

export function useFollowOperation(op: VmOperation): { vm: Vm | undefined } {
  const queryClient = useQueryClient();
  const live = op.request === 'accepted' && !op.settled;
  const jobs = useQuery({
    ...correlatedJobsQueryOptions(op.id, false),
    enabled: op.request === 'accepted',
    refetchInterval: live ? POLL_LIVE_MS : false,
  });
  // Where the engine keeps no job for the correlation id, or its jobs cannot be read, its events are the record
  // (reference §2.2: the correlation id tags both).
  const jobsUnreadable = jobs.isError && !jobs.data;
  const noJobs = live && (jobsUnreadable || jobs.data?.length === 0);
  const events = useQuery({ ...eventsQueryOptions(`correlation_id=${op.id}`, 50), enabled: noJobs, refetchInterval: noJobs ? POLL_LIVE_MS : false });
  const vm = useQuery({ ...vmQueryOptions(op.vmId), enabled: op.request !== 'sending', refetchInterval: live ? POLL_LIVE_MS : false });
  // The views poll faster while it runs (ui/polling.ts).
  useMarkRunning(live);
  const hosts = useQuery(hostsQueryOptions());
  // A verdict names hosts and is kept as written: it waits for their names (or for their list to fail).
  const namesReady = hosts.data !== undefined || hosts.isError;

  // The VM changes state after the engine's "200 complete": refresh what this operation touches as it moves.
  const signature = JSON.stringify([vm.data?.status, vm.data?.hostId, jobs.data?.map((j) => [j.job.status, j.steps.length])]);
  useEffect(() => {
    if (op.request !== 'accepted' || !live) return;
    void invalidateAfter(queryClient, { kind: 'vm-lifecycle', vmId: op.vmId });
  }, [signature, op.request, op.vmId, live, queryClient]);

  // Judged on each reading while it runs (the waits for the VM are bounded in time); once settled, never again.
  useEffect(() => {
    if (!live || !namesReady) return;
    const hostName: HostNames = (id) => (id ? hosts.data?.find((h) => h.id === id)?.name : undefined);
    const jobsRead = jobs.data ?? (jobsUnreadable ? [] : undefined);
    const verdict = judgeOperation(
      op,
      { jobs: jobsRead, events: events.data, vm: vm.data, vmReadAt: vm.dataUpdatedAt, now: Date.now() },
      hostName,
    );
    if (verdict.state === 'running') {
      if (verdict.jobsEndedAt !== undefined && op.jobsEndedAt === undefined) operationStore.update(op.id, { jobsEndedAt: verdict.jobsEndedAt });
      return;
    }
    operationStore.settle(op.id, { state: verdict.state, headline: verdict.headline, details: verdict.details, settledAt: Date.now() });
    // The VM can settle before the last steps were read (a release after the stop): read them once more, with
    // what the operation touched.
    void invalidateAfter(queryClient, { kind: 'vm-lifecycle', vmId: op.vmId }, [op.id]);
  }, [live, namesReady, op, jobs.data, jobsUnreadable, jobs.dataUpdatedAt, events.data, vm.data, vm.dataUpdatedAt, hosts.data, queryClient]);
  return { vm: vm.data };
}
