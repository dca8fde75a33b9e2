import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { Cluster, DataCenter } from '../domain/model';
import { engineRequest } from './transport';
import { wireCollection, wireRef } from './wire';

export const dataCenterWire = z
  .object({ id: z.string(), name: z.string(), status: z.string().optional() })
  .transform((w): DataCenter => ({ id: w.id, name: w.name, status: w.status ?? 'up' }));

export const clusterWire = z
  .object({ id: z.string(), name: z.string(), data_center: wireRef.optional() })
  .transform((w): Cluster => ({ id: w.id, name: w.name, dataCenterId: w.data_center?.id }));

export const dataCenterKeys = {
  all: ['datacenters'] as const,
  list: () => [...dataCenterKeys.all, 'list'] as const,
  clusters: () => ['clusters', 'list'] as const,
};

export function listDataCenters(signal?: AbortSignal): Promise<DataCenter[]> {
  return engineRequest({ path: '/datacenters', schema: wireCollection('data_center', dataCenterWire), signal });
}

export function listClusters(signal?: AbortSignal): Promise<Cluster[]> {
  return engineRequest({ path: '/clusters', schema: wireCollection('cluster', clusterWire), signal });
}

export const dataCentersQueryOptions = () =>
  queryOptions({ queryKey: dataCenterKeys.list(), queryFn: ({ signal }) => listDataCenters(signal) });

export const clustersQueryOptions = () =>
  queryOptions({ queryKey: dataCenterKeys.clusters(), queryFn: ({ signal }) => listClusters(signal) });
