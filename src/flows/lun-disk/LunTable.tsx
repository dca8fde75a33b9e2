// The LUN table: an ARIA grid (PatternFly table styling) that renders only the rows on screen, so 10,000 LUNs
// scroll and filter without jank (fixed 44 px rows, src/ui/use-row-window.ts; memoized rows; docs/decisions/014). Keyboard: Tab reaches the grid (one stop), ↑/↓,
// Page Up/Down, Home/End move between rows, Space or Enter picks the LUN; Tab then reaches the focused row's
// action. Every row says its state in words (aria-label), and used LUNs stay in the table, grayed and not
// selectable (docs/decisions/001).
import { Icon } from '@patternfly/react-core';
import { CopyIcon, DotCircleIcon, ExclamationTriangleIcon, LockIcon, OutlinedCircleIcon } from '@patternfly/react-icons';
import { Table, Tbody, Th, Thead, Tr, type ThProps } from '@patternfly/react-table';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject, type TdHTMLAttributes } from 'react';
import { scrollRowIntoView, useRowWindow } from '../../ui/use-row-window';
import { columnWidths, DEFAULT_LUN_COLUMNS, visibleLunColumns, type LunColumn, type LunColumnKey } from './lun-columns';
import type { LunListItem, LunRow, LunSort, LunSortKey } from './lun-rows';
import './lun-table.css';

const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 48;
// Rows rendered beyond each edge of the viewport: enough for a keyboard move or a wheel notch to find its row
// rendered, few enough that a jump (End, a search) mounts little more than a screenful.
const OVERSCAN = 4;
// Up to this many LUNs the table renders every row (a host's usual few dozen to a hundred): mounting them costs less
// than a frame, and Ctrl+F finds any of them. Above it, only the window.
const WHOLE_UP_TO = 150;

/** Header cells that sort, mapped to the sort keys (the portal sorts with the target). */
const SORT_OF: Partial<Record<LunColumnKey, LunSortKey>> = {
  id: 'id', size: 'size', paths: 'paths', status: 'status', vendor: 'vendor', product: 'product', serial: 'serial', target: 'target',
};

export function rowLabel(row: LunRow, selected: boolean): string {
  const a = row.availability;
  const parts = [
    selected ? 'Selected.' : a.selectable ? 'Not selected.' : 'Not selectable.',
    `LUN ${row.id}, ${row.sizeText}, paths ${row.pathsText}`,
    [row.vendor, row.product].filter(Boolean).join(' ') || undefined,
    row.target ? `target ${row.target}${row.portal ? ` at ${row.portal}` : ''}` : undefined,
    `${a.text}.`,
  ];
  return parts.filter(Boolean).join(', ').replace(/\.,/g, '.');
}

function SelectMark({ row, selected }: { row: LunRow; selected: boolean }) {
  if (!row.availability.selectable) {
    return (
      <>
        <Icon size="sm">
          <LockIcon aria-hidden />
        </Icon>
        <span className="pf-v6-screen-reader">Not selectable</span>
      </>
    );
  }
  return (
    <Icon size="sm" status={selected ? 'info' : undefined}>
      {selected ? <DotCircleIcon aria-hidden /> : <OutlinedCircleIcon aria-hidden />}
    </Icon>
  );
}

