// Issue 12 on the `lifecycle` scenario, against the emulated engine (msw/node): an operation's result is kept as
// the engine's record decided it, whatever the VM does afterwards; Try again says what it would do now; settled
// cards can be dismissed, running ones cannot; Migrate waits, disabled, until its rule can be decided.
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vmQueryOptions } from '../../engine-api/vms';
import { setupEmulatedEngine } from '../../test/engine-harness';
import { operationStore } from './operations';
import { VmLifecycleActions } from './VmLifecycleActions';
import { VmOperations } from './VmOperations';

const { ctx, server } = setupEmulatedEngine('lifecycle');
beforeEach(() => operationStore.clear());
// A test that slows the engine down puts it back (a reset keeps the latency).
afterEach(() => ctx.emulator.setLatency(0));

const vmId = (name: string) => ctx.emulator.engine.state.vms.find((v) => v.name === name)?.id ?? '';

/** The VM page's actions on the VM as the engine has it now (refreshed), and its operations. */
function LiveVm({ id }: { id: string }) {
  const vm = useQuery({ ...vmQueryOptions(id), refetchInterval: 200 });
  return vm.data ? <VmLifecycleActions vm={vm.data} /> : null;
}

function renderFor(name: string) {
  const id = vmId(name);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <LiveVm id={id} />
      <VmOperations vmId={id} />
    </QueryClientProvider>,
  );
  return id;
}

const card = (title: string | RegExp) => {
  const heading = screen.getByRole('heading', { name: title });
  const el = heading.closest('[data-operation-state]');
  if (!(el instanceof HTMLElement)) throw new Error(`no card around ${heading.textContent ?? ''}`);
  return el;
};
const enabled = (name: string) => waitFor(() => expect(screen.getByRole('button', { name })).not.toHaveAttribute('aria-disabled', 'true'), { timeout: 5000 });

