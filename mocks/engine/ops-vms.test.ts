// The seed's VM lifecycle in the emulated engine, through the real client and HTTP handlers (lab scenario):
// host selection and preference, the not-counted rule and the three-attempt limit, reference counting across
// stop / migrate / unplug, and the device specs the hosts receive.
import { describe, expect, it } from 'vitest';
import { updateAttachment } from '../../src/engine-api/disk-attachments';
import { EngineError } from '../../src/engine-api/errors';
import { jobsByCorrelation } from '../../src/engine-api/jobs';
import { getVm, listVms, runVmAction } from '../../src/engine-api/vms';
import { byName, setupEmulatedEngine } from '../../src/test/engine-harness';
import { MAX_RUN_ATTEMPTS } from './ops-vm-run';
import { hostPreference } from './run-requirements';

const { ctx } = setupEmulatedEngine('lab');

const IQN = 'iqn.2024-03.com.example.lab';
const APPS = `${IQN}:array-a.apps`;
const DATA = `${IQN}:array-a.data`;
const BACKUP = `${IQN}:array-b.backup`;

const engine = () => ctx.emulator.engine;
const hostId = (name: string) => byName(engine().state.hosts, name).id;
const vmId = (name: string) => byName(engine().state.vms, name).id;
const hostNameOf = (id: string | undefined) => engine().state.hosts.find((h) => h.id === id)?.name;

/** target → holders of that host's sessions: what the emulated host is logged in to, and why. */
function sessionsOn(host: string): Record<string, string[]> {
  return Object.fromEntries(engine().state.sessions.filter((s) => s.hostId === hostId(host)).map((s) => [s.target, s.holders]));
}

async function stepTexts(correlationId: string): Promise<string[]> {
  const jobs = await jobsByCorrelation(correlationId);
  return jobs.flatMap((j) => j.steps.map((s) => s.description));
}

async function act(vm: string, action: 'start' | 'stop' | 'shutdown' | 'migrate', body: Record<string, unknown> = {}) {
  const corr = `t-${action}-${vm}-${Math.random().toString(36).slice(2, 8)}`;
  await runVmAction(vmId(vm), action, body, corr);
  await ctx.emulator.idle();
  return corr;
}

describe('host selection', () => {
  it('orders candidates: the VM\'s preferred hosts, then the least loaded, then by name; only Up hosts', () => {
    const e = engine();
    // test01 prefers host3; host4 is in maintenance; host1..3 each run one VM (batch01 is paused on host3).
    expect(hostPreference(e, e.vm(vmId('test01'))).map((h) => h.name)).toEqual(['host3', 'host1', 'host2']);
    expect(hostPreference(e, e.vm(vmId('app01'))).map((h) => h.name)).toEqual(['host1', 'host2', 'host3']);
    ctx.emulator.recoverHost('host4');
    expect(hostPreference(e, e.vm(vmId('app01'))).map((h) => h.name)).toEqual(['host4', 'host1', 'host2', 'host3']);
    expect(hostPreference(e, e.vm(vmId('app01')), [hostId('host4')]).map((h) => h.name)).toEqual(['host1', 'host2', 'host3']);
  });

  it('runs on the preferred host when it connects, and says why it was preferred', async () => {
    const corr = await act('app01', 'start');
    const vm = await getVm(vmId('app01'));
    expect(vm.status).toBe('up');
    expect(hostNameOf(vm.hostId)).toBe('host1');
    const texts = await stepTexts(corr);
    expect(texts).toContain('app01 is up on host1 (run attempt 1 of 3)');
    expect(texts.some((t) => /^Asked host1, host2, host3 to connect its 2 required connections at once; preferred host: host1 \(the least loaded: 1 running VM\)\. Answers: host1 first/.test(t))).toBe(true);
    expect(texts.some((t) => /Skipped/.test(t))).toBe(false);
  });

  it('asks every candidate to connect at once, naming the targets, and records who answered first', async () => {
    const corr = await act('test01', 'start');
    const texts = await stepTexts(corr);
    // Each host's step names the targets it was asked for, and ends with its answer and its rank.
    for (const h of ['host1', 'host2']) {
      expect(texts.some((t) => t.startsWith(`${h} connected to ${BACKUP} at 10.35.2.90:3260; ${h} is already connected to ${DATA}`))).toBe(true);
    }
    expect(texts.filter((t) => /\(answered first\)$/.test(t))).toHaveLength(1);
    expect(texts.some((t) => /^Asked host3, host1, host2 to connect .* preferred host: host3 \(test01 prefers it\)\. Answers: .*; host3 could not connect$/.test(t))).toBe(true);
  });
});

