// Attaching existing disks: never twice, a lost answer looked up before it is called a failure, a failed plug a
// partial success with its own retry, a failed attach retried after a look at the VM.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { attachExistingDisk, updateAttachment as engineUpdateAttachment } from '../../../mocks/engine/ops-attachments';
import { parseAttachment } from '../../../mocks/handlers/disks';
import { defaultAttachChoice } from '../../domain/attach-options';
import { setupEmulatedEngine } from '../../test/engine-harness';
import { useAttachDisks, type AttachItem } from './use-attach-disks';

const { ctx, server } = setupEmulatedEngine('lab');
const engine = () => ctx.emulator.engine;
afterEach(() => {
  server.events.removeAllListeners('request:start');
});

function ids(vm: string, ...aliases: string[]) {
  const v = engine().state.vms.find((x) => x.name === vm);
  if (!v) throw new Error(vm);
  return { vm: v, items: aliases.map((alias): AttachItem => ({ diskId: engine().state.disks.find((d) => d.alias === alias)?.id ?? alias, alias, choice: defaultAttachChoice({ ...v, virtioScsiEnabled: v.virtioScsi }) })) };
}

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>{children}</QueryClientProvider>;
}

/** Counts the POSTs and PUTs that reach the engine for this VM's attachments. */
function countCalls(vmId: string) {
  const calls = { post: 0, put: 0 };
  server.events.on('request:start', ({ request }) => {
    const path = new URL(request.url).pathname;
    if (!path.startsWith(`/ovirt-engine/api/v4/vms/${vmId}/diskattachments`)) return;
    if (request.method === 'POST') calls.post++;
    if (request.method === 'PUT') calls.put++;
  });
  return calls;
}