describe('an operation keeps the result the engine\'s record gave it', () => {
  it('app01 shut down, then run again: the Shut down card still says done, with no Try again', async () => {
    const id = renderFor('app01');
    await enabled('Shut down');
    await userEvent.click(screen.getByRole('button', { name: 'Shut down' }));
    await userEvent.click(within(await screen.findByRole('dialog', { name: /Shut down app01\?$/ })).getByRole('button', { name: 'Shut down' }));
    await screen.findByRole('heading', { name: /app01 is Down$/ }, { timeout: 5000 });
    expect(card(/app01 is Down$/)).toHaveAttribute('data-operation-state', 'done');

    await enabled('Run');
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    await screen.findByRole('heading', { name: /app01 is Up on host/ }, { timeout: 5000 });
    expect(ctx.emulator.engine.vm(id).status).toBe('up');
    // The Shut down is still what it was: done. Nothing offers to shut down the VM the user just started.
    const shutdown = card(/app01 is Down$/);
    expect(shutdown).toHaveAttribute('data-operation-state', 'done');
    expect(within(shutdown).queryByRole('list', { name: 'Why' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Try again/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/did not shut down/)).not.toBeInTheDocument();
    const kept = operationStore.get().find((o) => o.kind === 'shutdown');
    expect(kept?.outcome).toMatchObject({ state: 'done', headline: 'app01 is Down', details: [] });
  }, 20_000);

  it('a failed Migrate db01 → host3 stays failed after host1 crashes and HA restarts db01 on host2; Try again says what it would do now', async () => {
    const id = renderFor('db01');
    await enabled('Migrate');
    await userEvent.click(screen.getByRole('button', { name: 'Migrate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Migrate db01' });
    await userEvent.click(await within(dialog).findByRole('radio', { name: /^host3/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Migrate' }));
    await screen.findByRole('heading', { name: /Migration failed: db01 stayed on host1$/ }, { timeout: 5000 });
    expect(await screen.findByRole('button', { name: 'Try again: Migrate db01 from host1 to host3' }, { timeout: 5000 })).toBeInTheDocument();

    ctx.emulator.crashHost('host1');
    await waitFor(() => {
      const vm = ctx.emulator.engine.vm(id);
      expect([vm.status, ctx.emulator.engine.hostName(vm.hostId)]).toEqual(['up', 'host2']);
    }, { timeout: 5000 });
    // The card says where db01 is now, and offers what a Try again would do from there.
    expect(await screen.findByRole('button', { name: 'Try again: Migrate db01 from host2 to host3' }, { timeout: 6000 })).toBeInTheDocument();
    const migrate = card(/Migration failed: db01 stayed on host1$/);
    expect(migrate).toHaveAttribute('data-operation-state', 'failed');
    const why = within(migrate).getByRole('list', { name: 'Why' });
    expect(why).toHaveTextContent(/host3 could not connect .*array-b\.backup.* host3 cannot reach portal 10\.35\.2\.90:3260/);
    expect(why).toHaveTextContent('Now: db01 is Up on host2.');
    expect(screen.queryByText(/db01 migrated/)).not.toBeInTheDocument();
    expect(operationStore.get().find((o) => o.kind === 'migrate')?.outcome?.headline).toBe('Migration failed: db01 stayed on host1');
  }, 20_000);
});

describe('where the engine\'s jobs cannot be read', () => {
  it('the events with the correlation id and the VM decide: a Run of app01 is done once both show it', async () => {
    const id = vmId('app01');
    const vm = ctx.emulator.engine.vm(id);
    vm.status = 'down';
    delete vm.hostId;
    const searches: Array<string | null> = [];
    server.use(
      http.get('*/jobs', () => HttpResponse.json({ fault: { reason: 'Operation Failed', detail: 'jobs are unavailable' } }, { status: 500 })),
      // Recorded, then answered by the emulator (returning nothing falls through to its handler).
      http.get('*/events', ({ request }) => {
        searches.push(new URL(request.url).searchParams.get('search'));
      }),
    );
    renderFor('app01');
    await enabled('Run');
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    await screen.findByRole('heading', { name: /app01 is Up on host/ }, { timeout: 8000 });
    const [op] = operationStore.get();
    expect(op?.outcome).toMatchObject({ state: 'done', headline: expect.stringMatching(/^app01 is Up on host/) });
    expect(searches).toContain(`correlation_id=${op?.id ?? '?'}`);
  }, 20_000);
});

describe('dismissing operation cards', () => {
  it('a running operation has no Dismiss; a settled one does, from the keyboard, and it leaves the store and sessionStorage', async () => {
    ctx.emulator.setLatency(1);
    renderFor('app02');
    await enabled('Power off');
    await userEvent.click(screen.getByRole('button', { name: 'Power off' }));
    await userEvent.click(within(await screen.findByRole('dialog', { name: /Power off app02\?$/ })).getByRole('button', { name: 'Power off' }));
    await screen.findByRole('heading', { name: /Power off app02: in progress$/ });
    expect(screen.queryByRole('button', { name: /^Dismiss/ })).not.toBeInTheDocument();
    const [running] = operationStore.get();
    operationStore.dismiss(running?.id ?? '');
    expect(operationStore.get()).toHaveLength(1);

    await screen.findByRole('heading', { name: /app02 is Down$/ }, { timeout: 5000 });
    const dismiss = screen.getByRole('button', { name: 'Dismiss: Power off app02' });
    for (let i = 0; i < 20 && document.activeElement !== dismiss; i++) await userEvent.tab();
    expect(dismiss).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.queryByRole('heading', { name: /app02 is Down$/ })).not.toBeInTheDocument();
    expect(operationStore.get()).toEqual([]);
    expect(sessionStorage.getItem('dlc.vm-operations')).toBe('[]');
  }, 20_000);
});

describe('Migrate waits until its rule can be decided', () => {
  it('quorum01: Migrate is never enabled while its disks load slowly, says "checking", then gives the SCSI reservation reason', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((r) => {
      release = r;
    });
    // Answered by the emulator once released (returning nothing falls through to its handler).
    server.use(http.get('*/vms/:id/diskattachments', async () => {
      await slow;
    }));
    const seen: Array<string | null> = [];
    const observer = new MutationObserver(() => {
      const b = screen.queryByRole('button', { name: 'Migrate' });
      seen.push(b ? b.getAttribute('aria-disabled') : 'absent');
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    renderFor('quorum01');
    const migrate = await screen.findByRole('button', { name: 'Migrate' });
    expect(migrate).toHaveAttribute('aria-disabled', 'true');
    expect(migrate).toHaveAccessibleDescription('Migrate: Checking whether quorum01 can migrate…');
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.getByRole('button', { name: 'Migrate' })).toHaveAttribute('aria-disabled', 'true');
    release();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Migrate' })).toHaveAccessibleDescription(
        /quorum01 cannot migrate: its disk quorum-lun uses SCSI reservation, which ties it to its host/,
      ),
    );
    observer.disconnect();
    expect(seen.filter((x) => x !== 'absent')).not.toContain(null);
    expect(seen.filter((x) => x !== 'absent')).not.toContain('false');
    // The other actions did not wait for the disks.
    expect(screen.getByRole('button', { name: 'Shut down' })).not.toHaveAttribute('aria-disabled', 'true');
  }, 20_000);
});
