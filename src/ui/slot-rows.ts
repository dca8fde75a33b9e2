// The keys of a windowed table's rows (decisions 061 and 067). A row's key is `slot-(i - anchor)`: its item's index
// counted from the window's anchor (useRowWindow's `anchor`). How the anchor moves decides what a render does to the
// row elements:
//
// - A small move (a wheel's notch, an arrow key: fewer than ITEM_KEYS_BELOW rows, use-row-window.ts) keeps the
//   anchor, so the rows are keyed by item: the rows that stay keep their elements untouched, the arriving ones
//   mount, the leaving ones go.
// - A larger move (a fast scroll, a drag of the scrollbar, Page Down, End) moves the anchor with the window, so the
//   rows are keyed by place: every element stays where it is and shows the item now at its place (decision 061: a
//   fast scroll then makes no React fibers and no elements, and no element moves).
// - Another list with the window in place (a sort, a search) changes no key: every element shows the item now at
//   its place, as keyed by place.
//
// Neither switch remounts anything: the keys on screen are the same strings on both sides of it. Why 7 rows, and the
// measurements: decision 067.
//
// The price of keys by place: an element under the keyboard focus shows another item after a large move.
// `useFocusFollowsItem` moves the focus to the element now showing the focused item (or lets it go when that item
// left the window, as an unmounted row did), so focus never silently lands on another LUN.
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

const SLOTS: string[] = [];
const CACHED_SLOTS = 256;

/**
 * `slot-k`: the key of the row `k` places after the window's anchor (use-row-window.ts). Places 0–255 are the same
 * strings on every render; a window that drifted further from its anchor (a long slow scroll) makes its ~20 short
 * keys each render.
 */
export function slotKey(k: number): string {
  if (k < 0 || k >= CACHED_SLOTS) return `slot-${k}`;
  for (let i = SLOTS.length; i <= k; i++) SLOTS.push(`slot-${i}`);
  return SLOTS[k] ?? `slot-${k}`;
}

/** The attribute that names the item a row element shows now (its `data-row-key`). */
const ROW_KEY_ATTR = 'data-row-key';

function rowKeyOf(target: EventTarget | null): string | undefined {
  if (!(target instanceof Element)) return undefined;
  return target.closest(`[${ROW_KEY_ATTR}]`)?.getAttribute(ROW_KEY_ATTR) ?? undefined;
}

/**
 * Keeps the keyboard focus with its item while the window's elements change items: after each commit, if the focused
 * element inside `bodyRef` now belongs to a row showing another item, the focus goes to the row showing the item it
 * was on (a row element with a tabindex), or is let go when that item is no longer rendered.
 */
export function useFocusFollowsItem(bodyRef: RefObject<HTMLElement | null>): void {
  const keyRef = useRef<string | undefined>(undefined);
  useEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const onIn = (e: FocusEvent) => {
      keyRef.current = rowKeyOf(e.target);
    };
    const onOut = (e: FocusEvent) => {
      if (!(e.relatedTarget instanceof Node && body.contains(e.relatedTarget))) keyRef.current = undefined;
    };
    body.addEventListener('focusin', onIn);
    body.addEventListener('focusout', onOut);
    return () => {
      body.removeEventListener('focusin', onIn);
      body.removeEventListener('focusout', onOut);
    };
  }, [bodyRef]);
  useLayoutEffect(() => {
    const key = keyRef.current;
    const body = bodyRef.current;
    const focused = document.activeElement;
    if (key === undefined || !body || !(focused instanceof HTMLElement) || !body.contains(focused)) return;
    if (rowKeyOf(focused) === key) return;
    const row = rowElement(body, key);
    if (row?.hasAttribute('tabindex')) row.focus({ preventScroll: true });
    else focused.blur();
  });
}

/** The rendered row element showing item `key` inside `body`, if any (a scan of the ~20 rows in the window). */
export function rowElement(body: HTMLElement, key: string): HTMLElement | undefined {
  for (const row of body.querySelectorAll<HTMLElement>(`[${ROW_KEY_ATTR}]`)) {
    if (row.getAttribute(ROW_KEY_ATTR) === key) return row;
  }
  return undefined;
}
