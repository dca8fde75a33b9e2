import { Alert, Button, PageSection } from '@patternfly/react-core';
import { useRouteError } from 'react-router';
import { errorText } from '../engine-api/errors';

/** A bug in the console must not leave a blank page: say what broke and offer a way back. */
export function RouteError() {
  const error = useRouteError();
  return (
    <main>
      <PageSection>
        <Alert variant="danger" title="The console hit an unexpected error" component="h1">
          <p>{errorText(error)}</p>
          <p>What you entered in forms is kept as a draft where the form supports it. Reload the page to continue.</p>
        </Alert>
        <Button variant="primary" style={{ marginTop: '1rem' }} onClick={() => window.location.reload()}>
          Reload the page
        </Button>
      </PageSection>
    </main>
  );
}
