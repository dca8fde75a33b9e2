import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNodeEmulator } from '../../../mocks/node';
import { session } from '../../engine-api/session';
import { LoginForm } from './LoginForm';

const { server } = createNodeEmulator('lab');
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => session.end());
afterAll(() => server.close());

describe('LoginForm', () => {
  it('validates each field when the form is sent', async () => {
    render(<LoginForm />);
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('Enter your user name, for example admin@internal.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Username/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('asks for the profile next to the Username field, as the engine refuses a name without one', async () => {
    render(<LoginForm />);
    const username = screen.getByLabelText(/Username/);
    await userEvent.type(username, 'admin');
    await userEvent.type(screen.getByLabelText(/Password/), 'ovirt');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('Add the profile after @, for example admin@internal.')).toBeInTheDocument();
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(username).toHaveAccessibleDescription(/Add the profile after @/);
    expect(session.get().status).toBe('anonymous');
    // Typing the profile clears the message as the user types.
    await userEvent.type(username, '@internal');
    await vi.waitFor(() => expect(screen.queryByText(/Add the profile after @/)).not.toBeInTheDocument());
  });

  it('shows the engine\'s reason when the profile is one the engine does not know', async () => {
    render(<LoginForm />);
    await userEvent.type(screen.getByLabelText(/Username/), 'admin@nowhere');
    await userEvent.type(screen.getByLabelText(/Password/), 'ovirt');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Cannot authenticate user 'admin@nowhere': No valid profile found in credentials.");
  });

  it('shows the engine\'s reason for a wrong password and keeps the user name', async () => {
    render(<LoginForm />);
    await userEvent.type(screen.getByLabelText(/Username/), 'admin@internal');
    await userEvent.type(screen.getByLabelText(/Password/), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Cannot authenticate user 'admin@internal': The username or password is incorrect.");
    expect(screen.getByLabelText(/Username/)).toHaveValue('admin@internal');
    expect(session.get().status).toBe('anonymous');
  });

  // enginesso SsoService.sendJsonDataWithMessage (SsoService.java:692-713): 400 with {error_code, error} when
  // isRestApiScope (:716-730: ovirt-app-api without ovirt-app-admin / ovirt-app-portal — the console's scope), so the
  // reason is in `error` and the code in `error_code` (044 §15 F-F).
  it('shows the SSO\'s reason from the shape a real engine sends the console\'s scope: {error_code, error}', async () => {
    let scope: string | null = null;
    const body = { error_code: 'access_denied', error: "Cannot authenticate user 'jdoe@internal': The user account is disabled or locked.." };
    server.use(
      http.post('*/ovirt-engine/sso/oauth/token', async ({ request }) => {
        scope = new URLSearchParams(await request.text()).get('scope');
        return HttpResponse.json(body, { status: 400 });
      }, { once: true }),
    );
    render(<LoginForm />);
    await userEvent.type(screen.getByLabelText(/Username/), 'jdoe@internal');
    await userEvent.type(screen.getByLabelText(/Password/), 'secret');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Cannot authenticate user 'jdoe@internal': The user account is disabled or locked.");
    expect(alert).not.toHaveTextContent('access_denied');
    expect(scope).toBe('ovirt-app-api');
    expect(screen.getByLabelText(/Username/)).toHaveValue('jdoe@internal');
    expect(session.get().status).toBe('anonymous');
  });

  it('the emulated SSO answers the console\'s scope in that same shape', async () => {
    const bodies: unknown[] = [];
    const record = ({ response }: { response: Response }) => void response.clone().json().then((b: unknown) => bodies.push(b));
    server.events.on('response:mocked', record);
    render(<LoginForm />);
    await userEvent.type(screen.getByLabelText(/Username/), 'admin@internal');
    await userEvent.type(screen.getByLabelText(/Password/), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await screen.findByRole('alert');
    server.events.removeListener('response:mocked', record);
    await vi.waitFor(() => expect(bodies).toEqual([{ error_code: 'access_denied', error: "Cannot authenticate user 'admin@internal': The username or password is incorrect.." }]));
  });

  it('starts a session on success', async () => {
    let called = false;
    render(<LoginForm onLoggedIn={() => (called = true)} />);
    await userEvent.type(screen.getByLabelText(/Username/), 'admin@internal');
    await userEvent.type(screen.getByLabelText(/Password/), 'ovirt');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await screen.findByRole('button', { name: 'Log in' });
    await vi.waitFor(() => expect(called).toBe(true));
    expect(session.get()).toMatchObject({ status: 'active', user: 'admin@internal' });
  });

  it('keeps the typed password out of the DOM: not in the input\'s attribute, not after a failed login', async () => {
    const typed = 'not-the-Pa55word';
    const { container } = render(<LoginForm defaultUsername="admin@internal" />);
    const password = screen.getByLabelText(/Password/);
    await userEvent.type(password, typed);
    expect(password).toHaveValue(typed);
    expect(password).not.toHaveAttribute('value');
    expect(password.outerHTML).not.toContain(typed);
    expect(container.innerHTML).not.toContain(typed);
    // Enter sends the form; the engine's refusal comes back and the focus returns to the password, still typed.
    await userEvent.type(password, '{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent("Cannot authenticate user 'admin@internal'");
    expect(password).toHaveFocus();
    expect(password).toHaveValue(typed);
    expect(document.documentElement.outerHTML).not.toContain(typed);
  });

  it('Enter in the password field logs in with what was typed', async () => {
    render(<LoginForm defaultUsername="admin@internal" />);
    await userEvent.type(screen.getByLabelText(/Password/), 'ovirt{Enter}');
    await vi.waitFor(() => expect(session.get()).toMatchObject({ status: 'active', user: 'admin@internal' }));
    expect(document.documentElement.outerHTML).not.toContain('value="ovirt"');
  });
});