describe('attaching existing disks', () => {
  it('a running VM: attach inactive, then plug; a second run while one is in flight sends nothing', async () => {
    const { vm, items } = ids('db01', 'archive-lun');
    const calls = countCalls(vm.id);
    const { result } = renderHook(() => useAttachDisks(vm.id), { wrapper });
    await act(() => Promise.all([result.current.run(items, 'up'), result.current.run(items, 'up')]));
    expect(result.current.states?.map((s) => [s.item.alias, s.phase, s.twoSteps])).toEqual([['archive-lun', 'plugged', true]]);
    expect(calls).toEqual({ post: 1, put: 1 });
  });

  it('a disk already on the VM (an earlier try got through) is not posted again, only plugged', async () => {
    const { vm, items } = ids('web01', 'archive-lun');
    await attachExistingDisk(engine(), vm.id, items[0]?.diskId ?? '', { interface: 'virtio', active: false });
    const calls = countCalls(vm.id);
    const { result } = renderHook(() => useAttachDisks(vm.id), { wrapper });
    await act(() => result.current.run(items.map((i) => ({ ...i, choice: { ...i.choice, interface: 'virtio' } })), 'up'));
    expect(result.current.states?.[0]).toMatchObject({ phase: 'plugged', alreadyAttached: true });
    expect(calls).toEqual({ post: 0, put: 1 });
  });

  it('an answer lost after the engine attached: found on the VM, not called a failure, not posted twice', async () => {
    const { vm, items } = ids('app01', 'archive-lun');
    server.use(
      http.post(
        `*/ovirt-engine/api/v4/vms/${vm.id}/diskattachments`,
        async ({ request }) => {
          const body = (await request.json()) as Record<string, unknown>;
          await attachExistingDisk(engine(), vm.id, items[0]?.diskId ?? '', parseAttachment(body));
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    const { result } = renderHook(() => useAttachDisks(vm.id), { wrapper });
    await act(() => result.current.run(items, 'down'));
    expect(result.current.states?.[0]).toMatchObject({ phase: 'plugged', alreadyAttached: true });
    expect(engine().state.attachments.filter((a) => a.vmId === vm.id && a.diskId === items[0]?.diskId)).toHaveLength(1);
  });

  it('a failed plug leaves the disk attached and inactive; Retry plug sends only the plug', async () => {
    const { vm, items } = ids('web01', 'archive-lun');
    ctx.emulator.cutPortal('host2', '10.35.1.72');
    const calls = countCalls(vm.id);
    const { result } = renderHook(() => useAttachDisks(vm.id), { wrapper });
    await act(() => result.current.run(items.map((i) => ({ ...i, choice: { ...i.choice, interface: 'virtio' } })), 'up'));
    const failed = result.current.states?.[0];
    expect(failed?.phase).toBe('plug-failed');
    expect(failed?.error).toMatchObject({ userMessage: 'Error storage server connection: host2 cannot reach portal 10.35.1.72:3260' });
    expect(engine().state.attachments.find((a) => a.vmId === vm.id && a.diskId === items[0]?.diskId)?.active).toBe(false);

    ctx.emulator.restorePortal('host2', '10.35.1.72');
    await act(() => result.current.retryPlug(items[0]?.diskId ?? ''));
    expect(result.current.states?.[0]).toMatchObject({ phase: 'plugged' });
    expect(result.current.states?.[0]?.correlationIds).toHaveLength(2);
    expect(calls).toEqual({ post: 1, put: 2 });
  });

  it('a refused attach is a failure of that disk only; the others go on', async () => {
    const { vm, items } = ids('app01', 'db01-redo', 'archive-lun');
    const { result } = renderHook(() => useAttachDisks(vm.id), { wrapper });
    await act(() => result.current.run(items, 'down'));
    expect(result.current.states?.map((s) => [s.item.alias, s.phase])).toEqual([
      ['db01-redo', 'attach-failed'],
      ['archive-lun', 'plugged'],
    ]);
    expect(result.current.states?.[0]?.error).toMatchObject({ key: 'ACTION_TYPE_FAILED_NOT_SHAREABLE_DISK_ALREADY_ATTACHED' });
  });
});

describe('answers lost on a running VM (attach inactive, then plug)', () => {
  const correlationOf = (request: Request) => new URL(request.url).searchParams.get('correlation_id') ?? undefined;
  const attachmentsOf = (vmId: string, diskId: string | undefined) => engine().state.attachments.filter((a) => a.vmId === vmId && a.diskId === diskId);

  /** The engine plugs the disk (or does nothing), then the answer to the PUT is lost. */
  function losePlugAnswer(vmId: string, engineActs: boolean) {
    server.use(
      http.put(
        `*/ovirt-engine/api/v4/vms/${vmId}/diskattachments/:diskId`,
        async ({ request, params }) => {
          if (engineActs) await engineUpdateAttachment(engine(), vmId, String(params.diskId), { active: true }, correlationOf(request));
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
  }

  it('the attach answer lost after the engine attached: found, then plugged — one POST, one PUT, one attachment', async () => {
    const { vm, items } = ids('db01', 'archive-lun');
    server.use(
      http.post(
        `*/ovirt-engine/api/v4/vms/${vm.id}/diskattachments`,
        async ({ request }) => {
          const body = (await request.json()) as Record<string, unknown>;
          await attachExistingDisk(engine(), vm.id, items[0]?.diskId ?? '', parseAttachment(body), correlationOf(request));
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    const calls = countCalls(vm.id);
    const { result } = renderHook(() => useAttachDisks(vm.id), { wrapper });
    await act(() => result.current.run(items, 'up'));
    expect(result.current.states?.[0]).toMatchObject({ phase: 'plugged', alreadyAttached: true, twoSteps: true });
    expect(calls).toEqual({ post: 1, put: 1 });
    expect(attachmentsOf(vm.id, items[0]?.diskId)).toMatchObject([{ active: true }]);
  });

  it('the plug answer lost after the engine plugged: plugged (the attachment\'s active says so), not a failure', async () => {
    const { vm, items } = ids('db01', 'archive-lun');
    losePlugAnswer(vm.id, true);
    const calls = countCalls(vm.id);
    const { result } = renderHook(() => useAttachDisks(vm.id), { wrapper });
    await act(() => result.current.run(items, 'up'));
    expect(result.current.states?.[0]).toMatchObject({ phase: 'plugged', error: undefined });
    expect(calls).toEqual({ post: 1, put: 1 });
    expect(attachmentsOf(vm.id, items[0]?.diskId)).toMatchObject([{ active: true }]);
  });

  it('the plug answer lost before the engine plugged: not plugged, with the reason; Retry plug sends only the plug', async () => {
    const { vm, items } = ids('db01', 'archive-lun');
    losePlugAnswer(vm.id, false);
    const calls = countCalls(vm.id);
    const { result } = renderHook(() => useAttachDisks(vm.id), { wrapper });
    await act(() => result.current.run(items, 'up'));
    expect(result.current.states?.[0]).toMatchObject({ phase: 'plug-failed', error: { kind: 'network' } });
    expect(attachmentsOf(vm.id, items[0]?.diskId)).toMatchObject([{ active: false }]);
    await act(() => result.current.retryPlug(items[0]?.diskId ?? ''));
    expect(result.current.states?.[0]).toMatchObject({ phase: 'plugged' });
    expect(calls).toEqual({ post: 1, put: 2 });
    expect(attachmentsOf(vm.id, items[0]?.diskId)).toMatchObject([{ active: true }]);
  });
});
