// The LUN table: an ARIA grid (PatternFly table styling) that renders only the rows on screen, so 10,000 LUNs
// scroll and filter without jank (fixed 44 px rows, src/ui/use-row-window.ts; memoized rows; docs/decisions/014). Keyboard: Tab reaches the grid (one stop), ↑/↓,
// Page Up/Down, Home/End move between rows, Space or Enter picks the LUN; Tab then reaches the focused row's
// action. Every row says its state in words (aria-label), and used LUNs stay in the table, grayed and not
// selectable (docs/decisions/001).
import { Table, Tbody, Th, Thead, Tr, type ThProps } from '@patternfly/react-table';
import { createContext, memo, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { rowElement, slotKey, useFocusFollowsItem } from '../../ui/slot-rows';
import { scrollRowIntoView, useRowWindow } from '../../ui/use-row-window';
import { columnWidths, DEFAULT_LUN_COLUMNS, visibleLunColumns, type LunColumn, type LunColumnKey } from './lun-columns';
import type { LunListItem } from './lun-list';
import type { LunRow, LunSort, LunSortKey } from './lun-rows';
import { GridRow, ROW_HEIGHT, ROW_ICON_VARS, rowCheck, STICKY_CLASS, type LunRowAction, type RowEvents } from './LunTableRow';
import './lun-table.css';
import { t } from '../../i18n/i18n';
import type { TextLookup } from '../../domain/text-index';

const HEADER_HEIGHT = 48;
// Rows rendered beyond the viewport's edge the list scrolls towards (one row on the other side, decision 062): enough
// for a keyboard move or a wheel notch to find its row rendered, few enough that a jump (End, a search) renders
// little more than a screenful.
const OVERSCAN = 4;
// Up to this many LUNs the table renders every row (a host's usual few dozen to a hundred): mounting them costs less
// than a frame, and Ctrl+F finds any of them. Above it, only the window.
const WHOLE_UP_TO = 150;

/** Header cells that sort, mapped to the sort keys (the portal sorts with the target). */
const SORT_OF: Partial<Record<LunColumnKey, LunSortKey>> = {
  id: 'id', size: 'size', paths: 'paths', status: 'status', vendor: 'vendor', product: 'product', serial: 'serial', target: 'target',
};

export interface LunTableProps {
  /** The accessible name of the grid, e.g. "LUNs host1 sees". */
  label: string;
  items: readonly LunListItem[];
  iscsi: boolean;
  selectedId: string;
  onSelect: (row: LunRow) => void;
  sort: LunSort;
  onSort: (sort: LunSort) => void;
  action?: LunRowAction | undefined;
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
  /** Asked for every row shown: not a Set of IDs, which would put each in V8's string table (decision 065). */
  checked: TextLookup;
  onCheck: (row: LunRow, range: boolean) => void;
  /** Why this selectable LUN cannot be checked now, or undefined. */
  blocked: (row: LunRow) => string | undefined;
}

/**
 * A header cell with a ref that lives as long as the cell. PatternFly's Th checks whether its text is cut
 * (offsetWidth < scrollWidth) in an effect keyed on its ref, and without a `ref` makes a new one on every render:
 * each sort then forced a synchronous layout of the table once per header cell.
 */
function HeaderCell(props: Omit<ThProps, 'ref' | 'innerRef'>) {
  const ref = useRef<HTMLTableCellElement>(null);
  return <Th ref={ref} {...props} />;
}

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
            <HeaderCell key={c.key} className={c.sticky ? STICKY_CLASS[c.sticky] : undefined} screenReaderText={t(c.title)} />
          ) : (
            // No truncation tooltip on the cell: PatternFly's Th swaps its element for a tooltip wrapper on hover.
            // The minimum widths (lun-columns.ts) keep every title whole, so none is cut.
            <HeaderCell key={c.key} sort={thSort(c, i)} tooltip={null} modifier="nowrap">
              {t(c.title)}
            </HeaderCell>
          ),
        )}
      </Tr>
    </Thead>
  );
});

interface GridBodyProps {
  scrollRef: RefObject<HTMLDivElement | null>;
  /** The scrolling frame's expected inner height, for the first render's window. */
  initialHeight: number;
  items: readonly LunListItem[];
  columns: readonly LunColumn[];
  selectedId: string;
  activeIndex: number;
  action: LunTableProps['action'];
  copyable: boolean;
  events: RowEvents;
  /** Set by a keyboard move: focus the active row once it is rendered. */
  focusWantedRef: RefObject<boolean>;
  selection: LunTableSelection | undefined;
}

/**
 * What the body renders, handed past PatternFly's Table in a context of our own: a pick, a focus move or a search
 * re-renders the body, and not the Table — whose own context value is a new object on each of its renders, so every
 * header cell (PatternFly's Th) re-rendered with it (~0.6 ms a pick, CPU profile, decision 055).
 */
const GridBodyContext = createContext<GridBodyProps | undefined>(undefined);

function GridBodyFromContext() {
  const props = useContext(GridBodyContext);
  return props ? <GridBody {...props} /> : null;
}

/**
 * The rows on screen. The scroll position lives here, so a scroll re-renders this body only: not PatternFly's
 * Table (see GridBodyContext).
 */
