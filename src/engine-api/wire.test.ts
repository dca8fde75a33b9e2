// The client's parsing of the engine's real JSON: string scalars, {} for empty collections, nested lists,
// both fault envelopes, 401 without JSON, network failure. Fixtures follow reference/engine-rest-api.md.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { diskListWire, diskWire } from './disks';
import { diskAttachmentListWire } from './disk-attachments';
import { EngineError, splitDetail } from './errors';
import { eventListWire } from './events';
import { hostListWire } from './hosts';
import { discoverResponseWire, hostStorageListWire, iscsiLogin } from './host-storage';
import { jobListWire, stepListWire } from './jobs';
import { session } from './session';
import { requestToken } from './sso';
import { storageDomainListWire } from './storage-domains';
import { engineRequest } from './transport';
import { vmListWire } from './vms';
import { z } from 'zod';

describe('wire schemas', () => {
  it('parses hosts with string scalars and refs', () => {
    const hosts = hostListWire.parse({
      host: [
        {
          address: 'host1.example.com', status: 'up', spm: { priority: '5', status: 'spm' },
          iscsi: { initiator: 'iqn.1994-05.com.redhat:3a8e8f7c1d' }, cluster: { href: '/ovirt-engine/api/clusters/234', id: '234' },
          name: 'host1', href: '/ovirt-engine/api/hosts/123', id: '123',
        },
      ],
    });
    expect(hosts).toEqual([{ id: '123', name: 'host1', address: 'host1.example.com', status: 'up', clusterId: '234', spm: 'spm', iscsiInitiator: 'iqn.1994-05.com.redhat:3a8e8f7c1d' }]);
  });

  it('reads an empty collection {} as an empty list', () => {
    expect(hostListWire.parse({})).toEqual([]);
    expect(vmListWire.parse({})).toEqual([]);
    expect(diskListWire.parse({})).toEqual([]);
    expect(hostStorageListWire.parse({})).toEqual([]);
    expect(jobListWire.parse({})).toEqual([]);
    expect(eventListWire.parse({})).toEqual([]);
  });

  it('parses host storage: one host_storage per LUN, nested logical units, FC without address', () => {
    const luns = hostStorageListWire.parse({
      host_storage: [
        {
          type: 'iscsi',
          logical_units: { logical_unit: [{
            id: '360014051136c20574f743bdbd28177fd', address: '10.35.1.72', port: '3260', portal: '10.35.1.72:3260,1',
            target: 'iqn.2015-08.com.tgt:444', lun_mapping: '0', paths: '1', active_paths: '1', product_id: 'lun0',
            vendor_id: 'LIO-ORG', serial: 'SLIO-ORG_lun0_1136c205', size: '10737418240', status: 'free',
            discard_max_size: '4194304', discard_zeroes_data: 'false',
          }] },
          host: { href: '/ovirt-engine/api/hosts/123', id: '123' },
          href: '/ovirt-engine/api/hosts/123/storage/360014051136c20574f743bdbd28177fd', id: '360014051136c20574f743bdbd28177fd',
        },
        { type: 'fcp', logical_units: { logical_unit: [{ id: '3600a0980aa', size: '2199023255552', paths: '4', active_paths: '2', disk_id: 'd1' }] }, id: '3600a0980aa' },
        // An NFS export is not a LUN: dropped.
        { type: 'nfs', id: 'x' },
      ],
    });
    expect(luns).toHaveLength(2);
    expect(luns[0]?.lu).toMatchObject({ port: 3260, size: 10737418240, paths: 1, activePaths: 1, status: 'free', discardMaxSize: 4194304 });
    expect(luns[1]).toMatchObject({ type: 'fcp', hostId: undefined, lu: { address: undefined, activePaths: 2, diskId: 'd1' } });
  });

  it('parses a LUN disk as its own kind: no size or status of its own, the size is the LUN\'s', () => {
    const d = diskWire.parse({
      alias: 'myiscsidisk', name: 'myiscsidisk', description: '', shareable: 'false', wipe_after_delete: 'false',
      propagate_errors: 'false', storage_type: 'lun', content_type: 'data', sgio: 'unfiltered',
      lun_storage: { id: '36001405d6c6cbba754c4b568d843ff6a', type: 'iscsi', logical_units: { logical_unit: [{
        id: '36001405d6c6cbba754c4b568d843ff6a', address: '192.168.1.1', port: '3260', target: 'iqn.2017-05.org.ovirt:storage',
        lun_mapping: '1', paths: '0', active_paths: '0', size: '10737418240', discard_max_size: '0', discard_zeroes_data: 'false',
      }] } },
      href: '/ovirt-engine/api/disks/456', id: '456',
    });
    expect(d.storageType).toBe('lun');
    if (d.storageType !== 'lun') return;
    expect(d.sgio).toBe('unfiltered');
    expect(d.lun.logicalUnits[0]?.size).toBe(10737418240);
    expect('provisionedSize' in d).toBe(false);
  });

  it('parses an image disk with its size and status', () => {
    const d = diskWire.parse({ id: 'i1', alias: 'vm_Disk1', storage_type: 'image', provisioned_size: '42949672960', status: 'ok', format: 'cow', storage_domains: { storage_domain: [{ id: 'sd1' }] } });
    expect(d).toMatchObject({ storageType: 'image', provisionedSize: 42949672960, status: 'ok', storageDomainIds: ['sd1'] });
  });

  it('parses disk attachments and VMs', () => {
    const atts = diskAttachmentListWire.parse({ disk_attachment: [{ active: 'true', bootable: 'false', interface: 'virtio_scsi', logical_name: '/dev/sdb', pass_discard: 'false', read_only: 'false', uses_scsi_reservation: 'false', disk: { href: '/d/456', id: '456' }, vm: { href: '/v/123', id: '123' }, href: '/x', id: '456' }] });
    expect(atts[0]).toMatchObject({ diskId: '456', vmId: '123', active: true, interface: 'virtio_scsi', logicalName: '/dev/sdb' });
    const vms = vmListWire.parse({ vm: [
      { id: '1', name: 'up-vm', status: 'up', host: { id: 'h1' }, high_availability: { enabled: 'true', priority: '50' }, virtio_scsi: { enabled: 'true' } },
      // A down VM with a stale host reference: the engine would not send it, and we never show it.
      { id: '2', name: 'down-vm', status: 'down', host: { id: 'h1' } },
    ] });
    expect(vms[0]).toMatchObject({ hostId: 'h1', highAvailability: { enabled: true, priority: 50 }, virtioScsiEnabled: true });
    expect(vms[1]).toMatchObject({ hostId: undefined, highAvailability: { enabled: false }, virtioScsiEnabled: false });
  });

  it('parses iSCSI discovery with both outputs', () => {
    const r = discoverResponseWire.parse({
      iscsi: { address: '10.35.1.72', port: '3260' },
      iscsi_targets: { iscsi_target: ['iqn.2015-08.com.tgt:444'] },
      discovered_targets: { iscsi_details: [{ address: '10.35.1.72', port: '3260', portal: '10.35.1.72:3260,1', target: 'iqn.2015-08.com.tgt:444' }] },
      status: 'complete',
    });
    expect(r.discovered_targets).toEqual([{ address: '10.35.1.72', port: 3260, portal: '10.35.1.72:3260,1', target: 'iqn.2015-08.com.tgt:444' }]);
  });

  it('parses storage domains (deduplicating LUNs listed once per connection), jobs, steps, events', () => {
    const sds = storageDomainListWire.parse({ storage_domain: [{ id: 'sd1', name: 'data1', type: 'data', available: '100', used: '50', storage: { type: 'iscsi', volume_group: { logical_units: { logical_unit: [{ id: 'L1', address: 'a' }, { id: 'L1', address: 'b' }, { id: 'L2' }] } } } }] });
    expect(sds[0]?.luns.map((l) => l.id)).toEqual(['L1', 'L2']);
    expect(jobListWire.parse({ job: [{ id: 'j', description: 'Adding Disk', status: 'started', start_time: 1472564909990 }] })[0]).toMatchObject({ startTime: 1472564909990 });
    expect(stepListWire.parse({ step: [{ id: 's', description: 'x', type: 'executing', number: '1', status: 'finished', job: { id: 'j' }, parent_step: { id: 'p' }, execution_host: { id: 'h' } }] })[0]).toMatchObject({ number: 1, parentStepId: 'p', executionHostId: 'h', jobId: 'j' });
    expect(stepListWire.parse({ step: [{ id: 's', type: 'something_new', status: 'started' }] })[0]?.type).toBe('unknown');
    expect(eventListWire.parse({ event: [{ id: '9', code: '97', severity: 'normal', time: 1, description: 'The disk x was successfully added to VM y.', vm: { id: 'v' } }] })[0]).toMatchObject({ code: 97, vmId: 'v' });
  });

  it('rejects what is not the engine\'s shape, naming the field', () => {
    expect(() => hostListWire.parse({ host: [{ id: '1', name: 'h', status: 'sleeping' }] })).toThrow();
    expect(() => diskWire.parse({ id: '1', storage_type: 'lun', shareable: 'maybe' })).toThrow();
  });
});

