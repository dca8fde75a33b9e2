import { Button, PageSection } from '@patternfly/react-core';
import { Link } from 'react-router';
import { PageHeader } from '../ui/PageSection';
import { Empty } from '../ui/QueryStates';
import { paths } from '../ui/paths';
import { t } from '../i18n/i18n';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title={t('app.notFound.title')} />
      <PageSection>
        <Empty title={t('app.notFound.heading')} actions={<Button variant="primary" component={(p) => <Link {...p} to={paths.vms()} />}>{t('app.notFound.goToVms')}</Button>}>
          {t('app.notFound.body')}
        </Empty>
      </PageSection>
    </>
  );
}
