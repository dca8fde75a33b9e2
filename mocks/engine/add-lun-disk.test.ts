// The emulated engine's side of the Add Direct LUN disk wizard: what lun_storage.host changes, and the 409 for a
// LUN taken between listing and create.
import { getStorageConnection, listStorageConnections } from '../../src/engine-api/storage-connections';
import { describe, expect, it } from 'vitest';
import { createAttachedLunDisk } from '../../src/engine-api/disk-attachments';
import { createLunDisk, findLunDisk } from '../../src/engine-api/disks';
import type { EngineError } from '../../src/engine-api/errors';
import { iscsiLogin, listHostStorage } from '../../src/engine-api/host-storage';
import { listHosts } from '../../src/engine-api/hosts';
import { listVms } from '../../src/engine-api/vms';
import { byName, setupEmulatedEngine } from '../../src/test/engine-harness';
import { LAB_CHAP } from '../scenarios/lab';
import { createFloatingLunDisk, createLunDiskOnVm } from './ops-disks';

const { ctx } = setupEmulatedEngine('lab');
const SECURE = 'iqn.2024-03.com.example.lab:array-a.secure';

async function secureLunOn(hostName: string) {
  const host = byName(await listHosts(), hostName);
  await iscsiLogin(host.id, { address: '10.35.1.72', port: 3260, target: SECURE, ...LAB_CHAP });
  const lun = (await listHostStorage(host.id)).find((l) => l.lu.target === SECURE && !l.lu.diskId);
  if (!lun) throw new Error('no free LUN on the secure target');
  return { host, lun };
}