describe('splitDetail', () => {
  it('splits a Java list of messages, not the commas inside a message', () => {
    expect(splitDetail('[Cannot add Virtual Disk. The provided lun is used by another disk.]')).toEqual(['Cannot add Virtual Disk. The provided lun is used by another disk.']);
    expect(splitDetail('[Cannot run VM. There is no host that satisfies current scheduling constraints. See below for details:, The host host1 did not satisfy internal filter Memory.]')).toEqual([
      'Cannot run VM. There is no host that satisfies current scheduling constraints. See below for details:',
      'The host host1 did not satisfy internal filter Memory.',
    ]);
    expect(splitDetail('LogicalUnit [port] required for add')).toEqual(['LogicalUnit [port] required for add']);
    expect(splitDetail('[]')).toEqual([]);
    expect(splitDetail(undefined)).toEqual([]);
  });
});

describe('transport errors', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  const call = () => engineRequest({ path: '/disks', method: 'POST', body: {}, schema: z.unknown() }).catch((e: unknown) => e);

  it('turns a bare fault into an EngineError with status, reason, messages and key', async () => {
    server.use(http.post('*/ovirt-engine/api/v4/disks', () => HttpResponse.json({ reason: 'Operation Failed', detail: '[Cannot add Virtual Disk. The provided lun is used by another disk.]' }, { status: 409 })));
    const e = (await call()) as EngineError;
    expect(e).toBeInstanceOf(EngineError);
    expect(e).toMatchObject({ kind: 'fault', status: 409, reason: 'Operation Failed', key: 'ACTION_TYPE_FAILED_DISK_LUN_IS_ALREADY_IN_USE' });
    expect(e.messages).toEqual(['Cannot add Virtual Disk. The provided lun is used by another disk.']);
    expect(e.userMessage).toBe('Cannot add Virtual Disk. The provided lun is used by another disk.');
  });

  it('turns a failed action into the same EngineError', async () => {
    server.use(http.post('*/ovirt-engine/api/v4/hosts/h1/iscsilogin', () => HttpResponse.json({ iscsi: { address: 'a', password: 'secret' }, status: 'failed', fault: { reason: 'Operation Failed', detail: '[Failed to login to iSCSI node due to authorization failure]' } }, { status: 400 })));
    const e = (await iscsiLogin('h1', { address: 'a', port: 3260, target: 't', username: 'u', password: 'secret' }).catch((x: unknown) => x)) as EngineError;
    expect(e).toMatchObject({ kind: 'fault', status: 400, key: 'ISCSI_LOGIN_AUTH_ERROR' });
    // The echoed password never reaches the error's text.
    expect(JSON.stringify({ m: e.message, d: e.detail, r: e.reason, u: e.userMessage })).not.toContain('secret');
  });

  it('reads "Incomplete parameters" without brackets', async () => {
    server.use(http.post('*/ovirt-engine/api/v4/disks', () => HttpResponse.json({ reason: 'Incomplete parameters', detail: 'LogicalUnit [port] required for add' }, { status: 400 })));
    const e = (await call()) as EngineError;
    expect(e).toMatchObject({ key: 'INCOMPLETE_PARAMETERS', messages: ['LogicalUnit [port] required for add'] });
  });

  it('treats a 401 with an HTML body as unauthorized, not as a parse error', async () => {
    server.use(http.post('*/ovirt-engine/api/v4/disks', () => new HttpResponse('<html>Unauthorized</html>', { status: 401, headers: { 'Content-Type': 'text/html' } })));
    const e = (await call()) as EngineError;
    expect(e).toMatchObject({ kind: 'unauthorized', status: 401 });
  });

  it('reports an empty 404 as not found', async () => {
    server.use(http.post('*/ovirt-engine/api/v4/disks', () => new HttpResponse(null, { status: 404 })));
    expect(await call()).toMatchObject({ kind: 'fault', status: 404, reason: 'Not found' });
  });

  it('reports a network failure as such', async () => {
    server.use(http.post('*/ovirt-engine/api/v4/disks', () => HttpResponse.error()));
    expect(await call()).toMatchObject({ kind: 'network', status: 0 });
  });

  it('reports a response that does not match the wire schema, naming the field', async () => {
    server.use(http.get('*/ovirt-engine/api/v4/hosts', () => HttpResponse.json({ host: [{ id: '1', name: 'h', status: 'sleeping' }] })));
    const e = (await engineRequest({ path: '/hosts', schema: hostListWire }).catch((x: unknown) => x)) as EngineError;
    expect(e.kind).toBe('parse');
    expect(e.reason).toMatch(/host\.0\.status/);
  });

  it('sends the bearer token, JSON headers and the version in the URL', async () => {
    let seen: Request | undefined;
    server.use(http.post('*/ovirt-engine/api/v4/disks', ({ request }) => {
      seen = request;
      return HttpResponse.json({});
    }));
    session.start('admin@internal', 'tok-1');
    await call();
    session.end();
    expect(seen?.headers.get('Authorization')).toBe('Bearer tok-1');
    expect(seen?.headers.get('Accept')).toBe('application/json');
    expect(seen?.headers.get('Content-Type')).toBe('application/json');
  });
});

