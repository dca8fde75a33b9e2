// GET /storageconnections and /storageconnections/{id}: the connections the engine stores, with the iSCSI CHAP
// user — the only place a real engine reports it (a disk's lun_storage never carries it: upstream-engine
// T/StorageLogicalUnitMapper.java map(LUNs, LogicalUnit) copies only the first connection's address, port and
// target). upstream-model services/StorageServerConnectionsService.java (List), types/StorageConnection.java.
//
// Administrators only: the engine runs GetAllStorageServerConnections (R/BackendStorageServerConnectionsResource.java
// list()), an admin query (common/queries/QueryType.java: declared without QueryAuthType.User, so `Admin`), and a
// filtered request — the default for a non-admin user, R/BaseBackendResource.java isFiltered() — of an admin query is
// refused (bll/QueriesCommandBase.java validatePermissions: `if (parameters.isFiltered()) return !queryType.isAdmin();`,
// "Query execution failed due to insufficient permissions."). Callers treat any failure as "not reported".
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { StorageConnection } from '../domain/model';
import { engineRequest } from './transport';
import { wireCollection, wireInt, wireOptString } from './wire';

export const storageConnectionWire = z
  .object({
    id: z.string(),
    type: wireOptString,
    address: wireOptString,
    port: wireInt.optional(),
    target: wireOptString,
    username: wireOptString,
  })
  .transform(
    (w): StorageConnection => ({ id: w.id, type: w.type, address: w.address, port: w.port, target: w.target, username: w.username }),
  );

export const storageConnectionListWire = wireCollection('storage_connection', storageConnectionWire);

export const storageConnectionKeys = {
  all: ['storageconnections'] as const,
  list: () => [...storageConnectionKeys.all, 'list'] as const,
  detail: (id: string) => [...storageConnectionKeys.all, 'detail', id] as const,
};

export function listStorageConnections(signal?: AbortSignal): Promise<StorageConnection[]> {
  return engineRequest({ path: '/storageconnections', schema: storageConnectionListWire, signal });
}

export function getStorageConnection(id: string, signal?: AbortSignal): Promise<StorageConnection> {
  return engineRequest({ path: `/storageconnections/${encodeURIComponent(id)}`, schema: storageConnectionWire, signal });
}

export const storageConnectionsQueryOptions = () =>
  queryOptions({
    queryKey: storageConnectionKeys.list(),
    queryFn: ({ signal }) => listStorageConnections(signal),
    // A 403/400 for a non-admin user is an answer, not a hiccup: asking again changes nothing.
    retry: false,
  });