describe('creating a direct-LUN disk with lun_storage.host', () => {
  it('stores the host view: size, vendor, and the CHAP credentials of the host session even when the request has no password', async () => {
    const { host, lun } = await secureLunOn('host3');
    const disk = await createLunDisk({
      alias: 'secure-1', description: '', sharable: false, propagateErrors: false,
      lun: { id: lun.id, type: 'iscsi', hostId: host.id, address: lun.lu.address, port: lun.lu.port, target: lun.lu.target },
    });
    expect(disk.storageType === 'lun' && disk.lun.logicalUnits[0]).toMatchObject({ size: lun.lu.size, vendorId: 'LIO-ORG' });
    // A disk's lun_storage never carries the CHAP user (T/StorageLogicalUnitMapper.java map(LUNs, LogicalUnit) copies
    // address, port and target only); GET /storageconnections does, never the password.
    expect(disk.storageType === 'lun' && disk.lun.logicalUnits[0]?.username).toBeUndefined();
    const em = ctx.emulator.engine.state.disks.find((d) => d.id === disk.id);
    const conn = em?.kind === 'lun' ? ctx.emulator.engine.state.connections.find((c) => c.id === em.lun.connectionIds[0]) : undefined;
    expect(conn).toMatchObject({ target: SECURE, username: LAB_CHAP.username, password: LAB_CHAP.password });
    const stored = await listStorageConnections();
    expect(stored.find((c) => c.id === conn?.id)).toEqual({ id: conn?.id, type: 'iscsi', address: lun.lu.address, port: lun.lu.port, target: SECURE, username: LAB_CHAP.username });
    expect(await getStorageConnection(conn?.id ?? '')).toMatchObject({ username: LAB_CHAP.username });
  });

  it('without a host the engine stores no size (until refresh LUN)', async () => {
    const { lun } = await secureLunOn('host3');
    const disk = await createLunDisk({
      alias: 'secure-2', description: '', sharable: false, propagateErrors: false,
      lun: { id: lun.id, type: 'iscsi', address: lun.lu.address, port: lun.lu.port, target: lun.lu.target, ...LAB_CHAP },
    });
    expect(disk.storageType === 'lun' && disk.lun.logicalUnits[0]?.size).toBe(0);
  });

  it('a host that does not see the LUN is refused with the engine text', async () => {
    const { lun } = await secureLunOn('host3');
    const host2 = byName(await listHosts(), 'host2');
    const err = await createLunDisk({
      alias: 'x', description: '', sharable: false, propagateErrors: false,
      lun: { id: lun.id, type: 'iscsi', hostId: host2.id, address: lun.lu.address, port: lun.lu.port, target: lun.lu.target },
    }).then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e as EngineError);
    expect(err.status).toBe(400);
    expect(err.key).toBe('ACTION_TYPE_FAILED_DISK_LUN_INVALID');
  });

  it('a LUN taken meanwhile gets 409; the disk that took it is found by its LUN', async () => {
    const { host, lun } = await secureLunOn('host3');
    ctx.emulator.takeLun(lun.id, 'taken-by-someone-else');
    const vm = byName(await listVms(), 'app01');
    const err = await createAttachedLunDisk(
      vm.id,
      { alias: 'app01-x', description: '', sharable: false, propagateErrors: false, lun: { id: lun.id, type: 'iscsi', hostId: host.id, address: lun.lu.address, port: lun.lu.port, target: lun.lu.target } },
      { interface: 'virtio_scsi', bootable: false, readOnly: false, passDiscard: false, usesScsiReservation: false, active: true },
    ).then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e as EngineError);
    expect(err.status).toBe(409);
    expect(err.messages).toEqual(['Cannot add Virtual Disk. The provided lun is used by another disk.']);
    expect((await findLunDisk(lun.id))?.alias).toBe('taken-by-someone-else');
  });

  it('an alias left out is named by the engine after the VM', async () => {
    const { host, lun } = await secureLunOn('host3');
    const vm = byName(await listVms(), 'app01');
    const att = await createAttachedLunDisk(
      vm.id,
      { alias: '', description: '', sharable: false, propagateErrors: false, lun: { id: lun.id, type: 'iscsi', hostId: host.id, address: lun.lu.address, port: lun.lu.port, target: lun.lu.target } },
      { interface: 'virtio_scsi', bootable: false, readOnly: false, passDiscard: false, usesScsiReservation: false, active: true },
    );
    expect(ctx.emulator.engine.state.disks.find((d) => d.id === att.diskId)?.alias).toBe('app01_Disk3');
    expect(att.active).toBe(true);
  });

  it('an empty alias is not refused: the engine names the disk ("_Disk1" floating, "<vm>_DiskN" on a VM)', async () => {
    const { host, lun } = await secureLunOn('host3');
    const e = ctx.emulator.engine;
    // The console leaves an empty alias out of its request; a bare API call may send it as is.
    const lu = { address: lun.lu.address, port: lun.lu.port, target: lun.lu.target };
    const floating = await createFloatingLunDisk(e, { alias: '', lunType: 'iscsi', hostId: host.id, lu: { id: lun.id, ...lu } });
    expect(floating.alias).toBe('_Disk1');
    const other = (await listHostStorage(host.id)).find((l) => l.lu.target === SECURE && !l.lu.diskId && l.id !== lun.id);
    if (!other) throw new Error('no second free LUN on the secure target');
    const vm = byName(await listVms(), 'app01');
    const att = await createLunDiskOnVm(e, vm.id, { alias: '', lunType: 'iscsi', lu: { id: other.id, ...lu } }, { interface: 'virtio_scsi', active: false });
    expect(e.state.disks.find((d) => d.id === att.diskId)?.alias).toBe('app01_Disk3');
  });
});

describe('the engine refuses a bad alias or description whatever the console checked', () => {
  it('400 with the engine\'s texts, and no disk is created', async () => {
    const { host, lun } = await secureLunOn('host3');
    const base = { description: '', sharable: false, propagateErrors: false, lun: { id: lun.id, type: 'iscsi' as const, hostId: host.id, address: lun.lu.address, port: lun.lu.port, target: lun.lu.target } };
    const badAlias = (await createLunDisk({ ...base, alias: 'my disk!' }).catch((e: unknown) => e)) as EngineError;
    expect(badAlias).toMatchObject({ status: 400, key: 'VALIDATION_DISK_ALIAS_INVALID' });
    const tooLong = (await createLunDisk({ ...base, alias: 'x'.repeat(256) }).catch((e: unknown) => e)) as EngineError;
    expect(tooLong).toMatchObject({ status: 400, key: 'VALIDATION_DISK_ALIAS_INVALID' });
    const longDescription = (await createLunDisk({ ...base, alias: 'ok', description: 'd'.repeat(501) }).catch((e: unknown) => e)) as EngineError;
    expect(longDescription.status).toBe(400);
    expect(longDescription.userMessage).toBe('Cannot add Virtual Disk. Disk description must not exceed 500 characters.');
    expect(await findLunDisk(lun.id)).toBeUndefined();
  });
});
