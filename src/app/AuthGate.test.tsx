// The boot probe in the gate (decision 046): "Signing in…" while the engine is asked, never a flash of the login
// page; then the console (the cookie session is alive) or the login page (it is not).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { session } from '../engine-api/session';
import { forgetSessionProbe, LAST_USER_KEY, logout } from '../engine-api/sso';
import { AuthGate } from './AuthGate';

const ROOT = { product_info: { name: 'oVirt Engine', version: { major: '4', minor: '5' } } };
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  forgetSessionProbe();
  localStorage.clear();
});
afterEach(() => {
  server.resetHandlers();
  session.end();
});
afterAll(() => server.close());

function renderGate() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <AuthGate>
        <p>The console</p>
      </AuthGate>
    </QueryClientProvider>,
  );
}

/** The probe's answer, held until the test lets it go. */
function heldProbe(answer: () => Response) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  server.use(http.get('*/ovirt-engine/api', async () => {
    await released;
    return answer();
  }));
  return release;
}

describe('AuthGate at boot', () => {
  it('shows "Signing in…" (not the login page) while probing, then the console when the cookie session is alive', async () => {
    localStorage.setItem(LAST_USER_KEY, 'admin@internal');
    const release = heldProbe(() => HttpResponse.json(ROOT));
    renderGate();
    expect(screen.getByRole('status')).toHaveTextContent('Signing in…');
    expect(screen.queryByRole('button', { name: 'Log in' })).not.toBeInTheDocument();
    release();
    expect(await screen.findByText('The console')).toBeInTheDocument();
    expect(session.get()).toEqual({ status: 'active', user: 'admin@internal' });
  });

  it('shows the login page when the engine answers 401', async () => {
    const release = heldProbe(() => new HttpResponse('<html>Unauthorized</html>', { status: 401 }));
    renderGate();
    expect(screen.getByRole('status')).toHaveTextContent('Signing in…');
    release();
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.queryByText('The console')).not.toBeInTheDocument();
  });

  it('does not probe when the page is already signed in', () => {
    session.start('admin@internal', 'tok');
    renderGate();
    expect(screen.getByText('The console')).toBeInTheDocument();
  });
});

describe('AuthGate at Log out', () => {
  it('shows "Logging out…" until the engine has ended the cookie session, then the login page', async () => {
    session.start('admin@internal');
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    server.use(http.get('*/ovirt-engine/api', async () => {
      await released;
      return new HttpResponse(null, { status: 401 });
    }));
    renderGate();
    expect(screen.getByText('The console')).toBeInTheDocument();
    const out = logout();
    expect(await screen.findByRole('status')).toHaveTextContent('Logging out…');
    expect(screen.queryByText('The console')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Log in' })).not.toBeInTheDocument();
    release();
    await out;
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
  });
});
