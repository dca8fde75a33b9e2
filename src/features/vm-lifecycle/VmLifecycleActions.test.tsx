// The VM page's lifecycle buttons and the operations they start, against the emulated engine (msw/node).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { getVm } from '../../engine-api/vms';
import { setupEmulatedEngine } from '../../test/engine-harness';
import { operationStore } from './operations';
import { VmLifecycleActions } from './VmLifecycleActions';
import { VmOperations } from './VmOperations';

const { ctx } = setupEmulatedEngine('lab');
beforeEach(() => operationStore.clear());

async function renderFor(name: string) {
  const id = ctx.emulator.engine.state.vms.find((v) => v.name === name)?.id ?? '';
  const vm = await getVm(id);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <VmLifecycleActions vm={vm} />
      <VmOperations vmId={id} />
    </QueryClientProvider>,
  );
  return id;
}

describe('VM lifecycle actions', () => {
  it('Run shows the engine\'s steps and ends with where the VM runs', async () => {
    await renderFor('test01');
    expect(screen.getByRole('button', { name: 'Shut down' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Shut down' })).toHaveAccessibleDescription('Shut down, Power off: test01 is Down.');
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    const heading = await screen.findByRole('heading', { name: /test01 is Up on host[12]/ }, { timeout: 5000 });
    const card = heading.closest('.pf-v6-c-alert') as HTMLElement;
    const steps = within(card).getByRole('region', { name: 'Engine steps: Run test01' });
    expect(await within(steps).findByText(/Skipped host3 \(preferred\).*Not counted as a run attempt/)).toBeInTheDocument();
    expect(within(card).getByRole('status')).toHaveTextContent(/test01 is Up on host[12]/);
  });

  it('Power off asks first; Cancel sends nothing', async () => {
    const id = await renderFor('db01');
    await userEvent.click(screen.getByRole('button', { name: 'Power off' }));
    const dialog = await screen.findByRole('dialog', { name: /Power off db01\?$/ });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(operationStore.get()).toEqual([]);
    expect(ctx.emulator.engine.vm(id).status).toBe('up');
  });

  it('a refused request says so with the engine\'s reason; Try again only once it makes sense for the VM again', async () => {
    const id = await renderFor('db01');
    // Someone else powers it off meanwhile: the page still shows it Up, the engine refuses.
    const em = ctx.emulator.engine.vm(id);
    const hostId = em.hostId;
    em.status = 'down';
    delete em.hostId;
    await userEvent.click(screen.getByRole('button', { name: 'Shut down' }));
    await userEvent.click(within(await screen.findByRole('dialog', { name: 'Shut down db01?' })).getByRole('button', { name: 'Shut down' }));
    expect(await screen.findByRole('heading', { name: /The engine refused to shut down db01/ })).toBeInTheDocument();
    const why = screen.getByRole('list', { name: 'Why' });
    expect(why).toHaveTextContent('Cannot shutdown VM. VM is not running. (HTTP 409)');
    // Shutting down a VM that is Down makes no sense: no Try again, and the card says where the VM is.
    await waitFor(() => expect(why).toHaveTextContent('Now: db01 is Down.'));
    expect(screen.queryByRole('button', { name: /Try again/ })).not.toBeInTheDocument();
    // Someone runs it again: now a shut down makes sense again, and Try again says what it does.
    em.status = 'up';
    em.hostId = hostId;
    expect(await screen.findByRole('button', { name: 'Try again: Shut down db01' }, { timeout: 8000 })).toBeInTheDocument();
    // The card's VM is read again every 3 s: room for that under load.
  }, 20_000);
});
