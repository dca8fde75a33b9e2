// The VM page's "Recent engine jobs": the engine's own jobs on a VM (an HA restart) with their steps, and what
// the user sees when the engine does not answer.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { getVm } from '../../engine-api/vms';
import { setupEmulatedEngine } from '../../test/engine-harness';
import { VmJobs } from './VmJobs';

const { ctx, server } = setupEmulatedEngine('lab');

async function renderFor(name: string) {
  const vm = await getVm(ctx.emulator.engine.state.vms.find((v) => v.name === name)?.id ?? '');
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <VmJobs vm={vm} />
    </QueryClientProvider>,
  );
}

describe('VmJobs', () => {
  it('shows the restart the engine ran by itself after a host failure, step by step, and only this VM\'s jobs', async () => {
    ctx.emulator.crashHost('host1');
    await ctx.emulator.idle();
    await renderFor('db01');
    const region = screen.getByRole('region', { name: 'Recent engine jobs' });
    expect(await within(region).findByText('Restarting highly available VM db01')).toBeInTheDocument();
    expect(within(region).getByText(/db01 is up on host\d \(run attempt 1 of 3\)/)).toBeInTheDocument();
    expect(within(region).queryByText(/web01/)).not.toBeInTheDocument();
  });

  it('says when there is none', async () => {
    await renderFor('app01');
    expect(await screen.findByText('No recent job.')).toBeInTheDocument();
  });

  it('shows the engine\'s reason when the jobs cannot be read', async () => {
    server.use(http.get('*/ovirt-engine/api/v4/jobs', () => HttpResponse.json({ reason: 'Operation Failed', detail: '[Internal error]' }, { status: 500 })));
    await renderFor('db01');
    expect(await screen.findByRole('heading', { name: /Could not load the engine's jobs/ })).toBeInTheDocument();
    expect(screen.getByText(/Internal error/)).toBeInTheDocument();
  });
});
