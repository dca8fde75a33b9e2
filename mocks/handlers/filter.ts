// Whether the engine answers a request "filtered" (by the user's permissions) — and what it then refuses — as the
// REST layer decides it (decision 043):
// - BaseBackendResource.isFiltered() (restapi/jaxrs …/resource/BaseBackendResource.java:402-413): the `Filter`
//   header (or query parameter) when sent; otherwise false for an admin user and ENGINE_API_FILTER_BY_DEFAULT for
//   anyone else ("true": packaging/services/ovirt-engine/ovirt-engine.conf.in:555).
// - QueriesCommandBase.validatePermissions() (bll …/QueriesCommandBase.java:155-171): a filtered query runs only if
//   its QueryType is not admin-only (`return !queryType.isAdmin()`); an unfiltered one only for an admin user
//   (`return getUser().isAdmin()`). Otherwise the query fails with "Query execution failed due to insufficient
//   permissions.", which the REST layer answers 400 Operation Failed (BackendResource.backendFailure →
//   ErrorMessageHelper.getErrorStatus: not an EngineMessage → null → handleError's BAD_REQUEST).
import type { Engine } from '../engine/engine';
import { EngineFault } from '../engine/messages';
import { bool, type ApiCtx } from './context';
import { requestUser as sessionUser } from './http-session';

/** The user the request was authenticated as, by its cookie session or its bearer token (http-session.ts). */
function requestUser(e: Engine, request: Request) {
  const m = /^Bearer\s+(.+)$/i.exec(request.headers.get('Authorization') ?? '');
  const name = sessionUser(request) ?? e.state.tokens.find((t) => t.token === m?.[1])?.user;
  return e.state.users.find((u) => u.name === name);
}

/** ENGINE_API_FILTER_BY_DEFAULT as packaged (ovirt-engine.conf.in:555). */
const FILTER_BY_DEFAULT = true;

export function isFiltered({ e, request, url }: Pick<ApiCtx, 'e' | 'request' | 'url'>): boolean {
  // ParametersHelper.getBooleanParameter(httpHeaders, uriInfo, "filter", true, null): header, then the query; an
  // empty value counts as true.
  const raw = request.headers.get('Filter') ?? url.searchParams.get('filter');
  if (raw !== null) return raw.trim() === '' ? true : (bool(raw) ?? true);
  const admin = requestUser(e, request)?.admin !== false;
  return admin ? false : FILTER_BY_DEFAULT;
}

export const INSUFFICIENT_PERMISSIONS = 'Query execution failed due to insufficient permissions.';

/**
 * Runs the engine's query permission check for a request served by one backend query. `adminQuery`: its QueryType
 * has no QueryAuthType.User (QueryType.java: GetAllJobs, GetStepsWithSubjectEntitiesByJobId, GetDeviceList,
 * DiscoverSendTargets, GetVdsByVdsId are admin-only; GetAllEventMessages, Search, GetAllHosts,
 * GetAllStorageDomains are User).
 */
export function checkQuery(ctx: Pick<ApiCtx, 'e' | 'request' | 'url'>, adminQuery: boolean): void {
  const allowed = isFiltered(ctx) ? !adminQuery : requestUser(ctx.e, ctx.request)?.admin !== false;
  if (!allowed) throw new EngineFault(400, 'Operation Failed', INSUFFICIENT_PERMISSIONS);
}

/**
 * A command's permission check on an action group of RoleType.ADMIN (ActionGroup.java), which does not depend on
 * filtering: such a group can only be granted through an admin role, so a user who is not an admin is refused —
 * USER_NOT_AUTHORIZED_TO_PERFORM_ACTION (EngineMessage.java:657, ErrorType.NO_PERMISSION → 403 by
 * ErrorMessageHelper.getStatus), "User is not authorized to perform this action." (AppErrors.properties:1121);
 * an action echoes it with `status: failed` (AbstractBackendActionableResource.handleError), a create answers the
 * bare fault.
 */
export function checkAdminActionGroup(ctx: Pick<ApiCtx, 'e' | 'request'>, envelope: 'action' | 'bare'): void {
  if (requestUser(ctx.e, ctx.request)?.admin !== false) return;
  const fault = new EngineFault(403, 'Operation Failed', '[User is not authorized to perform this action.]');
  throw envelope === 'action' ? fault.asAction() : fault;
}
