import type { EmCluster, EmDataCenter } from '../engine/state';
import { collection, storageConnectionJson, storageDomainJson } from '../engine/wire';
import { api, json, type EngineRef } from './context';
import { checkQuery, isFiltered } from './filter';

function dataCenterJson(d: EmDataCenter) {
  return { name: d.name, status: d.status, local: 'false', href: `/ovirt-engine/api/v4/datacenters/${d.id}`, id: d.id };
}

function clusterJson(c: EmCluster) {
  return {
    name: c.name,
    data_center: { href: `/ovirt-engine/api/v4/datacenters/${c.dataCenterId}`, id: c.dataCenterId },
    href: `/ovirt-engine/api/v4/clusters/${c.id}`,
    id: c.id,
  };
}

export function storageHandlers(engine: EngineRef) {
  return [
    // Filtered, the engine maps no volume group (no logical units) into a storage domain
    // (BackendStorageDomainsResource.java:354 "if (!isFiltered())" around mapVolumeGroupIscsi/Fcp).
    ...api(engine, 'get', '/storagedomains', (ctx) =>
      json(collection('storage_domain', ctx.e.state.storageDomains.map((sd) => storageDomainJson(ctx.e, sd, { filtered: isFiltered(ctx) })))),
    ),
    ...api(engine, 'get', '/storagedomains/:id', (ctx) => {
      const sd = ctx.e.state.storageDomains.find((x) => x.id === ctx.p('id'));
      return sd ? json(storageDomainJson(ctx.e, sd, { filtered: isFiltered(ctx) })) : new Response(null, { status: 404 });
    }),
    // GetAllStorageServerConnections / GetStorageServerConnectionById are admin queries (QueryType.java:342-343,
    // 558-560): refused for a filtered request and for a user who is not an admin (filter.ts checkQuery).
    ...api(engine, 'get', '/storageconnections', (ctx) => {
      checkQuery(ctx, true);
      return json(collection('storage_connection', ctx.e.state.connections.map(storageConnectionJson)));
    }),
    ...api(engine, 'get', '/storageconnections/:id', (ctx) => {
      const { e, p } = ctx;
      checkQuery(ctx, true);
      const c = e.state.connections.find((x) => x.id === p('id'));
      return c ? json(storageConnectionJson(c)) : new Response(null, { status: 404 });
    }),
    ...api(engine, 'get', '/datacenters', ({ e }) => json(collection('data_center', e.state.dataCenters.map(dataCenterJson)))),
    // An entity by id, as the SDK's follow_link and the Ansible modules' get_link_name fetch a reference's href
    // (python-ovirt-engine-sdk4 lib/ovirtsdk4/__init__.py follow_link; ovirt-ansible-collection
    // plugins/module_utils/ovirt.py get_link_name, e.g. ovirt_vm's update_check on `entity.cluster`).
    ...api(engine, 'get', '/datacenters/:id', ({ e, p }) => {
      const d = e.state.dataCenters.find((x) => x.id === p('id'));
      return d ? json(dataCenterJson(d)) : new Response(null, { status: 404 });
    }),
    ...api(engine, 'get', '/clusters', ({ e }) => json(collection('cluster', e.state.clusters.map(clusterJson)))),
    ...api(engine, 'get', '/clusters/:id', ({ e, p }) => {
      const c = e.state.clusters.find((x) => x.id === p('id'));
      return c ? json(clusterJson(c)) : new Response(null, { status: 404 });
    }),
  ];
}
