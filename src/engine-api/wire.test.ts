// The client's parsing of the engine's real JSON: string scalars, {} for empty collections, nested lists, refs,
// and a shape that is not the engine's. Fixtures follow reference/engine-rest-api.md.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { diskListWire, diskWire } from './disks';
import { diskAttachmentListWire } from './disk-attachments';
import { eventListWire } from './events';
import { hostListWire } from './hosts';
import { discoverResponseWire, hostStorageListWire } from './host-storage';
import { jobListWire, stepListWire } from './jobs';
import { storageDomainListWire } from './storage-domains';
import { storageConnectionListWire } from './storage-connections';
import { vmListWire } from './vms';
import { resetWireWarnings } from './wire';

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
    expect(vms[1]).toMatchObject({ hostId: undefined, highAvailability: { enabled: false }, virtioScsiEnabled: undefined });
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
    expect(() => hostListWire.parse({ host: { id: '1', name: 'h', status: 'up' } })).toThrow();
    expect(() => diskWire.parse({ id: '1', storage_type: 'lun', shareable: 'maybe' })).toThrow();
  });

  it('parses storage connections with the CHAP user, never a password field', () => {
    const conns = storageConnectionListWire.parse({ storage_connection: [
      { address: '10.35.1.72', port: '3260', target: 'iqn.2015-08.com.tgt:444', username: 'chapuser', type: 'iscsi', href: '/x', id: 'c1' },
      { address: 'nfs.example.com', path: '/exports/data', type: 'nfs', id: 'c2' },
    ] });
    expect(conns).toEqual([
      { id: 'c1', type: 'iscsi', address: '10.35.1.72', port: 3260, target: 'iqn.2015-08.com.tgt:444', username: 'chapuser' },
      { id: 'c2', type: 'nfs', address: 'nfs.example.com', port: undefined, target: undefined, username: undefined },
    ]);
  });
});

describe('tolerant collections (upstream audit F6)', () => {
  const warn = vi.spyOn(console, 'warn');
  beforeEach(() => {
    resetWireWarnings();
    warn.mockReset().mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockReset());
  const logged = () => warn.mock.calls.flat().map(String).join('\n');

  it('a collection with one odd item keeps the others; the odd one is named once in the log, never its values', () => {
    const body = { vm: [
      { id: '1', name: 'db01', status: 'up' },
      { id: '2', status: 'down', description: 'secret-ish text' },
      { id: '3', name: 'app01', status: 'down', some_future_field: { x: 1 } },
    ] };
    expect(vmListWire.parse(body).map((v) => v.name)).toEqual(['db01', 'app01']);
    vmListWire.parse(body);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(logged()).toMatch(/The engine's vm list: item 1 \(id 2\) left out — name:/);
    expect(logged()).not.toMatch(/secret-ish/);
  });

  it('a VM with status "some_new_status" is kept, its status read as unknown', () => {
    const vms = vmListWire.parse({ vm: [{ id: '1', name: 'new', status: 'some_new_status', host: { id: 'h1' } }, { id: '2', name: 'old', status: 'up' }] });
    expect(vms.map((v) => [v.name, v.status])).toEqual([['new', 'unknown'], ['old', 'up']]);
    expect(logged()).toMatch(/VM status "some_new_status"/);
  });

  it('GET /disks with a Kubernetes disk (no storage_type) and a cinder disk lists them as "other" next to the rest', () => {
    const disks = diskListWire.parse({ disk: [
      { id: 'i1', alias: 'vm_Disk1', storage_type: 'image', provisioned_size: '1073741824', status: 'ok' },
      // engine DiskStorageType.KUBERNETES → T/DiskMapper.java map(): null → no storage_type at all
      { id: 'k1', alias: 'pvc-disk', content_type: 'data', shareable: 'false' },
      { id: 'c1', alias: 'cinder-disk', storage_type: 'cinder', provisioned_size: '2147483648', status: 'ok' },
      { id: 'l1', alias: 'lun1', storage_type: 'lun', lun_storage: { id: 'W1', type: 'iscsi', logical_units: { logical_unit: [{ id: 'W1' }] } } },
    ] });
    expect(disks.map((d) => [d.id, d.storageType])).toEqual([['i1', 'image'], ['k1', 'other'], ['c1', 'other'], ['l1', 'lun']]);
    expect(disks[1]).toMatchObject({ storageType: 'other', wireStorageType: undefined, provisionedSize: undefined, alias: 'pvc-disk' });
    expect(disks[2]).toMatchObject({ storageType: 'other', wireStorageType: 'cinder', provisionedSize: 2147483648 });
  });

  it('unknown values of every open enum read as unknown (or not reported), the item kept', () => {
    expect(hostListWire.parse({ host: [{ id: 'h', name: 'h', status: 'hibernating', spm: { status: 'x' } }] })[0]).toMatchObject({ status: 'unknown', spm: 'none' });
    expect(diskAttachmentListWire.parse({ disk_attachment: [{ id: 'a', interface: 'nvme' }] })[0]?.interface).toBe('unknown');
    expect(jobListWire.parse({ job: [{ id: 'j', status: 'paused' }] })[0]?.status).toBe('unknown');
    expect(stepListWire.parse({ step: [{ id: 's', type: 'removing_bricks', status: 'waiting' }] })[0]).toMatchObject({ type: 'unknown', status: 'unknown' });
    expect(hostStorageListWire.parse({ host_storage: [{ id: 'L', type: 'iscsi', logical_units: { logical_unit: [{ id: 'L', status: 'maybe' }] } }] })[0]?.lu.status).toBeUndefined();
    const d = diskWire.parse({ id: 'i', storage_type: 'image', status: 'degraded', format: 'qcow3' });
    expect(d).toMatchObject({ storageType: 'image', status: 'unknown', format: undefined });
    expect(eventListWire.parse({ event: [{ id: 'e', code: '1', severity: 'catastrophic', time: 1 }] })[0]?.severity).toBe('normal');
  });

  it('a nested list (a LUN disk\'s logical units, a VM\'s followed attachments) drops only its odd item', () => {
    const d = diskWire.parse({ id: 'l', storage_type: 'lun', lun_storage: { id: 'W', type: 'iscsi', logical_units: { logical_unit: [{ address: 'no-id' }, { id: 'W', size: '1073741824' }] } } });
    expect(d.storageType === 'lun' ? d.lun.logicalUnits.map((l) => l.id) : []).toEqual(['W']);
    expect(logged()).toMatch(/logical_unit list: item 0 left out — id:/);
  });
});
