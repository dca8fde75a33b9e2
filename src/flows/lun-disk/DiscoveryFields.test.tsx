// The CHAP password in the discovery fields, against the emulated engine: what the user types reaches the engine
// and the form (validation, Enter to discover, an error on the field), but never the DOM's value attribute nor
// the draft in sessionStorage.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { beforeEach, describe, expect, it } from 'vitest';
import { LAB_CHAP } from '../../../mocks/scenarios/lab';
import { useFormDraft } from '../../ui/form-draft';
import { byName, setupEmulatedEngine } from '../../test/engine-harness';
import { DiscoveryFields } from './DiscoveryFields';
import { SECRET_FIELDS, lunDiskDefaults, type LunDiskFormValues } from './form';
import { useDiscovery } from './use-discovery';

const { ctx } = setupEmulatedEngine('lab');
const DRAFT = 'discovery-fields-test';
const WRONG = 'wrong-Secret-7';
beforeEach(() => sessionStorage.clear());

function Fields({ hostId }: { hostId: string }) {
  const discovery = useDiscovery(hostId, { name: 'host1', initiator: undefined });
  const [shown, setShown] = useState(true);
  return (
    <>
      {/* Stands for another wizard step: the fields unmount and come back, as on Next then Back. */}
      <button type="button" onClick={() => setShown((s) => !s)}>
        {shown ? 'Leave the step' : 'Back to the step'}
      </button>
      {shown ? <DiscoveryFields hostChosen hostName="host1" restoredDraft={false} discovery={discovery} /> : null}
    </>
  );
}

function Harness({ hostId }: { hostId: string }) {
  const form = useForm<LunDiskFormValues>({ defaultValues: { ...lunDiskDefaults(undefined), hostId }, mode: 'onTouched' });
  useFormDraft(form, DRAFT, SECRET_FIELDS, 'targets');
  return (
    <FormProvider {...form}>
      <Fields hostId={hostId} />
    </FormProvider>
  );
}

function renderFields() {
  const hostId = byName(ctx.emulator.engine.state.hosts, 'host1').id;
  const user = userEvent.setup();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const { container } = render(
    <QueryClientProvider client={queryClient}>
      <Harness hostId={hostId} />
    </QueryClientProvider>,
  );
  const password = () => screen.getByLabelText('CHAP password');
  return { user, container, password };
}

const html = () => document.documentElement.outerHTML;

describe('the CHAP password', () => {
  it('is typed and held by the form, never written into the DOM', async () => {
    const { user, container, password } = renderFields();
    await user.type(screen.getByLabelText('CHAP username'), LAB_CHAP.username);
    await user.type(password(), LAB_CHAP.password);
    expect(password()).toHaveValue(LAB_CHAP.password);
    expect(password()).toHaveAttribute('type', 'password');
    expect(password().outerHTML).not.toContain(LAB_CHAP.password);
    expect(password()).not.toHaveAttribute('value');
    expect(container.innerHTML).not.toContain(LAB_CHAP.password);
    // The username is in the draft; the password never is.
    await waitFor(() => expect(sessionStorage.getItem(`dlc.draft.${DRAFT}`)).toContain(LAB_CHAP.username));
    expect(sessionStorage.getItem(`dlc.draft.${DRAFT}`)).not.toContain(LAB_CHAP.password);
  });

  it('a username without it is refused on the password field when discovering', async () => {
    const { user, password } = renderFields();
    await user.type(screen.getByLabelText(/Address/), '10.35.1.72');
    await user.type(screen.getByLabelText('CHAP username'), LAB_CHAP.username);
    await user.click(screen.getByRole('button', { name: 'Discover' }));
    await waitFor(() => expect(password()).toHaveAttribute('aria-invalid', 'true'));
    expect(password()).toHaveFocus();
    expect(password()).toHaveAccessibleDescription(/Enter the CHAP password too/);
  });

  it('Enter in it discovers; a wrong one fails discovery as a real engine does (CHAP named among the causes, next to the fields), the right one reaches the engine; never in the DOM', async () => {
    const { user, password } = renderFields();
    const address = screen.getByLabelText(/Address/);
    await user.type(address, '10.35.1.72');
    await user.type(screen.getByLabelText('CHAP username'), LAB_CHAP.username);
    await user.type(password(), `${WRONG}{Enter}`);
    // The engine says only "Failed discovery of iSCSI targets" (vdsm iSCSIDiscoveryError for any iscsiadm error).
    await waitFor(() => expect(address).toHaveAttribute('aria-invalid', 'true'));
    expect(address).toHaveFocus();
    expect(address).toHaveAccessibleDescription(/“Failed discovery of iSCSI targets”\. Possible causes: .*the CHAP username or password for discovery is wrong/);
    expect(password()).toHaveValue(WRONG);
    expect(html()).not.toContain(WRONG);

    // The right one discovers all three targets, the CHAP one included, and the error goes.
    await user.clear(password());
    await user.type(password(), `${LAB_CHAP.password}{Enter}`);
    expect(await screen.findByText(/Found 3 targets/)).toBeInTheDocument();
    expect(address).toHaveAttribute('aria-invalid', 'false');
    expect(html()).not.toContain(LAB_CHAP.password);
    expect(ctx.emulator.engine.state.events.some((e) => e.description.includes(LAB_CHAP.password))).toBe(false);
  });

  it('is still there when the step comes back, and still not in the DOM', async () => {
    const { user, password } = renderFields();
    await user.type(password(), LAB_CHAP.password);
    await user.click(screen.getByRole('button', { name: 'Leave the step' }));
    expect(screen.queryByLabelText('CHAP password')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Back to the step' }));
    expect(password()).toHaveValue(LAB_CHAP.password);
    expect(html()).not.toContain(LAB_CHAP.password);
  });
});