describe('the not-counted rule and the attempt limit', () => {
  it('skips a preferred host that cannot connect without counting it, and runs on a host that did', async () => {
    const corr = await act('test01', 'start');
    const vm = await getVm(vmId('test01'));
    expect(vm.status).toBe('up');
    expect(['host1', 'host2']).toContain(hostNameOf(vm.hostId));
    const texts = await stepTexts(corr);
    expect(texts).toContain(
      'Skipped host3 (preferred): it is not connected to what test01 needs. Not counted as a run attempt (0 of 3 used)',
    );
    expect(texts.some((t) => t.startsWith(`host3 could not connect ${BACKUP} at 10.35.2.90:3260 (for disk test01-backup): host3 cannot reach portal 10.35.2.90:3260`))).toBe(true);
    expect(texts).toContain(`test01 is up on ${hostNameOf(vm.hostId)} (run attempt 1 of 3)`);
    // The host it runs on keeps array-b for test01's disk; the others let go of what they connected for this start.
    const ran = hostNameOf(vm.hostId) ?? '';
    const other = ran === 'host1' ? 'host2' : 'host1';
    expect(sessionsOn(ran)[BACKUP]).toEqual([`vm:${vmId('test01')}/disk:${byName(engine().state.disks.map((d) => ({ ...d, name: d.alias })), 'test01-backup').id}`]);
    expect(sessionsOn(other)[BACKUP]).toBeUndefined();
    expect(sessionsOn('host3')[BACKUP]).toBeUndefined();
    expect(engine().state.sessions.some((s) => s.holders.some((h) => h.startsWith('op:')))).toBe(false);
  });

  it('a skipped host leaves all three attempts: with two run failures the third host still runs the VM', async () => {
    ctx.emulator.recoverHost('host4');
    await ctx.emulator.idle();
    ctx.emulator.setFailRuns('host4', true);
    ctx.emulator.setFailRuns('host1', true);
    // Order: host3 (preferred, cannot reach portal B: skipped), host4 (fails), host1 (fails), host2.
    const corr = await act('test01', 'start');
    const vm = await getVm(vmId('test01'));
    expect(vm.status).toBe('up');
    expect(hostNameOf(vm.hostId)).toBe('host2');
    const texts = await stepTexts(corr);
    expect(texts.some((t) => t.startsWith('Skipped host3 (preferred)') && t.includes('Not counted'))).toBe(true);
    expect(texts).toContain('Failed to run test01 on host4: the VM exited while starting on host4 (run attempt 1 of 3)');
    expect(texts).toContain('Failed to run test01 on host1: the VM exited while starting on host1 (run attempt 2 of 3)');
    expect(texts).toContain('test01 is up on host2 (run attempt 3 of 3)');
  });

  it(`stops after ${MAX_RUN_ATTEMPTS} real run failures; the fourth host is never tried`, async () => {
    ctx.emulator.recoverHost('host4');
    await ctx.emulator.idle();
    for (const h of ['host1', 'host2', 'host3', 'host4']) ctx.emulator.setFailRuns(h, true);
    const corr = await act('app01', 'start');
    const vm = await getVm(vmId('app01'));
    expect(vm.status).toBe('down');
    expect(vm.hostId).toBeUndefined();
    const texts = await stepTexts(corr);
    expect(texts.filter((t) => /^Starting app01 on /.test(t) || /^Failed to run app01 on /.test(t))).toEqual([
      'Failed to run app01 on host4: the VM exited while starting on host4 (run attempt 1 of 3)',
      'Failed to run app01 on host1: the VM exited while starting on host1 (run attempt 2 of 3)',
      'Failed to run app01 on host2: the VM exited while starting on host2 (run attempt 3 of 3)',
    ]);
    expect(texts.some((t) => t.includes('app01 on host3'))).toBe(false);
    expect(texts).toContain('app01 could not run: 3 run attempts failed');
    const [job] = await jobsByCorrelation(corr);
    expect(job?.job.status).toBe('failed');
    // Nothing app01 would have held stays anywhere.
    expect(engine().state.sessions.some((s) => s.holders.some((h) => h.startsWith(`vm:${vmId('app01')}/`) || h.startsWith('op:')))).toBe(false);
  });

  it('refuses to run a VM that is not down, with the engine text', async () => {
    const err = await runVmAction(vmId('db01'), 'start').catch((x: unknown) => x);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).status).toBe(409);
    expect((err as EngineError).messages).toEqual(['Cannot run VM. VM is running.']);
  });

  it('Run on a paused VM resumes it where it is', async () => {
    await act('batch01', 'start');
    const vm = await getVm(vmId('batch01'));
    expect(vm.status).toBe('up');
    expect(hostNameOf(vm.hostId)).toBe('host3');
  });
});

