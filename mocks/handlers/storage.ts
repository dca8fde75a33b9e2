import { collection, storageConnectionJson, storageDomainJson } from '../engine/wire';
import { api, json, type EngineRef } from './context';

export function storageHandlers(engine: EngineRef) {
  return [
    ...api(engine, 'get', '/storagedomains', ({ e }) =>
      json(collection('storage_domain', e.state.storageDomains.map((sd) => storageDomainJson(e, sd)))),
    ),
    ...api(engine, 'get', '/storagedomains/:id', ({ e, p }) => {
      const sd = e.state.storageDomains.find((x) => x.id === p('id'));
      return sd ? json(storageDomainJson(e, sd)) : new Response(null, { status: 404 });
    }),
    ...api(engine, 'get', '/storageconnections', ({ e }) =>
      json(collection('storage_connection', e.state.connections.map(storageConnectionJson))),
    ),
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
