// No duplicate disks: a create whose answer was lost is not sent again blindly.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFloatingLunDisk } from '../../../mocks/engine/ops-disks';
import { parseLunDisk } from '../../../mocks/handlers/disks';
import { createNodeEmulator } from '../../../mocks/node';
import { defaultDiskOptions } from '../../domain/disk-options';
import { createLunDiskRequest, type NewLunDisk } from '../../engine-api/disks';
import { isEngineError } from '../../engine-api/errors';
import { session } from '../../engine-api/session';
import { login, logout } from '../../engine-api/sso';
import type { CreatePlan } from './requests';
import { LunTakenError, useCreateLunDisk } from './use-create-lun-disk';

const { emulator, server } = createNodeEmulator('lab');
let posts = 0;
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname === '/ovirt-engine/api/v4/disks') posts++;
  });
});
beforeEach(async () => {
  emulator.reset('lab');
  posts = 0;
  await login({ username: 'admin@internal', password: 'ovirt' });
});
afterEach(async () => {
  server.resetHandlers();
  await emulator.idle();
  if (session.get().status !== 'anonymous') await logout();
});
afterAll(() => server.close());

function plan(): CreatePlan {
  const e = emulator.engine;
  const lun = e.state.luns.find((l) => l.targetIqn?.endsWith('array-a.apps') && !e.diskOfLun(l.id) && l.activePaths === l.paths);
  const host = e.state.hosts.find((h) => h.name === 'host1');
  if (!lun || !host) throw new Error('lab changed');
  const disk: NewLunDisk = {
    alias: 'once-only',
    description: '',
    sharable: false,
    propagateErrors: false,
    lun: { id: lun.id, type: 'iscsi', hostId: host.id, address: '10.35.1.72', port: 3260, target: lun.targetIqn },
  };
  return { spec: createLunDiskRequest(disk), disk, attachment: undefined, effective: defaultDiskOptions(undefined), chap: { passwordMissing: false } };
}

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>{children}</QueryClientProvider>;
}

describe('creating a disk, idempotently', () => {
  it('after a reload (a fresh form that forgot the lost answer), the engine\'s 409 leads to our own disk, not "taken"', async () => {
    const p = plan();
    // The first attempt's disk exists (its answer was lost before the reload): the new hook knows nothing of it.
    await createFloatingLunDisk(emulator.engine, parseLunDisk(p.spec.body as Record<string, unknown>));
    const { result } = renderHook(() => useCreateLunDisk(undefined), { wrapper });
    const outcome = await act(() => result.current.create(p, ''));
    expect(outcome).toMatchObject({ kind: 'floating', recovered: true, disk: { alias: 'once-only' } });
    expect(emulator.engine.state.disks.filter((d) => d.kind === 'lun' && d.lun.id === p.disk.lun.id)).toHaveLength(1);
  });

  it('a LUN another disk took says which disk took it', async () => {
    const p = plan();
    emulator.takeLun(p.disk.lun.id, 'someone-elses');
    const { result } = renderHook(() => useCreateLunDisk(undefined), { wrapper });
    const err = await act(() => result.current.create(p, '').catch((e: unknown) => e));
    expect(isEngineError(err) && err.status).toBe(409);
    expect(err instanceof LunTakenError && err.takenBy).toBe('someone-elses');
  });

  it('after an answer lost on the way back, the retry finds the disk the engine made instead of creating another', async () => {
    // The engine creates the disk, then the connection drops before the answer arrives.
    server.use(
      http.post(
        '*/ovirt-engine/api/v4/disks',
        async ({ request }) => {
          const body = (await request.json()) as Record<string, unknown>;
          await createFloatingLunDisk(emulator.engine, parseLunDisk(body));
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    const p = plan();
    const { result } = renderHook(() => useCreateLunDisk(undefined), { wrapper });
    const first = await act(() => result.current.create(p, '').catch((e: unknown) => e));
    expect(isEngineError(first) && first.kind).toBe('network');
    expect(emulator.engine.state.disks.filter((d) => d.alias === 'once-only')).toHaveLength(1);

    const second = await act(() => result.current.create(p, ''));
    expect(second).toMatchObject({ kind: 'floating', recovered: true, disk: { alias: 'once-only' } });
    expect(posts).toBe(1);
    expect(emulator.engine.state.disks.filter((d) => d.kind === 'lun' && d.lun.id === p.disk.lun.id)).toHaveLength(1);
  });

  it('a second call while one is in flight sends nothing', async () => {
    const p = plan();
    const { result } = renderHook(() => useCreateLunDisk(undefined), { wrapper });
    const [a, b] = await act(() => Promise.all([result.current.create(p, ''), result.current.create(p, '')]));
    expect(a).toMatchObject({ kind: 'floating', recovered: false });
    expect(b).toBeUndefined();
    expect(posts).toBe(1);
  });

  it('after the lost answer, a LUN another disk took meanwhile is reported like the engine\'s 409', async () => {
    server.use(http.post('*/ovirt-engine/api/v4/disks', () => HttpResponse.error(), { once: true }));
    const p = plan();
    const { result } = renderHook(() => useCreateLunDisk(undefined), { wrapper });
    await act(() => result.current.create(p, '').catch(() => undefined));
    emulator.takeLun(p.disk.lun.id, 'someone-elses');
    const err = await act(() => result.current.create(p, '').catch((e: unknown) => e));
    expect(isEngineError(err) && err.key).toBe('ACTION_TYPE_FAILED_DISK_LUN_IS_ALREADY_IN_USE');
    expect(err instanceof LunTakenError && err.takenBy).toBe('someone-elses');
    expect(posts).toBe(1);
  });
});
