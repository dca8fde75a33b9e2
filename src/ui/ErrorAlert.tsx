import { t } from '../i18n/i18n';
import { Alert, AlertActionLink, ExpandableSection } from '@patternfly/react-core';
import { isEngineError, type UnreadableAnswer } from '../engine-api/errors';
import { alertLabel } from '../i18n/patternfly';
import { ErrorText } from './ErrorText';

/**
 * What came back when the console could not read the answer, closed until asked for: the fields that did not match
 * and the first characters of the body (already cut and masked by the transport), for an administrator to tell a
 * proxy's page from a cut-short answer.
 */
function AnswerDetails({ answer }: { answer: UnreadableAnswer }) {
  return (
    <ExpandableSection toggleText={t('common.errorAlert.whatCameBack')} style={{ marginTop: '0.5rem' }}>
      {answer.problems ? <p>{t('common.errorAlert.notAsExpected', { problems: answer.problems })}</p> : null}
      {answer.excerpt ? (
        <>
          <p>{t('common.errorAlert.answerBegan')}</p>
          <pre translate="no" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{answer.excerpt}</pre>
        </>
      ) : (
        <p>{t('common.errorAlert.noBody')}</p>
      )}
    </ExpandableSection>
  );
}

/**
 * An engine failure where the user acted: the engine's own reason, never a generic text. For an HTTP fault
 * the status is named too, so an administrator can tell a conflict (409) from bad input (400); an answer the console
 * does not understand names its status in its text already (never twice) and offers what came back.
 */
export function ErrorAlert({
  title,
  error,
  onRetry,
  retryLabel,
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
  const status = isEngineError(error) && error.kind === 'fault' ? t('common.httpStatus', { status: error.status }) : '';
  const answer = isEngineError(error) ? error.answer : undefined;
  return (
    <Alert
      variant="danger"
      variantLabel={alertLabel('danger')}
      isInline={isInline}
      title={title}
      component={headingLevel}
      actionLinks={onRetry ? <AlertActionLink onClick={onRetry}>{retryLabel ?? t('common.tryAgain')}</AlertActionLink> : undefined}
    >
      <p>
        <ErrorText error={error} />
        {status}
      </p>
      {answer ? <AnswerDetails answer={answer} /> : null}
    </Alert>
  );
}
