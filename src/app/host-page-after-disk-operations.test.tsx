// A host's page right after a disk operation that changed what the host is connected to: the new iSCSI session
// shows at once, not at the page's next poll. A plug on a running VM connects the LUN's target on the VM's host
// and holds it there; a create on a VM connects on every Up host of the pool (docs/decisions/005) — whichever
// host the wizard used. The host's page was read just before, so only the operation's refresh can make it right.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { AddDiskPage } from '../features/add-disk/AddDiskPage';
import { HostPage } from '../features/hosts/HostPage';
import { createAttachedLunDisk } from '../engine-api/disk-attachments';
import { iscsiLogin } from '../engine-api/host-storage';
import { newCorrelationId } from '../engine-api/requests';
import { CreateResult } from '../flows/lun-disk/CreateResult';
import type { CreateOutcome } from '../flows/lun-disk/use-create-lun-disk';
import { byName, setupEmulatedEngine } from '../test/engine-harness';

const { ctx } = setupEmulatedEngine('lab');
const engine = () => ctx.emulator.engine;

const BACKUP = 'iqn.2024-03.com.example.lab:array-b.backup';
const PORTAL_B = '10.35.2.90';

/**
 * The routes under test with a client whose cached answers stay fresh for a minute: the console's are fresh for
 * 5 s (src/app/query-client.ts), long enough to go from a result to a host's page; a minute keeps a slow run from
 * hiding a missing refresh. The host page polls every 5 s: each check below waits less than that.
 */
function renderRoutes(routes: RouteObject[], path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { user: userEvent.setup(), router };
}

/** The iSCSI sessions table of a host's page, once loaded. */
async function sessionsOf(host: string) {
  return screen.findByRole('grid', { name: `iSCSI sessions of ${host}` }, { timeout: 3000 });
}

/** A free LUN of the backup target, the one web01's host (host2) is not logged in to. */
function freeBackupLun(): string {
  const lun = engine().state.luns.find((l) => l.targetIqn === BACKUP && !engine().diskOfLun(l.id));
  if (!lun) throw new Error('lab changed');
  return lun.id;
}

describe("a host's page right after a disk operation", () => {
  it('after Retry plug, the host of the VM lists the session the plug opened, held by the new disk', async () => {
    const host1 = byName(engine().state.hosts, 'host1');
    const host2 = byName(engine().state.hosts, 'host2');
    const web01 = byName(engine().state.vms, 'web01');
    expect(web01.hostId).toBe(host2.id);
    // Created and attached, not plugged: host2 (running web01) cannot reach the backup array's portal.
    await iscsiLogin(host1.id, { address: PORTAL_B, port: 3260, target: BACKUP });
    ctx.emulator.cutPortal('host2', PORTAL_B);
    const lunId = freeBackupLun();
    const correlationId = newCorrelationId('add-disk');
    const attachment = await createAttachedLunDisk(
      web01.id,
      { alias: 'web01-backup', description: '', sharable: false, propagateErrors: false, lun: { id: lunId, type: 'iscsi', hostId: host1.id, address: PORTAL_B, port: 3260, target: BACKUP } },
      { interface: 'virtio', bootable: false, readOnly: false, passDiscard: false, usesScsiReservation: false, active: true },
      correlationId,
    );
    expect(attachment.active).toBe(false);
    await ctx.emulator.idle();
    const outcome: CreateOutcome = { kind: 'vm', vmId: web01.id, attachment, activateAsked: true, correlationId, recovered: false };

    const { user, router } = renderRoutes(
      [
        { path: '/hosts/:hostId', element: <HostPage /> },
        { path: '/result', element: <CreateResult outcome={outcome} onDone={() => undefined} doneLabel="Done" onAnother={() => undefined} /> },
      ],
      `/hosts/${host2.id}`,
    );
    // The admin looks at host2 first: no session to the backup array.
    expect(await sessionsOf('host2')).toHaveTextContent('array-a.apps');
    expect(screen.getByRole('grid', { name: 'iSCSI sessions of host2' })).not.toHaveTextContent(BACKUP);

    await router.navigate('/result');
    ctx.emulator.restorePortal('host2', PORTAL_B);
    await user.click(await screen.findByRole('button', { name: 'Retry plug' }));
    expect(await screen.findByRole('heading', { name: /Disk web01-backup created, attached to web01 and plugged/ }, { timeout: 3000 })).toBeInTheDocument();

    await router.navigate(`/hosts/${host2.id}`);
    const sessions = await sessionsOf('host2');
    const row = await within(sessions).findByRole('row', { name: new RegExp(BACKUP) }, { timeout: 3000 });
    expect(row).toHaveTextContent('disk web01-backup of VM web01 (running here)');
  });

  it("after a create on a running VM from another host's view, the VM's host lists the new session", async () => {
    const host2 = byName(engine().state.hosts, 'host2');
    const web01 = byName(engine().state.vms, 'web01');
    const { user, router } = renderRoutes(
      [
        { path: '/hosts/:hostId', element: <HostPage /> },
        { path: '/disks/new', element: <AddDiskPage /> },
        { path: '/vms/:id', element: <p>VM page</p> },
      ],
      `/hosts/${host2.id}`,
    );
    expect(await sessionsOf('host2')).not.toHaveTextContent(BACKUP);

    // Add a disk to web01 (on host2), discovering and logging in on host1: the create connects the pool.
    await router.navigate(`/disks/new?vm=${web01.id}`);
    const hostSelect = await screen.findByLabelText(/Host to use/);
    await waitFor(() => expect(hostSelect).toHaveValue(host2.id));
    await user.selectOptions(hostSelect, byName(engine().state.hosts, 'host1').id);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: 'iSCSI targets of host1' });
    await user.type(screen.getByLabelText(/Address/), `${PORTAL_B}{Enter}`);
    await user.click(await screen.findByRole('button', { name: /^Log in to all/ }));
    const targets = screen.getByRole('grid', { name: 'Targets' });
    await waitFor(() => expect(within(targets).getByText(BACKUP).closest('tr')).toHaveTextContent(/Logged in/));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const luns = await screen.findByRole('grid', { name: 'iSCSI LUNs host1 sees' });
    const lunId = freeBackupLun();
    const lunRow = await waitFor(() => {
      const cell = luns.querySelector(`[data-lun-id="${lunId}"] td`);
      if (!cell) throw new Error(`no row for ${lunId}`);
      return cell;
    });
    await user.click(lunRow);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: 'Set the disk up' });
    await user.clear(screen.getByLabelText(/Alias/));
    await user.type(screen.getByLabelText(/Alias/), 'web01-backup');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    expect(await screen.findByRole('heading', { name: /Disk web01-backup created, attached to web01 and plugged/ }, { timeout: 5000 })).toBeInTheDocument();

    await router.navigate(`/hosts/${host2.id}`);
    const sessions = await sessionsOf('host2');
    const row = await within(sessions).findByRole('row', { name: new RegExp(BACKUP) }, { timeout: 3000 });
    expect(row).toHaveTextContent('disk web01-backup of VM web01 (running here)');
  }, 60_000);
});
