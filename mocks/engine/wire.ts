// State → the engine's JSON: booleans and integers as strings, collections as {"x": [...]} or {} when empty,
// references {id, href}, absolute hrefs (reference/engine-rest-api.md §1).
import type { Engine } from './engine';
import type { HostLunEntry } from './ops-storage';
import type {
  EmAttachment, EmConnection, EmDisk, EmEvent, EmHost, EmJob, EmLunRecord, EmStep, EmStorageDomain, EmVm,
} from './state';
import { atLeast, FEATURE_SINCE } from './version';

export const API = '/ovirt-engine/api/v4';

/** Disk-attachment hrefs are hard-coded without /v4 by the engine (BackendDiskAttachmentsResource). */
const API_NO_VERSION = '/ovirt-engine/api';

const s = (v: boolean | number) => String(v);
const ref = (kind: string, id: string) => ({ href: `${API}/${kind}/${id}`, id });

/** {"key": [...]}, or {} when there is nothing: the engine leaves the array key out. */
export function collection<T>(key: string, items: T[]): Record<string, T[]> {
  return items.length > 0 ? { [key]: items } : {};
}

/** A list-valued attribute, left out entirely when empty. */
function list<T>(wrapper: string, key: string, items: T[]) {
  return items.length > 0 ? { [wrapper]: { [key]: items } } : {};
}

function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
}

export function hostJson(e: Engine, h: EmHost) {
  const running = e.state.vms.filter((v) => v.hostId === h.id && v.status !== 'down');
  return {
    address: h.address,
    status: h.status,
    spm: { priority: s(h.spmPriority), status: h.spmStatus },
    iscsi: { initiator: h.initiator },
    summary: { active: s(running.length), migrating: s(running.filter((v) => v.status === 'migrating').length), total: s(running.length) },
    type: 'rhel',
    cluster: ref('clusters', h.clusterId),
    actions: {
      // discoveriscsi only where the engine has it (upstream-model services/HostService.java DiscoverIscsi
      // `@since 4.4.6`; FEATURE_SINCE.discoverIscsi): an older engine links only the deprecated iscsidiscover.
      link: [...(atLeast(e.version, FEATURE_SINCE.discoverIscsi) ? ['discoveriscsi'] : []), 'iscsidiscover', 'iscsilogin']
        .map((rel) => ({ href: `${API}/hosts/${h.id}/${rel}`, rel })),
    },
    name: h.name,
    href: `${API}/hosts/${h.id}`,
    id: h.id,
    link: [
      { href: `${API}/hosts/${h.id}/storage`, rel: 'storage' },
      { href: `${API}/hosts/${h.id}/storageconnectionextensions`, rel: 'storageconnectionextensions' },
    ],
  };
}

export function hostStorageJson(e: Engine, hostId: string, entry: HostLunEntry, reportStatus: boolean) {
  const { lun, session } = entry;
  const disk = e.diskOfLun(lun.id);
  const sd = e.storageDomainOfLun(lun.id);
  const portal = session ? e.state.portals.find((p) => p.address === session.address && p.port === session.port) : undefined;
  const lu = compact({
    id: lun.id,
    address: session?.address,
    port: session ? s(session.port) : undefined,
    portal: session && portal ? `${session.address}:${session.port},${portal.tpgt}` : undefined,
    target: session?.target,
    username: session?.username,
    lun_mapping: s(lun.lunMapping),
    paths: s(entry.paths),
    // Only engines from 4.5.7 send active_paths (StorageLogicalUnitMapper, engine 8d33abc9a14; FEATURE_SINCE.activePaths).
    active_paths: atLeast(e.version, FEATURE_SINCE.activePaths) ? s(entry.activePaths) : undefined,
    product_id: lun.productId,
    vendor_id: lun.vendorId,
    serial: lun.serial,
    // VDSM reports whole GiB; the engine multiplies back, so sizes are always GiB multiples (reference §3.4).
    size: s(Math.floor(lun.size / 2 ** 30) * 2 ** 30),
    volume_group_id: sd?.volumeGroupId ?? lun.volumeGroupId,
    storage_domain_id: sd?.id,
    disk_id: disk?.id,
    status: reportStatus ? (sd || lun.pvStatus === 'used' ? 'used' : 'free') : undefined,
    discard_max_size: s(lun.discardMaxSize),
    discard_zeroes_data: 'false',
  });
  return {
    type: lun.storageType,
    logical_units: { logical_unit: [lu] },
    host: ref('hosts', hostId),
    href: `${API}/hosts/${hostId}/storage/${lun.id}`,
    id: lun.id,
  };
}