describe('SSO', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  it('sends the password grant as a form with scope ovirt-app-api and Accept exactly application/json', async () => {
    let body = '';
    let accept = '';
    server.use(http.post('*/ovirt-engine/sso/oauth/token', async ({ request }) => {
      body = await request.text();
      accept = request.headers.get('Accept') ?? '';
      return HttpResponse.json({ access_token: 'abc', scope: 'ovirt-app-api', exp: '1493207433000', token_type: 'bearer' });
    }));
    expect(await requestToken({ username: 'admin@internal', password: 'p&ss' })).toBe('abc');
    expect(accept).toBe('application/json');
    expect(new URLSearchParams(body).get('scope')).toBe('ovirt-app-api');
    expect(new URLSearchParams(body).get('grant_type')).toBe('password');
    expect(new URLSearchParams(body).get('password')).toBe('p&ss');
  });

  it('reads both SSO error shapes', async () => {
    server.use(http.post('*/ovirt-engine/sso/oauth/token', () => HttpResponse.json({ error: 'access_denied', error_description: "Cannot authenticate user 'a@internal': The username or password is incorrect.." }, { status: 400 })));
    const e = (await requestToken({ username: 'a', password: 'b' }).catch((x: unknown) => x)) as EngineError;
    expect(e).toMatchObject({ kind: 'sso', code: 'access_denied', key: 'CANNOT_AUTHENTICATE_USER' });
    server.use(http.post('*/ovirt-engine/sso/oauth/token', () => HttpResponse.json({ error_code: 'invalid_grant', error: 'The grant is invalid.' }, { status: 400 })));
    const e2 = (await requestToken({ username: 'a', password: 'b' }).catch((x: unknown) => x)) as EngineError;
    expect(e2).toMatchObject({ kind: 'sso', code: 'invalid_grant' });
    expect(e2.userMessage).toBe('The grant is invalid.');
  });
});
