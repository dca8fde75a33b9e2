// Long identifiers (LUN IDs, IQNs) cut in the middle, not at the end: what tells two apart is usually their end
// ("…795635bfd", "…array-a.apps"). Plain CSS on two spans (middle-cut.css) — no measuring, nothing mounted per
// cell — and the whole text stays in the DOM, so selecting it copies it whole. Used in the rows of the LUN tables.
import './middle-cut.css';

/** `text` in one line, cut before its last `tail` characters when the cell is too narrow for it. */
export function MiddleCut({ text, tail }: { text: string; tail: number }) {
  if (text.length <= tail + 2) return <>{text}</>;
  return (
    <span className="dlc-mid">
      <span className="dlc-mid-head">{text.slice(0, -tail)}</span>
      <span className="dlc-mid-tail">{text.slice(-tail)}</span>
    </span>
  );
}

/** How much of an IQN to keep whole: its end after the last colon (the target's name on its array), up to 24. */
export function iqnTail(iqn: string): number {
  return Math.min(24, iqn.length - iqn.lastIndexOf(':') - 1);
}
