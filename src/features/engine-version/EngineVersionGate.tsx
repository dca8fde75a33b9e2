// After login: the engine's version decides whether the console can work with it at all. An engine older than 4.3
// gets a full-page explanation (which version it is, which the console supports, what to do) and Log out; an engine
// whose version cannot be read is let through — the console then works as for an unknown version (discovery tries
// discoveriscsi, then iscsidiscover) and says "version unknown" in the user menu.
import { Bullseye, Button, Content, PageSection, Spinner, Title } from '@patternfly/react-core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { OLDEST_SUPPORTED_ENGINE, isSupportedEngine } from '../../domain/engine-version';
import type { EngineProduct } from '../../engine-api/api-root';
import { logout } from '../../engine-api/sso';
import { productLine, useEngineProduct } from './engine-product';
import { t } from '../../i18n/i18n';
import { Rich } from '../../i18n/Rich';

export function EngineVersionGate({ children }: { children: ReactNode }) {
  const product = useEngineProduct();
  if (product.isPending) {
    return (
      <Bullseye style={{ minHeight: '100vh' }}>
        <Spinner aria-label={t('app.engine.reading')} />
      </Bullseye>
    );
  }
  const p = product.data;
  if (p?.version && !isSupportedEngine(p.version)) return <UnsupportedEngine product={p} />;
  return <>{children}</>;
}

export function UnsupportedEngine({ product }: { product: EngineProduct }) {
  const queryClient = useQueryClient();
  const line = productLine(product);
  useEffect(() => {
    document.title = t('common.documentTitle', { title: t('app.engine.unsupportedTitle') });
  }, []);
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'var(--pf-t--global--background--color--secondary--default)' }}>
      <PageSection style={{ maxWidth: 640 }}>
        <Title headingLevel="h1" style={{ marginBottom: '1rem' }}>
          {t('app.engine.tooOld')}
        </Title>
        <Content>
          <p>
            <Rich
              id={product.fullVersion ? 'app.engine.isAtWithPackage' : 'app.engine.isAt'}
              values={{ line, fullVersion: product.fullVersion ?? '', oldest: OLDEST_SUPPORTED_ENGINE }}
              tags={[(c) => <strong>{c}</strong>, (c) => <strong>{c}</strong>]}
            />
          </p>
          <p>{t('app.engine.whatToDo')}</p>
          <ul>
            <li>{t('app.engine.upgrade', { oldest: OLDEST_SUPPORTED_ENGINE })}</li>
            <li>{t('app.engine.useAdminPortal')}</li>
          </ul>
        </Content>
        <Button
          variant="primary"
          style={{ marginTop: '1rem' }}
          onClick={() => {
            queryClient.clear();
            void logout();
          }}
        >
          {t('app.userMenu.logOut')}
        </Button>
      </PageSection>
    </main>
  );
}
