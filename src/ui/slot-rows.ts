// The rows of a windowed table keyed by their place in the window, not by their item (decision 061): the element of
// the window's k-th row shows whichever item is k-th now. A scroll, a sort or a search then updates the rows' texts
// and attributes in place; no row element is made or dropped while the window keeps its size, and no element moves.
//
// Why: keyed by item, a fast scroll mounted and unmounted ~9 rows a frame. On 50,000 LUNs that was ~90 KB of
// old-generation garbage a frame — a sampling heap profile of the scroll with the objects minor collections freed
// left out put most of it in React's fibers for the mounted rows and its clean-up of the unmounted ones (why those
// outlive the minor collections, the profile does not say) — and a major collection every ~2.5 s landing on scroll
// frames. Keyed by place, that garbage is a third.
//
// The price: an element under the keyboard focus shows another item after a scroll. `useFocusFollowsItem` moves the
// focus to the element now showing the focused item (or lets it go when that item left the window, as an unmounted
// row did), so focus never silently lands on another LUN.
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

const SLOTS: string[] = [];

/** `slot-0` … `slot-(count-1)`: the keys of a window of `count` rows, the same strings on every render. */
export function slotKey(k: number): string {
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
