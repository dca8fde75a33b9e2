import { collection, eventJson, jobJson, stepJson } from '../engine/wire';
import { api, int, json, parseSearch, searchMatch, type EngineRef } from './context';

export function jobHandlers(engine: EngineRef) {
  return [
    ...api(engine, 'get', '/jobs', ({ e, url }) => {
      const terms = parseSearch(url.searchParams.get('search'), ['correlation_id', 'status', 'description']);
      const jobs = e.state.jobs.filter((j) =>
        terms.every(([k, v]) =>
          k === 'correlation_id' ? j.correlationId === v : k === 'status' ? searchMatch(j.status, v) : searchMatch(j.description, v),
        ),
      );
      return json(collection('job', [...jobs].reverse().map(jobJson)));
    }),
    ...api(engine, 'get', '/jobs/:id', ({ e, p }) => {
      const j = e.state.jobs.find((x) => x.id === p('id'));
      return j ? json(jobJson(j)) : new Response(null, { status: 404 });
    }),
    ...api(engine, 'get', '/jobs/:id/steps', ({ e, p }) => {
      if (!e.state.jobs.some((x) => x.id === p('id'))) return new Response(null, { status: 404 });
      return json(collection('step', e.state.steps.filter((st) => st.jobId === p('id')).map(stepJson)));
    }),
    ...api(engine, 'get', '/events', ({ e, url }) => {
      // The engine's event search fields: message, severity, correlation_id, event_vm, event_host (newest first).
      const terms = parseSearch(url.searchParams.get('search'), ['message', 'severity', 'correlation_id', 'event_vm', 'event_host']);
      const max = int(url.searchParams.get('max') ?? undefined);
      const events = e.state.events.filter((ev) =>
        terms.every(([k, v]) =>
          k === 'message' ? searchMatch(ev.description, v)
          : k === 'severity' ? searchMatch(ev.severity, v)
          : k === 'correlation_id' ? ev.correlationId === v
          : k === 'event_vm' ? searchMatch(e.findVmOrUndefined(ev.vmId ?? '')?.name, v)
          : searchMatch(e.findHost(ev.hostId)?.name, v),
        ),
      );
      const newestFirst = [...events].reverse();
      return json(collection('event', (max ? newestFirst.slice(0, max) : newestFirst).map(eventJson)));
    }),
  ];
}
