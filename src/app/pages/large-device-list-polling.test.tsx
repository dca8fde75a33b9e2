// A host's device list (GET /hosts/{id}/storage: no `max` in the API) is polled while it is small and read once when
// it is large (ui/polling.ts, devicesRefetchInterval; issue 15 item 2): on large-san host01 sees 10,000 LUNs, and each
// tick would parse them all on the main thread. Over a simulated idle minute the host page and a running VM's storage
// connections read host01's list once, while the host itself keeps polling. The lab's small lists still poll
// (unbounded-collections-polling.test.tsx).
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HostPage } from '../../features/hosts/HostPage';
import { byName, setupEmulatedEngine } from '../../test/engine-harness';
import { renderRoute } from '../../test/render-route';
import { IDLE_MINUTE_POLLS, idleMinute, recordEngineRequests, useFakeMinuteTimers } from '../../test/idle-minute';
import { POLL_DEVICES_MAX } from '../../ui/polling';
import { VmPage } from './VmPage';

const { ctx, server } = setupEmulatedEngine('large-san');
afterEach(() => vi.useRealTimers());

const count = (seen: string[], path: string) => seen.filter((s) => s === path).length;
const countRequests = () => recordEngineRequests(server);

describe(`a device list of more than ${POLL_DEVICES_MAX} LUNs over an idle minute`, () => {
  it("the host page reads host01's 10,000 LUNs once and keeps polling the host", async () => {
    const host = byName(ctx.emulator.engine.state.hosts, 'host01');
    useFakeMinuteTimers();
    const seen = countRequests();
    renderRoute([{ path: '/hosts/:hostId', element: <HostPage /> }], `/hosts/${host.id}`);
    await idleMinute();
    expect(screen.getByText('10,000 LUNs', { exact: true })).toBeInTheDocument();
    expect(count(seen, '/hosts/{id}/storage')).toBe(1);
    expect(count(seen, '/hosts/{id}')).toBeGreaterThanOrEqual(IDLE_MINUTE_POLLS - 1);
  }, 30_000);

  it("a running VM's storage connections read its host's 10,000 LUNs once", async () => {
    const host = byName(ctx.emulator.engine.state.hosts, 'host01');
    const vm = ctx.emulator.engine.state.vms.find((v) => v.status === 'up' && v.hostId === host.id);
    expect(vm).toBeDefined();
    useFakeMinuteTimers();
    const seen = countRequests();
    renderRoute([{ path: '/vms/:vmId', element: <VmPage /> }], `/vms/${vm?.id ?? ''}?tab=disks`);
    await idleMinute();
    expect(screen.getByRole('heading', { name: 'Storage connections' })).toBeInTheDocument();
    expect(count(seen, '/hosts/{id}/storage')).toBe(1);
  }, 30_000);
});
