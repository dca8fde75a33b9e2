import { Alert, Button, PageSection } from '@patternfly/react-core';
import { useRouteError } from 'react-router';
import { t } from '../i18n/i18n';
import { alertLabel } from '../i18n/patternfly';
import { errorText, isEngineError } from '../engine-api/errors';
import { ErrorText } from '../ui/ErrorText';

/** A bug in the console must not leave a blank page: say what broke and offer a way back. */
export function RouteError() {
  const error = useRouteError();
  return (
    <main>
      <PageSection>
        <Alert variant="danger" variantLabel={alertLabel('danger')} title={t('app.routeError.title')} component="h1">
          {/* A bug's own text (a script error) is technical detail, shown as the runtime wrote it. */}
          <p>{isEngineError(error) ? <ErrorText error={error} /> : <span translate="no">{errorText(error)}</span>}</p>
          <p>{t('app.routeError.body')}</p>
        </Alert>
        <Button variant="primary" style={{ marginTop: '1rem' }} onClick={() => window.location.reload()}>
          {t('app.routeError.reload')}
        </Button>
      </PageSection>
    </main>
  );
}
