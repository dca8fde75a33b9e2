import { Bullseye, EmptyState, EmptyStateBody, EmptyStateFooter, Spinner } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { t } from '../i18n/i18n';
import { ErrorAlert } from './ErrorAlert';

export function Loading({ what }: { what: string }) {
  return (
    <Bullseye style={{ padding: '2rem' }}>
      <Spinner size="lg" aria-label={t('common.loading.label', { what })} />
      <span style={{ marginLeft: '0.75rem' }}>{t('common.loading.text', { what })}</span>
    </Bullseye>
  );
}

export function LoadError({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  return <ErrorAlert title={t('common.loadError', { what })} error={error} onRetry={onRetry} />;
}

export function Empty({ title, children, actions }: { title: string; children?: ReactNode; actions?: ReactNode }) {
  return (
    <EmptyState titleText={title} headingLevel="h2" variant="sm">
      {children ? <EmptyStateBody>{children}</EmptyStateBody> : null}
      {actions ? <EmptyStateFooter>{actions}</EmptyStateFooter> : null}
    </EmptyState>
  );
}