/**
 * A disk's `lun_storage` as the engine builds it (upstream-engine T/StorageLogicalUnitMapper.java): `map(LUNs,
 * HostStorage)` (:79-87) adds exactly ONE logical_unit, and `map(LUNs, LogicalUnit)` (:54-59) copies only the FIRST
 * of the LUN's connections — `model.setAddress(lunConnection.getConnection()); model.setPort(...);
 * model.setTarget(lunConnection.getIqn());` — never the CHAP user, never the password, never the portal (TPGT).
 * The LUN is read from the engine DB, which stores no paths: `setActivePaths(getActivePathCount())` and
 * `setPaths(getPathCount())` (:61-62) are 0 (LUNs.java getPathCount: `getPathsDictionary() == null ? 0 : ...`),
 * and there is no status (set only by GetDeviceList). active_paths exists since engine 4.5.7 (commit 8d33abc9a14
 * "restapi: add iSCSI multipath status", first tagged ovirt-engine-4.5.7).
 */
function lunRecordJson(e: Engine, r: EmLunRecord) {
  const first = r.connectionIds.map((id) => e.state.connections.find((c) => c.id === id)).find((c): c is EmConnection => !!c);
  const lu = compact({
    id: r.id,
    address: first?.address,
    port: first ? s(first.port) : undefined,
    target: first?.target,
    lun_mapping: r.lunMapping !== undefined ? s(r.lunMapping) : undefined,
    paths: '0',
    active_paths: atLeast(e.version, FEATURE_SINCE.activePaths) ? '0' : undefined,
    product_id: r.productId,
    vendor_id: r.vendorId,
    serial: r.serial,
    size: s(r.size),
    discard_max_size: s(r.discardMaxSize ?? 0),
    discard_zeroes_data: 'false',
  });
  return { id: r.id, type: r.type, logical_units: { logical_unit: [lu] } };
}

export function diskJson(e: Engine, d: EmDisk) {
  const common = {
    alias: d.alias,
    name: d.alias,
    description: d.description,
    shareable: s(d.shareable),
    wipe_after_delete: s(d.wipeAfterDelete),
    propagate_errors: s(d.propagateErrors),
    content_type: 'data',
    href: `${API}/disks/${d.id}`,
    id: d.id,
    link: [
      { href: `${API}/disks/${d.id}/permissions`, rel: 'permissions' },
      { href: `${API}/disks/${d.id}/statistics`, rel: 'statistics' },
    ],
  };
  if (d.kind === 'lun') {
    return {
      ...common,
      storage_type: 'lun',
      ...(d.sgio ? { sgio: d.sgio } : {}),
      lun_storage: lunRecordJson(e, d.lun),
      actions: { link: [{ href: `${API}/disks/${d.id}/refreshlun`, rel: 'refreshlun' }] },
    };
  }
  return {
    ...common,
    storage_type: 'image',
    provisioned_size: s(d.provisionedSize),
    actual_size: s(d.actualSize),
    total_size: s(d.actualSize),
    status: 'ok',
    format: d.format,
    sparse: s(d.format === 'cow'),
    storage_domains: { storage_domain: [ref('storagedomains', d.storageDomainId)] },
  };
}

export function attachmentJson(a: EmAttachment) {
  return compact({
    active: s(a.active),
    bootable: s(a.bootable),
    interface: a.interface,
    logical_name: a.logicalName,
    pass_discard: s(a.passDiscard),
    read_only: s(a.readOnly),
    uses_scsi_reservation: s(a.usesScsiReservation),
    disk: ref('disks', a.diskId),
    vm: ref('vms', a.vmId),
    href: `${API_NO_VERSION}/vms/${a.vmId}/diskattachments/${a.diskId}`,
    id: a.diskId,
  });
}

/**
 * `allContent`: the request asked for all_content (query) or All-Content (header). Only then does the engine add
 * `virtio_scsi` (and console, soundcard, rng, OVF — none of which the console reads): upstream-engine
 * R/BackendVmResource.java:644-646 and R/BackendVmsResource.java:929-932 call setVirtioScsiController only in
 * doPopulate, which runs only if isPopulate() (R/AbstractBackendResource.java:177-180, R/BackendResource.java:302-305);
 * upstream-model services/VmService.java Get.allContent: "By default the following attributes are excluded: … virtio_scsi".
 */
