// What a create leaves stale: the engine connects a new LUN disk's targets on every Up host of the pool, and the
// VM's host keeps the session when the disk is plugged (docs/decisions/005) — not only the host the wizard used.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { defaultDiskOptions } from '../../domain/disk-options';
import { createAttachedLunDiskRequest, type AttachmentOptions } from '../../engine-api/disk-attachments';
import type { NewLunDisk } from '../../engine-api/disks';
import { hostStorageKeys, hostStorageQueryOptions, iscsiLogin } from '../../engine-api/host-storage';
import { hostKeys, hostsQueryOptions } from '../../engine-api/hosts';
import { byName, setupEmulatedEngine } from '../../test/engine-harness';
import type { CreatePlan } from './requests';
import { useCreateLunDisk } from './use-create-lun-disk';

const { ctx } = setupEmulatedEngine('lab');
const engine = () => ctx.emulator.engine;

const BACKUP = 'iqn.2024-03.com.example.lab:array-b.backup';

describe('a create on a running VM', () => {
  it("leaves every host's sessions stale, not only the wizard's: the VM's host shows the new target on its next read", async () => {
    const host1 = byName(engine().state.hosts, 'host1');
    const host2 = byName(engine().state.hosts, 'host2');
    const host3 = byName(engine().state.hosts, 'host3');
    const web01 = byName(engine().state.vms, 'web01');
    expect(web01.hostId).toBe(host2.id);
    await iscsiLogin(host1.id, { address: '10.35.2.90', port: 3260, target: BACKUP });
    const lun = engine().state.luns.find((l) => l.targetIqn === BACKUP && !engine().diskOfLun(l.id));
    if (!lun) throw new Error('lab changed');

    // What the console has read just before: the hosts and what each is connected to, fresh for a minute.
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } });
    await queryClient.fetchQuery(hostsQueryOptions());
    for (const h of [host1, host2, host3]) await queryClient.fetchQuery(hostStorageQueryOptions(h.id));
    expect((await queryClient.fetchQuery(hostStorageQueryOptions(host2.id))).some((l) => l.id === lun.id)).toBe(false);

    const disk: NewLunDisk = {
      alias: 'web01-backup',
      description: '',
      sharable: false,
      propagateErrors: false,
      lun: { id: lun.id, type: 'iscsi', hostId: host1.id, address: '10.35.2.90', port: 3260, target: BACKUP },
    };
    const attachment: AttachmentOptions = { interface: 'virtio', bootable: false, readOnly: false, passDiscard: false, usesScsiReservation: false, active: true };
    const plan: CreatePlan = {
      spec: createAttachedLunDiskRequest(web01.id, disk, attachment),
      disk,
      attachment,
      effective: defaultDiskOptions(undefined),
      chap: { passwordMissing: false },
    };
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => useCreateLunDisk(web01.id), { wrapper });
    // The wizard discovered and logged in on host1.
    const outcome = await act(() => result.current.create(plan, host1.id));
    expect(outcome).toMatchObject({ kind: 'vm', attachment: { active: true } });

    for (const h of [host1, host2, host3]) {
      expect(queryClient.getQueryState(hostStorageKeys.list(h.id, false))?.isInvalidated, h.name).toBe(true);
    }
    expect(queryClient.getQueryState(hostKeys.list(undefined))?.isInvalidated).toBe(true);
    // Read again as a host's page would: host2, running web01, now sees the LUN through its new session.
    expect((await queryClient.fetchQuery(hostStorageQueryOptions(host2.id))).some((l) => l.id === lun.id)).toBe(true);
  });
});
