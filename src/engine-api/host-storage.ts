// What a host sees: iSCSI discovery and login (actions on the host), and GET /hosts/{id}/storage
// (reference/engine-rest-api.md §3.2–3.4).
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { LUN_STATUSES, LUN_STORAGE_TYPES, type DiscoveredTarget, type HostLun, type LogicalUnit } from '../domain/model';
import { hostKeys } from './hosts';
import { engineRequest } from './transport';
import { openEnum, wireCollection, wireInt, wireList, wireOptString, wireRef } from './wire';

export const logicalUnitWire = z
  .object({
    id: z.string(),
    address: wireOptString,
    port: wireInt.optional(),
    target: wireOptString,
    portal: wireOptString,
    username: wireOptString,
    paths: wireInt.optional(),
    active_paths: wireInt.optional(),
    lun_mapping: wireInt.optional(),
    size: wireInt.optional(),
    vendor_id: wireOptString,
    product_id: wireOptString,
    serial: wireOptString,
    volume_group_id: wireOptString,
    storage_domain_id: wireOptString,
    disk_id: wireOptString,
    // upstream-model types/LunStatus.java: free, used, unusable. Another value is read as not reported (the same
    // as report_status=false): the LUN table then relies on disk_id / storage_domain_id, never on "free".
    status: openEnum(LUN_STATUSES, 'a LUN status').optional(),
    discard_max_size: wireInt.optional(),
  })
  .transform(
    (w): LogicalUnit => ({
      id: w.id,
      address: w.address,
      port: w.port,
      target: w.target,
      portal: w.portal,
      username: w.username,
      paths: w.paths,
      activePaths: w.active_paths,
      lunMapping: w.lun_mapping,
      size: w.size ?? 0,
      vendorId: w.vendor_id,
      productId: w.product_id,
      serial: w.serial,
      volumeGroupId: w.volume_group_id,
      storageDomainId: w.storage_domain_id,
      diskId: w.disk_id,
      status: w.status === 'unknown' ? undefined : w.status,
      discardMaxSize: w.discard_max_size,
    }),
  );

export const logicalUnitsWire = wireList('logical_unit', logicalUnitWire);

export const hostStorageWire = z
  .object({
    id: z.string(),
    type: z.string(),
    host: wireRef.optional(),
    logical_units: logicalUnitsWire,
  })
  // Only block storage carries logical units; anything else (a file domain's export, say) is not a LUN.
  .transform((w): HostLun | undefined => {
    const lu = w.logical_units[0];
    const type = LUN_STORAGE_TYPES.find((t) => t === w.type);
    if (!lu || !type) return undefined;
    return { id: w.id, type, hostId: w.host?.id, lu };
  });

export const hostStorageListWire = wireCollection('host_storage', hostStorageWire).transform((list) =>
  list.filter((x): x is HostLun => x !== undefined),
);

const iscsiDetailsWire = z
  .object({
    address: z.string(),
    port: wireInt.optional(),
    target: z.string(),
    portal: wireOptString,
  })
  .transform((w): DiscoveredTarget => ({ address: w.address, port: w.port ?? 3260, target: w.target, portal: w.portal }));

/** discoveriscsi and iscsidiscover answer alike: both lists, plus the echoed input and status. */
export const discoverResponseWire = z.object({
  status: z.string().optional(),
  iscsi_targets: wireList('iscsi_target', z.string()),
  discovered_targets: wireList('iscsi_details', iscsiDetailsWire),
});

export const actionResponseWire = z.object({
  status: z.string().optional(),
  job: wireRef.optional(),
});

export const hostStorageKeys = {
  all: (hostId: string) => [...hostKeys.detail(hostId), 'storage'] as const,
  list: (hostId: string, reportStatus: boolean) => [...hostStorageKeys.all(hostId), { reportStatus }] as const,
};

export async function listHostStorage(hostId: string, reportStatus = false, signal?: AbortSignal): Promise<HostLun[]> {
  return engineRequest({
    path: `/hosts/${encodeURIComponent(hostId)}/storage`,
    // The status check (a dry-run pvcreate per device) is slow; the LUN picker does not need it (§3.4).
    query: { report_status: reportStatus },
    schema: hostStorageListWire,
    signal,
  });
}

export const hostStorageQueryOptions = (hostId: string, reportStatus = false) =>
  queryOptions({
    queryKey: hostStorageKeys.list(hostId, reportStatus),
    queryFn: ({ signal }) => listHostStorage(hostId, reportStatus, signal),
  });

export interface IscsiPortal {
  address: string;
  port: number;
  /** CHAP credentials: both or neither. */
  username?: string | undefined;
  password?: string | undefined;
}

function chap(p: { username?: string | undefined; password?: string | undefined }) {
  return p.username && p.password ? { username: p.username, password: p.password } : {};
}

/** POST /hosts/{id}/discoveriscsi. Returns one entry per portal × target, as the engine does. */
export async function discoverIscsi(hostId: string, portal: IscsiPortal, correlationId?: string): Promise<DiscoveredTarget[]> {
  const res = await engineRequest({
    method: 'POST',
    path: `/hosts/${encodeURIComponent(hostId)}/discoveriscsi`,
    query: { correlation_id: correlationId },
    body: { iscsi: { address: portal.address, port: portal.port, ...chap(portal) } },
    schema: discoverResponseWire,
  });
  if (res.discovered_targets.length > 0) return res.discovered_targets;
  // Older engines fill only iscsi_targets: keep the portal we asked.
  return res.iscsi_targets.map((target) => ({ address: portal.address, port: portal.port, target, portal: undefined }));
}

export interface IscsiLogin extends IscsiPortal {
  target: string;
}

/**
 * POST /hosts/{id}/iscsilogin with address, port, target and CHAP only: the discovered "ip:port,tpgt" portal
 * string must not be passed through, VDSM would fail to parse it as a TPGT (reference §3.3).
 */
export async function iscsiLogin(hostId: string, login: IscsiLogin): Promise<void> {
  await engineRequest({
    method: 'POST',
    path: `/hosts/${encodeURIComponent(hostId)}/iscsilogin`,
    body: { iscsi: { address: login.address, port: login.port, target: login.target, ...chap(login) } },
    schema: actionResponseWire,
  });
}
