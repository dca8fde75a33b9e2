import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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
