// The LUN table: an ARIA grid (PatternFly table styling) that renders only the rows on screen, so 10,000 LUNs
// scroll and filter without jank (@tanstack/react-virtual). Keyboard: Tab reaches the grid (one stop), ↑/↓,
// Page Up/Down, Home/End move between rows, Space or Enter picks the LUN; Tab then reaches the focused row's
// action. Every row says its state in words (aria-label), and used LUNs stay in the table, grayed and not
// selectable (docs/decisions/001).
import { Icon } from '@patternfly/react-core';
import { DotCircleIcon, ExclamationTriangleIcon, LockIcon, OutlinedCircleIcon } from '@patternfly/react-icons';
import { Table, Tbody, Td, Th, Thead, Tr, type TdProps, type ThProps } from '@patternfly/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { LunListItem, LunRow, LunSort, LunSortKey } from './lun-rows';

const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 48;

interface Column {
  key: LunSortKey | 'select' | 'action' | 'portal';
  title: string;
  width: number;
  iscsiOnly?: boolean;
}

const COLUMNS: Column[] = [
  { key: 'select', title: 'Pick', width: 64 },
  { key: 'id', title: 'LUN ID', width: 300 },
  { key: 'size', title: 'Size', width: 112 },
  { key: 'status', title: 'Status', width: 280 },
  { key: 'action', title: 'Action', width: 230 },
  { key: 'paths', title: 'Paths', width: 100 },
  { key: 'vendor', title: 'Vendor', width: 100 },
  { key: 'product', title: 'Product', width: 120 },
  { key: 'serial', title: 'Serial', width: 200 },
  { key: 'target', title: 'Target', width: 320, iscsiOnly: true },
  { key: 'portal', title: 'Portal', width: 150, iscsiOnly: true },
];

