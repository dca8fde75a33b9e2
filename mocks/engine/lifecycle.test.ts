import { describe, expect, it } from 'vitest';
import { listHostStorage, discoverIscsi, iscsiLogin } from '../../src/engine-api/host-storage';
import { listHosts } from '../../src/engine-api/hosts';
import { listVms } from '../../src/engine-api/vms';
import { createLunDisk, listDisks } from '../../src/engine-api/disks';
import { createAttachedLunDisk, listAttachments, updateAttachment } from '../../src/engine-api/disk-attachments';
import { jobsByCorrelation } from '../../src/engine-api/jobs';
import { EngineError } from '../../src/engine-api/errors';
import { byName, setupEmulatedEngine } from '../../src/test/engine-harness';
import { LAB_CHAP } from '../scenarios/lab';

const { ctx } = setupEmulatedEngine('lab');

const BACKUP = { address: '10.35.2.90', port: 3260, target: 'iqn.2024-03.com.example.lab:array-b.backup' };

async function lab() {
  const hosts = await listHosts();
  await iscsiLogin(byName(hosts, 'host1').id, BACKUP);
  const vms = await listVms();
  return { hosts, vms, host: (n: string) => byName(hosts, n), vm: (n: string) => byName(vms, n) };
}

describe('emulated engine: discovery, login, device list', () => {
  it('discovers the portal a host reaches and lists its targets', async () => {
    const { host } = await lab();
    const targets = await discoverIscsi(host('host1').id, { address: '10.35.1.72', port: 3260 });
    expect(targets.map((t) => t.target)).toEqual([
      'iqn.2024-03.com.example.lab:array-a.data',
      'iqn.2024-03.com.example.lab:array-a.apps',
      'iqn.2024-03.com.example.lab:array-a.secure',
    ]);
    expect(targets[0]?.portal).toBe('10.35.1.72:3260,1');
  });

  it('fails discovery from a host that cannot reach the portal with the engine text', async () => {
    const { host } = await lab();
    const err = await discoverIscsi(host('host3').id, { address: '10.35.2.90', port: 3260 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).status).toBe(400);
    expect((err as EngineError).key).toBe('ISCSI_DISCOVERY_ERROR');
  });

  it('rejects a wrong CHAP password at login as an authorization failure (failed-action envelope)', async () => {
    const { host } = await lab();
    const err = await iscsiLogin(host('host3').id, {
      address: '10.35.1.72', port: 3260, target: 'iqn.2024-03.com.example.lab:array-a.secure', username: LAB_CHAP.username, password: 'wrong',
    }).catch((e: unknown) => e);
    expect((err as EngineError).key).toBe('ISCSI_LOGIN_AUTH_ERROR');
  });

  it('shows the LUNs of a target after login, with engine usage', async () => {
    const { host } = await lab();
    const before = await listHostStorage(host('host3').id);
    expect(before.some((l) => l.lu.target === 'iqn.2024-03.com.example.lab:array-a.secure')).toBe(false);
    await iscsiLogin(host('host3').id, { address: '10.35.1.72', port: 3260, target: 'iqn.2024-03.com.example.lab:array-a.secure', ...LAB_CHAP });
    const after = await listHostStorage(host('host3').id);
    const secure = after.filter((l) => l.lu.target === 'iqn.2024-03.com.example.lab:array-a.secure');
    expect(secure).toHaveLength(4);
    expect(secure.filter((l) => l.lu.diskId)).toHaveLength(1);
    const fc = after.filter((l) => l.type === 'fcp');
    expect(fc).toHaveLength(6);
    const sd = after.filter((l) => l.lu.storageDomainId);
    expect(sd).toHaveLength(2);
  });
});

