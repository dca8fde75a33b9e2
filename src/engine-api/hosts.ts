import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { HOST_STATUSES, SPM_STATUSES, type Host } from '../domain/model';
import { engineSearch, toListPage, type EngineListQuery } from './list-search';
import { engineRequest } from './transport';
import { openEnum, wireCollection, wireOptString, wireRef } from './wire';

export const hostWire = z
  .object({
    id: z.string(),
    name: z.string(),
    address: z.string().optional(),
    // upstream-model types/HostStatus.java (16 values = HOST_STATUSES); another reads 'unknown' (treated as not Up).
    status: openEnum(HOST_STATUSES, 'a host status'),
    cluster: wireRef.optional(),
    // upstream-model types/SpmStatus.java: none, contending, spm; another value is shown as not SPM.
    spm: z.object({ status: openEnum(SPM_STATUSES, 'an SPM status').optional() }).optional(),
    iscsi: z.object({ initiator: wireOptString }).optional(),
  })
  .transform(
    (w): Host => ({
      id: w.id,
      name: w.name,
      address: w.address ?? '',
      status: w.status,
      clusterId: w.cluster?.id,
      spm: w.spm?.status === undefined || w.spm.status === 'unknown' ? 'none' : w.spm.status,
      iscsiInitiator: w.iscsi?.initiator,
    }),
  );

export const hostListWire = wireCollection('host', hostWire);

export const hostKeys = {
  all: ['hosts'] as const,
  lists: () => [...hostKeys.all, 'list'] as const,
  list: (search?: string) => [...hostKeys.lists(), { search }] as const,
  detail: (id: string) => [...hostKeys.all, 'detail', id] as const,
};

export async function listHosts(search?: string, signal?: AbortSignal): Promise<Host[]> {
  const hosts = await engineRequest({ path: '/hosts', query: { search }, schema: hostListWire, signal });
  return hosts.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}

export function getHost(id: string, signal?: AbortSignal): Promise<Host> {
  return engineRequest({ path: `/hosts/${encodeURIComponent(id)}`, schema: hostWire, signal });
}

export const hostsQueryOptions = (search?: string) =>
  queryOptions({ queryKey: hostKeys.list(search), queryFn: ({ signal }) => listHosts(search, signal) });

export const hostQueryOptions = (id: string) =>
  queryOptions({ queryKey: hostKeys.detail(id), queryFn: ({ signal }) => getHost(id, signal) });

// A page of the host list through the engine's search (engine-api/list-search.ts). One request per page.
export const hostsPageQueryOptions = (q: EngineListQuery) =>
  queryOptions({
    queryKey: [...hostKeys.lists(), 'page', q] as const,
    queryFn: async ({ signal }) => {
      const items = await engineRequest({ path: '/hosts', query: { search: engineSearch(q) || undefined, max: String(q.max) }, schema: hostListWire, signal });
      return toListPage(items, q);
    },
  });
