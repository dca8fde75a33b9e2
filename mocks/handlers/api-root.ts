// GET /ovirt-engine/api (and /ovirt-engine/api/v4): the API's entry point, as upstream-engine
// R/BackendApiResource.java get() builds it. What the console reads is product_info.version; the rest is what a real
// root carries and is cheap to give: special_objects, the summary (unfiltered requests only), time, the authenticated user.
// Like every API path it needs a valid token (restapi web.xml maps EnforceAuthFilter to /*), so the emulator's token
// check (context.ts `api`) applies.
import { formatEngineVersion } from '../engine/version';
import type { Engine } from '../engine/engine';
import { api, json, type EngineRef } from './context';
import { isFiltered } from './filter';
import { requestUser } from './http-session';

const API = '/ovirt-engine/api';

/** A stable UUID-shaped id from a name (the emulator's users carry none). */
function idFrom(name: string): string {
  let h = 0x811c9dc5;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (const ch of `${round}:${name}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    hex.push(h.toString(16).padStart(8, '0'));
  }
  const x = hex.join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** The user the request was authenticated as: by its cookie session or its token (http-session.ts). */
function tokenUser(e: Engine, request: Request): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(request.headers.get('Authorization') ?? '');
  return requestUser(request) ?? (m ? e.state.tokens.find((t) => t.token === m[1])?.user : undefined);
}

/** `{total, active}` as the engine's ApiSummaryItem, integers as strings. */
function item(total: number, active: number) {
  return { active: String(active), total: String(total) };
}

export function apiRootJson(e: Engine, userName: string | undefined, opts: { filtered?: boolean } = {}) {
  const v = e.version;
  const user = userName ? { href: `${API}/users/${idFrom(userName)}`, id: idFrom(userName) } : undefined;
  return {
    // ProductInfo.java: name and vendor from the branding (obrand.backend.product / obrand.backend.vendor), the
    // instance id, and Version.java major/minor/build/revision (Integers, strings in JSON) from GetProductVersion,
    // full_version from the ProductRPMVersion option that engine-setup writes (BackendApiResource.addSystemVersion).
    product_info: {
      instance_id: idFrom('instance'),
      name: 'oVirt Engine',
      vendor: 'ovirt.org',
      version: {
        build: String(v.build),
        full_version: `${formatEngineVersion(v)}-1`,
        major: String(v.major),
        minor: String(v.minor),
        revision: String(v.revision),
      },
    },
    special_objects: {
      blank_template: { href: `${API}/templates/00000000-0000-0000-0000-000000000000`, id: '00000000-0000-0000-0000-000000000000' },
      root_tag: { href: `${API}/tags/00000000-0000-0000-0000-000000000000`, id: '00000000-0000-0000-0000-000000000000' },
    },
    // R/BackendApiResource.java:284-288: `if (!isFiltered()) { addSummary(api); … }` — "only add summary for
    // admin-users, since non-admin users don't have permission to see the system summary" (bz 1612124). Filtered as
    // every request is (filter.ts isFiltered: the Filter header or query, else filtered unless an admin).
    ...(opts.filtered
      ? {}
      : {
          summary: {
            hosts: item(e.state.hosts.length, e.state.hosts.filter((h) => h.status === 'up').length),
            storage_domains: item(e.state.storageDomains.length, e.state.storageDomains.length),
            users: item(e.state.users.length, new Set(e.state.tokens.map((t) => t.user)).size),
            vms: item(e.state.vms.length, e.state.vms.filter((x) => x.status !== 'down').length),
          },
        }),
    time: e.now(),
    ...(user ? { authenticated_user: user, effective_user: user } : {}),
    link: ['hosts', 'vms', 'disks', 'storagedomains', 'datacenters', 'clusters', 'jobs', 'events'].map((rel) => ({ href: `${API}/${rel}`, rel })),
  };
}

export function apiRootHandlers(engine: EngineRef) {
  return api(engine, 'get', '', ({ e, request, url }) =>
    json(apiRootJson(e, tokenUser(e, request), { filtered: isFiltered({ e, request, url }) })),
  );
}
