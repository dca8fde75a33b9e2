// Real clients' request shapes replayed against the HTTP engine (http-engine.ts), at the newest engine and at 4.4.0:
// - the Python SDK (python-ovirt-engine-sdk4 lib/ovirtsdk4/__init__.py): SSO with `Accept: application/json`
//   (_get_sso_response), then every API call with `Version: 4`, `Content-Type: application/xml`,
//   `Accept: application/xml`, a bearer token, paths under /ovirt-engine/api without /v4 (__send :455-462), query
//   parameters sorted and form-encoded (_build_url: `urlencode(sorted(query.items()))`, so `name="db01"` is
//   `name%3D%22db01%22`), `All-Content` mirrored from `all_content` (:434-440), XML bodies as writers.py writes them,
//   and logout through /ovirt-engine/services/sso-logout (_revoke_access_token);
// - the Ansible collection's modules on top of it (ovirt-ansible-collection plugins/module_utils/ovirt.py
//   search_by_name / search_by_attributes `name="…"`, BaseModule.create/action then `wait` polling `get()`;
//   plugins/modules/ovirt_vm.py start/stop/migrate, ovirt_host.py iscsidiscover/iscsilogin (after
//   `events_service().list(max=1)`), ovirt_host_storage_info.py, ovirt_disk.py with logical_unit and a VM);
// (The VM portal's shapes: vm-portal-replay.test.ts. The SDK client: sdk-replay-client.ts.)
// The XML answers are checked for what the SDK's readers.py reads: the registered root tag, `id` attributes,
// `<status>`, `<discovered_targets>`/`<iscsi_targets>`, and the SDK's content-type check (`(application|text)/xml`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEWEST_ENGINE_VERSION } from '../engine/version';
import { startHttpEngine, type HttpEngine } from './http-engine';
import { idOf, list, obj, PythonSdk, settled, text } from './sdk-replay-client';

