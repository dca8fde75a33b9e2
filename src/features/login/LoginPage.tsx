import { Alert, Card, CardBody, CardTitle, PageSection, Title } from '@patternfly/react-core';
import { useEffect } from 'react';
import { t } from '../../i18n/i18n';
import { alertLabel } from '../../i18n/patternfly';
import { Rich } from '../../i18n/Rich';
import { useEmulatedMode } from '../../ui/engine-mode';
import { LoginForm } from './LoginForm';

export function LoginPage() {
  const emulated = useEmulatedMode();
  useEffect(() => {
    document.title = t('login.documentTitle');
  }, []);
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'var(--pf-t--global--background--color--secondary--default)' }}>
      <PageSection style={{ maxWidth: 440, width: '100%' }}>
        <Card>
          <CardTitle>
            <Title headingLevel="h1">{t('login.productName')}</Title>
            <p style={{ fontWeight: 'normal' }}>{t('login.intro')}</p>
          </CardTitle>
          <CardBody>
            {emulated?.notice ? (
              <Alert variant="warning" variantLabel={alertLabel('warning')} isInline title={t('emulator.unknownScenario')} component="h2" style={{ marginBottom: '1rem' }}>
                {emulated.notice}
              </Alert>
            ) : null}
            {emulated ? (
              <Alert variant="info" variantLabel={alertLabel('info')} isInline isPlain title={t('emulator.engine')} component="h2" style={{ marginBottom: '1rem' }}>
                <Rich
                  id="emulator.demoUser"
                  values={{ user: 'admin@internal', password: 'ovirt' }}
                  tags={[(c) => <strong translate="no">{c}</strong>, (c) => <strong translate="no">{c}</strong>]}
                />
              </Alert>
            ) : null}
            <LoginForm />
          </CardBody>
        </Card>
      </PageSection>
    </main>
  );
}
