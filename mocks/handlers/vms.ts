import type { JobRun } from '../engine/engine';
import { migrateVm, startVm, stopVm } from '../engine/ops-vms';
import { collection, vmJson } from '../engine/wire';
import { api, correlationId, json, maxParam, obj, readJson, str, type EngineRef } from './context';
import { applyListSearch, parseListSearch } from './list-search';

function actionDone(body: Record<string, unknown>, vmId: string, job: JobRun) {
  // 200 "complete" as soon as the command's synchronous part is done; the VM changes state afterwards (§2.5).
  return json({
    ...body,
    status: 'complete',
    job: { href: `/ovirt-engine/api/v4/jobs/${job.id}`, id: job.id },
    vm: { href: `/ovirt-engine/api/v4/vms/${vmId}`, id: vmId },
  });
}

/** The engine's boolean words (upstream-engine R/util/ParametersHelper.java:34-35); present but empty = true. */
const TRUE_WORD = /^(t(rue)?|y(es)?|1)$/i;

const isTrue = (v: string | null) => v !== null && (v === '' || TRUE_WORD.test(v));

/**
 * all_content as the engine reads it (R/BackendResource.java:302-305 isPopulate): the all_content query parameter
 * OR the All-Content header, each read on its own (`getBooleanParameter(null, uriInfo, …) ||
 * getBooleanParameter(httpHeaders, null, …)`); `empty = true, missing = false` (ParametersHelper.java:137-153), so
 * a parameter present without a value counts as true.
 */
export function allContent(request: Request, url: URL): boolean {
  return isTrue(url.searchParams.get('all_content')) || isTrue(request.headers.get('All-Content'));
}

export function vmHandlers(engine: EngineRef) {
  return [
    ...api(engine, 'get', '/vms', ({ e, url, request }) => {
      // VmConditionFieldAutoCompleter: NAME, STATUS, CLUSTER, ON_HOST (run_on_vds_name), DESCRIPTION, ID; `host` is
      // the Hosts cross-reference (VmCrossRefAutoCompleter: "Vms: host = host01", the admin portal's form), read here as
      // the host the VM runs on. SORTBY takes condition fields only, so the Host column sorts by on_host.
      const hostName = new Map(e.state.hosts.map((h) => [h.id, h.name]));
      const clusterName = new Map(e.state.clusters.map((c) => [c.id, c.name]));
      const q = parseListSearch(url.searchParams.get('search'), ['name', 'status', 'host', 'on_host', 'cluster', 'description', 'id'], ['name', 'status', 'on_host', 'cluster', 'description']);
      const text = (v: (typeof e.state.vms)[number], f: string) =>
        f === 'name' ? v.name
        : f === 'status' ? v.status
        : f === 'host' || f === 'on_host' ? (v.hostId ? hostName.get(v.hostId) : undefined)
        : f === 'cluster' ? clusterName.get(v.clusterId)
        : f === 'description' ? v.description
        : v.id;
      const vms = applyListSearch(e.state.vms, q, maxParam(url), { text, sortKey: (v, f) => text(v, f) ?? '', defaultSort: 'name' });
      const follow = (url.searchParams.get('follow') ?? '').split(',').includes('disk_attachments');
      // Grouped once: attachmentsOfVm per VM is a scan of every attachment (5,000 × 19,000 on the datacenter scenario).
      const byVm = new Map<string, Array<(typeof e.state.attachments)[number]>>();
      if (follow)
        for (const a of e.state.attachments) {
          const list = byVm.get(a.vmId);
          if (list) list.push(a);
          else byVm.set(a.vmId, [a]);
        }
      const all = allContent(request, url);
      return json(collection('vm', vms.map((v) => vmJson(v, follow ? { attachments: byVm.get(v.id) ?? [] } : undefined, { allContent: all }))));
    }),
    ...api(engine, 'get', '/vms/:id', ({ e, p, request, url }) => json(vmJson(e.vm(p('id')), undefined, { allContent: allContent(request, url) }))),
    ...api(engine, 'post', '/vms/:id/start', async ({ e, p, request, url }) => {
      const body = await readJson(request);
      return actionDone(body, p('id'), startVm(e, p('id'), correlationId(request, url)));
    }, { actionEcho: true }),
    ...(['stop', 'shutdown'] as const).flatMap((how) =>
      api(engine, 'post', `/vms/:id/${how}`, async ({ e, p, request, url }) => {
        const body = await readJson(request);
        return actionDone(body, p('id'), stopVm(e, p('id'), how, correlationId(request, url)));
      }, { actionEcho: true }),
    ),
    ...api(engine, 'post', '/vms/:id/migrate', async ({ e, p, request, url }) => {
      const body = await readJson(request);
      const host = obj(body.host);
      let destId = str(host?.id);
      const destName = str(host?.name);
      if (!destId && destName) destId = e.state.hosts.find((h) => h.name === destName)?.id ?? destName;
      return actionDone(body, p('id'), migrateVm(e, p('id'), destId, correlationId(request, url)));
    }, { actionEcho: true }),
  ];
}
