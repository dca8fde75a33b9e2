// One lifecycle operation where the user started it: the engine's job steps as they happen (JobProgress, by
// correlation id), then its result — done, or failed with the engine's reasons naming hosts and targets — as the
// engine's record decided it when it ended, kept as written (issue 12). What happened to the VM since is the
// VM's state: a failed operation shows where the VM is now, and offers Try again only while that still makes
// sense, saying what it would do to the VM as it is now. A settled card can be dismissed; a running one cannot.
import { Alert, AlertActionCloseButton, AlertActionLink } from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import { attachmentsQueryOptions } from '../../engine-api/disk-attachments';
import { vmQueryOptions } from '../../engine-api/vms';
import { JobProgress } from '../../ui/JobProgress';
import { useHostNames } from '../../ui/use-host-names';
import { describeOperation, retryOffer, vmWhere, type OperationOutcome } from '../../domain/operation-outcome';
import { ACTION_LABEL, actionAvailability } from '../../domain/vm-actions';
import { isSettled, operationStore, pendingOperation, useVmOperations, type VmOperation } from './operations';
import { useFollowOperation } from './use-follow-operation';
import { useSendVmAction } from './use-send-vm-action';
import { useViewPollInterval } from '../../ui/polling';
import { formatDateTime, t } from '../../i18n/i18n';
import { alertLabel } from '../../i18n/patternfly';
import { Rich } from '../../i18n/Rich';

const srOnly = {
  position: 'absolute', width: 1, height: 1, padding: 0, margin: -1, overflow: 'hidden', clip: 'rect(0,0,0,0)', whiteSpace: 'nowrap', border: 0,
} as const;

/** The result as kept: refused at once, settled from the engine's record, or still running. */
function keptOutcome(op: VmOperation, describe: string): OperationOutcome & { settledAt?: number | undefined } {
  if (op.request === 'sending') return { state: 'running', headline: t('vm.operation.sending', { operation: describe }), details: [] };
  if (op.request === 'refused') {
    const reason = op.error?.text ?? t('vm.operation.noReason');
    return {
      state: 'failed',
      headline: t('vm.operation.refused', { action: op.kind, vm: op.vmName }),
      details: [op.error?.status ? t('vm.operation.reasonWithStatus', { reason, status: String(op.error.status) }) : reason],
    };
  }
  if (op.outcome) return op.outcome;
  // Settled by an earlier version of the console, which kept no verdict: say so rather than judge it now.
  if (op.settled) return { state: 'unknown', headline: t('vm.operation.ended', { operation: describe }), details: [t('vm.operation.resultNotKept')] };
  if (op.answerLost !== undefined) {
    return { state: 'running', headline: t('vm.operation.answerLost', { operation: describe }), details: [op.answerLost] };
  }
  return { state: 'running', headline: t('vm.operation.inProgress', { operation: describe }), details: [] };
}

export function OperationCard({ op }: { op: VmOperation }) {
  const hostName = useHostNames();
  const send = useSendVmAction();
  useFollowOperation(op);
  const describe = describeOperation(op, op.sourceHostId, hostName);
  const outcome = keptOutcome(op, describe);
  const ended = outcome.state === 'failed' || outcome.state === 'unknown';
  // The VM as it is now, for the "Now:" line and Try again (kept fresh while the card shows a failure).
  const poll = useViewPollInterval();
  const vm = useQuery({ ...vmQueryOptions(op.vmId), enabled: op.request !== 'sending', refetchInterval: ended ? poll : false });
  const attachments = useQuery({ ...attachmentsQueryOptions(op.vmId), enabled: ended && op.kind === 'migrate' });
  const others = pendingOperation(useVmOperations(op.vmId), op.vmId);
  const allowedNow = vm.data
    ? actionAvailability({
        vm: vm.data,
        attachments: attachments.isError ? 'unreadable' : attachments.data,
        pending: others ? { label: ACTION_LABEL[others.kind] } : undefined,
      })
    : undefined;
  const retry = retryOffer(op, outcome.state, vm.data, allowedNow, hostName);
  const details = ended && vm.data ? [...outcome.details, t('vm.operation.now', { where: vmWhere(vm.data, hostName) })] : outcome.details;

  const variant = outcome.state === 'done' ? 'success' : outcome.state === 'failed' ? 'danger' : outcome.state === 'unknown' ? 'warning' : 'info';
  return (
    <Alert
      variant={variant}
      isInline
      variantLabel={alertLabel(variant)}
      component="h2"
      title={outcome.headline}
      data-operation-state={outcome.state}
      actionClose={
        isSettled(op) ? (
          <AlertActionCloseButton aria-label={t('vm.operation.dismiss', { operation: describe })} onClose={() => operationStore.dismiss(op.id)} />
        ) : undefined
      }
      actionLinks={
        retry ? (
          <AlertActionLink
            onClick={() => {
              operationStore.dismiss(op.id);
              void send({ id: op.vmId, name: vm.data?.name ?? op.vmName, hostId: retry.from }, op.kind, op.destHostId);
            }}
          >
            {retry.label}
          </AlertActionLink>
        ) : undefined
      }
    >
      <div role="status" style={srOnly}>
        {outcome.state === 'running' ? '' : outcome.headline}
      </div>
      {details.length > 0 ? (
        <ul aria-label={t('vm.operation.why')} style={{ margin: '0 0 0.5rem 1.25rem', listStyle: 'disc' }}>
          {details.map((d) => (
            // The engine's own refusal, as it wrote it (every other line is the console's sentence).
            <li key={d} translate={d === op.error?.text ? 'no' : undefined}>
              {d}
            </li>
          ))}
        </ul>
      ) : null}
      {op.outcome ? (
        <p style={{ margin: '0 0 0.5rem' }}>
          <Rich
            id="vm.operation.endedAt"
            values={{ time: formatDateTime(op.outcome.settledAt, { timeStyle: 'medium' }) }}
            tags={[(c) => <time dateTime={new Date(op.outcome?.settledAt ?? 0).toISOString()}>{c}</time>]}
          />
        </p>
      ) : null}
      {/* Only once the engine accepted: asked earlier, the jobs list would be cached empty. */}
      {op.request === 'accepted' ? (
        <JobProgress correlationId={op.id} active={outcome.state === 'running'} label={t('vm.operation.steps', { operation: describe })} />
      ) : null}
    </Alert>
  );
}
