// The emulated engine's attach, plug, unplug, edit and detach through the real client, and what they do to the
// hosts' iSCSI sessions: connections are reference-counted per host (docs/design.md §5; the pure counting is
// mocks/engine/connection-refs.test.ts). Lab: host1 runs db01 (db01-redo and cluster-quorum on array-a.apps),
// host2 runs web01 (cluster-quorum), app01 and test01 are down, batch01 is paused on host3.
import { describe, expect, it } from 'vitest';
import { attachDisk, detachDisk, listAttachments, updateAttachment } from '../../src/engine-api/disk-attachments';
import { listDisks } from '../../src/engine-api/disks';
import type { EngineError } from '../../src/engine-api/errors';
import { jobsByCorrelation } from '../../src/engine-api/jobs';
import { byName, setupEmulatedEngine } from '../../src/test/engine-harness';
import type { Disk } from '../../src/domain/model';

const { ctx } = setupEmulatedEngine('lab');
const APPS = 'iqn.2024-03.com.example.lab:array-a.apps';

const em = () => ctx.emulator.engine;
const id = (kind: 'vms' | 'hosts', name: string) => {
  const x = em().state[kind].find((v) => v.name === name);
  if (!x) throw new Error(name);
  return x.id;
};
/** The holders of a host's session to a target, or undefined when the host is not logged in to it. */
const holdersOn = (host: string, target = APPS) => em().state.sessions.find((s) => s.hostId === id('hosts', host) && s.target === target)?.holders;
const holder = (vm: string, disk: Disk) => `vm:${id('vms', vm)}/disk:${disk.id}`;
const opts = { interface: 'virtio_scsi' as const, bootable: false, readOnly: false, passDiscard: false, usesScsiReservation: false };

async function disk(alias: string): Promise<Disk> {
  return byName((await listDisks()).map((d) => ({ ...d, name: d.alias })), alias);
}

describe('attach', () => {
  it('to a down VM: nothing is connected; the disk joins the VM\'s required connections, said in a job step', async () => {
    const archive = await disk('archive-lun');
    const before = structuredClone(em().state.sessions);
    const att = await attachDisk(id('vms', 'app01'), archive.id, { ...opts, active: true }, 'corr-down');
    expect(att).toMatchObject({ diskId: archive.id, active: true, interface: 'virtio_scsi' });
    expect(em().state.sessions).toEqual(before);
    const steps = (await jobsByCorrelation('corr-down')).flatMap((j) => j.steps.map((s) => s.description));
    expect(steps).toContain(`app01 is down: ${APPS} joined its required connections; they are connected on the host that runs it next`);
  });

  it('inactive to a running VM, then plug: the VM\'s host adds a holder; unplug and detach release it, per host', async () => {
    const archive = await disk('archive-lun');
    const quorum = await disk('cluster-quorum');
    const web01 = id('vms', 'web01');
    expect(holdersOn('host2')).toEqual([holder('web01', quorum)]);

    await attachDisk(web01, archive.id, { ...opts, interface: 'virtio', active: false }, 'a1');
    expect(holdersOn('host2')).toEqual([holder('web01', quorum)]);

    await updateAttachment(web01, archive.id, { active: true }, 'p1');
    expect(holdersOn('host2')).toEqual([holder('web01', quorum), holder('web01', archive)]);
    const plugSteps = (await jobsByCorrelation('p1')).flatMap((j) => j.steps.map((s) => s.description));
    expect(plugSteps).toEqual(expect.arrayContaining([expect.stringMatching(/^host2 was already connected/), expect.stringMatching(/^Plugged archive-lun into web01/)]));

    // Unplug archive-lun: cluster-quorum still needs the target on host2.
    await updateAttachment(web01, archive.id, { active: false }, 'u1');
    expect(holdersOn('host2')).toEqual([holder('web01', quorum)]);
    const unplugSteps = (await jobsByCorrelation('u1')).flatMap((j) => j.steps.map((s) => s.description));
    expect(unplugSteps).toContain(`host2 stays connected to ${APPS}: still used by disk cluster-quorum of VM web01`);

    // Detach cluster-quorum from the running web01: unplugged first, then host2 logs out; host1 (db01) keeps it.
    await detachDisk(web01, quorum.id, 'd1');
    expect(holdersOn('host2')).toBeUndefined();
    expect(holdersOn('host1')).toEqual(expect.arrayContaining([holder('db01', quorum)]));
    const detachSteps = (await jobsByCorrelation('d1')).flatMap((j) => j.steps.map((s) => s.description));
    expect(detachSteps).toEqual(expect.arrayContaining([`host2 logged out of ${APPS} (nothing on host2 needs it any more)`, 'Detached cluster-quorum from web01']));
    expect((await listAttachments(web01)).map((a) => a.diskId)).toEqual([expect.any(String), archive.id]);
  });

  it('detaching one of two plugged disks on the same target keeps the session; the last one releases it', async () => {
    const redo = await disk('db01-redo');
    const quorum = await disk('cluster-quorum');
    const db01 = id('vms', 'db01');
    await detachDisk(db01, redo.id);
    expect(holdersOn('host1')).toEqual([holder('db01', quorum)]);
    await updateAttachment(db01, quorum.id, { active: false });
    expect(holdersOn('host1')).toBeUndefined();
    // The storage domain's own target is not touched.
    expect(holdersOn('host1', 'iqn.2024-03.com.example.lab:array-a.data')).toEqual([expect.stringMatching(/^sd:/)]);
  });

  it('a plug that cannot connect leaves the disk attached and inactive, holds nothing, and says why', async () => {
    const archive = await disk('archive-lun');
    const web01 = id('vms', 'web01');
    ctx.emulator.cutPortal('host2', '10.35.1.72');
    await attachDisk(web01, archive.id, { ...opts, interface: 'virtio', active: false });
    const err = (await updateAttachment(web01, archive.id, { active: true }, 'p-fail').catch((e: unknown) => e)) as EngineError;
    expect(err.status).toBe(400);
    expect(err.userMessage).toBe('Error storage server connection: host2 cannot reach portal 10.35.1.72:3260');
    expect((await listAttachments(web01)).find((a) => a.diskId === archive.id)?.active).toBe(false);
    expect(holdersOn('host2')).not.toContain(holder('web01', archive));
    expect(em().state.events.some((ev) => ev.code === 2001 && ev.description.startsWith('Failed to plug disk archive-lun to VM web01'))).toBe(true);

    ctx.emulator.restorePortal('host2', '10.35.1.72');
    expect((await updateAttachment(web01, archive.id, { active: true })).active).toBe(true);
    expect(holdersOn('host2')).toContain(holder('web01', archive));
  });

  it('attach with active on a running VM whose host cannot connect fails as a whole, as the real engine does', async () => {
    const archive = await disk('archive-lun');
    const web01 = id('vms', 'web01');
    ctx.emulator.cutPortal('host2', '10.35.1.72');
    const err = (await attachDisk(web01, archive.id, { ...opts, interface: 'virtio', active: true }).catch((e: unknown) => e)) as EngineError;
    expect(err.userMessage).toBe('Error storage server connection: host2 cannot reach portal 10.35.1.72:3260');
    expect((await listAttachments(web01)).some((a) => a.diskId === archive.id)).toBe(false);
    expect(em().state.events.some((ev) => ev.code === 2017)).toBe(true);
  });

  it('refuses what the engine refuses: twice, non-sharable elsewhere, a paused VM\'s detach', async () => {
    const redo = await disk('db01-redo');
    const quorum = await disk('cluster-quorum');
    const attachTwice = (await attachDisk(id('vms', 'db01'), quorum.id, { ...opts, active: false }).catch((e: unknown) => e)) as EngineError;
    expect(attachTwice.key).toBe('ACTION_TYPE_FAILED_DISK_ALREADY_ATTACHED');
    const notSharable = (await attachDisk(id('vms', 'app01'), redo.id, { ...opts, active: false }).catch((e: unknown) => e)) as EngineError;
    expect(notSharable).toMatchObject({ status: 409, key: 'ACTION_TYPE_FAILED_NOT_SHAREABLE_DISK_ALREADY_ATTACHED' });
    const batch01 = id('vms', 'batch01');
    const bootDisk = (await listAttachments(batch01))[0];
    const paused = (await detachDisk(batch01, bootDisk?.diskId ?? '').catch((e: unknown) => e)) as EngineError;
    expect(paused.userMessage).toBe('Cannot detach Virtual Disk because the VM is in Paused status.');
  });

  it('refuses read-only for a pass-through disk whatever the interface', async () => {
    const archive = await disk('archive-lun');
    const d = em().state.disks.find((x) => x.id === archive.id);
    if (d?.kind !== 'lun') throw new Error('lab changed');
    d.sgio = 'filtered';
    const refused = (await attachDisk(id('vms', 'app01'), archive.id, { ...opts, interface: 'virtio', readOnly: true, active: false }).catch((e: unknown) => e)) as EngineError;
    expect(refused).toMatchObject({ status: 400 });
    expect(refused.userMessage).toBe('Cannot attach Virtual Disk. SCSI device pass-through is not supported for a read-only disk.');
  });
});

