import { Alert, AlertActionLink } from '@patternfly/react-core';
import { errorText, isEngineError } from '../engine-api/errors';

/**
 * An engine failure where the user acted: the engine's own reason, never a generic text. For an HTTP fault
 * the status is named too, so an administrator can tell a conflict (409) from bad input (400).
 */
export function ErrorAlert({
  title,
  error,
  onRetry,
  retryLabel = 'Try again',
  isInline = true,
  headingLevel = 'h2',
}: {
  title: string;
  error: unknown;
  onRetry?: (() => void) | undefined;
  retryLabel?: string;
  isInline?: boolean;
  /** The alert title's heading level, to keep the page's heading order. */
  headingLevel?: 'h2' | 'h3' | 'h4';
}) {
  const status = isEngineError(error) && error.kind === 'fault' ? ` (HTTP ${error.status})` : '';
  return (
    <Alert
      variant="danger"
      isInline={isInline}
      title={title}
      component={headingLevel}
      actionLinks={onRetry ? <AlertActionLink onClick={onRetry}>{retryLabel}</AlertActionLink> : undefined}
    >
      <p>
        {errorText(error)}
        {status}
      </p>
    </Alert>
  );
}
