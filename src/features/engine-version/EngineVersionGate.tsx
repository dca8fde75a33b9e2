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

export function EngineVersionGate({ children }: { children: ReactNode }) {
  const product = useEngineProduct();
  if (product.isPending) {
    return (
      <Bullseye style={{ minHeight: '100vh' }}>
        <Spinner aria-label="Reading the engine's version" />
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
    document.title = 'Engine not supported · Direct LUN Console';
  }, []);
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'var(--pf-t--global--background--color--secondary--default)' }}>
      <PageSection style={{ maxWidth: 640 }}>
        <Title headingLevel="h1" style={{ marginBottom: '1rem' }}>
          This engine is too old for the Direct LUN Console
        </Title>
        <Content>
          <p>
            The engine at this address is <strong>{line}</strong>
            {product.fullVersion ? ` (${product.fullVersion})` : ''}. The console supports oVirt Engine{' '}
            <strong>{OLDEST_SUPPORTED_ENGINE} and newer</strong>; on 4.5.7 and newer everything works.
          </p>
          <p>What to do:</p>
          <ul>
            <li>Upgrade the engine to oVirt {OLDEST_SUPPORTED_ENGINE} or newer (4.5 is the current release), then log in again.</li>
            <li>Until then, manage Direct LUN disks in the engine&apos;s own Administration Portal.</li>
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
          Log out
        </Button>
      </PageSection>
    </main>
  );
}
