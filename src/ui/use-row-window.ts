// Which rows of a long list of fixed-height rows are on screen, for a scrolling element (a ref to an ancestor: read
// in a passive effect, which runs once every ref of the commit is attached). The row height is fixed, so the window
// is arithmetic on scrollTop: no per-row measurement, no 10,000-entry position table rebuilt when the list changes
// (what @tanstack/react-virtual did here, on every render, because its item-key function changed), and the
// component re-renders only when the first visible row changes, not on every scroll event. The first render uses
// the height the caller expects (initialHeight): when that was right, mounting costs one render, not two.
import { useEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

export interface RowWindow {
  /** First rendered row (overscan included). */
  start: number;
  /** One past the last rendered row. */
  end: number;
  /**
   * Where the rows' keys count from (decision 067): row i's key is `slotKey(i - anchor)` (slot-rows.ts). It stays
   * put while the window moves by fewer than ITEM_KEYS_BELOW rows (the rows are then keyed by item) and moves with
   * the window on a larger move (keyed by place).
   */
  anchor: number;
}

/** Below this many rows a move keeps the window's anchor (rows keyed by item); at and above it, by place. */
export const ITEM_KEYS_BELOW = 7;

/** The anchor after the window's first rendered row moved by `moved` rows (decision 067; slot-rows.ts). */
export function anchorAfterMove(anchor: number, moved: number): number {
  return Math.abs(moved) < ITEM_KEYS_BELOW ? anchor : anchor + moved;
}

interface Options {
  count: number;
  rowHeight: number;
  /** Height above the first row inside the scrolling element (a sticky header). */
  offset?: number;
  /** Rows rendered beyond the viewport's edge the list scrolls towards (one row beyond the other edge). */
  overscan?: number;
  /** The scrolling element's inner height expected before it is measured. */
  initialHeight?: number;
  /**
   * A list of at most this many rows renders whole: a window saves nothing there, and whole rows stay findable with
   * the browser's find-in-page (and by tests and screen readers' browse mode).
   */
  wholeUpTo?: number;
}

interface View {
  first: number;
  visible: number;
  /** Which way the list last scrolled: the overscan goes ahead of it, one row stays behind (decision 062). */
  up: boolean;
  /** RowWindow's anchor. */
  anchor: number;
}

/** The first rendered row for a first visible row: the overscan above on the way up, one row above on the way down. */
function windowStart(first: number, up: boolean, overscan: number): number {
  return Math.max(0, first - (up ? overscan : Math.min(1, overscan)));
}

function visibleRows(height: number, rowHeight: number, offset: number): number {
  return Math.ceil(Math.max(0, height - offset) / rowHeight) + 1;
}

export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, { count, rowHeight, offset = 0, overscan = 4, initialHeight = 600, wholeUpTo = 0 }: Options): RowWindow {
  const [view, setView] = useState<View>(() => ({ first: 0, visible: visibleRows(initialHeight, rowHeight, offset), up: false, anchor: 0 }));
  // The first render mounts the rows on screen only; the overscan rows follow once that frame is painted (or with the
  // first scroll). Nobody sees them before, and they were a quarter of the rows a mount styled and laid out before its
  // first paint (decision 060).
  const [overscanOn, setOverscanOn] = useState(false);
  useEffect(() => {
    if (overscanOn) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the next frame: a task queued from an animation frame callback runs once that frame is painted.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setOverscanOn(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [overscanOn]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let height = el.clientHeight;
    let last: Omit<View, 'anchor'> | undefined;
    const update = (sync: boolean) => {
      // Row i spans offset + i·rowHeight …; the sticky header covers the first `offset` px of the viewport.
      const first = Math.max(0, Math.floor(el.scrollTop / rowHeight));
      const next = { first, visible: visibleRows(height, rowHeight, offset), up: last ? (first === last.first ? last.up : first < last.first) : false };
      if (last && last.first === next.first && last.visible === next.visible) return;
      last = next;
      const set = () =>
        setView((v) => {
          if (v.first === next.first && v.visible === next.visible && v.up === next.up) return v;
          // How far the window's first rendered row moved (its start below; the clamp to a list shorter than the
          // scroll position left out: a few rows more mount then).
          const moved = windowStart(next.first, next.up, overscan) - windowStart(v.first, v.up, overscan);
          return { ...next, anchor: anchorAfterMove(v.anchor, moved) };
        });
      // Rendered in the scroll event, so the new rows are painted in the same frame as the scroll.
      if (sync) flushSync(set);
      else set();
    };
    update(false);
    const onScroll = () => update(true);
    el.addEventListener('scroll', onScroll, { passive: true });
    const ro = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => {
      height = el.clientHeight;
      update(false);
    });
    ro?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      ro?.disconnect();
    };
  }, [scrollRef, rowHeight, offset, overscan]);

  if (count <= wholeUpTo) return { start: 0, end: count, anchor: 0 };
  const extra = overscanOn || view.first > 0 ? overscan : 0;
  // The overscan ahead of the scroll, one row behind it: a scroll brings rows from one side only, and every row
  // rendered is updated and laid out on each scroll frame (decision 062).
  const behind = Math.min(1, extra);
  // With the first row at 0 the start is 0 whatever the overscan; past it the overscan is on (`extra` is `overscan`).
  const start = windowStart(Math.min(count, view.first), view.up, overscan);
  const end = Math.min(count, view.first + view.visible + (view.up ? behind : extra));
  return { start, end, anchor: view.anchor };
}

/** Scrolls the least needed to show row i whole, below a sticky header of `offset` px. */
export function scrollRowIntoView(el: HTMLElement, i: number, rowHeight: number, offset = 0): void {
  const top = i * rowHeight; // the scrollTop that puts the row right under the header
  const bottom = offset + (i + 1) * rowHeight - el.clientHeight; // the scrollTop that puts it at the bottom edge
  if (el.scrollTop > top) el.scrollTop = top;
  else if (el.scrollTop < bottom) el.scrollTop = bottom;
}
