// The frame of the big lists (VMs, disks, hosts): a filter, a search box, sortable columns, the count and paging,
// all kept in the URL (list-url-state.ts), and the loading, empty and error states. The rows are one page of the
// engine's own search (engine-api/list-search.ts): one request per page, `max` rows, polled at the views' rate
// (polling.ts) — never the whole collection, never a request per row.
import { Button, HelperText, HelperTextItem, SearchInput, ToggleGroup, ToggleGroupItem, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { SortByDirection, Table, Tbody, Td, Th, Thead, Tr, type ThProps } from '@patternfly/react-table';
import { keepPreviousData, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { t } from '../i18n/i18n';
import { userSearch, type EngineListQuery, type ListPage } from '../engine-api/list-search';
import { readListState, writeListState, type ListUrlSpec, type ListUrlState } from './list-url-state';
import { useViewPollInterval } from './polling';
import { Empty, LoadError, Loading } from './QueryStates';
import './engine-list.css';

export const LIST_PAGE_SIZE = 100;

export interface ListColumn<T> {
  key: string;
  title: string;
  /** The engine's sort field for this column; without it the column cannot be sorted and `unsortable` says why. */
  sortField?: string;
  unsortable?: string;
  cell: (row: T) => ReactNode;
  /** An identifier: monospace, on one line, whole (never cut: it is read and copied). */
  mono?: boolean;
  /** Short values (sizes, yes/no, a type): the column as wide as its widest value, on one line. */
  fit?: boolean;
  /**
   * The engine's own data only (names, descriptions the user typed, IDs): the cell is marked `translate="no"` so a
   * page translator leaves it alone (decision 051). Identifiers (`mono`) are always marked.
   */
  engineData?: boolean;
}

// Column widths for any window (docs/decisions/050): a header is never cut (it sets its column's minimum width, on
// one line); identifiers and short values stay on one line; the long texts (names, descriptions, "attached to") take
// the rest and wrap.
const monoCell = { fontFamily: 'var(--pf-t--global--font--family--mono)', fontSize: '0.875em', whiteSpace: 'nowrap' } as const;

export interface ListFilter {
  param: string;
  label: string;
  /** The first option is "all" (no condition). */
  options: ReadonlyArray<{ value: string; label: string; condition?: string }>;
}

export interface EngineListProps<T, K extends readonly unknown[]> {
  /** The table's accessible name and the words for the states ("virtual machines"). */
  label: string;
  what: string;
  columns: ReadonlyArray<ListColumn<T>>;
  defaultSort: string;
  filter: ListFilter;
  search: { label: string; placeholder: string; nameField: string; fields: readonly string[] };
  pageQuery: (q: EngineListQuery) => UseQueryOptions<ListPage<T>, Error, ListPage<T>, K>;
  rowKey: (row: T) => string;
  emptyAll: ReactNode;
  rowActions?: ((row: T) => ReactNode) | undefined;
}

/** What the count says: exact only when the engine's page tells it (the engine has no count query). */
export function countText(page: ListPage<unknown>, what: string): string {
  const first = (page.page - 1) * page.max + 1;
  const last = first + page.items.length - 1;
  if (page.items.length === 0) return page.total === 0 ? t('common.list.countNone', { what }) : '';
  if (page.total !== undefined) return t('common.list.count', { first, last, total: page.total, what });
  return t('common.list.countOrMore', { first, last, what });
}

export function EngineList<T, K extends readonly unknown[]>(props: EngineListProps<T, K>) {
  const { columns, filter } = props;
  const spec: ListUrlSpec = {
    filterParam: filter.param,
    filterValues: filter.options.map((o) => o.value),
    sortKeys: columns.filter((c) => c.sortField).map((c) => c.key),
    defaultSort: props.defaultSort,
  };
  const [params, setParams] = useSearchParams();
  const view = readListState(params, spec);
  // The URL as this list last wrote it. React Router 7 renders a navigation as a transition: a second click before
  // that render (All, then Next page, on a busy machine) saw the render's old parameters and wrote the first change
  // back out. Each change builds on the last one written instead.
  const written = useRef(params);
  useLayoutEffect(() => {
    written.current = params;
  }, [params]);
  const set = (next: Partial<ListUrlState> | ((cur: ListUrlState) => Partial<ListUrlState>)) => {
    const out = writeListState(written.current, spec, typeof next === 'function' ? next(readListState(written.current, spec)) : next);
    written.current = out;
    setParams(out, { replace: true });
  };
  // What is in the box, as typed; the URL (and the request) follow it while it reads as a search.
  const [typed, setTyped] = useState(view.search);
  const parsed = userSearch(typed === view.search ? view.search : typed, props.search.nameField, props.search.fields);
  const urlSearch = userSearch(view.search, props.search.nameField, props.search.fields);
  const filterCondition = filter.options.find((o) => o.value === view.filter)?.condition;
  const sortCol = columns.find((c) => c.key === view.sort);
  const q: EngineListQuery = {
    conditions: [...(urlSearch.ok ? urlSearch.conditions : []), ...(filterCondition ? [filterCondition] : [])],
    // The default view (the first column, ascending) is the engine's own default order (vm_name / vds_name /
    // disk_alias ASC, searchbackend SearchObjectAutoCompleter), so no sortby is sent for it. That also keeps a
    // filtered user's VM search a search: "sortby name asc" with max sends the engine down the VM portal's
    // GetAllVmsFilteredAndSorted, which ignores the conditions (restapi BackendVmsResource.list,
    // isSortedAndMaxResults).
    sortBy: view.sort === props.defaultSort && !view.desc ? undefined : sortCol?.sortField,
    desc: view.desc,
    page: view.page,
    max: LIST_PAGE_SIZE,
  };
  const poll = useViewPollInterval();
  const list = useQuery({ ...props.pageQuery(q), refetchInterval: poll, placeholderData: keepPreviousData, enabled: urlSearch.ok });

  const onType = (v: string) => {
    setTyped(v);
    if (userSearch(v, props.search.nameField, props.search.fields).ok) set({ search: v });
  };

  const sortProps = (c: ListColumn<T>, index: number): ThProps['sort'] | undefined =>
    c.sortField
      ? {
          sortBy: { index: columns.findIndex((x) => x.key === view.sort), direction: view.desc ? SortByDirection.desc : SortByDirection.asc, defaultDirection: SortByDirection.asc },
          onSort: (_e, _i, dir) => set({ sort: c.key, desc: dir === SortByDirection.desc }),
          columnIndex: index,
        }
      : undefined;

  const page = list.data;
  const searching = view.search.trim() !== '' || view.filter !== spec.filterValues[0];
  return (
    <>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <span id={`${filter.param}-filter-label`} style={{ marginRight: '0.5rem' }}>
              {t('common.list.filterLabel', { label: filter.label })}
            </span>
            <ToggleGroup aria-labelledby={`${filter.param}-filter-label`}>
              {filter.options.map((f) => (
                <ToggleGroupItem key={f.value} text={f.label} buttonId={`${filter.param}-filter-${f.value}`} isSelected={view.filter === f.value} onChange={() => set({ filter: f.value })} />
              ))}
            </ToggleGroup>
          </ToolbarItem>
          <ToolbarItem>
            <div>
              <SearchInput
                aria-label={props.search.label}
                placeholder={props.search.placeholder}
                resetButtonLabel={t('common.list.searchReset')}
                value={typed}
                onChange={(_e, v) => onType(v)}
                onClear={() => onType('')}
                aria-invalid={!parsed.ok}
                aria-describedby={parsed.ok ? undefined : `${filter.param}-search-error`}
              />
              {parsed.ok ? null : (
                <HelperText id={`${filter.param}-search-error`}>
                  <HelperTextItem variant="error" screenReaderText={t('pf.helper.error')}>{parsed.reason}</HelperTextItem>
                </HelperText>
              )}
            </div>
          </ToolbarItem>
          <ToolbarItem align={{ default: 'alignEnd' }}>
            <span role="status" aria-live="polite" aria-busy={list.isFetching}>
              {page ? countText(page, props.what) : null}
            </span>
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="secondary" isDisabled={view.page <= 1} onClick={() => set((cur) => ({ page: cur.page - 1 }))} aria-label={t('common.list.previousPage')}>
              {t('common.list.previous')}
            </Button>
          </ToolbarItem>
          <ToolbarItem>
            <Button
              variant="secondary"
              // A full page may be followed by more; a short page is the last (the engine sends no total).
              isDisabled={!page || page.total !== undefined || page.items.length === 0}
              onClick={() => set((cur) => ({ page: cur.page + 1 }))}
              aria-label={t('common.list.nextPage')}
            >
              {t('common.list.next')}
            </Button>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {!urlSearch.ok ? (
        <Empty title={t('common.list.searchCannotBeSent')}>{urlSearch.reason}</Empty>
      ) : list.isPending ? (
        <Loading what={props.what} />
      ) : list.isError && !page ? (
        <LoadError what={props.what} error={list.error} onRetry={() => void list.refetch()} />
      ) : !page || page.items.length === 0 ? (
        view.page > 1 ? (
          <Empty title={t('common.list.noneOnPage', { what: props.what, page: view.page })} actions={<Button variant="link" onClick={() => set({ page: 1 })}>{t('common.list.firstPage')}</Button>}>
            {t('common.list.fewerPages')}
          </Empty>
        ) : searching ? (
          <Empty title={t('common.list.noMatch', { what: props.what })} actions={<Button variant="link" onClick={() => { setTyped(''); set({ search: '', filter: spec.filterValues[0] ?? '' }); }}>{t('common.list.clearSearch')}</Button>}>
            {view.search.trim() ? t('common.list.nothingMatchesSearch', { search: view.search.trim() }) : t('common.list.nothingMatchesFilter')}
          </Empty>
        ) : (
          props.emptyAll
        )
      ) : (
        <>
          {list.isError ? <LoadError what={props.what} error={list.error} onRetry={() => void list.refetch()} /> : null}
          {/* Narrower than its headers and identifiers, the table scrolls sideways in its own frame, not the page. */}
          <div style={{ overflowX: 'auto' }}>
            <Table aria-label={props.label} variant="compact" aria-busy={list.isFetching} className="dlc-list-table">
              <Thead>
                <Tr>
                  {columns.map((c, i) => (
                    <Th
                      key={c.key}
                      sort={sortProps(c, i)}
                      info={c.unsortable ? { tooltip: c.unsortable, ariaLabel: t('common.list.whyUnsortable', { column: c.title }) } : undefined}
                      modifier={c.fit ? 'fitContent' : 'nowrap'}
                    >
                      {c.title}
                    </Th>
                  ))}
                  {props.rowActions ? <Th screenReaderText={t('common.list.actions')} /> : null}
                </Tr>
              </Thead>
              <Tbody>
                {page.items.map((row) => (
                  <Tr key={props.rowKey(row)}>
                    {columns.map((c) => (
                      <Td
                        key={c.key}
                        dataLabel={c.title}
                        modifier={c.fit ? 'fitContent' : undefined}
                        style={c.mono ? monoCell : undefined}
                        translate={c.mono || c.engineData ? 'no' : undefined}
                      >
                        {c.cell(row)}
                      </Td>
                    ))}
                    {props.rowActions ? <Td isActionCell>{props.rowActions(row)}</Td> : null}
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </div>
        </>
      )}
    </>
  );
}
