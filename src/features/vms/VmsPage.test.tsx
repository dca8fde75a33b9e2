// The VM list on the datacenter scenario (5,000 VMs): one page of the engine's search per request, search, sort,
// filter, honest counts and paging, all in the URL; and its empty and error states.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupEmulatedEngine } from '../../test/engine-harness';
import { renderRoute } from '../../test/render-route';
import { VmsPage } from './VmsPage';

const { server } = setupEmulatedEngine('datacenter');
// 5,000 VMs through the handlers on a shared 2-core machine: more than the default 5 s under load.
vi.setConfig({ testTimeout: 30_000 });

// Every engine request the page sends (path and query), to check the request budget and what was asked.
const requests: URL[] = [];
const record = ({ request }: { request: Request }) => {
  const u = new URL(request.url);
  if (u.pathname.includes('/api/')) requests.push(u);
};
beforeEach(() => {
  requests.length = 0;
  server.events.on('request:start', record);
});
afterEach(() => server.events.removeListener('request:start', record));

const vmRequests = () => requests.filter((u) => u.pathname.endsWith('/vms'));
const search = (u: URL | undefined) => u?.searchParams.get('search') ?? '';
const names = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[0]?.textContent ?? '');

describe('VmsPage at datacenter scale', () => {
  it('shows the first 100 VMs by name with "100 or more" — one request for the VMs, one each for hosts and clusters', async () => {
    renderRoute([{ path: '/vms', element: <VmsPage /> }], '/vms');
    const table = await screen.findByRole('grid', { name: 'Virtual machines' }, { timeout: 10_000 });
    expect(names(table)).toHaveLength(100);
    expect(names(table).slice(0, 3)).toEqual(['app0003', 'app0011', 'app0019']);
    expect(screen.getByRole('status')).toHaveTextContent('1–100 of 100 or more virtual machines');
    expect(vmRequests()).toHaveLength(1);
    expect(vmRequests()[0]?.searchParams.get('max')).toBe('100');
    // No request per row: the page's requests are the VM page, the hosts and the clusters (and nothing else).
    expect(requests.map((u) => u.pathname.replace(/.*\/api\/v4/, '')).sort()).toEqual(['/clusters', '/hosts', '/vms']);
  });

  it('searches, filters and sorts through the engine, keeps it in the URL, and counts exactly on the last page', async () => {
    const { user, router } = renderRoute([{ path: '/vms', element: <VmsPage /> }], '/vms');
    await screen.findByRole('grid', { name: 'Virtual machines' }, { timeout: 10_000 });
    await user.type(screen.getByRole('textbox', { name: /Search virtual machines/ }), 'db00');
    await waitFor(() => expect(search(vmRequests().at(-1))).toBe('name=*db00*'));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^1–\d+ of \d+ virtual machines$/));
    expect(names(screen.getByRole('grid', { name: 'Virtual machines' })).every((n) => n.includes('db00'))).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Up' }));
    await waitFor(() => expect(search(vmRequests().at(-1))).toBe('name=*db00* and status=up'));
    await user.click(within(await screen.findByRole('grid', { name: 'Virtual machines' }, { timeout: 10_000 })).getByRole('button', { name: 'Host' }));
    await waitFor(() => expect(search(vmRequests().at(-1))).toBe('name=*db00* and status=up sortby on_host asc'));
    expect(router.state.location.search).toBe('?search=db00&status=up&sort=host');
  });

  it('two changes before the list renders again both reach the URL (Up, then Next page: page 2 of the running VMs)', async () => {
    const { router } = renderRoute([{ path: '/vms', element: <VmsPage /> }], '/vms');
    await screen.findByRole('grid', { name: 'Virtual machines' }, { timeout: 10_000 });
    // Both clicks in one act: the second handler runs before the render of the first navigation.
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Up' }));
      fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    });
    await waitFor(() => expect(router.state.location.search).toBe('?status=up&page=2'));
    await waitFor(() => expect(search(vmRequests().at(-1))).toBe('status=up page 2'));
  });

  it('pages with the engine\'s "page N" and max, from the URL', async () => {
    const { user, router } = renderRoute([{ path: '/vms', element: <VmsPage /> }], '/vms?sort=name&dir=desc&page=50');
    const table = await screen.findByRole('grid', { name: 'Virtual machines' }, { timeout: 10_000 });
    expect(search(vmRequests().at(-1))).toBe('sortby name desc page 50');
    expect(screen.getByRole('status')).toHaveTextContent('4,901–5,000 of 5,000 or more virtual machines');
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    // Page 51 is empty: the list says the page is past the end and offers the first page.
    await screen.findByText('No virtual machines on page 51');
    expect(router.state.location.search).toBe('?dir=desc&page=51');
    await user.click(screen.getByRole('button', { name: 'First page' }));
    await waitFor(() => expect(names(screen.getByRole('grid', { name: 'Virtual machines' }))[0]).toBe('web4994'));
    expect(table).toBeDefined();
  });

  it('says why a column cannot be sorted and refuses a search the engine would refuse, naming the fields', async () => {
    const { user } = renderRoute([{ path: '/vms', element: <VmsPage /> }], '/vms');
    await screen.findByRole('grid', { name: 'Virtual machines' }, { timeout: 10_000 });
    expect(screen.getByRole('button', { name: 'Why Highly available cannot be sorted' })).toBeInTheDocument();
    const before = vmRequests().length;
    await user.type(screen.getByRole('textbox', { name: /Search virtual machines/ }), 'memory=4');
    expect(await screen.findByText(/Search by name, status, host, cluster, description/)).toBeInTheDocument();
    expect(vmRequests()).toHaveLength(before + 'memory'.length); // each letter of "memory" searched by name; nothing after "="
  });

  it('shows the engine\'s error with Try again', async () => {
    server.use(http.get('*/ovirt-engine/api/v4/vms', () => HttpResponse.json({ reason: 'Operation Failed', detail: 'Database is down' }, { status: 500 })));
    renderRoute([{ path: '/vms', element: <VmsPage /> }], '/vms');
    expect(await screen.findByText(/Could not load virtual machines/)).toBeInTheDocument();
    expect(screen.getByText(/Database is down/)).toBeInTheDocument();
  });
});
