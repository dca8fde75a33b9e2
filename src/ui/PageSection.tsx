import { PageSection, Title } from '@patternfly/react-core';
import { useEffect, type ReactNode } from 'react';
import { t } from '../i18n/i18n';

/**
 * A page's header: its h1 and, for screen readers and tabs, the document title. `named`: the title is an object's
 * name as the engine holds it (a VM, a host, a disk), shown as written and marked for no translation.
 */
export function PageHeader({ title, named = false, description, actions }: { title: string; named?: boolean; description?: ReactNode; actions?: ReactNode }) {
  useEffect(() => {
    document.title = t('common.documentTitle', { title });
  }, [title]);
  return (
    <PageSection>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: '1rem', flexWrap: 'wrap' }}>
        <div>
          <Title headingLevel="h1" translate={named ? 'no' : undefined}>
            {title}
          </Title>
          {description ? <p style={{ marginTop: '0.25rem' }}>{description}</p> : null}
        </div>
        {actions ? <div style={{ display: 'flex', gap: '0.5rem' }}>{actions}</div> : null}
      </div>
    </PageSection>
  );
}
