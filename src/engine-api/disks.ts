import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { LUN_STORAGE_TYPES, type Disk, type LunStorageType, type Sgio } from '../domain/model';
import { logicalUnitsWire } from './host-storage';
import { sendSpec, type EngineRequestSpec } from './requests';
import { engineSearch, toListPage, type EngineListQuery } from './list-search';
import { engineRequest } from './transport';
import { openEnum, wireBool, wireCollection, wireInt, wireList, wireRef } from './wire';

export const diskWire = z
  .object({
    id: z.string(),
    alias: z.string().optional(),
    name: z.string().optional(),
    description: z.string().optional(),
    shareable: wireBool.optional(),
    propagate_errors: wireBool.optional(),
    wipe_after_delete: wireBool.optional(),
    // Optional and open: upstream-model types/DiskStorageType.java has image, lun, cinder, managed_block_storage;
    // the engine's own DiskStorageType also has KUBERNETES(4), which T/DiskMapper.java map(DiskStorageType) turns
    // into null (`default: return null;`), so such a disk comes without storage_type. Anything but image and lun
    // is read as an "other" disk (domain/model OtherDisk), never a reason to fail GET /disks.
    storage_type: z.string().optional(),
    // upstream-model types/ScsiGenericIO.java: filtered, unfiltered, disabled. Another value: pass-through unknown,
    // read as off (the console offers nothing that depends on it being on without the VM's own check).
    sgio: openEnum(['filtered', 'unfiltered', 'disabled'], 'a disk SCSI pass-through').optional(),
    lun_storage: z
      .object({
        id: z.string().optional(),
        type: z.string().optional(),
        logical_units: logicalUnitsWire,
      })
      .optional(),
    provisioned_size: wireInt.optional(),
    actual_size: wireInt.optional(),
    // upstream-model types/DiskStatus.java: ok, locked, illegal; another value reads 'unknown' (not attachable).
    status: openEnum(['ok', 'locked', 'illegal'], 'a disk status').optional(),
    // upstream-model types/DiskFormat.java: cow, raw; another value is shown as not known.
    format: openEnum(['raw', 'cow'], 'a disk format').optional(),
    storage_domains: wireList('storage_domain', wireRef),
  })
  .transform((w): Disk => {
    const base = {
      id: w.id,
      alias: w.alias ?? w.name ?? '',
      description: w.description ?? '',
      sharable: w.shareable ?? false,
      propagateErrors: w.propagate_errors ?? false,
      wipeAfterDelete: w.wipe_after_delete ?? false,
    };
    if (w.storage_type !== 'lun' && w.storage_type !== 'image') {
      return { ...base, storageType: 'other', wireStorageType: w.storage_type, provisionedSize: w.provisioned_size };
    }
    if (w.storage_type === 'lun') {
      const lus = w.lun_storage?.logical_units ?? [];
      return {
        ...base,
        storageType: 'lun',
        sgio: w.sgio === 'filtered' || w.sgio === 'unfiltered' ? w.sgio : undefined,
        lun: {
          id: w.lun_storage?.id ?? lus[0]?.id ?? '',
          type: LUN_STORAGE_TYPES.find((t) => t === w.lun_storage?.type),
          logicalUnits: lus,
        },
      };
    }
    return {
      ...base,
      storageType: 'image',
      provisionedSize: w.provisioned_size ?? 0,
      actualSize: w.actual_size,
      status: w.status,
      format: w.format === 'unknown' ? undefined : w.format,
      storageDomainIds: w.storage_domains.map((d) => d.id),
    };
  });

export const diskListWire = wireCollection('disk', diskWire);

export const diskKeys = {
  all: ['disks'] as const,
  lists: () => [...diskKeys.all, 'list'] as const,
  list: (search?: string) => [...diskKeys.lists(), { search }] as const,
  detail: (id: string) => [...diskKeys.all, 'detail', id] as const,
};

