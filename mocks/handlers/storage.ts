import { backendFailure } from '../engine/messages';
import { collection, storageConnectionJson, storageDomainJson } from '../engine/wire';
import { api, json, type EngineRef } from './context';

/**
 * GET /storageconnections[/{id}] run admin queries (GetAllStorageServerConnections, GetStorageServerConnectionById:
 * upstream-engine common/queries/QueryType.java declares them without QueryAuthType.User, i.e. Admin), and a filtered
 * request of an admin query is refused (bll/QueriesCommandBase.java validatePermissions: `if
 * (parameters.isFiltered()) return !queryType.isAdmin();` → "Query execution failed due to insufficient
 * permissions."; the REST layer turns the failed query into a fault, R/BackendResource.java getBackendCollection →
 * backendFailure; 400 is ErrorMessageHelper's default status for a message it does not classify).
 * Filtered = the request's `Filter: true` header (R/BaseBackendResource.java isFiltered()).
 */
function refuseFiltered(request: Request) {
  if (request.headers.get('Filter')?.trim().toLowerCase() === 'true') {
    throw backendFailure(400, 'Query execution failed due to insufficient permissions.');
  }
}

export function storageHandlers(engine: EngineRef) {
  return [
    ...api(engine, 'get', '/storagedomains', ({ e }) =>
      json(collection('storage_domain', e.state.storageDomains.map((sd) => storageDomainJson(e, sd)))),
    ),
    ...api(engine, 'get', '/storagedomains/:id', ({ e, p }) => {
      const sd = e.state.storageDomains.find((x) => x.id === p('id'));
      return sd ? json(storageDomainJson(e, sd)) : new Response(null, { status: 404 });
    }),
    ...api(engine, 'get', '/storageconnections', ({ e, request }) => {
      refuseFiltered(request);
      return json(collection('storage_connection', e.state.connections.map(storageConnectionJson)));
    }),
    ...api(engine, 'get', '/storageconnections/:id', ({ e, request, p }) => {
      refuseFiltered(request);
      const c = e.state.connections.find((x) => x.id === p('id'));
      return c ? json(storageConnectionJson(c)) : new Response(null, { status: 404 });
    }),
    ...api(engine, 'get', '/datacenters', ({ e }) =>
      json(
        collection(
          'data_center',
          e.state.dataCenters.map((d) => ({ name: d.name, status: d.status, local: 'false', href: `/ovirt-engine/api/v4/datacenters/${d.id}`, id: d.id })),
        ),
      ),
    ),
    ...api(engine, 'get', '/clusters', ({ e }) =>
      json(
        collection(
          'cluster',
          e.state.clusters.map((c) => ({
            name: c.name,
            data_center: { href: `/ovirt-engine/api/v4/datacenters/${c.dataCenterId}`, id: c.dataCenterId },
            href: `/ovirt-engine/api/v4/clusters/${c.id}`,
            id: c.id,
          })),
        ),
      ),
    ),
  ];
}
