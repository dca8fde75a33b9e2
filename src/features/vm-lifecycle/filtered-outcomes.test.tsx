// A user who is not an admin (decision 043): the engine refuses this session its jobs, so an operation is decided
// from its correlation id's events — and another operation's jobs never show as this one's.
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { startVm } from '../../../mocks/engine/ops-vms';
import { vmQueryOptions } from '../../engine-api/vms';
import { setupEmulatedEngine } from '../../test/engine-harness';
import { operationStore } from './operations';
import { VmLifecycleActions } from './VmLifecycleActions';
import { VmOperations } from './VmOperations';

const { ctx, server } = setupEmulatedEngine('lifecycle', { user: 'user@internal' });
beforeEach(() => operationStore.clear());

const vmId = (name: string) => ctx.emulator.engine.state.vms.find((v) => v.name === name)?.id ?? '';

function LiveVm({ id }: { id: string }) {
  const vm = useQuery({ ...vmQueryOptions(id), refetchInterval: 200 });
  return vm.data ? <VmLifecycleActions vm={vm.data} /> : null;
}

function renderFor(name: string) {
  const id = vmId(name);
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <LiveVm id={id} />
      <VmOperations vmId={id} />
    </QueryClientProvider>,
  );
  return id;
}

describe('operations of a user who is not an admin', () => {
  it('Shut down app01 is decided from its events; a job of someone else running meanwhile shows nowhere', async () => {
    const jobRequests: string[] = [];
    server.events.on('request:start', ({ request }) => {
      const u = new URL(request.url);
      if (u.pathname.includes('/jobs')) jobRequests.push(`${u.pathname}${u.search}`);
    });
    // Another user's operation, running while ours does.
    startVm(ctx.emulator.engine, vmId('dr01'), 'someone-else');
    renderFor('app01');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Shut down' })).not.toHaveAttribute('aria-disabled', 'true'), { timeout: 5000 });
    await userEvent.click(screen.getByRole('button', { name: 'Shut down' }));
    await userEvent.click(within(await screen.findByRole('dialog', { name: /Shut down app01\?$/ })).getByRole('button', { name: 'Shut down' }));
    await screen.findByRole('heading', { name: /app01 is Down$/ }, { timeout: 8000 });
    expect(operationStore.get().find((o) => o.kind === 'shutdown')?.outcome).toMatchObject({ state: 'done', headline: 'app01 is Down' });
    expect(screen.queryByText(/dr01/)).not.toBeInTheDocument();
    // One question about jobs for the whole session (refused), never a job list or steps read as ours.
    expect(jobRequests).toHaveLength(1);
    expect(jobRequests[0]).toMatch(/correlation_id%3Dprobe-/);
  }, 20_000);
});