export function listDisks(search?: string, signal?: AbortSignal): Promise<Disk[]> {
  return engineRequest({ path: '/disks', query: { search }, schema: diskListWire, signal });
}

export function getDisk(id: string, signal?: AbortSignal): Promise<Disk> {
  return engineRequest({ path: `/disks/${encodeURIComponent(id)}`, schema: diskWire, signal });
}

export const disksQueryOptions = (search?: string) =>
  queryOptions({ queryKey: diskKeys.list(search), queryFn: ({ signal }) => listDisks(search, signal) });

export const diskQueryOptions = (id: string) =>
  queryOptions({ queryKey: diskKeys.detail(id), queryFn: ({ signal }) => getDisk(id, signal) });

// A page of the disk list through the engine's search (engine-api/list-search.ts). One request per page.
export const disksPageQueryOptions = (q: EngineListQuery) =>
  queryOptions({
    queryKey: [...diskKeys.lists(), 'page', q] as const,
    queryFn: async ({ signal }) => {
      const items = await engineRequest({ path: '/disks', query: { search: engineSearch(q) || undefined, max: String(q.max) }, schema: diskListWire, signal });
      return toListPage(items, q);
    },
  });

/** What the console sends to create a direct-LUN disk (reference §4.2, §8). */
export interface NewLunDisk {
  alias: string;
  description: string;
  sharable: boolean;
  propagateErrors: boolean;
  /** undefined = SCSI pass-through off. Only meaningful on VirtIO-SCSI (reference §4.1). */
  sgio?: Sgio | undefined;
  lun: {
    id: string;
    type: LunStorageType;
    /**
     * The host the LUN was picked on. With it the engine checks the host sees the LUN and stores its size,
     * vendor and paths; without it they stay empty until "refresh LUN" (reference §4.2).
     */
    hostId?: string | undefined;
    address?: string | undefined;
    port?: number | undefined;
    target?: string | undefined;
    username?: string | undefined;
    password?: string | undefined;
  };
}

/** The `disk` object of a create request, booleans as strings as the engine's own clients send them. */
export function lunDiskWireBody(d: NewLunDisk): Record<string, unknown> {
  const lu: Record<string, unknown> = { id: d.lun.id };
  if (d.lun.type === 'iscsi') {
    Object.assign(lu, { address: d.lun.address, port: d.lun.port, target: d.lun.target });
    if (d.lun.username && d.lun.password) Object.assign(lu, { username: d.lun.username, password: d.lun.password });
  }
  return {
    // No alias: the engine names the disk itself ("<vm>_DiskN", reference §4.2); an empty string would be sent as is.
    ...(d.alias ? { alias: d.alias } : {}),
    description: d.description,
    shareable: String(d.sharable),
    propagate_errors: String(d.propagateErrors),
    ...(d.sgio ? { sgio: d.sgio } : {}),
    lun_storage: {
      type: d.lun.type,
      ...(d.lun.hostId ? { host: { id: d.lun.hostId } } : {}),
      logical_units: { logical_unit: [lu] },
    },
  };
}

export function createLunDiskRequest(d: NewLunDisk): EngineRequestSpec {
  return { method: 'POST', path: '/disks', body: lunDiskWireBody(d) };
}

export function createLunDisk(d: NewLunDisk, correlationId?: string): Promise<Disk> {
  return sendSpec(createLunDiskRequest(d), diskWire, correlationId);
}

/**
 * The disk a LUN backs, if any: a LUN backs at most one disk (the engine refuses a second with 409). Used
 * before re-sending a create whose answer was lost, so a retry never makes a duplicate. The engine's search has
 * no LUN field, so this lists the direct-LUN disks and looks (GET /disks?search=disk_type=lun).
 */
export async function findLunDisk(lunId: string, signal?: AbortSignal): Promise<Disk | undefined> {
  const disks = await listDisks('disk_type=lun', signal);
  return disks.find((d) => d.storageType === 'lun' && d.lun.id === lunId);
}