describe('edit', () => {
  it('interface and pass-through need every VM using the disk down; read-only only while unplugged', async () => {
    const quorum = await disk('cluster-quorum');
    const redo = await disk('db01-redo');
    const db01 = id('vms', 'db01');
    const iface = (await updateAttachment(db01, redo.id, { interface: 'virtio' }).catch((e: unknown) => e)) as EngineError;
    expect(iface).toMatchObject({ status: 409, key: 'ACTION_TYPE_FAILED_VM_IS_NOT_DOWN' });
    const ro = (await updateAttachment(db01, redo.id, { readOnly: true }).catch((e: unknown) => e)) as EngineError;
    expect(ro.key).toBe('ACTION_TYPE_FAILED_VM_IS_NOT_DOWN');
    // Unplugged, read-only can change on the running VM.
    await updateAttachment(db01, redo.id, { active: false });
    expect((await updateAttachment(db01, redo.id, { readOnly: true }, 'e1')).readOnly).toBe(true);
    expect((await jobsByCorrelation('e1')).flatMap((j) => j.steps.map((s) => s.description))).toContain('Read-only: on');
    // cluster-quorum is on db01 and web01, both up: its sgio cannot change from either.
    const sgio = (await updateAttachment(db01, quorum.id, { sgio: 'filtered' }).catch((e: unknown) => e)) as EngineError;
    expect(sgio.key).toBe('ACTION_TYPE_FAILED_VM_IS_NOT_DOWN');
  });

  it('on a down VM changes the interface and the disk\'s sgio in one PUT; an unchanged active is no plug', async () => {
    const appData = await disk('app01-data');
    const app01 = id('vms', 'app01');
    const att = await updateAttachment(app01, appData.id, { active: true, interface: 'virtio', sgio: 'unfiltered' });
    expect(att.interface).toBe('virtio');
    expect(await disk('app01-data')).toMatchObject({ storageType: 'lun', sgio: 'unfiltered' });
    await updateAttachment(app01, appData.id, { sgio: 'disabled' });
    expect(await disk('app01-data')).toMatchObject({ sgio: undefined });
  });
});
