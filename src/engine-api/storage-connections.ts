import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { StorageConnection } from '../domain/model';
import { engineRequest } from './transport';
import { wireCollection, wireInt, wireOptString } from './wire';

// The engine never returns a connection's password (StorageDomainMapper), so there is none to parse.
export const storageConnectionWire = z
  .object({
    id: z.string(),
    type: z.string(),
    address: wireOptString,
    port: wireInt.optional(),
    target: wireOptString,
    username: wireOptString,
    path: wireOptString,
  })
  .transform(
    (w): StorageConnection => ({
      id: w.id,
      type: w.type,
      address: w.address,
      port: w.port,
      target: w.target,
      username: w.username,
      path: w.path,
    }),
  );

export const storageConnectionListWire = wireCollection('storage_connection', storageConnectionWire);

export const storageConnectionKeys = {
  all: ['storageconnections'] as const,
  list: () => [...storageConnectionKeys.all, 'list'] as const,
};

export function listStorageConnections(signal?: AbortSignal): Promise<StorageConnection[]> {
  return engineRequest({ path: '/storageconnections', schema: storageConnectionListWire, signal });
}

export const storageConnectionsQueryOptions = () =>
  queryOptions({ queryKey: storageConnectionKeys.list(), queryFn: ({ signal }) => listStorageConnections(signal) });
