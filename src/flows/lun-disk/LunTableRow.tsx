// One row of the LUN table (LunTable.tsx): a target group's header or a LUN, memoized so a scroll mounts only the
// rows coming on screen and a pick re-renders only the rows whose state changed; its cells, styles and the batch
// checkbox.
import { CopyIconConfig, DotCircleIconConfig, ExclamationTriangleIconConfig, LockIconConfig, OutlinedCircleIconConfig } from '@patternfly/react-icons';
import { memo, type CSSProperties, type KeyboardEvent, type ReactNode, type TdHTMLAttributes } from 'react';
import { pathsShort } from '../../domain/lun-reach';
import { maskImage } from '../../ui/mask-icons';
import { iqnTail, MiddleCut } from '../../ui/MiddleCut';
import type { LunColumn } from './lun-columns';
import type { LunListItem } from './lun-list';
import type { LunRow } from './lun-rows';
import { bytesTitle, checkLabel, copyLabel, groupText, rowLabel, same } from './lun-row-texts';

export const ROW_HEIGHT = 44;

/** A row's action cell content (a used LUN's "Go to disk"), tabbable only on the row the user is on. */
export type LunRowAction = (row: LunRow, tabbable: boolean) => ReactNode;

/**
 * The rows' icons (lun-table.css draws them as masks on `::before`, decision 053), set once on the table: a bare
 * icon is an <svg> and its <path> in every row on screen; a pick then swapped one for another.
 */
export const ROW_ICON_VARS = {
  '--dlc-icon-pick': maskImage(OutlinedCircleIconConfig),
  '--dlc-icon-picked': maskImage(DotCircleIconConfig),
  '--dlc-icon-lock': maskImage(LockIconConfig),
  '--dlc-icon-copy': maskImage(CopyIconConfig),
  '--dlc-icon-warn': maskImage(ExclamationTriangleIconConfig),
} as CSSProperties;

/** The pick cell's mark, a class: an open circle, a dot in it when picked, a lock on a LUN that cannot be picked. */
const MARK = { open: 'dlc-mark', picked: 'dlc-mark dlc-mark-picked', locked: 'dlc-mark dlc-mark-locked' } as const;

// Every style of a row is a class in lun-table.css, none inline: an inline style is a property set of its own on each
// element, which keeps Blink from reusing one cell's computed style for the next (its matched-properties cache), and
// costs React a property write per cell on every mount. Grayed out, as the seed asks: a used LUN's cells carry
// `dlc-gray` (PatternFly cells do not inherit the row's color).
/** Sticky cells (lun-table.css): the pick on the start side, the actions on the end, whatever the pick is. */
export const STICKY_CLASS = { start: 'dlc-sticky-start', end: 'dlc-sticky-end' } as const;
const CELL = { plain: 'pf-v6-c-table__td dlc-cell', gray: 'pf-v6-c-table__td dlc-cell dlc-gray' } as const;
function cellClass(c: LunColumn, base: string): string {
  return c.sticky ? `${base} ${STICKY_CLASS[c.sticky]}` : base;
}
const ROW_CLASS = {
  selectable: 'pf-v6-c-table__tr dlc-row',
  selected: 'pf-v6-c-table__tr pf-m-selected dlc-row dlc-row-selected',
  used: 'pf-v6-c-table__tr dlc-row dlc-row-used',
} as const;

/**
 * A body cell: a plain <td> with PatternFly's class, never a tab stop (the grid has one tab stop, the row; `title`
 * shows full text). Not PatternFly's Td: it creates a new ref on every render, so its truncation check
 * (offsetWidth < scrollWidth) runs after every render of every cell and forces a layout of the whole table, which
 * was most of the time a scroll frame took.
 */