function GridBody({ scrollRef, initialHeight, items, columns, selectedId, activeIndex, action, copyable, events, focusWantedRef, selection }: GridBodyProps) {
  const { start, end, anchor } = useRowWindow(scrollRef, { count: items.length, rowHeight: ROW_HEIGHT, offset: HEADER_HEIGHT, overscan: OVERSCAN, initialHeight, wholeUpTo: WHOLE_UP_TO });
  const active = items[activeIndex];

  // Rows keyed from the window's anchor: by item while the window moves a few rows (a wheel), by place for a fast
  // scroll, a sort or a search, which then update the rows on screen in place; the keyboard focus follows its LUN
  // (slot-rows.ts, decisions 061 and 067).
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  // Keyboard moves: the row was scrolled into view; focus it once it is rendered.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!focusWantedRef.current || !active || !body) return;
    const el = rowElement(body, active.key);
    if (el) {
      el.focus({ preventScroll: true });
      focusWantedRef.current = false;
    }
  }, [active, start, end, focusWantedRef]);

  useFocusFollowsItem(bodyRef);
  const shown = items.slice(start, end);
  const rows = shown.map((it, k) => {
    const i = start + k;
    const checked = !!selection && it.kind === 'lun' && selection.checked.has(it.row.id);
    return (
      <GridRow
        key={slotKey(i - anchor)}
        it={it}
        index={i}
        selected={it.kind === 'lun' && (it.row.id === selectedId || checked)}
        tabbable={i === activeIndex}
        columns={columns}
        action={action}
        copyable={copyable}
        events={events}
        check={selection && it.kind === 'lun' ? rowCheck(checked, selection.blocked(it.row)) : undefined}
      />
    );
  });
  const padTop = start * ROW_HEIGHT;
  const padBottom = (items.length - end) * ROW_HEIGHT;
  return (
    <Tbody ref={bodyRef}>
      {padTop > 0 ? <tr aria-hidden style={{ height: padTop }} /> : null}
      {rows}
      {padBottom > 0 ? <tr aria-hidden style={{ height: padBottom }} /> : null}
    </Tbody>
  );
}

const DEFAULT_HEIGHT = 'min(56vh, 560px)';

/** The frame's inner height before it is measured (its 1 px borders off): the first render shows as many rows. */
function expectedHeight(height: number | string): number {
  if (typeof height === 'number') return height - 2;
  if (height === DEFAULT_HEIGHT && typeof window !== 'undefined') return Math.min(window.innerHeight * 0.56, 560) - 2;
  return 600;
}

// The frame's width when a LUN table was last measured: the next one (the same wizard, a step later) starts with it.
// Without one, the first table of a page measures its empty frame before it renders the table (decision 064): either
// way mounting lays the table out once, at its widths, instead of at the columns' minimum widths and then again.
let lastFrameWidth = 0;

export function LunTable({
  label, items, iscsi, selectedId, onSelect, sort, onSort, action, describedBy, onActiveChange, height = DEFAULT_HEIGHT, shownColumns = DEFAULT_LUN_COLUMNS, onCopyDetails, selection,
}: LunTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeKey, setActiveKey] = useState<string | undefined>(undefined);
  const focusWantedRef = useRef(false);
  // Grouped by target, each group's header names the target and portal: no need to repeat them per row.
  const grouped = useMemo(() => items.some((it) => it.kind === 'group'), [items]);
  const columns = useMemo(() => visibleLunColumns(shownColumns, iscsi, grouped), [shownColumns, iscsi, grouped]);
  // The room the table has (its frame's inner width), for the column widths: one observer, and only the header and
  // the <colgroup> re-render when it changes — the rows take their widths from the <col>s. Undefined until the frame
  // is measured (when no table was measured before); the table renders from then on.
  const [frameWidth, setFrameWidth] = useState<number | undefined>(lastFrameWidth || undefined);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => {
      // A table outside the page (a rehearsal, rehearse-lun-table.tsx) measures 0: not the frame the next one gets.
      if (el.isConnected) lastFrameWidth = el.clientWidth;
      setFrameWidth(el.clientWidth);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const widths = useMemo(() => columnWidths(columns, frameWidth ?? 0), [columns, frameWidth]);
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
    copy: (row) => latest.current.onCopyDetails?.(row),
  }));

  const bodyProps: GridBodyProps = {
    scrollRef, initialHeight: expectedHeight(height), items, columns, selectedId, activeIndex, action, copyable: !!onCopyDetails, events, focusWantedRef, selection,
  };
  const rowCount = items.length + 1;
  // Re-rendered when the table's own props change (columns, widths, sort, the row count), not for a pick.
  const table = useMemo(
    () => (
      <Table
        aria-label={label}
        aria-rowcount={rowCount}
        aria-describedby={describedBy}
        variant="compact"
        isStickyHeader
        gridBreakPoint=""
        className="dlc-lun-table"
        // The rows' height for lun-table.css: the window's arithmetic and the CSS read one number.
        style={{ ...ROW_ICON_VARS, tableLayout: 'fixed', width, minWidth: width, '--dlc-row-height': `${ROW_HEIGHT}px` } as CSSProperties}
      >
        {/* With a fixed layout the columns take their widths from here; widths on the header cells are not honoured. */}
        <colgroup>
          {columns.map((c, i) => (
            <col key={c.key} style={{ width: widths[i] }} />
          ))}
        </colgroup>
        <GridHeader columns={columns} sort={sort} onSort={onSort} />
        <GridBodyFromContext />
      </Table>
    ),
    [label, rowCount, describedBy, width, columns, widths, sort, onSort],
  );

  return (
    <div ref={scrollRef} style={{ height, overflow: 'auto', border: '1px solid var(--pf-t--global--border--color--default)' }} data-testid="lun-table-scroll">
      {frameWidth === undefined ? null : <GridBodyContext.Provider value={bodyProps}>{table}</GridBodyContext.Provider>}
    </div>
  );
}
