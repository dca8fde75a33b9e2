// The seed's VM lifecycle on the `lifecycle` scenario: targets shared by two VMs on one host, an HA VM whose
// disk only two hosts reach, a VM no host can serve, and a VM using SCSI reservation.
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/engine-api/errors';
import { jobsByCorrelation, listJobs, listSteps } from '../../src/engine-api/jobs';
import { listEvents } from '../../src/engine-api/events';
import { getVm, runVmAction } from '../../src/engine-api/vms';
import { byName, setupEmulatedEngine } from '../../src/test/engine-harness';

const { ctx } = setupEmulatedEngine('lifecycle');

const IQN = 'iqn.2024-03.com.example.lab';
const APPS = `${IQN}:array-a.apps`;
const DATA = `${IQN}:array-a.data`;
const BACKUP = `${IQN}:array-b.backup`;
const DR = `${IQN}:array-c.dr`;

const engine = () => ctx.emulator.engine;
const hostId = (name: string) => byName(engine().state.hosts, name).id;
const vmId = (name: string) => byName(engine().state.vms, name).id;
const diskId = (alias: string) => {
  const d = engine().state.disks.find((x) => x.alias === alias);
  if (!d) throw new Error(`no disk ${alias}`);
  return d.id;
};
const hostNameOf = (id: string | undefined) => engine().state.hosts.find((h) => h.id === id)?.name;
function sessionsOn(host: string): Record<string, string[]> {
  return Object.fromEntries(engine().state.sessions.filter((s) => s.hostId === hostId(host)).map((s) => [s.target, s.holders]));
}
async function stepTexts(correlationId: string): Promise<string[]> {
  return (await jobsByCorrelation(correlationId)).flatMap((j) => j.steps.map((s) => s.description));
}
async function act(vm: string, action: 'start' | 'stop' | 'shutdown' | 'migrate', body: Record<string, unknown> = {}) {
  const corr = `t-${action}-${vm}`;
  await runVmAction(vmId(vm), action, body, corr);
  await ctx.emulator.idle();
  return corr;
}

describe('a VM no host can serve', () => {
  it('fails with each host\'s reason, naming the host and the target, and stays down', async () => {
    const corr = await act('dr01', 'start');
    const vm = await getVm(vmId('dr01'));
    expect(vm.status).toBe('down');
    const [job] = await jobsByCorrelation(corr);
    expect(job?.job.status).toBe('failed');
    const texts = job?.steps.map((s) => s.description) ?? [];
    for (const h of ['host1', 'host2', 'host3']) {
      expect(texts).toContain(`Skipped ${h}${h === 'host3' ? ' (preferred)' : ''}: it is not connected to what dr01 needs. Not counted as a run attempt (0 of 3 used)`);
    }
    expect(texts).toContain('dr01 could not run: no host could connect what it needs');
    expect(texts.some((t) => t.startsWith('Asked host3, host2, host1') && t.endsWith('; none could connect'))).toBe(true);
    const failed = job?.steps.filter((s) => s.status === 'failed').map((s) => s.description) ?? [];
    for (const h of ['host1', 'host2', 'host3']) {
      expect(failed.some((t) => t.startsWith(`${h} could not connect ${DR} at 10.35.3.33:3260 (for disk dr01-data): ${h} cannot reach portal 10.35.3.33:3260 (answered`))).toBe(true);
    }
    expect(texts.some((t) => t.startsWith('Starting dr01'))).toBe(false);
    const events = await listEvents('correlation_id=t-start-dr01');
    expect(events[0]?.description).toMatch(/^Failed to run VM dr01 \(User: admin@internal\): no host could connect what it needs\. host3 could not connect .*array-c\.dr/);
    // Nothing is left half-connected anywhere.
    expect(engine().state.sessions.some((s) => s.target === DR)).toBe(false);
  });
});

describe('stop: reference counting on a host shared by two VMs', () => {
  it('keeps the target while the other VM uses it, and logs out with the last one', async () => {
    expect(sessionsOn('host1')[APPS]).toEqual([`vm:${vmId('app01')}/disk:${diskId('app01-data')}`, `vm:${vmId('app02')}/disk:${diskId('app02-data')}`]);
    const first = await act('app01', 'stop');
    expect(sessionsOn('host1')[APPS]).toEqual([`vm:${vmId('app02')}/disk:${diskId('app02-data')}`]);
    expect(await stepTexts(first)).toContain(
      `Released on host1 what app01 no longer needs: host1 stays connected to ${APPS}: still used by disk app02-data of VM app02`,
    );
    const second = await act('app02', 'shutdown');
    expect(sessionsOn('host1')[APPS]).toBeUndefined();
    expect(sessionsOn('host1')[DATA]).toEqual([expect.stringMatching(/^sd:/)]);
    expect(await stepTexts(second)).toContain(
      `Released on host1 what app02 no longer needs: host1 logged out of ${APPS} (nothing on host1 needs it any more)`,
    );
  });
});