describe('reference counting across stop, migrate and unplug', () => {
  it('stop releases on the host only what nothing else holds', async () => {
    const corr = await act('db01', 'stop');
    expect((await getVm(vmId('db01'))).status).toBe('down');
    // array-a.apps was held only by db01's two disks on host1: logged out. array-a.data stays for data1.
    expect(sessionsOn('host1')[APPS]).toBeUndefined();
    expect(sessionsOn('host1')[DATA]).toEqual([expect.stringMatching(/^sd:/)]);
    // web01 still holds array-a.apps on host2 through the sharable quorum disk.
    expect(sessionsOn('host2')[APPS]).toEqual([`vm:${vmId('web01')}/disk:${byName(engine().state.disks.map((d) => ({ ...d, name: d.alias })), 'cluster-quorum').id}`]);
    const texts = await stepTexts(corr);
    expect(texts).toContain(`Released on host1 what db01 no longer needs: host1 logged out of ${APPS} (nothing on host1 needs it any more)`);
  });

  it('graceful shutdown releases the same way', async () => {
    await act('web01', 'shutdown');
    expect((await getVm(vmId('web01'))).status).toBe('down');
    expect(sessionsOn('host2')[APPS]).toBeUndefined();
    expect(sessionsOn('host1')[APPS]).toHaveLength(2);
  });

  it('unplug keeps a target another plugged disk of the VM still uses, and logs out with the last one', async () => {
    const disk = (alias: string) => byName(engine().state.disks.map((d) => ({ ...d, name: d.alias })), alias).id;
    await updateAttachment(vmId('db01'), disk('db01-redo'), { active: false }, 'unplug-redo');
    await ctx.emulator.idle();
    expect(sessionsOn('host1')[APPS]).toEqual([`vm:${vmId('db01')}/disk:${disk('cluster-quorum')}`]);
    expect((await stepTexts('unplug-redo')).some((t) => t.includes(`host1 stays connected to ${APPS}: still used by disk cluster-quorum of VM db01`))).toBe(true);
    await updateAttachment(vmId('db01'), disk('cluster-quorum'), { active: false }, 'unplug-quorum');
    await ctx.emulator.idle();
    expect(sessionsOn('host1')[APPS]).toBeUndefined();
    // The sharable disk stays plugged into web01 on host2, which keeps its own hold.
    expect(sessionsOn('host2')[APPS]).toHaveLength(1);
  });

  it('migrating to a host that needs to connect first: it connects, the VM moves, the source lets go', async () => {
    expect(sessionsOn('host3')[APPS]).toBeUndefined();
    const corr = await act('db01', 'migrate', { host: { id: hostId('host3') } });
    const vm = await getVm(vmId('db01'));
    expect(vm.status).toBe('up');
    expect(hostNameOf(vm.hostId)).toBe('host3');
    expect(sessionsOn('host3')[APPS]).toHaveLength(2);
    expect(sessionsOn('host3')[APPS]?.every((h) => h.startsWith(`vm:${vmId('db01')}/`))).toBe(true);
    expect(sessionsOn('host1')[APPS]).toBeUndefined();
    expect(sessionsOn('host1')[DATA]).toBeDefined();
    const texts = await stepTexts(corr);
    expect(texts).toContain(`host3 is ready: host3 connected to ${APPS} at 10.35.1.72:3260; host3 is already connected to ${DATA}`);
    expect(texts).toContain('db01 now runs on host3');
    expect(texts.some((t) => t.includes(`host1 logged out of ${APPS}`))).toBe(true);
  });

  it('migrating where the engine chooses picks a connected candidate', async () => {
    await act('db01', 'migrate');
    const vm = await getVm(vmId('db01'));
    expect(vm.status).toBe('up');
    expect(hostNameOf(vm.hostId)).not.toBe('host1');
  });

  it('refuses a migration to the same host or to a host that is not Up', async () => {
    const same = await runVmAction(vmId('db01'), 'migrate', { host: { id: hostId('host1') } }).catch((x: unknown) => x);
    expect((same as EngineError).status).toBe(409);
    const maint = await runVmAction(vmId('db01'), 'migrate', { host: { id: hostId('host4') } }).catch((x: unknown) => x);
    expect((maint as EngineError).messages).toEqual(['Cannot migrate VM. Operation can be performed only when Host status is Up.']);
    const down = await runVmAction(vmId('app01'), 'migrate').catch((x: unknown) => x);
    expect((down as EngineError).messages).toEqual(['Cannot migrate VM. VM is not running.']);
  });
});

