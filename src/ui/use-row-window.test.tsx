import { act, render, screen, waitFor } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { useRowWindow } from './use-row-window';

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
    const scrollTo = (row: number) =>
      act(() => {
        frame.scrollTop = row * 44;
        frame.dispatchEvent(new Event('scroll'));
      });
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
});