function C({ children, className = CELL.plain, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { children?: ReactNode }) {
  return (
    <td tabIndex={-1} className={className} {...props}>
      {children}
    </td>
  );
}

/** What a row calls back with; one object for the table's life, so rows' props stay equal between renders. */
export interface RowEvents {
  keyDown: (e: KeyboardEvent<HTMLTableRowElement>, index: number, it: LunListItem) => void;
  focus: (key: string) => void;
  pick: (it: LunListItem) => void;
  check: (it: LunListItem, range: boolean) => void;
  copy: (row: LunRow) => void;
}

interface RowProps {
  it: LunListItem;
  index: number;
  selected: boolean;
  tabbable: boolean;
  columns: readonly LunColumn[];
  action: LunRowAction | undefined;
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
  const label = checkLabel(row, reason && !check.checked ? reason : '');
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
 * Copy details: a plain button with PatternFly's classes, not its Button (mounted in every row on screen); its icon
 * is drawn by lun-table.css.
 */
function CopyButton({ row, tabbable, events }: { row: LunRow; tabbable: boolean; events: RowEvents }) {
  return (
    <button
      type="button"
      className="pf-v6-c-button pf-m-plain pf-m-small dlc-copy"
      tabIndex={tabbable ? 0 : -1}
      aria-label={copyLabel(row)}
      title={same('copy')}
      onClick={() => events.copy(row)}
    />
  );
}

/**
 * One row, memoized: a small scroll mounts the rows that come on screen and leaves the others alone (a large one,
 * a sort or a search updates every row in place: slot-rows.ts); a pick or a move re-renders the two rows whose
 * `selected` or `tabbable` changed.
 */
export const GridRow = memo(function GridRow({ it, index, selected, tabbable, columns, action, copyable, events, check }: RowProps) {
  if (it.kind === 'group') {
    const text = groupText(it);
    return (
      <tr
        aria-rowindex={index + 2}
        data-row-key={it.key}
        aria-label={text}
        tabIndex={tabbable ? 0 : -1}
        onKeyDown={(e) => events.keyDown(e, index, it)}
        onFocus={() => events.focus(it.key)}
        className="pf-v6-c-table__tr dlc-group"
      >
        <C colSpan={columns.length} className="pf-v6-c-table__td dlc-cell dlc-group-cell" title={text}>
          {/* Stays in view while the table scrolls sideways. */}
          <span className="dlc-group-text">{text}</span>
        </C>
      </tr>
    );
  }
  const row = it.row;
  const a = row.availability;
  const warn = a.use.kind === 'storage-domain' || a.unreachable || a.degraded;
  const cls = a.selectable ? CELL.plain : CELL.gray;
  return (
    <tr
      className={a.selectable ? (selected ? ROW_CLASS.selected : ROW_CLASS.selectable) : ROW_CLASS.used}
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
      data-row-key={it.key}
      data-state={a.selectable ? (selected ? 'selected' : 'selectable') : 'used'}

    >
      {columns.map((c) => {
        switch (c.key) {
          case 'select':
            // Not aria-disabled on the row: that would disable the row's action for assistive technology too.
            return (
              <C
                key={c.key}
                className={check ? cellClass(c, cls) : `${cellClass(c, cls)} ${a.selectable ? (selected ? MARK.picked : MARK.open) : MARK.locked}`}
                aria-disabled={!a.selectable || undefined}
              >
                {check ? (
                  <CheckBox row={row} check={check} tabbable={tabbable} onCheck={(range) => events.check(it, range)} />
                ) : a.selectable ? null : (
                  <span className="pf-v6-screen-reader">{same('notSelectableMark')}</span>
                )}
              </C>
            );
          case 'id':
            return (
              <C key={c.key} className={`${cls} dlc-mono`} title={row.id} translate="no">
                <MiddleCut text={row.id} tail={10} />
              </C>
            );
          case 'size':
            return (
              <C key={c.key} className={cls} title={bytesTitle(row)}>
                {row.sizeText}
              </C>
            );
          case 'paths':
            return (
              <C key={c.key} className={cls} title={row.pathsText}>
                {pathsShort(row.availability.paths.total, row.availability.paths.active)}
              </C>
            );
          case 'status':
            return (
              <C key={c.key} className={warn && a.selectable ? `${cls} dlc-warn` : cls} title={a.text}>
                {a.short}
              </C>
            );
          case 'action':
            return (
              <C key={c.key} className={cellClass(c, cls)}>
                {/* The used LUN's action first (the next Tab stop after the row), then Copy details. A row without
                    an action has the button alone, at the cell's end (lun-table.css). */}
                {!a.selectable && action ? (
                  <span className="dlc-actions">
                    <span className="dlc-action-text">{action(row, tabbable)}</span>
                    {copyable ? <CopyButton row={row} tabbable={tabbable} events={events} /> : null}
                  </span>
                ) : copyable ? (
                  <CopyButton row={row} tabbable={tabbable} events={events} />
                ) : null}
              </C>
            );
          case 'vendor':
            return (
              <C key={c.key} className={cls} title={row.vendor} translate="no">
                {row.vendor}
              </C>
            );
          case 'product':
            return (
              <C key={c.key} className={cls} title={row.product} translate="no">
                {row.product}
              </C>
            );
          case 'serial':
            return (
              <C key={c.key} className={cls} title={row.serial} translate="no">
                {row.serial}
              </C>
            );
          case 'target':
            return (
              <C key={c.key} className={cls} title={row.target} translate="no">
                {/* An IQN's end (after the last colon) names the target on its array. */}
                <MiddleCut text={row.target} tail={iqnTail(row.target)} />
              </C>
            );
          default:
            return (
              <C key={c.key} className={cls} title={row.portal} translate="no">
                {row.portal}
              </C>
            );
        }
      })}
    </tr>
  );
});


/** Equal rows' check states are the same object, so memoized rows stay equal between renders. */
const CHECKS = new Map<string, RowCheck>();
export function rowCheck(checked: boolean, blocked: string | undefined): RowCheck {
  const key = `${checked ? 1 : 0}${blocked ?? ''}`;
  let c = CHECKS.get(key);
  if (!c) {
    c = { checked, blocked };
    if (CHECKS.size < 64) CHECKS.set(key, c);
  }
  return c;
}