describe('device specs sent to hosts (seed: Engine - VDSM API)', () => {
  it('a run sends every plugged disk: GUID for LUNs, raw, index per iface, global boot order, address only once known', async () => {
    await act('test01', 'start');
    const e = engine();
    const vm = e.vm(vmId('test01'));
    const first = e.state.deviceSpecs.filter((r) => r.vmId === vm.id);
    expect(first).toHaveLength(1);
    expect(first[0]?.reason).toBe('run');
    expect(first[0]?.hostId).toBe(vm.hostId);
    const lunDisk = e.state.disks.find((d) => d.alias === 'test01-backup');
    const lunSpec = first[0]?.devices.find((d) => d.diskId === lunDisk?.id);
    expect(lunSpec).toMatchObject({ type: 'disk', device: 'disk', iface: 'scsi', index: 0, format: 'raw', propagateErrors: 'off', shared: 'False', readonly: 'False' });
    expect(lunSpec?.GUID).toBe(lunDisk?.kind === 'lun' ? lunDisk.lun.id : 'none');
    expect(lunSpec).not.toHaveProperty('poolID');
    expect(lunSpec).not.toHaveProperty('address');
    expect(lunSpec).not.toHaveProperty('bootOrder');
    const os = first[0]?.devices.find((d) => d.diskId !== lunDisk?.id);
    expect(os).toMatchObject({ iface: 'virtio', index: 0, bootOrder: 1, format: 'cow' });
    expect(os).toHaveProperty('volumeID');
    expect(os).not.toHaveProperty('GUID');

    await act('test01', 'stop');
    await act('test01', 'start');
    const second = e.state.deviceSpecs.filter((r) => r.vmId === vm.id).at(-1);
    const again = second?.devices.find((d) => d.diskId === lunDisk?.id);
    expect(again?.address).toEqual({ type: 'drive', controller: '0', bus: '0', target: '0', unit: '0' });
  });

  it('a migration sends the destination the same devices with their known addresses; the guest names survive', async () => {
    await act('db01', 'migrate', { host: { id: hostId('host2') } });
    const e = engine();
    const rec = e.state.deviceSpecs.filter((r) => r.vmId === vmId('db01')).at(-1);
    expect(rec?.reason).toBe('migrate');
    expect(rec?.hostId).toBe(hostId('host2'));
    const scsi = rec?.devices.filter((d) => d.iface === 'scsi') ?? [];
    expect(scsi.map((d) => d.index).sort()).toEqual([0, 1]);
    expect(scsi.every((d) => d.format === 'raw' && typeof d.GUID === 'string')).toBe(true);
    const quorum = scsi.find((d) => d.diskId === e.state.disks.find((x) => x.alias === 'cluster-quorum')?.id);
    expect(quorum?.shared).toBe('True');
  });
});

describe('stop and status rules', () => {
  it('refuses to shut down a VM that is down or still launching', async () => {
    const down = await runVmAction(vmId('app01'), 'shutdown').catch((x: unknown) => x);
    expect((down as EngineError).messages).toEqual(['Cannot shutdown VM. VM is not running.']);
    await runVmAction(vmId('app01'), 'start');
    const launching = await runVmAction(vmId('app01'), 'stop').catch((x: unknown) => x);
    expect((launching as EngineError).messages).toEqual(['Cannot stop VM because the VM is in Wait For Launch status.']);
    await ctx.emulator.idle();
    expect((await listVms()).find((v) => v.name === 'app01')?.status).toBe('up');
  });
});