/** Column headers that sort, mapped to the sort keys (the portal sorts with the target). */
const SORT_OF: Partial<Record<Column['key'], LunSortKey>> = {
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

/**
 * A cell that is never a tab stop: PatternFly makes truncated cells focusable (for their tooltip), which would
 * put every cell of the grid in the Tab order. The grid has one tab stop (the row); `title` shows full text.
 */
function C(props: TdProps) {
  return <Td tabIndex={-1} tooltip={null} {...props} />;
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
}

export function LunTable({ label, items, iscsi, selectedId, onSelect, sort, onSort, action, describedBy, onActiveChange, height = 'min(56vh, 560px)' }: LunTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  const [activeKey, setActiveKey] = useState<string | undefined>(undefined);
  const focusWanted = useRef(false);
  // Grouped by target, each group's header names the target and portal: no need to repeat them per row.
  const grouped = items.some((it) => it.kind === 'group');
  const columns = useMemo(
    () => COLUMNS.filter((c) => (iscsi || !c.iscsiOnly) && !(grouped && (c.key === 'target' || c.key === 'portal'))),
    [iscsi, grouped],
  );
  const width = columns.reduce((s, c) => s + c.width, 0);

  const indexOf = useMemo(() => new Map(items.map((it, i) => [it.key, i])), [items]);
  // The roving tab stop: the row the user was on, else the selected LUN, else the first row.
  const activeIndex = (activeKey !== undefined ? indexOf.get(activeKey) : undefined) ?? indexOf.get(selectedId) ?? 0;
  const active = items[activeIndex];

  // eslint-disable-next-line react-hooks/incompatible-library -- useVirtualizer returns functions that must not be memoized; this component does not memoize them.
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (i) => items[i]?.key ?? i,
  });

  useEffect(() => {
    onActiveChange?.(active?.kind === 'lun' ? active.row : undefined);
  }, [active, onActiveChange]);

  const virtualItems = virtualizer.getVirtualItems();
  const first = virtualItems[0];
  const last = virtualItems.at(-1);

  // Keyboard moves: scroll the row into view, then focus it once it is rendered.
  useLayoutEffect(() => {
    if (!focusWanted.current || !active) return;
    const el = rowRefs.current.get(active.key);
    if (el) {
      el.focus({ preventScroll: true });
      focusWanted.current = false;
    }
  }, [active, first?.index, last?.index]);

  const moveTo = (i: number) => {
    if (items.length === 0) return;
    const next = Math.max(0, Math.min(items.length - 1, i));
    const it = items[next];
    if (!it) return;
    setActiveKey(it.key);
    focusWanted.current = true;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, index: number, it: LunListItem) => {
    // Keys on the row's own controls (the action button) are theirs.
    if (e.target !== e.currentTarget) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 440) / ROW_HEIGHT) - 1);
    switch (e.key) {
      case 'ArrowDown':
        moveTo(index + 1);
        break;
      case 'ArrowUp':
        moveTo(index - 1);
        break;
      case 'PageDown':
        moveTo(index + page);
        break;
      case 'PageUp':
        moveTo(index - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(items.length - 1);
        break;
      case ' ':
      case 'Enter':
        if (it.kind === 'lun' && it.row.availability.selectable) onSelect(it.row);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const thSort = (c: Column, columnIndex: number): ThProps['sort'] => {
    const key = SORT_OF[c.key];
    if (!key) return undefined;
    return {
      columnIndex,
      sortBy: sort.key === key ? { index: columnIndex, direction: sort.direction } : {},
      onSort: (_e, _i, direction) => onSort({ key, direction }),
    };
  };

  const padTop = first ? first.start - HEADER_HEIGHT : 0;
  const padBottom = last ? virtualizer.getTotalSize() - last.end : 0;

  return (
    <div ref={scrollRef} style={{ height, overflow: 'auto', border: '1px solid var(--pf-t--global--border--color--default)' }} data-testid="lun-table-scroll">
      <Table
        aria-label={label}
        aria-rowcount={items.length + 1}
        aria-describedby={describedBy}
        variant="compact"
        isStickyHeader
        gridBreakPoint=""
        style={{ tableLayout: 'fixed', width, minWidth: width }}
      >
        {/* With a fixed layout the columns take their widths from here; widths on the header cells are not honoured. */}
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <Thead>
          <Tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
            {columns.map((c, i) =>
              c.key === 'select' ? (
                <Th key={c.key} style={{ width: c.width }} screenReaderText="Pick" />
              ) : (
                <Th key={c.key} sort={thSort(c, i)} style={{ width: c.width }}>
                  {c.title}
                </Th>
              ),
            )}
          </Tr>
        </Thead>
        <Tbody>
          {padTop > 0 ? <tr aria-hidden style={{ height: padTop }} /> : null}
          {virtualItems.map((v) => {
            const it = items[v.index];
            if (!it) return null;
            const isActive = v.index === activeIndex;
            const ref = (el: HTMLTableRowElement | null) => {
              if (el) rowRefs.current.set(it.key, el);
              else rowRefs.current.delete(it.key);
            };
            if (it.kind === 'group') {
              const text = `Target ${it.target}${it.portal ? ` at ${it.portal}` : ''}: ${it.total} ${it.total === 1 ? 'LUN' : 'LUNs'}, ${it.available} available`;
              return (
                <Tr
                  key={it.key}
                  ref={ref}
                  aria-rowindex={v.index + 2}
                  aria-label={text}
                  tabIndex={isActive ? 0 : -1}
                  onKeyDown={(e) => onKeyDown(e, v.index, it)}
                  onFocus={() => setActiveKey(it.key)}
                  style={{ height: ROW_HEIGHT, background: 'var(--pf-t--global--background--color--secondary--default)' }}
                >
                  <C colSpan={columns.length} style={{ ...cell, fontWeight: 600 }}>
                    {text}
                  </C>
                </Tr>
              );
            }
            const row = it.row;
            const a = row.availability;
            const selected = row.id === selectedId;
            const warn = a.use.kind === 'storage-domain' || a.unreachable || a.degraded;
            // Grayed out, as the seed asks: the color goes on the cells, PatternFly cells do not inherit the row's.
            const rowCell = a.selectable ? cell : grayCell;
            return (
              <Tr
                key={it.key}
                ref={ref}
                aria-rowindex={v.index + 2}
                aria-selected={selected}
                aria-label={rowLabel(row, selected)}
                tabIndex={isActive ? 0 : -1}
                isRowSelected={selected}
                onKeyDown={(e) => onKeyDown(e, v.index, it)}
                onFocus={(e) => {
                  if (e.target === e.currentTarget) setActiveKey(it.key);
                }}
                onClick={(e) => {
                  if ((e.target as HTMLElement).closest('button, a')) return;
                  setActiveKey(it.key);
                  if (a.selectable) onSelect(row);
                }}
                data-lun-id={row.id}
                data-state={a.selectable ? (selected ? 'selected' : 'selectable') : 'used'}
                style={{
                  height: ROW_HEIGHT,
                  cursor: a.selectable ? 'pointer' : 'not-allowed',
                  fontWeight: selected ? 600 : undefined,
                }}
              >
                {columns.map((c) => {
                  switch (c.key) {
                    case 'select':
                      // Not aria-disabled on the row: that would disable the row's action for assistive technology too.
                      return (
                        <C key={c.key} style={rowCell} aria-disabled={!a.selectable || undefined}>
                          <SelectMark row={row} selected={selected} />
                        </C>
                      );
                    case 'id':
                      return (
                        <C key={c.key} style={{ ...rowCell, fontFamily: 'var(--pf-t--global--font--family--mono)', fontSize: '0.85em' }} title={row.id}>
                          {row.id}
                        </C>
                      );
                    case 'size':
                      return (
                        <C key={c.key} style={rowCell} title={`${row.lun.lu.size.toLocaleString('en-US')} bytes`}>
                          {row.sizeText}
                        </C>
                      );
                    case 'paths':
                      return (
                        <C key={c.key} style={rowCell}>
                          {row.pathsText}
                        </C>
                      );
                    case 'status':
                      return (
                        <C key={c.key} style={rowCell} title={a.text}>
                          {warn && a.selectable ? (
                            <Icon status="warning" size="sm" style={{ marginRight: '0.25rem' }}>
                              <ExclamationTriangleIcon aria-hidden />
                            </Icon>
                          ) : null}
                          {a.short}
                        </C>
                      );
                    case 'action':
                      return (
                        <C key={c.key} style={rowCell}>
                          {!a.selectable && action ? action(row, isActive) : null}
                        </C>
                      );
                    case 'vendor':
                      return (
                        <C key={c.key} style={rowCell} title={row.vendor}>
                          {row.vendor}
                        </C>
                      );
                    case 'product':
                      return (
                        <C key={c.key} style={rowCell} title={row.product}>
                          {row.product}
                        </C>
                      );
                    case 'serial':
                      return (
                        <C key={c.key} style={rowCell} title={row.serial}>
                          {row.serial}
                        </C>
                      );
                    case 'target':
                      return (
                        <C key={c.key} style={rowCell} title={row.target}>
                          {row.target}
                        </C>
                      );
                    default:
                      return (
                        <C key={c.key} style={rowCell}>
                          {row.portal}
                        </C>
                      );
                  }
                })}
              </Tr>
            );
          })}
          {padBottom > 0 ? <tr aria-hidden style={{ height: padBottom }} /> : null}
        </Tbody>
      </Table>
    </div>
  );
}