describe('emulated engine: direct-LUN disks', () => {
  it('creates a floating disk and refuses the same LUN again with 409', async () => {
    const { host } = await lab();
    const luns = await listHostStorage(host('host1').id);
    const free = luns.find((l) => l.type === 'iscsi' && !l.lu.diskId && !l.lu.storageDomainId);
    if (!free) throw new Error('no free LUN');
    const req = {
      alias: 'new-lun', description: 'x', sharable: false, propagateErrors: false,
      lun: { id: free.id, type: 'iscsi' as const, hostId: host('host1').id, address: free.lu.address, port: free.lu.port, target: free.lu.target },
    };
    const disk = await createLunDisk(req);
    expect(disk.storageType).toBe('lun');
    if (disk.storageType === 'lun') expect(disk.lun.logicalUnits[0]?.size).toBe(free.lu.size);
    const err = await createLunDisk({ ...req, alias: 'again' }).catch((e: unknown) => e);
    expect((err as EngineError).status).toBe(409);
    expect((err as EngineError).messages).toEqual(['Cannot add Virtual Disk. The provided lun is used by another disk.']);
    expect((err as EngineError).key).toBe('ACTION_TYPE_FAILED_DISK_LUN_IS_ALREADY_IN_USE');
  });

  it('hot plugs a new disk into a running VM after making sure its host is connected, in job steps', async () => {
    const { host, vm } = await lab();
    const luns = await listHostStorage(host('host1').id);
    const free = luns.find((l) => l.lu.target?.endsWith('array-b.backup') && !l.lu.diskId);
    if (!free) throw new Error('no free LUN');
    const att = await createAttachedLunDisk(
      vm('db01').id,
      { alias: 'db01-backup', description: '', sharable: false, propagateErrors: false, lun: { id: free.id, type: 'iscsi', address: free.lu.address, port: free.lu.port, target: free.lu.target } },
      { interface: 'virtio_scsi', bootable: false, readOnly: false, passDiscard: false, usesScsiReservation: false, active: true },
      'corr-plug-1',
    );
    expect(att.active).toBe(true);
    const jobs = await jobsByCorrelation('corr-plug-1');
    const texts = jobs.flatMap((j) => j.steps.map((s) => s.description));
    expect(texts.some((t) => /Making sure host1 \(running db01\) is connected/.test(t) || /host1 was already connected|host1 connected/.test(t))).toBe(true);
    expect(texts.some((t) => /Plugged db01-backup into db01/.test(t))).toBe(true);
    const specs = ctx.emulator.engine.state.deviceSpecs.filter((s) => s.reason === 'hotplug');
    expect(specs.at(-1)?.devices[0]).toMatchObject({ GUID: free.id, format: 'raw', iface: 'scsi', shared: 'False' });
  });

  it('reports a failed hot plug as created-but-inactive (201, active false) when the host cannot reach the target', async () => {
    const { host, vm } = await lab();
    const luns = await listHostStorage(host('host1').id);
    const free = luns.find((l) => l.lu.target?.endsWith('array-b.backup') && !l.lu.diskId);
    if (!free) throw new Error('no free LUN');
    ctx.emulator.cutPortal('host2', '10.35.2.90');
    const att = await createAttachedLunDisk(
      vm('web01').id,
      { alias: 'web01-backup', description: '', sharable: false, propagateErrors: false, lun: { id: free.id, type: 'iscsi', address: free.lu.address, port: free.lu.port, target: free.lu.target } },
      { interface: 'virtio', bootable: false, readOnly: false, passDiscard: false, usesScsiReservation: false, active: true },
      'corr-plug-2',
    );
    expect(att.active).toBe(false);
    const [job] = await jobsByCorrelation('corr-plug-2');
    expect(job?.job.status).toBe('failed');
    expect(job?.steps.find((s) => s.status === 'failed')?.description).toMatch(/host2 cannot reach portal 10.35.2.90:3260/);
    const retry = await updateAttachment(vm('web01').id, att.diskId, { active: true }).catch((e: unknown) => e);
    expect((retry as EngineError).messages.join(' ')).toMatch(/host2 cannot reach portal/);
    ctx.emulator.restorePortal('host2', '10.35.2.90');
    const ok = await updateAttachment(vm('web01').id, att.diskId, { active: true });
    expect(ok.active).toBe(true);
  });
});

// VM lifecycle (run, stop, migrate, HA, device specs): ops-vms.test.ts and ops-vms-lifecycle.test.ts.

describe('client reads every collection the emulator serves', () => {
  it('parses the lab lists', async () => {
    const disks = await listDisks();
    expect(disks.find((d) => d.alias === 'cluster-quorum')).toMatchObject({ storageType: 'lun', sharable: true });
    const atts = await listAttachments(byName(await listVms(), 'db01').id);
    expect(atts.length).toBe(3);
  });
});
