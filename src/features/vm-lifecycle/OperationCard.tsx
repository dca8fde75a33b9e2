// One lifecycle operation where the user started it: the engine's job steps as they happen (JobProgress, by
// correlation id), then a clear result — done, or failed with the engine's reasons naming hosts and targets and
// where the VM is now. While it runs, what it changes (VM status and host, host sessions) is refreshed.
import { Alert, AlertActionCloseButton, AlertActionLink } from '@patternfly/react-core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { invalidateAfter } from '../../engine-api/changes';
import { correlatedJobsQueryOptions } from '../../engine-api/jobs';
import { vmQueryOptions } from '../../engine-api/vms';
import { JobProgress } from '../../ui/JobProgress';
import { useHostNames } from '../../ui/use-host-names';
import { operationOutcome, type OperationOutcome } from '../../domain/operation-outcome';
import { operationStore, type VmOperation } from './operations';
import { useSendVmAction } from './use-send-vm-action';
import { ACTION_LABEL } from '../../domain/vm-actions';

const srOnly = {
  position: 'absolute', width: 1, height: 1, padding: 0, margin: -1, overflow: 'hidden', clip: 'rect(0,0,0,0)', whiteSpace: 'nowrap', border: 0,
} as const;

function describeOp(op: VmOperation, hostName: (id: string | undefined) => string | undefined): string {
  if (op.kind !== 'migrate') return `${ACTION_LABEL[op.kind]} ${op.vmName}`;
  return `Migrate ${op.vmName} from ${hostName(op.sourceHostId) ?? 'its host'} to ${op.destHostId ? (hostName(op.destHostId) ?? 'the chosen host') : 'a host the engine chooses'}`;
}

export function OperationCard({ op }: { op: VmOperation }) {
  const hostName = useHostNames();
  const queryClient = useQueryClient();
  const send = useSendVmAction();
  const live = op.request === 'accepted' && !op.settled;
  const jobs = useQuery({
    ...correlatedJobsQueryOptions(op.id, false),
    enabled: op.request === 'accepted',
    refetchInterval: live ? 700 : false,
  });
  const vm = useQuery({ ...vmQueryOptions(op.vmId), enabled: op.request === 'accepted', refetchInterval: live ? 1000 : false });

  const outcome: OperationOutcome =
    op.request === 'sending'
      ? { state: 'running', headline: `${describeOp(op, hostName)}: sending the request…`, details: [] }
      : op.request === 'refused'
        ? {
            state: 'failed',
            headline: op.interrupted
              ? `${describeOp(op, hostName)}: the engine's answer was lost`
              : `The engine refused to ${ACTION_LABEL[op.kind].toLowerCase()} ${op.vmName}`,
            details: [`${op.error?.text ?? 'No reason given'}${op.error?.status ? ` (HTTP ${op.error.status})` : ''}`],
          }
        : operationOutcome(op, jobs.data, vm.data, hostName);

  // The VM changes state after the engine's "200 complete": refresh what this operation touches as it moves.
  const signature = JSON.stringify([vm.data?.status, vm.data?.hostId, jobs.data?.map((j) => [j.job.status, j.steps.length])]);
  useEffect(() => {
    if (op.request !== 'accepted') return;
    void invalidateAfter(queryClient, { kind: 'vm-lifecycle', vmId: op.vmId });
  }, [signature, op.request, op.vmId, queryClient]);

  useEffect(() => {
    if (op.request === 'accepted' && !op.settled && outcome.state !== 'running') {
      operationStore.update(op.id, { settled: true });
      // The VM can settle before the last steps were read (a release after the stop): read them once more, with
      // what the operation touched.
      void invalidateAfter(queryClient, { kind: 'vm-lifecycle', vmId: op.vmId }, [op.id]);
    }
  }, [op.id, op.request, op.settled, op.vmId, outcome.state, queryClient]);

  const variant = outcome.state === 'done' ? 'success' : outcome.state === 'failed' ? 'danger' : 'info';
  const title = outcome.state === 'running' && op.request !== 'sending' ? `${describeOp(op, hostName)}: in progress` : outcome.headline;
  return (
    <Alert
      variant={variant}
      isInline
      component="h2"
      title={title}
      data-operation-state={outcome.state}
      actionClose={
        <AlertActionCloseButton
          aria-label={`Dismiss: ${describeOp(op, hostName)}`}
          onClose={() => operationStore.dismiss(op.id)}
        />
      }
      actionLinks={
        outcome.state === 'failed' ? (
          <AlertActionLink
            onClick={() => {
              operationStore.dismiss(op.id);
              void send({ id: op.vmId, name: op.vmName, hostId: vm.data?.hostId ?? op.sourceHostId }, op.kind, op.destHostId);
            }}
          >
            Try again: {describeOp(op, hostName)}
          </AlertActionLink>
        ) : undefined
      }
    >
      <div role="status" style={srOnly}>
        {outcome.state === 'running' ? '' : outcome.headline}
      </div>
      {outcome.details.length > 0 ? (
        <ul aria-label="Why" style={{ margin: '0 0 0.5rem 1.25rem', listStyle: 'disc' }}>
          {outcome.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
      {/* Only once the engine accepted: asked earlier, the jobs list would be cached empty. */}
      {op.request === 'accepted' ? (
        <JobProgress correlationId={op.id} active={outcome.state === 'running'} label={`Engine steps: ${describeOp(op, hostName)}`} />
      ) : null}
    </Alert>
  );
}
