// The Disks list on the datacenter scenario (20,000 disks, 5,000 direct LUN): pages of the engine's disk search,
// the type filter as `disk_type=`, and "Attached to" from one request for all VMs — never one per row.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupEmulatedEngine } from '../../test/engine-harness';
import { renderRoute } from '../../test/render-route';
import { DisksPage } from './DisksPage';

const { server } = setupEmulatedEngine('datacenter');
vi.setConfig({ testTimeout: 30_000 });

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

describe('DisksPage at datacenter scale', () => {
  it('shows direct LUN disks a page at a time, with the VMs using them, in two requests', async () => {
    const { user, router } = renderRoute([{ path: '/disks', element: <DisksPage /> }], '/disks?type=lun');
    const table = await screen.findByRole('grid', { name: 'Disks' }, { timeout: 10_000 });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(100);
    expect(within(rows[0]!).getByRole('link', { name: 'lun0001' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('1–100 of 100 or more disks');
    // lun0001 is attached to the VM with index 0 (datacenter.ts: every 5th LUN disk floating, the rest attached).
    await waitFor(() => expect(within(rows[0]!).getByText('db0001')).toBeInTheDocument());
    const paths = requests.map((u) => `${u.pathname.replace(/.*\/api\/v4/, '')}?${u.searchParams.toString()}`);
    expect(paths).toEqual(expect.arrayContaining([`/disks?search=disk_type%3Dlun&max=100`]));
    // Only pages of disks (the page is polled with max=100 on a slow machine) and the VMs' attachments once.
    expect(paths.filter((x) => !x.startsWith('/disks?') || !x.endsWith('max=100'))).toEqual(['/vms?follow=disk_attachments']);
    await user.click(within(table).getByRole('button', { name: 'Size' }));
    await waitFor(() => expect(requests.at(-1)?.searchParams.get('search')).toBe('disk_type=lun sortby provisioned_size asc'));
    expect(router.state.location.search).toBe('?type=lun&sort=size');
  });
});
