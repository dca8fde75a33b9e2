import { collection, eventJson, jobJson, stepJson } from '../engine/wire';
import { api, int, json, parseSearch, searchMatch, type EngineRef } from './context';
import { checkQuery } from './filter';

export function jobHandlers(engine: EngineRef) {
  return [
    ...api(engine, 'get', '/jobs', (ctx) => {
      const { e, url } = ctx;
      // Filtered (a non-admin user by default), the engine runs GetAllJobs instead of the search
      // (BackendJobsResource.java:28-31) — an admin-only query (QueryType.java: GetAllJobs has no
      // QueryAuthType.User), so a filtered session is refused outright: 400 "Query execution failed due to
      // insufficient permissions." (filter.ts). The search is never applied to a filtered user.
      checkQuery(ctx, true);
      // The job search has exactly one field, correlation_id (searchbackend JobConditionFieldAutoCompleter.java).
      const terms = parseSearch(url.searchParams.get('search'), ['correlation_id']);
      const max = int(url.searchParams.get('max') ?? undefined);
      // The engine's job search sorts by start time, oldest first (SearchObjectAutoCompleter.java: JOB entry
      // "start_time ASC"): `max` keeps the oldest.
      const jobs = e.state.jobs
        .filter((j) => terms.every(([, v]) => j.correlationId === v))
        .sort((a, b) => a.startTime - b.startTime);
      return json(collection('job', (max !== undefined ? jobs.slice(0, max) : jobs).map(jobJson)));
    }),
    ...api(engine, 'get', '/jobs/:id', ({ e, p }) => {
      const j = e.state.jobs.find((x) => x.id === p('id'));
      return j ? json(jobJson(j)) : new Response(null, { status: 404 });
    }),
    ...api(engine, 'get', '/jobs/:id/steps', (ctx) => {
      const { e, p } = ctx;
      // GetStepsWithSubjectEntitiesByJobId is admin-only too (BackendStepsResource.java:33, QueryType.java).
      checkQuery(ctx, true);
      if (!e.state.jobs.some((x) => x.id === p('id'))) return new Response(null, { status: 404 });
      return json(collection('step', e.state.steps.filter((st) => st.jobId === p('id')).map(stepJson)));
    }),
    ...api(engine, 'get', '/events', (ctx) => {
      const { e, url } = ctx;
      // Filtered, the engine intersects GetAllEventMessages (a User query) with the search
      // (BackendEventsResource.java:55-58): the search is honoured. The emulator does not model per-object
      // permissions, so a filtered user sees every event.
      checkQuery(ctx, false);
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
