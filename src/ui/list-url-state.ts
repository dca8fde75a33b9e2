// A big list's view in the URL (search text, filter, sort column and direction, page), so a reload or a shared
// link shows the same rows. Unknown or malformed values fall back to the defaults rather than failing the page.

export interface ListUrlSpec {
  /** The filter's URL parameter (e.g. `status`, `type`) and its allowed values; the first is the default. */
  filterParam: string;
  filterValues: readonly string[];
  /** Column keys that can be sorted; `defaultSort` among them. */
  sortKeys: readonly string[];
  defaultSort: string;
}

export interface ListUrlState {
  search: string;
  filter: string;
  sort: string;
  desc: boolean;
  page: number;
}

export function readListState(params: URLSearchParams, spec: ListUrlSpec): ListUrlState {
  const filter = params.get(spec.filterParam);
  const sort = params.get('sort');
  const page = Number(params.get('page'));
  return {
    search: params.get('search') ?? '',
    filter: filter && spec.filterValues.includes(filter) ? filter : (spec.filterValues[0] ?? ''),
    sort: sort && spec.sortKeys.includes(sort) ? sort : spec.defaultSort,
    desc: params.get('dir') === 'desc',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/**
 * The URL parameters for a changed view. A new search, filter or sort starts again at page 1 (the old page number
 * means nothing in another result); defaults are left out so the plain list has a plain URL. Other parameters
 * (e.g. ?scenario=) are kept.
 */
export function writeListState(params: URLSearchParams, spec: ListUrlSpec, next: Partial<ListUrlState>): URLSearchParams {
  const cur = readListState(params, spec);
  const resetsPage = ['search', 'filter', 'sort', 'desc'].some((k) => k in next);
  const s: ListUrlState = { ...cur, ...next, page: next.page ?? (resetsPage ? 1 : cur.page) };
  const out = new URLSearchParams(params);
  const put = (k: string, v: string | undefined) => (v ? out.set(k, v) : out.delete(k));
  put('search', s.search || undefined);
  put(spec.filterParam, s.filter !== spec.filterValues[0] ? s.filter : undefined);
  put('sort', s.sort !== spec.defaultSort ? s.sort : undefined);
  put('dir', s.desc ? 'desc' : undefined);
  put('page', s.page > 1 ? String(s.page) : undefined);
  return out;
}
