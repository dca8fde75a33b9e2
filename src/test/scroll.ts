// Scrolls a windowed list in a component test (jsdom has no layout: scrolling is setting scrollTop and sending the
// scroll event the list listens to), inside act so React renders the new window before the test reads it.
import { act } from '@testing-library/react';

/** Scrolls `el` so its top is `rows` rows of `rowHeight` px down. */
export function scrollToRow(el: HTMLElement, rows: number, rowHeight: number): void {
  act(() => {
    el.scrollTop = rows * rowHeight;
    el.dispatchEvent(new Event('scroll'));
  });
}
