import { discoverTargets, listHostLuns, loginTarget } from '../engine/ops-storage';
import { notFound } from '../engine/messages';
import { atLeast, FEATURE_SINCE } from '../engine/version';
import { collection, hostJson, hostStorageJson } from '../engine/wire';
import { api, int, json, maxParam, obj, queryBool, readJson, str, type EngineRef } from './context';
import { applyListSearch, parseListSearch } from './list-search';
import { checkAdminActionGroup, checkQuery } from './filter';

export function hostHandlers(engine: EngineRef) {
  return [
    ...api(engine, 'get', '/hosts', ({ e, url }) => {
      // VdsConditionFieldAutoCompleter: NAME (vds_name), STATUS, CLUSTER (cluster_name), ADDRESS, ID; sortable the same.
      // It has no SPM status field (SPM_ID is the host's number in the pool), so the SPM column cannot be sorted.
      const clusterName = new Map(e.state.clusters.map((c) => [c.id, c.name]));
      const q = parseListSearch(url.searchParams.get('search'), ['name', 'status', 'cluster', 'address', 'id'], ['name', 'status', 'cluster', 'address']);
      const text = (h: (typeof e.state.hosts)[number], f: string) =>
        f === 'name' ? h.name : f === 'status' ? h.status : f === 'cluster' ? clusterName.get(h.clusterId) : f === 'address' ? h.address : h.id;
      const hosts = applyListSearch(e.state.hosts, q, maxParam(url), { text, sortKey: (h, f) => text(h, f) ?? '', defaultSort: 'name' });
      return json(collection('host', hosts.map((h) => hostJson(e, h))));
    }),
    ...api(engine, 'get', '/hosts/:id', (ctx) => {
      checkQuery(ctx, true); // GetVdsByVdsId: admin-only (BackendHostResource.java:107, QueryType.java)
      return json(hostJson(ctx.e, ctx.e.host(ctx.p('id'))));
    }),
    // discoveriscsi (4.4.6+) and the deprecated iscsidiscover run the same code (R/BackendHostResource.java
    // discoverIscsi: `return iscsiDiscover(action);`) and answer with both lists. An engine before 4.4.6 has no
    // discoveriscsi sub-resource (api-model services/HostService.java `DiscoverIscsi` is `@since 4.4.6`): 404; its
    // iscsidiscover fills only iscsi_targets (discovered_targets came with DiscoverIscsi, bz 1926819).
    ...['discoveriscsi', 'iscsidiscover'].flatMap((action) =>
      api(
        engine,
        'post',
        `/hosts/:id/${action}`,
        async (ctx) => {
          const { e, p, request } = ctx;
          const modern = atLeast(e.version, FEATURE_SINCE.discoverIscsi);
          if (action === 'discoveriscsi' && !modern) throw notFound();
          checkQuery(ctx, true); // DiscoverSendTargets: admin-only (BackendHostResource.java:544, QueryType.java)
          const body = await readJson(request);
          const iscsi = obj(body.iscsi) ?? {};
          const found = await discoverTargets(e, p('id'), {
            address: str(iscsi.address),
            port: int(iscsi.port),
            username: str(iscsi.username),
            password: str(iscsi.password),
          });
          const iqns = [...new Set(found.map((f) => f.target))];
          return json({
            iscsi: { ...iscsi, port: String(int(iscsi.port) ?? 3260) },
            ...(iqns.length > 0 ? { iscsi_targets: { iscsi_target: iqns } } : {}),
            ...(found.length > 0 && modern
              ? { discovered_targets: { iscsi_details: found.map((f) => ({ address: f.address, port: String(f.port), portal: f.portal, target: f.target })) } }
              : {}),
            status: 'complete',
          });
        },
      ),
    ),
    ...api(
      engine,
      'post',
      '/hosts/:id/iscsilogin',
      async (ctx) => {
        const { e, p, request } = ctx;
        // ConnectStorageToVds needs CREATE_STORAGE_DOMAIN on System (ActionType.java:335,
        // StorageServerConnectionCommandBase.getPermissionCheckSubjects), an ADMIN action group.
        checkAdminActionGroup(ctx, 'action');
        const body = await readJson(request);
        const iscsi = obj(body.iscsi) ?? {};
        const hostId = p('id');
        await loginTarget(e, hostId, {
          address: str(iscsi.address),
          port: int(iscsi.port),
          target: str(iscsi.target),
          username: str(iscsi.username),
          password: str(iscsi.password),
          tpgt: str(iscsi.portal),
        });
        return json({ iscsi, host: { href: `/ovirt-engine/api/v4/hosts/${hostId}`, id: hostId }, status: 'complete' });
      },
      { actionEcho: true },
    ),
    ...api(engine, 'get', '/hosts/:id/storage', async (ctx) => {
      const { e, p, url } = ctx;
      checkQuery(ctx, true); // GetDeviceList: admin-only (BackendHostStorageResource.java getLogicalUnits, QueryType.java)
      const hostId = p('id');
      const reportStatus = queryBool(url, 'report_status', true);
      const luns = await listHostLuns(e, hostId);
      return json(collection('host_storage', luns.map((l) => hostStorageJson(e, hostId, l, reportStatus))));
    }),
  ];
}
