// A PostCSS plugin for the build (vite.config.ts, docs/decisions/052): rewrites the PatternFly selectors whose
// sibling combinator has nothing on its left that Blink can key on — `P > * + *` and
// `:not(.pf-v6-c-table__control-row) ~ …` — into selectors that match the same elements without one.
//
// Why: Chromium invalidates style for such a selector on *every* element inserted or removed anywhere in the page,
// and restyles the following siblings and their cells. In the LUN table each scroll frame removes rows at one end
// and adds rows at the other: every row on screen was restyled on every frame (428 elements a frame where the new
// rows have ~180; style went from ~6 to ~9.5 ms a frame on a two-core machine, probe-traced 2026-12-06).
//
// Both rewrites keep the selector's meaning and its specificity:
// - `P > * + *` (a child of P after another element) is `P > :where(:not(:first-child))`: specificity 0 for the
//   `* + *` part, as before;
// - `:not(.c) ~ .r` (an .r with an earlier sibling that is not .c) is `.r:where(:nth-child(n + 2 of :not(.c))):not(.c)`:
//   an .r that is not .c is the second or later of the siblings that are not .c. Specificity (0,2,0), as before.

const UNIVERSAL_ADJACENT = /> \* \+ \*$/;
const NOT_CONTROL_ROW = /^:not\((\.[\w-]+)\) ~ (\.[\w-]+)/;

/** One selector, rewritten when it is one of the two forms above; otherwise unchanged. */
export function spareSelector(selector) {
  const s = selector.trim().replace(/\s+/g, ' ');
  if (UNIVERSAL_ADJACENT.test(s)) return s.replace(UNIVERSAL_ADJACENT, '> :where(:not(:first-child))');
  const m = NOT_CONTROL_ROW.exec(s);
  if (m) {
    const [whole, not, subject] = m;
    return `${subject}:where(:nth-child(n + 2 of :not(${not}))):not(${not})${s.slice(whole.length)}`;
  }
  return selector;
}

/** The PostCSS plugin: every rule's selectors through spareSelector. */
export function siblingSelectors() {
  return {
    postcssPlugin: 'sibling-selectors',
    Rule(rule) {
      const next = rule.selectors.map(spareSelector);
      if (next.some((s, i) => s !== rule.selectors[i])) rule.selectors = next;
    },
  };
}
siblingSelectors.postcss = true;
