import { PageSection, Title } from '@patternfly/react-core';
import { useEffect, type ReactNode } from 'react';
import { t } from '../i18n/i18n';

/** A page's header: its h1 and, for screen readers and tabs, the document title. */
export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  useEffect(() => {
    document.title = t('common.documentTitle', { title });
  }, [title]);
  return (
    <PageSection>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: '1rem', flexWrap: 'wrap' }}>
        <div>
          <Title headingLevel="h1">{title}</Title>
          {description ? <p style={{ marginTop: '0.25rem' }}>{description}</p> : null}
        </div>
        {actions ? <div style={{ display: 'flex', gap: '0.5rem' }}>{actions}</div> : null}
      </div>
    </PageSection>
  );
}
