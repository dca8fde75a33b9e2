// The face of the LUN-disk steps against the emulated engine: the steps a wizard gets, and "Create" — one request,
// the draft dropped only once the disk exists, a failure placed on the field and step where the user fixes it.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { byName, setupEmulatedEngine } from '../../test/engine-harness';
import { lunDiskDefaults, type LunDiskFormValues } from './form';
import { useLunDiskFlow, type LunDiskFlowOptions } from './lun-disk-flow';

const { ctx, server } = setupEmulatedEngine('lab');
let posts = 0;
beforeAll(() => {
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname === '/ovirt-engine/api/v4/disks') posts++;
  });
});
beforeEach(() => {
  posts = 0;
});

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>{children}</QueryClientProvider>;
}

/** A floating disk on host1 (iSCSI), the form filled as the steps would leave it; the LUN rows loaded. */
async function renderFlow(values: Partial<LunDiskFormValues> = {}, options: Partial<LunDiskFlowOptions> = {}) {
  const goTo = vi.fn();
  const onCreated = vi.fn();
  const host1 = byName(ctx.emulator.engine.state.hosts, 'host1').id;
  const hook = renderHook(
    () => {
      const form = useForm<LunDiskFormValues>({ defaultValues: { ...lunDiskDefaults(undefined), hostId: host1, alias: 'face-test', ...values } });
      const [hostId, storageType] = useWatch({ control: form.control, name: ['hostId', 'storageType'] });
      const flow = useLunDiskFlow({ form, hostId, storageType, vmId: undefined, forVm: false, goTo, restoredDraft: false, onCreated, ...options });
      return { form, flow };
    },
    { wrapper },
  );
  await waitFor(() => expect(hook.result.current.flow.environment.data.rows.length).toBeGreaterThan(0));
  return { ...hook, goTo, onCreated };
}

type Rendered = Awaited<ReturnType<typeof renderFlow>>;

/** Picks an available LUN host1 reaches, as the LUN step would. */
function pickFreeLun(r: Rendered): string {
  const row = r.result.current.flow.environment.data.rows.find((x) => x.availability.use.kind === 'available' && !x.availability.unreachable);
  if (!row) throw new Error('lab changed: host1 sees no free LUN');
  act(() => r.result.current.form.setValue('lunId', row.id));
  return row.id;
}

const disksOn = (lunId: string) => ctx.emulator.engine.state.disks.filter((d) => d.kind === 'lun' && d.lun.id === lunId);

describe('the steps a hosting wizard gets', () => {
  it('five steps in order with their names; Targets only for iSCSI', async () => {
    const r = await renderFlow();
    expect(r.result.current.flow.steps.map((s) => s.title)).toEqual(['Source', 'Targets', 'LUN', 'Disk', 'Review']);
    expect(r.result.current.flow.visibleSteps).toEqual(['source', 'targets', 'lun', 'disk', 'review']);
    act(() => r.result.current.form.setValue('storageType', 'fcp'));
    await waitFor(() => expect(r.result.current.flow.visibleSteps).toEqual(['source', 'lun', 'disk', 'review']));
    expect(r.result.current.flow.steps.find((s) => s.id === 'targets')?.isHidden).toBe(true);
  });

  it('the hosting wizard names the steps its way', async () => {
    const r = await renderFlow({}, { stepName: (s) => (s === 'disk' ? 'Options' : s) });
    expect(r.result.current.flow.steps.map((s) => s.title)).toEqual(['source', 'targets', 'lun', 'Options', 'review']);
  });

  it('a step\'s check on Next puts its errors on the fields', async () => {
    const r = await renderFlow();
    const lunStep = r.result.current.flow.steps.find((s) => s.id === 'lun');
    let ok: boolean | undefined;
    act(() => {
      ok = lunStep?.validate();
    });
    expect(ok).toBe(false);
    expect(r.result.current.form.getFieldState('lunId').error?.message).toBe('Pick a LUN from the table: the disk is created from it.');
  });
});

describe('Create', () => {
  it('sends nothing while a step is not valid', async () => {
    const r = await renderFlow();
    const lunId = pickFreeLun(r);
    await act(() => r.result.current.flow.create(() => false));
    expect(posts).toBe(0);
    expect(disksOn(lunId)).toHaveLength(0);
    expect(r.onCreated).not.toHaveBeenCalled();
  });

  it('one request, even clicked twice; the draft goes once the disk exists; the outcome is shown', async () => {
    const r = await renderFlow();
    const lunId = pickFreeLun(r);
    const create = r.result.current.flow.create;
    await act(() => Promise.all([create(() => true), create(() => true)]));
    expect(posts).toBe(1);
    expect(disksOn(lunId)).toHaveLength(1);
    expect(r.onCreated).toHaveBeenCalledTimes(1);
    expect(r.result.current.flow.outcome).toMatchObject({ kind: 'floating', recovered: false, disk: { alias: 'face-test' } });
    expect(r.goTo).not.toHaveBeenCalled();
  });

  it('a LUN taken meanwhile: on the LUN field, the LUN unpicked, the wizard sent to the LUN step', async () => {
    const r = await renderFlow();
    const lunId = pickFreeLun(r);
    ctx.emulator.takeLun(lunId, 'someone-elses');
    await act(() => r.result.current.flow.create(() => true));
    expect(r.goTo).toHaveBeenCalledWith('lun');
    expect(r.result.current.flow.failedAt).toBe('lun');
    expect(r.result.current.form.getValues('lunId')).toBe('');
    expect(r.result.current.form.getFieldState('lunId').error?.message).toMatch(new RegExp(`^LUN ${lunId} was taken meanwhile: .* It now backs disk someone-elses\\. It is now listed as used; pick another LUN\\.$`));
    expect(r.result.current.flow.outcome).toBeUndefined();
    expect(r.onCreated).not.toHaveBeenCalled();
  });

  it('an alias the engine refuses: on the alias field, the wizard sent to the Disk step', async () => {
    const r = await renderFlow({ alias: 'my disk!' });
    const lunId = pickFreeLun(r);
    await act(() => r.result.current.flow.create(() => true));
    expect(r.goTo).toHaveBeenCalledWith('disk');
    expect(r.result.current.flow.failedAt).toBe('disk');
    expect(r.result.current.form.getFieldState('alias').error?.message).toMatch(/Disk alias name must be formed of/);
    expect(disksOn(lunId)).toHaveLength(0);
  });

  it('any other failure stays on the review with its attempt, and the step a previous failure was placed on is cleared', async () => {
    const r = await renderFlow({ alias: 'my disk!' });
    const lunId = pickFreeLun(r);
    await act(() => r.result.current.flow.create(() => true));
    expect(r.result.current.flow.failedAt).toBe('disk');
    act(() => r.result.current.form.setValue('alias', 'face-test'));
    server.use(http.post('*/ovirt-engine/api/v4/disks', () => HttpResponse.json({ reason: 'Operation Failed', detail: 'boom' }, { status: 500 }), { once: true }));
    await act(() => r.result.current.flow.create(() => true));
    expect(r.result.current.flow.failedAt).toBeUndefined();
    expect(r.goTo).toHaveBeenCalledTimes(1);
    expect(r.result.current.flow.attempt).toMatchObject({ pending: false, error: { status: 500 } });
    expect(r.result.current.flow.outcome).toBeUndefined();
    expect(r.onCreated).not.toHaveBeenCalled();
    expect(disksOn(lunId)).toHaveLength(0);
  });
});
