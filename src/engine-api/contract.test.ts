// Contract tests: the console's own request functions sent over real HTTP to the emulated engine's HTTP server
// (`npm run engine`, mocks/server/http-engine.ts), every answer parsed by the console's own schemas — so the
// client, the in-page emulator (same handlers) and the HTTP engine cannot drift apart. Once at the newest engine
// version and once at 4.4.0. No MSW interception here: fetch goes out on a socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpEngine, type HttpEngine } from '../../mocks/server/http-engine';
import { LAB_CHAP } from '../../mocks/scenarios/lab';
import { NEWEST_ENGINE_VERSION } from '../../mocks/engine/version';
import { listDataCenters, listClusters } from './data-centers';
import { attachDisk, detachDisk, listAttachments, listVmsWithAttachments } from './disk-attachments';
import { createLunDisk, findLunDisk, getDisk, listDisks } from './disks';
import { isEngineError } from './errors';
import { listEvents } from './events';
import { discoverIscsi, iscsiLogin, listHostStorage } from './host-storage';
import { getHost, listHosts } from './hosts';
import { jobsByCorrelation, listJobs } from './jobs';
import { newCorrelationId } from './requests';
import { session } from './session';
import { login, logout } from './sso';
import { listStorageDomains } from './storage-domains';
import { setEngineOrigin } from './transport';
import { getVm, listVms, runVmAction } from './vms';

const PORTAL_A = { address: '10.35.1.72', port: 3260 };
const APPS = 'iqn.2024-03.com.example.lab:array-a.apps';
const SECURE = 'iqn.2024-03.com.example.lab:array-a.secure';

async function rejection(p: Promise<unknown>) {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isEngineError(err)) throw new Error(`expected an EngineError, got ${String(err)}`);
  return err;
}

for (const version of [NEWEST_ENGINE_VERSION, '4.4.0']) {
  describe(`the console's requests over HTTP, engine ${version}`, () => {
    let engine: HttpEngine;

    beforeAll(async () => {
      engine = await startHttpEngine({ port: 0, scenario: 'lab', latency: 0, version });
      setEngineOrigin(engine.url);
      await login({ username: 'admin@internal', password: 'ovirt' });
    });

    afterAll(async () => {
      await engine.emulator.idle();
      if (session.get().status !== 'anonymous') await logout();
      setEngineOrigin(undefined);
      await engine.close();
    });

    it('answers as the engine version asked for', async () => {
      const res = await fetch(`${engine.url}/__emulator`);
      expect(await res.json()).toMatchObject({ version, scenario: 'lab' });
    });

    it('logs in through the SSO and holds a bearer token', () => {
      expect(session.get()).toMatchObject({ status: 'active', user: 'admin@internal' });
      expect(engine.emulator.engine.state.tokens).toHaveLength(1);
    });

    it('reads data centers, clusters, hosts and storage domains', async () => {
      expect((await listDataCenters()).map((d) => d.name)).toContain('Default');
      expect((await listClusters()).map((c) => c.name)).toContain('Default');
      const hosts = await listHosts();
      expect(hosts.map((h) => h.name)).toEqual(expect.arrayContaining(['host1', 'host2', 'host3', 'host4']));
      const host2 = hosts.find((h) => h.name === 'host2');
      expect(host2 && (await getHost(host2.id)).status).toBe('up');
      expect((await listHosts('name=host4')).map((h) => h.status)).toEqual(['maintenance']);
      expect((await listStorageDomains()).map((s) => s.name)).toContain('data1');
    });

    it('discovers, logs in with CHAP, creates a LUN disk, attaches it, runs the VM and follows its job', async () => {
      const hosts = await listHosts();
      const host2 = hosts.find((h) => h.name === 'host2');
      if (!host2) throw new Error('no host2');

      const found = await discoverIscsi(host2.id, PORTAL_A);
      expect(found.map((t) => t.target)).toEqual(expect.arrayContaining([APPS, SECURE]));

      // A wrong CHAP password is the engine's fault, read by the console (the failed-action envelope).
      const refused = await rejection(iscsiLogin(host2.id, { ...PORTAL_A, target: SECURE, username: LAB_CHAP.username, password: 'wrong' }));
      expect(refused).toMatchObject({ kind: 'fault', status: 400 });
      await iscsiLogin(host2.id, { ...PORTAL_A, target: SECURE, ...LAB_CHAP });

      const luns = await listHostStorage(host2.id);
      const free = luns.find((l) => l.lu.target === SECURE && !l.lu.diskId && !l.lu.storageDomainId);
      if (!free) throw new Error('no free LUN behind array-a.secure on host2');

      const disk = await createLunDisk({
        alias: `contract-${version}`,
        description: 'contract test',
        sharable: false,
        propagateErrors: false,
        lun: { id: free.lu.id, type: 'iscsi', hostId: host2.id, address: PORTAL_A.address, port: PORTAL_A.port, target: SECURE, ...LAB_CHAP },
      });
      expect(disk).toMatchObject({ alias: `contract-${version}` });
      expect((await getDisk(disk.id)).id).toBe(disk.id);
      expect((await findLunDisk(free.lu.id))?.id).toBe(disk.id);
      expect((await listDisks('disk_type=lun')).map((d) => d.id)).toContain(disk.id);

      const app01 = (await listVms('name=app01'))[0];
      if (!app01) throw new Error('no app01');
      await attachDisk(app01.id, disk.id, {
        interface: 'virtio_scsi', bootable: false, readOnly: false, passDiscard: false, usesScsiReservation: false, active: true,
      });
      expect((await listAttachments(app01.id)).map((a) => a.id)).toContain(disk.id);
      const withAttachments = await listVmsWithAttachments();
      expect(withAttachments.find((v) => v.vm.id === app01.id)?.attachments.map((a) => a.id)).toContain(disk.id);

      const correlationId = newCorrelationId('contract');
      await runVmAction(app01.id, 'start', {}, correlationId);
      await engine.emulator.idle();
      expect((await getVm(app01.id)).status).toBe('up');
      // virtio_scsi only with all_content (044 §15 F-A): without it the console reads "unknown", never "disabled".
      expect((await getVm(app01.id)).virtioScsiEnabled).toBeUndefined();
      expect((await getVm(app01.id, undefined, { allContent: true })).virtioScsiEnabled).toBe(true);
      const jobs = await jobsByCorrelation(correlationId);
      expect(jobs.length).toBeGreaterThan(0);
      expect(jobs[0]?.steps.length).toBeGreaterThan(0);
      expect((await listJobs()).length).toBeGreaterThan(0);
      expect((await listEvents(`correlation_id=${correlationId}`)).length).toBeGreaterThan(0);

      // Detaching from a running VM is refused while the disk is plugged — or done; either way the console reads it.
      await detachDisk(app01.id, disk.id).catch((e: unknown) => {
        if (!isEngineError(e) || e.kind !== 'fault') throw e;
      });
    });

    it('reads a refused VM action (F7: the failed-action envelope) as the engine\'s reason and detail', async () => {
      const db01 = (await listVms('name=db01'))[0];
      if (!db01) throw new Error('no db01');
      const err = await rejection(runVmAction(db01.id, 'start'));
      expect(err).toMatchObject({ kind: 'fault', status: 409, reason: 'Operation Failed' });
      expect(err.detail).toMatch(/Cannot run VM/);
    });

    it('reads an unknown entity as the engine\'s empty 404', async () => {
      const err = await rejection(getVm('00000000-0000-0000-0000-000000000000'));
      expect(err).toMatchObject({ kind: 'fault', status: 404 });
    });
  });
}
