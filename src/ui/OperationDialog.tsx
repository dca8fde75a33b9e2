// A long operation, shown where the user started it: optional confirmation, then the engine's job steps as
// they happen, then a clear result — done, failed (why, and what to do), or partly done with a retry of the
// step that failed. Each start (the first, and each retry) is an attempt of ui/use-engine-operation: a fresh
// correlation id, nothing sent while one is in flight (the button is disabled too), and what `change` touched
// refreshed when it settles.
import { Alert, Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useEffect, type ReactNode } from 'react';
import type { EngineChange } from '../engine-api/changes';
import { t } from '../i18n/i18n';
import { alertLabel } from '../i18n/patternfly';
import { ErrorText } from './ErrorText';
import { JobProgress } from './JobProgress';
import { ModalClose } from './ModalClose';
import { useEngineOperation } from './use-engine-operation';

export interface OperationOutcome {
  variant: 'success' | 'danger' | 'warning';
  title: string;
  body?: ReactNode;
  /** Offer to run the operation (or its failed step) again. */
  retry?: { label: string; run: (correlationId: string) => Promise<OperationOutcome> } | undefined;
}

export function OperationDialog({
  title,
  confirm,
  actionLabel,
  actionVariant = 'primary',
  run,
  change,
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
  /** What the operation changes in the engine: refreshed after each attempt (engine-api/changes.ts). */
  change: EngineChange;
  onClose: () => void;
  autoStart?: boolean;
  /** Why the action cannot be started yet (shown next to the button, e.g. "Nothing changed yet."). */
  actionDisabledReason?: string | undefined;
}) {
  const op = useEngineOperation<OperationOutcome>();
  // `run` says failures as outcomes; should it throw all the same, the error is kept and shown as the outcome.
  const start = (fn: (c: string) => Promise<OperationOutcome>) => void op.run({ change }, fn).catch(() => undefined);

  useEffect(() => {
    // Runs once, on open. React's development double-mount calls it twice: the second finds the first in flight
    // and sends nothing.
    if (autoStart) start(run);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Before the auto-started attempt has its id (the first render), the dialog already looks busy.
  const running = op.pending || (autoStart && op.correlationId === undefined);
  const outcome: OperationOutcome | undefined =
    op.outcome ?? (!op.pending && op.error !== undefined ? { variant: 'danger', title: t('common.operation.failed', { title }), body: <p><ErrorText error={op.error} /></p> } : undefined);
  const confirming = !autoStart && op.correlationId === undefined;
  return (
    <Modal isOpen variant="medium" onEscapePress={running ? () => undefined : onClose} aria-labelledby="operation-title">
      {running ? null : <ModalClose onClose={onClose} />}
      <ModalHeader title={title} labelId="operation-title" />
      <ModalBody>
        {confirming ? (
          confirm
        ) : (
          <>
            {outcome && !running ? (
              <Alert variant={outcome.variant} variantLabel={alertLabel(outcome.variant)} isInline title={outcome.title} component="h2" style={{ marginBottom: '1rem' }}>
                {outcome.body}
              </Alert>
            ) : null}
            {op.correlationId ? <JobProgress correlationId={op.correlationId} active={running} label={t('common.operation.progress', { title })} /> : null}
          </>
        )}
      </ModalBody>
      <ModalFooter>
        {confirming ? (
          <>
            <Button
              variant={actionVariant}
              onClick={() => start(run)}
              isAriaDisabled={!!actionDisabledReason}
              aria-describedby={actionDisabledReason ? 'operation-action-reason' : undefined}
            >
              {actionLabel}
            </Button>
            <Button variant="link" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            {actionDisabledReason ? (
              <span id="operation-action-reason" style={{ color: 'var(--pf-t--global--text--color--subtle)' }}>
                {actionDisabledReason}
              </span>
            ) : null}
          </>
        ) : running || !outcome ? (
          // aria-disabled, not disabled: the dialog's focus trap needs one focusable element while it works.
          <Button variant="primary" isLoading isAriaDisabled>
            {t('common.operation.working')}
          </Button>
        ) : (
          <>
            {outcome.retry ? (
              <Button variant="primary" onClick={() => outcome.retry && start(outcome.retry.run)}>
                {outcome.retry.label}
              </Button>
            ) : null}
            <Button variant={outcome.retry ? 'link' : 'primary'} onClick={onClose}>
              {t('common.operation.done')}
            </Button>
          </>
        )}
      </ModalFooter>
    </Modal>
  );
}
