// What a host sees: iSCSI discovery and login (actions on the host), and GET /hosts/{id}/storage
// (reference/engine-rest-api.md §3.2–3.4).
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { FEATURE_SINCE, atLeast, type EngineVersion } from '../domain/engine-version';
import { interner } from '../domain/intern';
import { LUN_STATUSES, LUN_STORAGE_TYPES, type DiscoveredTarget, type HostLun, type LogicalUnit } from '../domain/model';
import { isEngineError } from './errors';
import { hostKeys } from './hosts';
import { engineRequest } from './transport';
import type { EngineRequestSpec } from './requests';
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
  shareRepeatedStrings(list.filter((x): x is HostLun => x !== undefined)),
);

/**
 * The values a host's LUNs repeat — the host ID, the portal's address, the target, the vendor and product — as one
 * string each, not one parsed copy per LUN (decision 058: on a 50,000-LUN host those copies were ~250,000 heap objects
 * that every major garbage collection walked). The LUNs are the ones just parsed; nothing else holds them yet.
 */
function shareRepeatedStrings(luns: HostLun[]): HostLun[] {
  const same = interner();
  for (const l of luns) {
    l.hostId = same(l.hostId);
    const lu = l.lu;
    // The host storage's ID is its LUN's ID: one string for both.
    if (lu.id === l.id) lu.id = l.id;
    lu.status = same(lu.status);
    lu.username = same(lu.username);
    lu.address = same(lu.address);
    lu.target = same(lu.target);
    lu.portal = same(lu.portal);
    lu.vendorId = same(lu.vendorId);
    lu.productId = same(lu.productId);
  }
  return luns;
}

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

export type DiscoveryAction = 'discoveriscsi' | 'iscsidiscover';

/**
 * Which discovery action to send to an engine of this version. `discoveriscsi` exists from 4.4.6 (api-model
 * services/HostService.java `DiscoverIscsi`, `@since 4.4.6`); the deprecated `iscsidiscover` is in every 4.x and on
 * 4.4.6+ runs the same code (R/BackendHostResource.java discoverIscsi: `return iscsiDiscover(action);`). An unknown
 * version tries `discoveriscsi` and falls back to `iscsidiscover` on a 404 (an older engine has no such sub-resource).
 */
export function discoveryPlan(version: EngineVersion | undefined): { first: DiscoveryAction; fallbackOn404: boolean } {
  if (!version) return { first: 'discoveriscsi', fallbackOn404: true };
  return { first: atLeast(version, FEATURE_SINCE.discoverIscsi) ? 'discoveriscsi' : 'iscsidiscover', fallbackOn404: false };
}

/** The portal group tag of a discovered portal: "10.35.1.72:3260,1" → 1 (the digits after the last comma). */
export function tpgtOf(portal: string | undefined): number | undefined {
  const m = /,(\d+)$/.exec(portal?.trim() ?? '');
  return m ? Number(m[1]) : undefined;
}

export interface DiscoverOptions {
  /** The engine's version (GET /ovirt-engine/api); undefined when unknown. */
  engineVersion?: EngineVersion | undefined;
  correlationId?: string | undefined;
}

/** The discovery request as data (requests.ts), also shown as code (request-as-code.ts). */
export function discoverIscsiRequest(hostId: string, portal: IscsiPortal, action: DiscoveryAction = 'discoveriscsi') {
  return {
    method: 'POST',
    path: `/hosts/${encodeURIComponent(hostId)}/${action}`,
    body: { iscsi: { address: portal.address, port: portal.port, ...chap(portal) } },
  } satisfies EngineRequestSpec;
}

/** POST /hosts/{id}/discoveriscsi or iscsidiscover (discoveryPlan). Returns one entry per portal × target, as the engine does. */
export async function discoverIscsi(hostId: string, portal: IscsiPortal, opts: DiscoverOptions = {}): Promise<DiscoveredTarget[]> {
  const plan = discoveryPlan(opts.engineVersion);
  const send = (action: DiscoveryAction) => {
    const spec = discoverIscsiRequest(hostId, portal, action);
    return engineRequest({ ...spec, query: { correlation_id: opts.correlationId }, schema: discoverResponseWire });
  };
  let res: z.output<typeof discoverResponseWire>;
  try {
    res = await send(plan.first);
  } catch (e) {
    if (!(plan.fallbackOn404 && isEngineError(e) && e.status === 404)) throw e;
    res = await send('iscsidiscover');
  }
  if (res.discovered_targets.length > 0) return res.discovered_targets;
  // Engines before 4.4.6 fill only iscsi_targets (IQNs): the portal is the one asked, its tag unknown.
  return res.iscsi_targets.map((target) => ({ address: portal.address, port: portal.port, target, portal: undefined }));
}

export interface IscsiLogin extends IscsiPortal {
  target: string;
  /** The discovered portal's group tag (tpgtOf); sent as `portal` when known. */
  tpgt?: number | undefined;
}

/**
 * POST /hosts/{id}/iscsilogin with address, port, target, CHAP, and the TPGT as `portal` when discovery told it. The
 * engine copies `iscsi.portal` into the connection (R/BackendHostResource.java `cnx.setPortal(iscsiDetails.getPortal())`)
 * and VDSM reads it as `int(conDict.get('tpgt', DEFAULT_TPGT))` (vdsm lib/vdsm/storage/storageServer.py): the tag
 * alone, never the discovered "ip:port,tpgt" string, which int() refuses. Without it VDSM records TPGT 1.
 */
export async function iscsiLogin(hostId: string, login: IscsiLogin): Promise<void> {
  await engineRequest({ ...iscsiLoginRequest(hostId, login), schema: actionResponseWire });
}

/** The login request as data (requests.ts), also shown as code (request-as-code.ts). */
export function iscsiLoginRequest(hostId: string, login: IscsiLogin) {
  return {
    method: 'POST',
    path: `/hosts/${encodeURIComponent(hostId)}/iscsilogin`,
    body: {
      iscsi: {
        address: login.address,
        port: login.port,
        target: login.target,
        ...(login.tpgt !== undefined ? { portal: String(login.tpgt) } : {}),
        ...chap(login),
      },
    },
  } satisfies EngineRequestSpec;
}
