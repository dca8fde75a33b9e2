import { Alert, Card, CardBody, CardTitle, PageSection, Title } from '@patternfly/react-core';
import { useEffect } from 'react';
import { useEmulatedMode } from '../../ui/engine-mode';
import { LoginForm } from './LoginForm';

export function LoginPage() {
  const emulated = useEmulatedMode();
  useEffect(() => {
    document.title = 'Log in · Direct LUN Console';
  }, []);
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'var(--pf-t--global--background--color--secondary--default)' }}>
      <PageSection style={{ maxWidth: 440, width: '100%' }}>
        <Card>
          <CardTitle>
            <Title headingLevel="h1">Direct LUN Console</Title>
            <p style={{ fontWeight: 'normal' }}>Log in with your oVirt engine account.</p>
          </CardTitle>
          <CardBody>
            {emulated?.notice ? (
              <Alert variant="warning" isInline title="Unknown scenario" component="h2" style={{ marginBottom: '1rem' }}>
                {emulated.notice}
              </Alert>
            ) : null}
            {emulated ? (
              <Alert variant="info" isInline isPlain title="Emulated engine" component="h2" style={{ marginBottom: '1rem' }}>
                Demo user <strong>admin@internal</strong>, password <strong>ovirt</strong>.
              </Alert>
            ) : null}
            <LoginForm />
          </CardBody>
        </Card>
      </PageSection>
    </main>
  );
}
