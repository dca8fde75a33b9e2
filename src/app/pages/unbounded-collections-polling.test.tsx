// Whole collections are never on a timer (ui/polling.ts, POLL_UNBOUNDED; issue 15 item 2): over a simulated idle
// minute, the disk page, the host page and the Attach wizard's data read every VM with its attachments (GET
// /vms?follow=disk_attachments, no `max`) and every disk once — on a datacenter that is 5,000 VMs or 20,000 disks —
// while what they show of one object (the disk, the host) keeps polling.
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAttachData } from '../../features/attach-disk/use-attach-data';
import { DiskPage } from '../../features/disks/DiskPage';
import { HostPage } from '../../features/hosts/HostPage';
import { byName, setupEmulatedEngine } from '../../test/engine-harness';
import { renderRoute } from '../../test/render-route';
import { IDLE_MINUTE_POLLS, idleMinute, recordEngineRequests, useFakeMinuteTimers } from '../../test/idle-minute';

const { ctx, server } = setupEmulatedEngine('lab');
afterEach(() => vi.useRealTimers());

const countRequests = () => recordEngineRequests(server, { query: true });
const count = (seen: string[], pred: (s: string) => boolean) => seen.filter(pred).length;
const isVmIndex = (s: string) => s.startsWith('/vms?') && s.includes('follow=disk_attachments');

describe('whole collections over an idle minute', () => {
  it("the disk page reads the VM index once, and polls the disk and (a lab's four hosts) their device lists", async () => {
    const disk = ctx.emulator.engine.state.disks.find((d) => d.alias === 'app01-data');
    const upHosts = ctx.emulator.engine.state.hosts.filter((h) => h.status === 'up').length;
    useFakeMinuteTimers();
    const seen = countRequests();
    renderRoute([{ path: '/disks/:diskId', element: <DiskPage /> }], `/disks/${disk?.id ?? ''}`);
    await idleMinute();
    expect(screen.getByRole('heading', { name: /app01-data/ })).toBeInTheDocument();
    expect(count(seen, isVmIndex)).toBe(1);
    // A few hosts: each one's device list polls at the idle interval (ui/polling.ts, fanOutPollInterval).
    const storage = count(seen, (s) => /^\/hosts\/\{id\}\/storage/.test(s));
    expect(storage).toBeGreaterThan(upHosts);
    expect(storage).toBeLessThanOrEqual(upHosts * IDLE_MINUTE_POLLS);
    // The disk itself is one object: it still polls at the idle interval.
    expect(count(seen, (s) => s === '/disks/{id}')).toBeGreaterThanOrEqual(IDLE_MINUTE_POLLS - 1);
  }, 20_000); // a simulated minute re-renders the page's reach table at each poll: slow on a loaded machine

  it('the host page reads the VM index once and polls the host and its own device list', async () => {
    const host = byName(ctx.emulator.engine.state.hosts, 'host1');
    useFakeMinuteTimers();
    const seen = countRequests();
    renderRoute([{ path: '/hosts/:hostId', element: <HostPage /> }], `/hosts/${host.id}`);
    await idleMinute();
    expect(screen.getByRole('heading', { name: 'host1' })).toBeInTheDocument();
    expect(count(seen, isVmIndex)).toBe(1);
    expect(count(seen, (s) => s.startsWith('/disks'))).toBe(1);
    expect(count(seen, (s) => /^\/hosts\/\{id\}\/storage/.test(s))).toBeGreaterThanOrEqual(IDLE_MINUTE_POLLS - 1);
    expect(count(seen, (s) => s === '/hosts/{id}')).toBeGreaterThanOrEqual(IDLE_MINUTE_POLLS - 1);
  });

  it("the Attach wizard's data reads the VM index and every disk once", async () => {
    const vm = byName(ctx.emulator.engine.state.vms, 'web01');
    function Probe() {
      const data = useAttachData(vm.id);
      return <p>{data.vm ? `VM ${data.vm.name}` : 'loading'}</p>;
    }
    useFakeMinuteTimers();
    const seen = countRequests();
    renderRoute([{ path: '/', element: <Probe /> }], '/');
    await idleMinute();
    expect(screen.getByText('VM web01')).toBeInTheDocument();
    expect(count(seen, isVmIndex)).toBe(1);
    expect(count(seen, (s) => s === '/disks')).toBe(1);
  });
});
