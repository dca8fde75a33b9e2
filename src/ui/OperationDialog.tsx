// A long operation, shown where the user started it: optional confirmation, then the engine's job steps as
// they happen, then a clear result — done, failed (why, and what to do), or partly done with a retry of the
// step that failed. The button is disabled while the request is in flight, so a double click sends nothing twice.
import { Alert, Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { newCorrelationId } from '../engine-api/requests';
import { JobProgress } from './JobProgress';

export interface OperationOutcome {
  variant: 'success' | 'danger' | 'warning';
  title: string;
  body?: ReactNode;
  /** Offer to run the operation (or its failed step) again. */
  retry?: { label: string; run: (correlationId: string) => Promise<OperationOutcome> } | undefined;
}

type Phase =
  | { kind: 'confirm' }
  | { kind: 'running'; correlationId: string }
  | { kind: 'done'; correlationId: string; outcome: OperationOutcome };

export function OperationDialog({
  title,
  confirm,
  actionLabel,
  actionVariant = 'primary',
  run,
  onClose,
  autoStart = false,
  actionDisabledReason,
}: {
  title: string;
  /** What will happen, in words; shown before the user confirms. Not shown when `autoStart`. */
  confirm?: ReactNode;
  actionLabel: string;
  actionVariant?: 'primary' | 'danger';
  /** Runs the operation, tagged with the correlation id; never throws: failures are outcomes. */
  run: (correlationId: string) => Promise<OperationOutcome>;
  onClose: () => void;
  autoStart?: boolean;
  /** Why the action cannot be started yet (shown next to the button, e.g. "Nothing changed yet."). */
  actionDisabledReason?: string | undefined;
}) {
  const [phase, setPhase] = useState<Phase>(() => (autoStart ? { kind: 'running', correlationId: newCorrelationId() } : { kind: 'confirm' }));
  // A ref, not state: React's development double-mount must not start the operation twice.
  const started = useRef(false);

  async function start(fn: (c: string) => Promise<OperationOutcome>, correlationId = newCorrelationId()) {
    started.current = true;
    setPhase({ kind: 'running', correlationId });
    const outcome = await fn(correlationId);
    setPhase({ kind: 'done', correlationId, outcome });
  }

  useEffect(() => {
    if (autoStart && !started.current && phase.kind === 'running') void start(run, phase.correlationId);
    // Runs once, on open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const running = phase.kind === 'running';
  return (
    <Modal isOpen variant="medium" onClose={running ? undefined : onClose} aria-labelledby="operation-title">
      <ModalHeader title={title} labelId="operation-title" />
      <ModalBody>
        {phase.kind === 'confirm' ? (
          confirm
        ) : (
          <>
            {phase.kind === 'done' ? (
              <Alert variant={phase.outcome.variant} isInline title={phase.outcome.title} component="h2" style={{ marginBottom: '1rem' }}>
                {phase.outcome.body}
              </Alert>
            ) : null}
            <JobProgress correlationId={phase.correlationId} active={running} label={`${title}: progress`} />
          </>
        )}
      </ModalBody>
      <ModalFooter>
        {phase.kind === 'confirm' ? (
          <>
            <Button
              variant={actionVariant}
              onClick={() => void start(run)}
              isAriaDisabled={!!actionDisabledReason}
              aria-describedby={actionDisabledReason ? 'operation-action-reason' : undefined}
            >
              {actionLabel}
            </Button>
            <Button variant="link" onClick={onClose}>
              Cancel
            </Button>
            {actionDisabledReason ? (
              <span id="operation-action-reason" style={{ color: 'var(--pf-t--global--text--color--subtle)' }}>
                {actionDisabledReason}
              </span>
            ) : null}
          </>
        ) : phase.kind === 'running' ? (
          // aria-disabled, not disabled: the dialog's focus trap needs one focusable element while it works.
          <Button variant="primary" isLoading isAriaDisabled>
            Working…
          </Button>
        ) : (
          <>
            {phase.outcome.retry ? (
              <Button variant="primary" onClick={() => phase.outcome.retry && void start(phase.outcome.retry.run)}>
                {phase.outcome.retry.label}
              </Button>
            ) : null}
            <Button variant={phase.outcome.retry ? 'link' : 'primary'} onClick={onClose}>
              Done
            </Button>
          </>
        )}
      </ModalFooter>
    </Modal>
  );
}