describe.each([NEWEST_ENGINE_VERSION, '4.4.0'])('Python SDK and Ansible shapes over HTTP, engine %s', (version) => {
  let engine: HttpEngine;
  let sdk: PythonSdk;
  const modern = version !== '4.4.0';

  beforeAll(async () => {
    engine = await startHttpEngine({ port: 0, latency: 0, version, scenario: 'lab' });
    sdk = new PythonSdk(engine);
    await sdk.login();
  });

  afterAll(async () => {
    await engine.emulator.idle();
    await engine.close();
  });

  it('connection.test() and engine_version(): GET /ovirt-engine/api is an <api> with product_info', async () => {
    const res = await sdk.send('GET', '');
    expect(res.status).toBe(200);
    expect(res.root).toBe('api');
    const v = obj(obj(res.body.product_info).version);
    expect(`${text(v.major)}.${text(v.minor)}`).toBe(version.split('.').slice(0, 2).join('.'));
    expect(res.raw).toMatch(/<time>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00<\/time>/);
  });

  it('ovirt_vm state=running then migrated then stopped: search, get, start, poll, job, migrate, stop', async () => {
    // vms_module.search_entity(list_params={'all_content': True}) → list(all_content=True, search='name="app01"').
    const found = await sdk.send('GET', '/vms', { query: { all_content: 'true', search: 'name="app01"' } });
    expect(found.root).toBe('vms');
    expect(found.raw).toMatch(/<vms><vm href="[^"]+" id="[^"]+">/);
    const vm = list(found.body.vm)[0];
    const vmId = idOf(vm);
    expect(text(vm?.status)).toBe('down');

    // BaseModule.action: entity_service.get(), then VmService.start → POST vms/{id}/start with the Action.
    expect((await sdk.send('GET', `/vms/${vmId}`)).root).toBe('vm');
    const started = await sdk.send('POST', `/vms/${vmId}/start`, { body: '<action/>\n' });
    expect(started.status).toBe(200);
    expect(started.root).toBe('action');
    expect(text(started.body.status)).toBe('complete');
    const jobId = idOf(obj(started.body.job));

    // wait(): get() until status == up; JobService.get for the job the action reported.
    await settled(engine);
    const up = await sdk.send('GET', `/vms/${vmId}`, { query: { all_content: 'true' } });
    expect(up.raw).toMatch(/<status>up<\/status>/);
    const job = await sdk.send('GET', `/jobs/${jobId}`);
    expect(job.root).toBe('job');
    expect(idOf(job.body)).toBe(jobId);
    expect(text(job.body.status)).toMatch(/^(started|finished)$/);
    expect(text(job.body.start_time)).toMatch(/^\d{4}-\d\d-\d\dT/);

    // _migrate_vm: hosts_service.host_service(vm.host.id).get(), clusters search, then migrate(cluster=…, host=Host(name=…)).
    const fromId = idOf(obj(up.body.host));
    const from = await sdk.send('GET', `/hosts/${fromId}`);
    expect(from.root).toBe('host');
    const target = ['host1', 'host2', 'host3'].find((n) => n !== text(from.body.name)) ?? 'host2';
    const cluster = await sdk.searchByName('clusters', 'Default');
    expect(cluster).toBeDefined();
    const clusterOfVm = await sdk.send('GET', `/clusters/${idOf(obj(up.body.cluster))}`); // follow_link(entity.cluster)
    expect(clusterOfVm.root).toBe('cluster');
    const migrate = await sdk.send('POST', `/vms/${vmId}/migrate`, {
      body: `<action>\n  <cluster id="${idOf(cluster)}">\n    <name>Default</name>\n  </cluster>\n  <force>false</force>\n  <host>\n    <name>${target}</name>\n  </host>\n</action>\n`,
    });
    expect(migrate.status).toBe(200);
    expect(text(migrate.body.status)).toBe('complete');
    await settled(engine);
    const moved = await sdk.send('GET', `/vms/${vmId}`);
    expect(text(moved.body.status)).toBe('up');
    expect(idOf(obj(moved.body.host))).toBe(idOf(await sdk.searchByName('hosts', target)));

    // state=stopped force=true: VmService.stop → <action/>; wait_for_down polls get().
    const stopped = await sdk.send('POST', `/vms/${vmId}/stop`, { body: '<action/>\n' });
    expect(text(stopped.body.status)).toBe('complete');
    await settled(engine);
    expect((await sdk.send('GET', `/vms/${vmId}`)).raw).toMatch(/<status>down<\/status>/);
  });

  it('a failed action is an <action> with <status>failed</status> and a <fault>, as SDK _check_action reads it', async () => {
    const vm = await sdk.searchByName('vms', 'test01');
    const res = await sdk.send('POST', `/vms/${idOf(vm)}/stop`, { body: '<action/>' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.root).toBe('action');
    expect(text(res.body.status)).toBe('failed');
    expect(text(obj(res.body.fault).reason)).toBeTruthy();
  });

  it('a missing entity is the empty 404 the SDK turns into NotFoundError; an unknown search field a <fault>', async () => {
    const missing = await sdk.send('GET', '/vms/00000000-0000-0000-0000-00000000dead');
    expect(missing.status).toBe(404);
    expect(missing.raw).toBe('');
    const bad = await sdk.send('GET', '/vms', { query: { search: 'nosuchfield=x' } });
    expect(bad.status).toBe(400);
    expect(bad.root).toBe('fault');
    expect(text(bad.body.reason)).toBe('Operation Failed');
  });

  it('ovirt_host state=iscsidiscover / iscsilogin, then ovirt_host_storage_info', async () => {
    // ovirt_host.py main: events_service().list(max=1)[0] before anything else.
    const events = await sdk.send('GET', '/events', { query: { max: '1' } });
    expect(events.root).toBe('events');
    expect(list(events.body.event)).toHaveLength(1);

    const host = await sdk.searchByName('hosts', 'host1'); // get_id_by_name
    const hostId = idOf(host);
    const iscsi = '<iscsi>\n    <address>10.35.2.90</address>\n    <port>3260</port>\n  </iscsi>';
    // The collection's ovirt_host calls discover_iscsi (discoveriscsi, 4.4.6+); older collections iscsi_discover.
    const discovered = await sdk.send('POST', `/hosts/${hostId}/discoveriscsi`, { body: `<action>\n  ${iscsi}\n</action>\n` });
    if (modern) {
      expect(discovered.status).toBe(200);
      expect(discovered.raw).toMatch(/<discovered_targets><iscsi_details>/);
      const details = list(obj(discovered.body.discovered_targets).iscsi_details);
      expect(details.map((d) => text(d.target))).toContain('iqn.2024-03.com.example.lab:array-b.backup');
      expect(text(details[0]?.portal)).toMatch(/^10\.35\.2\.90:3260,\d+$/);
    } else {
      // No DiscoverIscsi before 4.4.6 (api-model HostService.java @since 4.4.6): RESTEasy's empty 404.
      expect(discovered.status).toBe(404);
      expect(discovered.raw).toBe('');
    }
    const legacy = await sdk.send('POST', `/hosts/${hostId}/iscsidiscover`, { body: `<action>\n  ${iscsi}\n</action>\n` });
    expect(legacy.status).toBe(200);
    expect(legacy.raw).toMatch(/<iscsi_targets><iscsi_target>iqn\.2024-03\.com\.example\.lab:array-b\.backup<\/iscsi_target><\/iscsi_targets>/);

    // hosts_module.action(action='iscsi_login', iscsi=IscsiDetails(port, address, target)): search, get, action, wait.
    expect((await sdk.send('GET', `/hosts/${hostId}`)).root).toBe('host');
    const login = await sdk.send('POST', `/hosts/${hostId}/iscsilogin`, {
      body: '<action>\n  <iscsi>\n    <address>10.35.2.90</address>\n    <port>3260</port>\n    <target>iqn.2024-03.com.example.lab:array-b.backup</target>\n  </iscsi>\n</action>\n',
    });
    expect(login.status).toBe(200);
    expect(text(login.body.status)).toBe('complete');
    expect((await sdk.send('GET', `/hosts/${hostId}`)).raw).toMatch(/<status>up<\/status>/);

    // ovirt_host_storage_info: host_service.storage_service().list(follow=",".join([])) → ?follow=
    const storage = await sdk.send('GET', `/hosts/${hostId}/storage`, { query: { follow: '' } });
    expect(storage.status).toBe(200);
    expect(storage.root).toBe('host_storages');
    expect(storage.raw).toMatch(/<host_storage href="[^"]+" id="[^"]+"><type>iscsi<\/type><logical_units><logical_unit id="/);
    const luns = list(storage.body.host_storage).flatMap((hs) => list(obj(hs.logical_units).logical_unit));
    expect(luns.some((lu) => lu.target === 'iqn.2024-03.com.example.lab:array-b.backup')).toBe(true);
    expect(luns.some((lu) => 'active_paths' in lu)).toBe(modern);
  });

  it('ovirt_disk with logical_unit and vm_name: find by LUN, create the disk, attach it, wait', async () => {
    const host = await sdk.searchByName('hosts', 'host1');
    const hostId = idOf(host);
    const storage = await sdk.send('GET', `/hosts/${hostId}/storage`);
    const free = list(storage.body.host_storage)
      .flatMap((hs) => list(obj(hs.logical_units).logical_unit))
      .find((lu) => lu.status === 'free' && !('disk_id' in lu) && lu.target === 'iqn.2024-03.com.example.lab:array-a.apps');
    if (!free) throw new Error('no free LUN on array-a.apps');
    const lunId = idOf(free);

    const vm = await sdk.searchByName('vms', 'test01'); // get_vm_service
    const vmId = idOf(vm);
    // _search_by_lun: disks_service.list(search='disk_type=lun'), then lun_storage.id == lun_id.
    const luns = await sdk.send('GET', '/disks', { query: { search: 'disk_type=lun' } });
    expect(luns.root).toBe('disks');
    expect(list(luns.body.disk).every((d) => typeof obj(d.lun_storage).id === 'string')).toBe(true);
    expect(list(luns.body.disk).some((d) => obj(d.lun_storage).id === lunId)).toBe(false);
    expect((await sdk.send('GET', `/vms/${vmId}/diskattachments`)).root).toBe('disk_attachments');
    const none = await sdk.send('GET', '/disks', { query: { search: 'name="replay-lun"' } });
    expect(none.raw).toMatch(/<disks\/>/);

    // DisksModule.build_entity → DiskWriter (writers.py: id/href attributes, lists with their wrapper), indented.
    const diskXml = [
      '<disk>',
      '  <format>cow</format>',
      '  <name>replay-lun</name>',
      '  <shareable>false</shareable>',
      '  <sparse>true</sparse>',
      '  <lun_storage>',
      `    <host id="${hostId}"/>`,
      '    <logical_units>',
      `      <logical_unit id="${lunId}">`,
      '        <address>10.35.1.72</address>',
      '        <port>3260</port>',
      '        <target>iqn.2024-03.com.example.lab:array-a.apps</target>',
      '      </logical_unit>',
      '    </logical_units>',
      '    <type>iscsi</type>',
      '  </lun_storage>',
      '</disk>',
      '',
    ].join('\n');
    const created = await sdk.send('POST', '/disks', { body: diskXml });
    expect(created.status, created.raw).toBe(201);
    expect(created.root).toBe('disk');
    const diskId = idOf(created.body);
    expect(obj(created.body.lun_storage).id).toBe(lunId);
    expect(text(created.body.storage_type)).toBe('lun');
    await settled(engine);
    expect((await sdk.send('GET', `/disks/${diskId}`)).root).toBe('disk'); // wait(state_condition=entity)

    // DiskAttachmentsModule: get by disk id (404 ignored by get_entity), then add.
    expect((await sdk.send('GET', `/vms/${vmId}/diskattachments/${diskId}`)).status).toBe(404);
    const attached = await sdk.send('POST', `/vms/${vmId}/diskattachments`, {
      body: `<disk_attachment>\n  <active>true</active>\n  <bootable>false</bootable>\n  <interface>virtio_scsi</interface>\n  <pass_discard>false</pass_discard>\n  <disk id="${diskId}"/>\n</disk_attachment>\n`,
    });
    expect(attached.status, attached.raw).toBe(201);
    expect(attached.root).toBe('disk_attachment');
    expect(idOf(attached.body)).toBe(diskId);
    expect(text(attached.body.interface)).toBe('virtio_scsi');
    await settled(engine);
    const att = await sdk.send('GET', `/vms/${vmId}/diskattachments/${diskId}`);
    expect(att.root).toBe('disk_attachment');
    expect(idOf(obj(att.body.disk))).toBe(diskId);

    // state=detached: DiskAttachmentService.remove → DELETE, 200 with an <action> the SDK does not read.
    const removed = await sdk.send('DELETE', `/vms/${vmId}/diskattachments/${diskId}`);
    expect(removed.status).toBe(200);
    expect(removed.root).toBe('action');
  });

  it('a direct-LUN disk created in the attachment (DiskAttachmentsService.add with a <disk>)', async () => {
    const host = await sdk.searchByName('hosts', 'host1');
    const storage = await sdk.send('GET', `/hosts/${idOf(host)}/storage`);
    const free = list(storage.body.host_storage)
      .flatMap((hs) => list(obj(hs.logical_units).logical_unit))
      .filter((lu) => lu.status === 'free' && !('disk_id' in lu) && lu.target === 'iqn.2024-03.com.example.lab:array-a.apps')
      .at(-1);
    if (!free) throw new Error('no free LUN');
    const vm = await sdk.searchByName('vms', 'app01');
    const res = await sdk.send('POST', `/vms/${idOf(vm)}/diskattachments`, {
      body: `<disk_attachment><active>true</active><interface>virtio_scsi</interface><disk><alias>replay-direct</alias><lun_storage><logical_units><logical_unit id="${idOf(free)}"><address>10.35.1.72</address><port>3260</port><target>iqn.2024-03.com.example.lab:array-a.apps</target></logical_unit></logical_units><type>iscsi</type></lun_storage></disk></disk_attachment>`,
    });
    expect(res.status, res.raw).toBe(201);
    expect(res.root).toBe('disk_attachment');
    await settled(engine);
  });

  it('the collections the SDK lists come back under their readers.py root tags', async () => {
    const roots: Array<[string, string]> = [
      ['/hosts', 'hosts'],
      ['/vms', 'vms'],
      ['/disks', 'disks'],
      ['/storagedomains', 'storage_domains'],
      ['/datacenters', 'data_centers'],
      ['/clusters', 'clusters'],
      ['/jobs', 'jobs'],
      ['/events', 'events'],
      ['/storageconnections', 'storage_connections'],
    ];
    for (const [path, root] of roots) {
      const res = await sdk.send('GET', path);
      expect(res.status, path).toBe(200);
      expect(res.root, path).toBe(root);
    }
    const jobs = await sdk.send('GET', '/jobs');
    const jobId = idOf(list(jobs.body.job)[0]);
    expect((await sdk.send('GET', `/jobs/${jobId}/steps`)).root).toBe('steps');
    const vm = await sdk.searchByName('vms', 'db01');
    const followed = await sdk.send('GET', `/vms`, { query: { follow: 'disk_attachments', search: 'name="db01"' } });
    expect(list(obj(list(followed.body.vm)[0]?.disk_attachments).disk_attachment).length).toBeGreaterThan(0);
    expect((await sdk.send('GET', `/vms/${idOf(vm)}/diskattachments`)).root).toBe('disk_attachments');
  });

  it('logs out through /ovirt-engine/services/sso-logout; the token is then refused', async () => {
    await sdk.logout();
    expect((await sdk.send('GET', '/hosts')).status).toBe(401);
    await sdk.login();
  });
});
