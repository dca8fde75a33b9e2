// One page of a big collection (VMs, disks, hosts) through the engine's own search: `search=<conditions> sortby
// <field> asc|desc page <n>` with `max=<page size>`. Upstream (ovirt-engine):
// - searchbackend SyntaxChecker.java `stateMap`: conditions, then SORTBY field ASC|DESC, then PAGE n;
//   `getPagePhrase`: page n with max count m is rows (n-1)·m+1 … n·m.
// - restapi AbstractBackendCollectionResource.getSearchParameters: `max` is the search's max count
//   (Integer.MAX_VALUE when absent), so page n needs max on the same request; util/QueryHelper.parsePageNum reads
//   "page N" from the search text.
// - api-model services/VmsService.java (HostsService, DisksService alike) `List`: in search, max, case_sensitive,
//   …; out the items only — no count or total. So a list knows its exact count only on its last page (fewer than
//   max rows); before that it can say "100 or more", never a made-up total.
// - SyntaxChecker.DISALLOWED_CHARS: `'` and `;` are refused in a search.

import { t } from '../i18n/i18n';

export interface EngineListQuery {
  /** Engine conditions, already in the grammar ("name=*db*", "status=up"); joined with AND. */
  conditions: readonly string[];
  sortBy?: string | undefined;
  desc?: boolean | undefined;
  /** 1-based. */
  page: number;
  max: number;
}

export interface ListPage<T> {
  items: T[];
  page: number;
  max: number;
  /** The exact number of matching items when this page tells it (it holds fewer than max), else undefined. */
  total: number | undefined;
}

/** The `search` text for one page. */
export function engineSearch(q: EngineListQuery): string {
  const parts = [q.conditions.join(' and ')];
  if (q.sortBy) parts.push(`sortby ${q.sortBy} ${q.desc ? 'desc' : 'asc'}`);
  // Page 1 is what the engine returns without `page`; the text stays the same as before paging existed.
  if (q.page > 1) parts.push(`page ${q.page}`);
  return parts.filter(Boolean).join(' ');
}

/** A value in the grammar: quoted when it holds a space, with the characters the engine refuses taken out. */
export function searchValue(v: string): string {
  const clean = v.replace(/['";]/g, '').trim();
  return /\s/.test(clean) ? `"${clean}"` : clean;
}

/** The page read from what the engine sent for it. */
export function toListPage<T>(items: T[], q: EngineListQuery): ListPage<T> {
  return { items, page: q.page, max: q.max, total: items.length < q.max && (items.length > 0 || q.page === 1) ? (q.page - 1) * q.max + items.length : undefined };
}

export type UserSearch = { ok: true; conditions: string[] } | { ok: false; reason: string };

/**
 * What the user typed in a list's search box: plain words match the name (`name=*db*`; a `*` the user typed is
 * kept as the engine's wildcard); `field=value` terms (joined by spaces or "and") go to the engine as typed, for the
 * list's `fields` only. Sorting and paging belong to the list's controls, never to the typed text.
 */
export function userSearch(text: string, nameField: string, fields: readonly string[]): UserSearch {
  const typed = text.trim();
  if (!typed) return { ok: true, conditions: [] };
  if (/['’;]/.test(typed)) return { ok: false, reason: t('api.search.quotes') };
  if (!/[=]/.test(typed)) {
    const v = searchValue(typed.replace(/\s+/g, ' '));
    return { ok: true, conditions: [`${nameField}=${v.includes('*') ? v : v.startsWith('"') ? `"*${v.slice(1, -1)}*"` : `*${v}*`}`] };
  }
  const conditions: string[] = [];
  const re = /\s*(?:and\s+)?([a-z_]+)\s*(!=|=)\s*("[^"]*"|[^\s"]+)\s*/iy;
  let m: RegExpExecArray | null;
  re.lastIndex = 0;
  while (re.lastIndex < typed.length && (m = re.exec(typed))) {
    const [, field = '', rel = '=', value = ''] = m;
    if (!fields.includes(field.toLowerCase())) return { ok: false, reason: t('api.search.searchBy', { fields: fields.join(', '), field: fields[0] ?? 'name' }) };
    conditions.push(`${field.toLowerCase()}${rel}${value}`);
  }
  if (re.lastIndex < typed.length || conditions.length === 0) {
    return { ok: false, reason: t('api.search.writeTerms', { fields: fields.join(', ') }) };
  }
  return { ok: true, conditions };
}