export function vmJson(v: EmVm, follow?: { attachments: EmAttachment[] }, opts: { allContent?: boolean } = {}) {
  return {
    ...(follow ? list('disk_attachments', 'disk_attachment', follow.attachments.map(attachmentJson)) : {}),
    name: v.name,
    description: v.description,
    status: v.status,
    // Present only while the VM is not down (VmMapper).
    ...(v.status !== 'down' && v.hostId ? { host: ref('hosts', v.hostId) } : {}),
    cluster: ref('clusters', v.clusterId),
    high_availability: { enabled: s(v.ha.enabled), priority: s(v.ha.priority) },
    ...(opts.allContent ? { virtio_scsi: { enabled: s(v.virtioScsi) } } : {}),
    placement_policy: {
      affinity: 'migratable',
      ...list('hosts', 'host', v.placementHostIds.map((id) => ref('hosts', id))),
    },
    memory: s(4 * 2 ** 30),
    type: 'server',
    href: `${API}/vms/${v.id}`,
    id: v.id,
    link: [{ href: `${API}/vms/${v.id}/diskattachments`, rel: 'diskattachments' }],
    actions: { link: ['start', 'stop', 'shutdown', 'migrate'].map((rel) => ({ href: `${API}/vms/${v.id}/${rel}`, rel })) },
  };
}

export function storageDomainJson(e: Engine, sd: EmStorageDomain, opts: { filtered?: boolean } = {}) {
  const conns = sd.connectionIds.map((id) => e.state.connections.find((c) => c.id === id)).filter((c): c is EmConnection => !!c);
  // For iSCSI the same LUN appears once per connection (BackendStorageDomainsResource.mapVolumeGroupIscsi).
  const lus = sd.lunIds.flatMap((lunId) => {
    const lun = e.lun(lunId);
    if (!lun) return [];
    const base = { id: lun.id, size: s(lun.size), vendor_id: lun.vendorId, product_id: lun.productId, serial: lun.serial, storage_domain_id: sd.id, volume_group_id: sd.volumeGroupId };
    if (lun.storageType === 'fcp' || conns.length === 0) return [compact(base)];
    return conns.map((c) => compact({ ...base, address: c.address, port: s(c.port), target: c.target }));
  });
  return {
    name: sd.name,
    type: 'data',
    available: s(sd.available),
    used: s(sd.used),
    committed: s(sd.used),
    master: 'true',
    storage: {
      type: sd.storageType,
      ...(sd.storageType === 'nfs' || opts.filtered ? {} : { volume_group: { id: sd.volumeGroupId ?? '', ...list('logical_units', 'logical_unit', lus) } }),
    },
    storage_format: 'v5',
    href: `${API}/storagedomains/${sd.id}`,
    id: sd.id,
  };
}

export function storageConnectionJson(c: EmConnection) {
  // upstream-engine T/StorageDomainMapper.java map(StorageServerConnections, StorageConnection) (:274-283): for
  // iSCSI it sets id, type, address, port, username and target — never the password, never the portal.
  return compact({
    address: c.address,
    port: s(c.port),
    target: c.target,
    username: c.username,
    type: c.type,
    href: `${API}/storageconnections/${c.id}`,
    id: c.id,
  });
}

export function jobJson(j: EmJob) {
  return compact({
    description: j.description,
    status: j.status,
    start_time: j.startTime,
    end_time: j.endTime,
    last_updated: j.lastUpdated,
    auto_cleared: 'true',
    external: 'false',
    owner: ref('users', 'admin'),
    href: `${API}/jobs/${j.id}`,
    id: j.id,
    link: [{ href: `${API}/jobs/${j.id}/steps`, rel: 'steps' }],
  });
}

export function stepJson(st: EmStep) {
  return compact({
    description: st.description,
    type: st.type,
    number: s(st.number),
    status: st.status,
    start_time: st.startTime,
    end_time: st.endTime,
    external: 'false',
    job: ref('jobs', st.jobId),
    parent_step: st.parentStepId ? ref(`jobs/${st.jobId}/steps`, st.parentStepId) : undefined,
    execution_host: st.executionHostId ? ref('hosts', st.executionHostId) : undefined,
    href: `${API}/jobs/${st.jobId}/steps/${st.id}`,
    id: st.id,
  });
}

export function eventJson(ev: EmEvent) {
  return compact({
    code: s(ev.code),
    description: ev.description,
    severity: ev.severity,
    time: ev.time,
    origin: 'oVirt',
    custom_id: '-1',
    flood_rate: '30',
    index: ev.id,
    correlation_id: ev.correlationId,
    vm: ev.vmId ? ref('vms', ev.vmId) : undefined,
    host: ev.hostId ? ref('hosts', ev.hostId) : undefined,
    storage_domain: ev.storageDomainId ? ref('storagedomains', ev.storageDomainId) : undefined,
    href: `${API}/events/${ev.id}`,
    id: ev.id,
  });
}
