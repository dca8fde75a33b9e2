// The host page derives sessions and holders from the real API only. Check that derivation against the
// emulated hosts' own bookkeeping, on every Up host of the lab and after lifecycle operations.
import { describe, expect, it } from 'vitest';
import { hostSessions, type SessionHolder } from './host-sessions';
import { listVmsWithAttachments } from '../engine-api/disk-attachments';
import { listDisks } from '../engine-api/disks';
import { listHostStorage } from '../engine-api/host-storage';
import { listHosts } from '../engine-api/hosts';
import { listStorageDomains } from '../engine-api/storage-domains';
import { runVmAction } from '../engine-api/vms';
import { setupEmulatedEngine } from '../test/engine-harness';

const { ctx } = setupEmulatedEngine('lab');

function key(h: SessionHolder) {
  return h.kind === 'storage-domain' ? `sd:${h.id}` : `vm:${h.vmId}/disk:${h.diskId}`;
}

async function compareAllHosts() {
  const [hosts, vms, disks, domains] = await Promise.all([listHosts(), listVmsWithAttachments(), listDisks(), listStorageDomains()]);
  expect(domains.map((d) => d.name)).toEqual(['data1']);
  for (const h of hosts.filter((x) => x.status === 'up')) {
    const derived = hostSessions(h.id, await listHostStorage(h.id), vms, disks, domains).filter((s) => s.kind === 'iscsi');
    const truth = ctx.emulator.engine.state.sessions.filter((s) => s.hostId === h.id);
    expect(derived.map((s) => s.target).sort(), `targets of ${h.name}`).toEqual(truth.map((s) => s.target).sort());
    for (const s of truth) {
      const d = derived.find((x) => x.target === s.target);
      expect(d?.holders.map(key).sort(), `holders of ${s.target} on ${h.name}`).toEqual([...s.holders].sort());
    }
  }
}

describe('host sessions from the real API match what the emulated hosts hold', () => {
  it('in the lab as it starts, with an administrator login that nothing holds', async () => {
    const host3 = (await listHosts()).find((h) => h.name === 'host3');
    const { iscsiLogin } = await import('../engine-api/host-storage');
    await iscsiLogin(host3?.id ?? '', { address: '10.35.1.72', port: 3260, target: 'iqn.2024-03.com.example.lab:array-a.apps' });
    await compareAllHosts();
  });

  it('after runs, a migration and a stop', async () => {
    const vms = await listVmsWithAttachments();
    const id = (n: string) => vms.find((x) => x.vm.name === n)?.vm.id ?? '';
    const hosts = await listHosts();
    await runVmAction(id('test01'), 'start');
    await runVmAction(id('app01'), 'start');
    await ctx.emulator.idle();
    await runVmAction(id('db01'), 'migrate', { host: { id: hosts.find((h) => h.name === 'host3')?.id } });
    await runVmAction(id('web01'), 'stop');
    await ctx.emulator.idle();
    await compareAllHosts();
  });
});
