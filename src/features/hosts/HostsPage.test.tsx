// The host list on the datacenter scenario (500 hosts) and on an empty engine.
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { setupEmulatedEngine } from '../../test/engine-harness';
import { renderRoute } from '../../test/render-route';
import { HostsPage } from './HostsPage';

const { ctx, server } = setupEmulatedEngine('datacenter');
vi.setConfig({ testTimeout: 30_000 });

describe('HostsPage at datacenter scale', () => {
  it('filters by status with an exact count, sorts by cluster descending, and keeps both in the URL', async () => {
    const { user, router } = renderRoute([{ path: '/hosts', element: <HostsPage /> }], '/hosts');
    const table = await screen.findByRole('grid', { name: 'Hosts' }, { timeout: 10_000 });
    expect(within(table).getAllByRole('row')).toHaveLength(101);
    expect(screen.getByRole('status')).toHaveTextContent('1–100 of 100 or more hosts');
    await user.click(screen.getByRole('button', { name: 'Maintenance' }));
    const inMaintenance = ctx.emulator.engine.state.hosts.filter((h) => h.status === 'maintenance').length;
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`1–${inMaintenance} of ${inMaintenance} hosts`));
    await user.click(within(screen.getByRole('grid', { name: 'Hosts' })).getByRole('button', { name: 'Cluster' }));
    await user.click(within(screen.getByRole('grid', { name: 'Hosts' })).getByRole('button', { name: 'Cluster' }));
    expect(router.state.location.search).toBe('?status=maintenance&sort=cluster&dir=desc');
    await waitFor(() => {
      const clusters = within(screen.getByRole('grid', { name: 'Hosts' })).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[2]?.textContent ?? '');
      expect(clusters).toEqual([...clusters].sort().reverse());
    });
    expect(screen.getByRole('button', { name: 'Why SPM cannot be sorted' })).toBeInTheDocument();
  });

  it('says when no host matches, and clears the search', async () => {
    const { user } = renderRoute([{ path: '/hosts', element: <HostsPage /> }], '/hosts?search=nosuchhost');
    expect(await screen.findByText('No hosts match')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear the search and filter' }));
    expect(await screen.findByRole('grid', { name: 'Hosts' }, { timeout: 10_000 })).toBeInTheDocument();
  });
});

describe('HostsPage on an engine without hosts', () => {
  it('shows the empty state', async () => {
    // The engine leaves an empty collection's list out: `{}` (mocks/engine/wire.ts collection()).
    server.use(http.get('*/ovirt-engine/api/v4/hosts', () => HttpResponse.json({})));
    renderRoute([{ path: '/hosts', element: <HostsPage /> }], '/hosts');
    expect(await screen.findByRole('heading', { name: 'No hosts' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('0 hosts');
  });
});
