import type { JobRun } from '../engine/engine';
import { migrateVm, startVm, stopVm } from '../engine/ops-vms';
import { collection, vmJson } from '../engine/wire';
import { api, correlationId, json, obj, parseSearch, readJson, searchMatch, str, type EngineRef } from './context';

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
      const terms = parseSearch(url.searchParams.get('search'), ['name', 'status', 'host', 'id']);
      const vms = e.state.vms.filter((v) =>
        terms.every(([k, val]) =>
          k === 'name' ? searchMatch(v.name, val)
          : k === 'status' ? searchMatch(v.status, val)
          : k === 'id' ? v.id === val
          : searchMatch(e.findHost(v.hostId)?.name, val),
        ),
      );
      const follow = (url.searchParams.get('follow') ?? '').split(',').includes('disk_attachments');
      const all = allContent(request, url);
      return json(collection('vm', vms.map((v) => vmJson(v, follow ? { attachments: e.attachmentsOfVm(v.id) } : undefined, { allContent: all }))));
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