describe('migration', () => {
  it('to a host that cannot connect fails clearly and leaves the VM running on its source', async () => {
    const corr = await act('db01', 'migrate', { host: { id: hostId('host3') } });
    const vm = await getVm(vmId('db01'));
    expect(vm.status).toBe('up');
    expect(hostNameOf(vm.hostId)).toBe('host1');
    const [job] = await jobsByCorrelation(corr);
    expect(job?.job.status).toBe('failed');
    const texts = job?.steps.map((s) => s.description) ?? [];
    expect(texts).toContain(`host3 could not connect ${BACKUP} at 10.35.2.90:3260 (for disk db01-backup): host3 cannot reach portal 10.35.2.90:3260`);
    expect(texts).toContain('Migration to host3 cancelled: host3 cannot connect what db01 needs. db01 stays on host1 (Up)');
    // The source keeps its hold; the destination holds nothing for db01 and keeps no temporary hold.
    expect(sessionsOn('host1')[BACKUP]).toEqual([`vm:${vmId('db01')}/disk:${diskId('db01-backup')}`]);
    expect(sessionsOn('host3')[BACKUP]).toBeUndefined();
    expect(engine().state.sessions.some((s) => s.holders.some((h) => h.startsWith('op:')))).toBe(false);
    const events = await listEvents(`correlation_id=${corr}`);
    expect(events.map((e) => e.code)).toContain(65);
  });

  it('where the engine chooses, skips a candidate that cannot connect (not counted) and migrates to the next', async () => {
    const corr = await act('db01', 'migrate');
    const vm = await getVm(vmId('db01'));
    expect(hostNameOf(vm.hostId)).toBe('host2');
    const texts = await stepTexts(corr);
    expect(texts[0]).toBe(`The engine picks the destination: host3, host2, in that order. db01 needs ${BACKUP} at 10.35.2.90:3260, ${DATA} at 10.35.1.72:3260`);
    expect(texts).toContain('Skipped host3: it is not connected to what db01 needs. Not counted as a migration attempt');
    expect(texts).toContain('db01 now runs on host2');
    expect(sessionsOn('host2')[BACKUP]).toEqual([`vm:${vmId('db01')}/disk:${diskId('db01-backup')}`]);
    expect(sessionsOn('host1')[BACKUP]).toBeUndefined();
  });

  it('refuses a VM whose plugged disk uses SCSI reservation', async () => {
    const err = await runVmAction(vmId('quorum01'), 'migrate').catch((x: unknown) => x);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).status).toBe(409);
    expect((err as EngineError).messages).toEqual(['Cannot migrate VM. VM uses SCSI reservation.']);
    expect((err as EngineError).key).toBe('ACTION_TYPE_FAILED_VM_USES_SCSI_RESERVATION');
  });
});

describe('HA', () => {
  it('restarts the HA VM on a host that can connect (asserting there first); the others go down', async () => {
    ctx.emulator.crashHost('host1');
    await ctx.emulator.idle();
    const db01 = await getVm(vmId('db01'));
    expect(db01.status).toBe('up');
    // host3 is the least loaded but cannot reach portal B: skipped, not counted; host2 connects and runs it.
    expect(hostNameOf(db01.hostId)).toBe('host2');
    for (const name of ['app01', 'app02']) {
      const vm = await getVm(vmId(name));
      expect(vm.status).toBe('down');
      expect(vm.hostId).toBeUndefined();
    }
    expect(sessionsOn('host1')).toEqual({});
    expect(sessionsOn('host2')[BACKUP]).toEqual([`vm:${vmId('db01')}/disk:${diskId('db01-backup')}`]);
    const jobs = await listJobs();
    const restart = jobs.find((j) => j.description === 'Restarting highly available VM db01');
    expect(restart?.status).toBe('finished');
    const texts = (await listSteps(restart?.id ?? '')).map((s) => s.description);
    expect(texts).toContain('host1 is non responsive; db01 is highly available, so the engine restarts it on another host');
    expect(texts).toContain('Skipped host3 (preferred): it is not connected to what db01 needs. Not counted as a run attempt (0 of 3 used)');
    expect(texts).toContain('db01 is up on host2 (run attempt 1 of 3)');
    const events = (await listEvents()).map((e) => e.description);
    expect(events).toContain('Highly Available VM db01 failed. It will be restarted automatically.');
    expect(events).toContain('VM app01 is down. Exit message: host host1 became non responsive; the VM is not highly available.');
  });

  it('a recovered host is Up again with its storage domains; its old VMs stay where they are', async () => {
    ctx.emulator.crashHost('host1');
    await ctx.emulator.idle();
    ctx.emulator.recoverHost('host1');
    await ctx.emulator.idle();
    expect(engine().host(hostId('host1')).status).toBe('up');
    expect(sessionsOn('host1')[DATA]).toEqual([expect.stringMatching(/^sd:/)]);
    expect(sessionsOn('host1')[APPS]).toBeUndefined();
    expect(hostNameOf((await getVm(vmId('db01'))).hostId)).toBe('host2');
  });
});
