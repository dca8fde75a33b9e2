import { render, screen, waitFor } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { scrollToRow } from '../test/scroll';
import { slotKey } from './slot-rows';
import { anchorAfterMove, ITEM_KEYS_BELOW, useRowWindow } from './use-row-window';

function Rows({ count }: { count: number }) {
  const ref = useRef<HTMLDivElement>(null);
  // 600 px high (as every element measures in these tests, vitest.setup.ts), 44 px rows, no header: 14 rows on
  // screen (the last one partly), plus one for a scroll between two rows.
  const { start, end } = useRowWindow(ref, { count, rowHeight: 44, overscan: 4, initialHeight: 600 });
  return (
    <div ref={ref} data-testid="frame">
      {start}–{end}
    </div>
  );
}

// Decision 060: a mount renders the rows on screen; the overscan rows follow once that frame is painted.
describe('useRowWindow', () => {
  it('mounts the rows on screen first, then adds the overscan rows after the first frame', async () => {
    render(<Rows count={1000} />);
    expect(screen.getByTestId('frame').textContent).toBe('0–15');
    await waitFor(() => expect(screen.getByTestId('frame').textContent).toBe('0–19'));
  });

  // Decision 062: the overscan goes ahead of the scroll; one row stays behind it.
  it('puts the overscan ahead of the scroll: below on the way down, above on the way up', () => {
    render(<Rows count={1000} />);
    const frame = screen.getByTestId('frame');
    const scrollTo = (row: number) => scrollToRow(frame, row, 44);
    scrollTo(100);
    expect(frame.textContent).toBe('99–119');
    scrollTo(50);
    expect(frame.textContent).toBe('46–66');
    scrollTo(60);
    expect(frame.textContent).toBe('59–79');
  });

  it('renders a short list whole', () => {
    render(<Rows count={5} />);
    expect(screen.getByTestId('frame').textContent).toBe('0–5');
  });

  // Decision 067: the keys' anchor stays through small moves and follows the window through large ones.
  it('keeps the anchor through a small move and moves it with the window on a large one', () => {
    expect(anchorAfterMove(5, ITEM_KEYS_BELOW - 1)).toBe(5);
    expect(anchorAfterMove(5, -(ITEM_KEYS_BELOW - 1))).toBe(5);
    expect(anchorAfterMove(5, ITEM_KEYS_BELOW)).toBe(5 + ITEM_KEYS_BELOW);
    expect(anchorAfterMove(5, -500)).toBe(-495);
  });

  it('keys the rows of a scrolled window from its anchor: staying rows keep their keys through small moves, places through large ones', () => {
    function Keys() {
      const ref = useRef<HTMLDivElement>(null);
      const { start, end, anchor } = useRowWindow(ref, { count: 1000, rowHeight: 44, overscan: 4, initialHeight: 600 });
      const keys = [];
      for (let i = start; i < end; i++) keys.push(`${i}:${slotKey(i - anchor)}`);
      return (
        <div ref={ref} data-testid="frame">
          {keys.join(' ')}
        </div>
      );
    }
    render(<Keys />);
    const frame = screen.getByTestId('frame');
    const keyOf = () => new Map((frame.textContent ?? '').split(' ').map((p) => p.split(':') as [string, string]));
    const scrollTo = (row: number) => scrollToRow(frame, row, 44);
    scrollTo(10); // a large move: the anchor follows, row 9 (the first, one row kept above) is at place 0
    expect(keyOf().get('9')).toBe('slot-0');
    scrollTo(12); // small: row 20 keeps its key
    const before = keyOf();
    scrollTo(9); // small, back up (the overscan moves above): the arriving rows take places before the anchor
    const after = keyOf();
    expect(after.get('20')).toBe(before.get('20'));
    expect(after.get('5')).toBe('slot--4'); // the anchor is row 9
    const staying = [...after.keys()].filter((row) => before.has(row));
    for (const row of staying) expect(after.get(row)).toBe(before.get(row));
    const arriving = [...after].filter(([row]) => !before.has(row)).map(([, key]) => key);
    expect(arriving.length).toBeGreaterThan(0);
    for (const key of arriving) expect([...before.values()]).not.toContain(key);
    scrollTo(300); // large: the first row shown keeps the place the first row had
    expect(keyOf().get('299')).toBe(after.get('5'));
  });

  it('names places before the anchor and far past it without clashing', () => {
    expect(slotKey(-1)).toBe('slot--1');
    expect(slotKey(1000)).toBe('slot-1000');
    expect(new Set([-2, -1, 0, 1, 255, 256, 257].map(slotKey)).size).toBe(7);
  });
});
