import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { parseEngineVersion } from '../../domain/engine-version';
import { setupEmulatedEngine } from '../../test/engine-harness';
import { EngineVersionGate } from './EngineVersionGate';

function wrap(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{children}</QueryClientProvider>);
}

describe('EngineVersionGate on an engine 4.2', () => {
  setupEmulatedEngine('lab', { version: parseEngineVersion('4.2.8') });

  it('shows which version it is, which the console supports, what to do, and Log out — not the console', async () => {
    wrap(<EngineVersionGate>the console</EngineVersionGate>);
    expect(await screen.findByRole('heading', { level: 1, name: 'This engine is too old for the Direct LUN Console' })).toBeInTheDocument();
    expect(screen.getByText(/The engine at this address is/)).toHaveTextContent('The engine at this address is oVirt Engine 4.2.8 (4.2.8-1). The console supports oVirt Engine 4.3 and newer');
    expect(screen.getByText(/Upgrade the engine to oVirt 4.3 or newer/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Log out' })).toBeInTheDocument();
    expect(screen.queryByText('the console')).not.toBeInTheDocument();
  });
});

describe('EngineVersionGate on an engine whose version cannot be read', () => {
  const { server } = setupEmulatedEngine('lab');

  it('lets the console through', async () => {
    server.use(http.get('*/ovirt-engine/api/v4', () => HttpResponse.text('<html>proxy</html>', { headers: { 'Content-Type': 'text/html' } })));
    wrap(<EngineVersionGate>the console</EngineVersionGate>);
    expect(await screen.findByText('the console')).toBeInTheDocument();
  });

  it('lets a supported engine through', async () => {
    wrap(<EngineVersionGate>the console</EngineVersionGate>);
    expect(await screen.findByText('the console')).toBeInTheDocument();
  });
});