const cell = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;
// "Disabled" text fails the WCAG contrast minimum; the subtle text color on a gray row is gray and still legible.
const grayCell = {
  ...cell,
  color: 'var(--pf-t--global--text--color--subtle)',
  background: 'var(--pf-t--global--background--color--secondary--default)',
} as const;
const mono = { fontFamily: 'var(--pf-t--global--font--family--mono)', fontSize: '0.85em' } as const;
// Long identifiers (LUN IDs, IQNs) cut in the middle, not at the end: what tells two apart is usually their end
// ("…795635bfd", "…array-a.apps"). Plain CSS on two spans — no measuring, nothing mounted per cell — and the whole
// text stays in the DOM, so selecting it copies it whole.
const midOuter = { display: 'inline-flex', maxWidth: '100%', verticalAlign: 'middle' } as const;
// The head gives way first (a far larger shrink factor); in a very narrow column the tail is clipped too.
const midHead = { flex: '0 1000 auto', minWidth: '2ch', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
const midTail = { flex: '0 1 auto', minWidth: 0, overflow: 'hidden', whiteSpace: 'nowrap' } as const;
function Middle({ text, tail }: { text: string; tail: number }) {
  if (text.length <= tail + 2) return <>{text}</>;
  return (
    <span style={midOuter}>
      <span style={midHead}>{text.slice(0, -tail)}</span>
      <span style={midTail}>{text.slice(-tail)}</span>
    </span>
  );
}
/** "2/4": the paths column's short form; the cell's title and the details line say "2 of 4 active". */
function shortPaths(row: LunRow): string {
  const p = row.availability.paths;
  if (p.total === undefined) return '?';
  return p.active === undefined ? String(p.total) : `${p.active}/${p.total}`;
}
/** Sticky cells (lun-table.css): the pick on the start side, the actions on the end, whatever the pick is. */
const STICKY_CLASS = { start: 'dlc-sticky-start', end: 'dlc-sticky-end' } as const;
function cellClass(c: LunColumn): string {
  return c.sticky ? `pf-v6-c-table__td ${STICKY_CLASS[c.sticky]}` : 'pf-v6-c-table__td';
}
const actionCell = { display: 'flex', alignItems: 'center', gap: '0.25rem', minWidth: 0 } as const;
// At the cell's end in every row, whether or not a used LUN's action comes before it.
const copyButton = { marginInlineStart: 'auto', flex: 'none' } as const;
const actionText = { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
// Style objects made once, not per cell per render.
const STYLE = {
  plain: { cell, id: { ...cell, ...mono } },
  gray: { cell: grayCell, id: { ...grayCell, ...mono } },
} as const;
const groupCell = { ...cell, fontWeight: 600 } as const;
const groupText = { position: 'sticky', left: '0.5rem' } as const;
const groupRow = { height: ROW_HEIGHT, background: 'var(--pf-t--global--background--color--secondary--default)' } as const;
const warnIcon = { marginRight: '0.25rem' } as const;
const rowStyle = {
  selectable: { height: ROW_HEIGHT, cursor: 'pointer' },
  selected: { height: ROW_HEIGHT, cursor: 'pointer', fontWeight: 600 },
  used: { height: ROW_HEIGHT, cursor: 'not-allowed' },
} as const;
const bytes = new Intl.NumberFormat('en-US');

/**
 * A body cell: a plain <td> with PatternFly's class, never a tab stop (the grid has one tab stop, the row; `title`
 * shows full text). Not PatternFly's Td: it creates a new ref on every render, so its truncation check
 * (offsetWidth < scrollWidth) runs after every render of every cell and forces a layout of the whole table, which
 * was most of the time a scroll frame took.
 */
function C({ children, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { children?: ReactNode }) {
  return (
    <td tabIndex={-1} className="pf-v6-c-table__td" {...props}>
      {children}
    </td>
  );
}

export interface LunTableProps {
  /** The accessible name of the grid, e.g. "LUNs host1 sees". */
  label: string;
  items: readonly LunListItem[];
  iscsi: boolean;
  selectedId: string;
  onSelect: (row: LunRow) => void;
  sort: LunSort;
  onSort: (sort: LunSort) => void;
  action?: ((row: LunRow, tabbable: boolean) => ReactNode) | undefined;
  /** The id of an element describing the grid (counts, instructions). */
  describedBy?: string | undefined;
  /** Called with the row the user is on (keyboard focus or pointer), for the details line under the table. */
  onActiveChange?: ((row: LunRow | undefined) => void) | undefined;
  height?: number | string;
  /** The optional columns to show (lun-columns.ts, the user's choice); the defaults without it. */
  shownColumns?: readonly LunColumnKey[] | undefined;
  /** "Copy details" on each row (a button in the sticky actions column). */
  onCopyDetails?: ((row: LunRow) => void) | undefined;
  /** A batch (decision 048): the LUNs checked, and a click on a row's checkbox (`range`: with Shift). */
  selection?: LunTableSelection | undefined;
}

/** The checkbox column of a batch: which LUNs are checked, and why a selectable one cannot be (the batch is full). */
export interface LunTableSelection {
  checked: ReadonlySet<string>;
  onCheck: (row: LunRow, range: boolean) => void;
  /** Why this selectable LUN cannot be checked now, or undefined. */
  blocked: (row: LunRow) => string | undefined;
}

/** What a row calls back with; one object for the table's life, so rows' props stay equal between renders. */
interface RowEvents {
  keyDown: (e: KeyboardEvent<HTMLTableRowElement>, index: number, it: LunListItem) => void;
  focus: (key: string) => void;
  pick: (it: LunListItem) => void;
  check: (it: LunListItem, range: boolean) => void;
  ref: (key: string, el: HTMLTableRowElement | null) => void;
  copy: (row: LunRow) => void;
}

interface RowProps {
  it: LunListItem;
  index: number;
  selected: boolean;
  tabbable: boolean;
  columns: readonly LunColumn[];
  action: LunTableProps['action'];
  copyable: boolean;
  events: RowEvents;
  /** A batch: the row's checkbox state (undefined: no checkbox column, one LUN is picked as before). */
  check?: RowCheck | undefined;
}

interface RowCheck {
  checked: boolean;
  /** Why it cannot be checked (used, or the batch is full), or undefined. */
  blocked: string | undefined;
}

/** The batch checkbox of a row: disabled with its reason in its name and title (a disabled thing says why). */
function CheckBox({ row, check, tabbable, onCheck }: { row: LunRow; check: RowCheck; tabbable: boolean; onCheck: (range: boolean) => void }) {
  const reason = row.availability.selectable ? check.blocked : row.availability.short;
  const label = reason && !check.checked ? `Select LUN ${row.id} for the batch (not possible: ${reason})` : `Select LUN ${row.id} for the batch`;
  return (
    <input
      type="checkbox"
      aria-label={label}
      title={reason && !check.checked ? reason : undefined}
      checked={check.checked}
      disabled={!!reason && !check.checked}
      tabIndex={tabbable ? 0 : -1}
      data-testid="lun-check"
      onChange={() => undefined}
      onClick={(e) => {
        e.stopPropagation();
        onCheck(e.shiftKey);
      }}
    />
  );
}

/**
 * One row, memoized: scrolling mounts the rows that come on screen and leaves the others alone; a pick or a move
 * re-renders the two rows whose `selected` or `tabbable` changed.
 */
const GridRow = memo(function GridRow({ it, index, selected, tabbable, columns, action, copyable, events, check }: RowProps) {
  const ref = (el: HTMLTableRowElement | null) => events.ref(it.key, el);
  if (it.kind === 'group') {
    const text = `Target ${it.target}${it.portal ? ` at ${it.portal}` : ''}: ${it.total} ${it.total === 1 ? 'LUN' : 'LUNs'}, ${it.available} available`;
    return (
      <tr
        className="pf-v6-c-table__tr"
        ref={ref}
        aria-rowindex={index + 2}
        aria-label={text}
        tabIndex={tabbable ? 0 : -1}
        onKeyDown={(e) => events.keyDown(e, index, it)}
        onFocus={() => events.focus(it.key)}
        style={groupRow}
      >
        <C colSpan={columns.length} style={groupCell} title={text}>
          {/* Stays in view while the table scrolls sideways. */}
          <span style={groupText}>{text}</span>
        </C>
      </tr>
    );
  }
  const row = it.row;
  const a = row.availability;
  const warn = a.use.kind === 'storage-domain' || a.unreachable || a.degraded;
  // Grayed out, as the seed asks: the color goes on the cells, PatternFly cells do not inherit the row's.
  const st = a.selectable ? STYLE.plain : STYLE.gray;
  return (
    <tr
      className={selected ? 'pf-v6-c-table__tr pf-m-selected' : 'pf-v6-c-table__tr'}
      ref={ref}
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-label={rowLabel(row, selected)}
      tabIndex={tabbable ? 0 : -1}
      onKeyDown={(e) => events.keyDown(e, index, it)}
      onFocus={(e) => {
        if (e.target === e.currentTarget) events.focus(it.key);
      }}
      onClick={(e) => {
        if (e.target instanceof Element && e.target.closest('button, a, input')) return;
        events.pick(it);
      }}
      data-lun-id={row.id}
      data-state={a.selectable ? (selected ? 'selected' : 'selectable') : 'used'}
      style={a.selectable ? (selected ? rowStyle.selected : rowStyle.selectable) : rowStyle.used}
    >
      {columns.map((c) => {
        switch (c.key) {
          case 'select':
            // Not aria-disabled on the row: that would disable the row's action for assistive technology too.
            return (
              <C key={c.key} className={cellClass(c)} style={st.cell} aria-disabled={!a.selectable || undefined}>
                {check ? <CheckBox row={row} check={check} tabbable={tabbable} onCheck={(range) => events.check(it, range)} /> : <SelectMark row={row} selected={selected} />}
              </C>
            );
          case 'id':
            return (
              <C key={c.key} style={st.id} title={row.id}>
                <Middle text={row.id} tail={10} />
              </C>
            );
          case 'size':
            return (
              <C key={c.key} style={st.cell} title={`${bytes.format(row.lun.lu.size)} bytes`}>
                {row.sizeText}
              </C>
            );
          case 'paths':
            return (
              <C key={c.key} style={st.cell} title={row.pathsText}>
                {shortPaths(row)}
              </C>
            );
          case 'status':
            return (
              <C key={c.key} style={st.cell} title={a.text}>
                {warn && a.selectable ? (
                  <Icon status="warning" size="sm" style={warnIcon}>
                    <ExclamationTriangleIcon aria-hidden />
                  </Icon>
                ) : null}
                {a.short}
              </C>
            );
          case 'action':
            return (
              <C key={c.key} className={cellClass(c)} style={st.cell}>
                {/* The used LUN's action first (the next Tab stop after the row), then Copy details. */}
                <span style={actionCell}>
                  {!a.selectable && action ? <span style={actionText}>{action(row, tabbable)}</span> : null}
                  {copyable ? (
                    // A plain button with PatternFly's classes, not its Button: mounted in every row on screen.
                    <button
                      type="button"
                      className="pf-v6-c-button pf-m-plain pf-m-small"
                      tabIndex={tabbable ? 0 : -1}
                      aria-label={`Copy details of LUN ${row.id}`}
                      title="Copy details"
                      style={copyButton}
                      onClick={() => events.copy(row)}
                    >
                      <span className="pf-v6-c-button__icon">
                        <CopyIcon aria-hidden />
                      </span>
                    </button>
                  ) : null}
                </span>
              </C>
            );
          case 'vendor':
            return (
              <C key={c.key} style={st.cell} title={row.vendor}>
                {row.vendor}
              </C>
            );
          case 'product':
            return (
              <C key={c.key} style={st.cell} title={row.product}>
                {row.product}
              </C>
            );
          case 'serial':
            return (
              <C key={c.key} style={st.cell} title={row.serial}>
                {row.serial}
              </C>
            );
          case 'target':
            return (
              <C key={c.key} style={st.cell} title={row.target}>
                {/* An IQN's end (after the last colon) names the target on its array. */}
                <Middle text={row.target} tail={Math.min(24, row.target.length - row.target.lastIndexOf(':') - 1)} />
              </C>
            );
          default:
            return (
              <C key={c.key} style={st.cell} title={row.portal}>
                {row.portal}
              </C>
            );
        }
      })}
    </tr>
  );
});


/** The header, memoized: it re-renders when the sort or the columns change, not on scroll. */
const GridHeader = memo(function GridHeader({ columns, sort, onSort }: { columns: readonly LunColumn[]; sort: LunSort; onSort: (s: LunSort) => void }) {
  const thSort = (c: LunColumn, columnIndex: number): ThProps['sort'] => {
    const key = SORT_OF[c.key];
    if (!key) return undefined;
    return {
      columnIndex,
      sortBy: sort.key === key ? { index: columnIndex, direction: sort.direction } : {},
      onSort: (_e, _i, direction) => onSort({ key, direction }),
    };
  };
  return (
    <Thead>
      <Tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
        {columns.map((c, i) =>
          c.key === 'select' || c.key === 'action' ? (
            <Th key={c.key} className={c.sticky ? STICKY_CLASS[c.sticky] : undefined} screenReaderText={c.title} />
          ) : (
            // No truncation tooltip on the cell: PatternFly's Th swaps its element for a tooltip wrapper on hover.
            // The minimum widths (lun-columns.ts) keep every title whole, so none is cut.
            <Th key={c.key} sort={thSort(c, i)} tooltip={null} modifier="nowrap">
              {c.title}
            </Th>
          ),
        )}
      </Tr>
    </Thead>
  );
});

interface GridBodyProps {
  scrollEl: HTMLDivElement | null;
  items: readonly LunListItem[];
  columns: readonly LunColumn[];
  selectedId: string;
  activeIndex: number;
  action: LunTableProps['action'];
  copyable: boolean;
  events: RowEvents;
  /** Set by a keyboard move: focus the active row once it is rendered. */
  focusWantedRef: RefObject<boolean>;
  rowElsRef: RefObject<Map<string, HTMLTableRowElement>>;
  selection: LunTableSelection | undefined;
}

/**
 * The rows on screen. The scroll position lives here, so a scroll re-renders this body only: not PatternFly's
 * Table, whose context value changes on each of its renders and would re-render every header cell with it.
 */
function GridBody({ scrollEl, items, columns, selectedId, activeIndex, action, copyable, events, focusWantedRef, rowElsRef, selection }: GridBodyProps) {
  const { start, end } = useRowWindow(scrollEl, { count: items.length, rowHeight: ROW_HEIGHT, offset: HEADER_HEIGHT, overscan: OVERSCAN, wholeUpTo: WHOLE_UP_TO });
  const active = items[activeIndex];

  // Keyboard moves: the row was scrolled into view; focus it once it is rendered.
  useLayoutEffect(() => {
    if (!focusWantedRef.current || !active) return;
    const el = rowElsRef.current.get(active.key);
    if (el) {
      el.focus({ preventScroll: true });
      focusWantedRef.current = false;
    }
  }, [active, start, end, focusWantedRef, rowElsRef]);

  const rows: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    const it = items[i];
    if (!it) continue;
    const checked = !!selection && it.kind === 'lun' && selection.checked.has(it.row.id);
    rows.push(
      <GridRow
        key={it.key}
        it={it}
        index={i}
        selected={it.kind === 'lun' && (it.row.id === selectedId || checked)}
        tabbable={i === activeIndex}
        columns={columns}
        action={action}
        copyable={copyable}
        events={events}
        check={selection && it.kind === 'lun' ? rowCheck(checked, selection.blocked(it.row)) : undefined}
      />,
    );
  }
  const padTop = start * ROW_HEIGHT;
  const padBottom = (items.length - end) * ROW_HEIGHT;
  return (
    <Tbody>
      {padTop > 0 ? <tr aria-hidden style={{ height: padTop }} /> : null}
      {rows}
      {padBottom > 0 ? <tr aria-hidden style={{ height: padBottom }} /> : null}
    </Tbody>
  );
}

/** Equal rows' check states are the same object, so memoized rows stay equal between renders. */
const CHECKS = new Map<string, RowCheck>();
function rowCheck(checked: boolean, blocked: string | undefined): RowCheck {
  const key = `${checked ? 1 : 0}${blocked ?? ''}`;
  let c = CHECKS.get(key);
  if (!c) {
    c = { checked, blocked };
    if (CHECKS.size < 64) CHECKS.set(key, c);
  }
  return c;
}

export function LunTable({
  label, items, iscsi, selectedId, onSelect, sort, onSort, action, describedBy, onActiveChange, height = 'min(56vh, 560px)', shownColumns = DEFAULT_LUN_COLUMNS, onCopyDetails, selection,
}: LunTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The scrolling element as state too, for the body's scroll listener (attached once the element exists).
  const [scrollEl, setScrollEl] = useState<HTMLDivElement | null>(null);
  const setScroll = useCallback((el: HTMLDivElement | null) => {
    scrollRef.current = el;
    setScrollEl(el);
  }, []);
  const rowElsRef = useRef(new Map<string, HTMLTableRowElement>());
  const [activeKey, setActiveKey] = useState<string | undefined>(undefined);
  const focusWantedRef = useRef(false);
  // Grouped by target, each group's header names the target and portal: no need to repeat them per row.
  const grouped = items.some((it) => it.kind === 'group');
  const columns = useMemo(() => visibleLunColumns(shownColumns, iscsi, grouped), [shownColumns, iscsi, grouped]);
  // The room the table has (its frame's inner width), for the column widths: one observer, and only the header and
  // the <colgroup> re-render when it changes — the rows take their widths from the <col>s.
  const [frameWidth, setFrameWidth] = useState(0);
  useLayoutEffect(() => {
    if (!scrollEl) return;
    const measure = () => setFrameWidth(scrollEl.clientWidth);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(scrollEl);
    return () => ro.disconnect();
  }, [scrollEl]);
  const widths = useMemo(() => columnWidths(columns, frameWidth), [columns, frameWidth]);
  const width = widths.reduce((s, w) => s + w, 0);

  // The roving tab stop: the row the user was on, else the selected LUN, else the first row. A scan per change of
  // the list or of those keys, not a 10,000-entry index map per render.
  const activeIndex = useMemo(() => {
    const at = (key: string | undefined) => (key === undefined || key === '' ? -1 : items.findIndex((it) => it.key === key));
    const i = at(activeKey);
    if (i >= 0) return i;
    const j = at(selectedId);
    return j >= 0 ? j : 0;
  }, [items, activeKey, selectedId]);
  const active = items[activeIndex];

  useEffect(() => {
    onActiveChange?.(active?.kind === 'lun' ? active.row : undefined);
  }, [active, onActiveChange]);

  // The latest props and state for the rows' callbacks, which stay the same functions for the table's life.
  const latest = useRef({ items, onSelect, onCopyDetails, onCheck: selection?.onCheck, moveTo: (_i: number) => {} });
  const moveTo = (i: number) => {
    if (items.length === 0) return;
    const next = Math.max(0, Math.min(items.length - 1, i));
    const it = items[next];
    if (!it) return;
    setActiveKey(it.key);
    focusWantedRef.current = true;
    if (scrollRef.current) scrollRowIntoView(scrollRef.current, next, ROW_HEIGHT, HEADER_HEIGHT);
  };
  useLayoutEffect(() => {
    latest.current = { items, onSelect, onCopyDetails, onCheck: selection?.onCheck, moveTo };
  });

  const [events] = useState<RowEvents>(() => ({
    keyDown: (e, index, it) => {
      // Keys on the row's own controls (the action button) are theirs.
      if (e.target !== e.currentTarget) return;
      const { items: list, onSelect: select, moveTo: move } = latest.current;
      const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 440) / ROW_HEIGHT) - 1);
      switch (e.key) {
        case 'ArrowDown':
          move(index + 1);
          break;
        case 'ArrowUp':
          move(index - 1);
          break;
        case 'PageDown':
          move(index + page);
          break;
        case 'PageUp':
          move(index - page);
          break;
        case 'Home':
          move(0);
          break;
        case 'End':
          move(list.length - 1);
          break;
        case ' ':
        case 'Enter':
          if (it.kind === 'lun' && it.row.availability.selectable) select(it.row);
          break;
        default:
          return;
      }
      e.preventDefault();
    },
    focus: (key) => setActiveKey(key),
    pick: (it) => {
      setActiveKey(it.key);
      if (it.kind === 'lun' && it.row.availability.selectable) latest.current.onSelect(it.row);
    },
    check: (it, range) => {
      setActiveKey(it.key);
      if (it.kind === 'lun') latest.current.onCheck?.(it.row, range);
    },
    ref: (key, el) => {
      if (el) rowElsRef.current.set(key, el);
      else rowElsRef.current.delete(key);
    },
    copy: (row) => latest.current.onCopyDetails?.(row),
  }));

  return (
    <div ref={setScroll} style={{ height, overflow: 'auto', border: '1px solid var(--pf-t--global--border--color--default)' }} data-testid="lun-table-scroll">
      <Table
        aria-label={label}
        aria-rowcount={items.length + 1}
        aria-describedby={describedBy}
        variant="compact"
        isStickyHeader
        gridBreakPoint=""
        className="dlc-lun-table"
        style={{ tableLayout: 'fixed', width, minWidth: width }}
      >
        {/* With a fixed layout the columns take their widths from here; widths on the header cells are not honoured. */}
        <colgroup>
          {columns.map((c, i) => (
            <col key={c.key} style={{ width: widths[i] }} />
          ))}
        </colgroup>
        <GridHeader columns={columns} sort={sort} onSort={onSort} />
        <GridBody
          scrollEl={scrollEl}
          items={items}
          columns={columns}
          selectedId={selectedId}
          activeIndex={activeIndex}
          action={action}
          copyable={!!onCopyDetails}
          events={events}
          focusWantedRef={focusWantedRef}
          rowElsRef={rowElsRef}
          selection={selection}
        />
      </Table>
    </div>
  );
}
