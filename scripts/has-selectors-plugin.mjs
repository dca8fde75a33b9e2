// A PostCSS plugin for the build (vite.config.ts, docs/decisions/054): rewrites PatternFly's hamburger-icon rules,
// which ask `.pf-v6-c-page:where(:has(> .pf-v6-c-page__sidebar.pf-m-expanded))` (or `.pf-m-collapsed`) whether the
// sidebar is open, to ask the toggle button itself: PatternFly's `PageToggleButton` carries `aria-expanded`, true
// exactly when the sidebar is expanded.
//
// Why: Chromium keeps one invalidation set for the elements that any `:has()` rule styles as a descendant. These
// rules put `.pf-v6-c-button` in it, so whenever a `:has()` might have changed anywhere on the page — an element
// inserted in the main area, a row gaining `pf-m-selected` (PatternFly's toggle group asks `:has(.pf-m-selected)`) —
// every button on the page was restyled: the LUN table's Copy button on each row, the toolbar's, the wizard's.
// A pick in the 10,000-LUN table spent ~5 ms in style and layout; with these rules rewritten, ~3 (probe, 2026-12-07).
//
// The rewrite keeps the selector's specificity: `:where()` counts 0 on both sides.

const SIDEBAR_HAS = /^\.pf-v6-c-page:where\(:has\(> \.pf-v6-c-page__sidebar\.pf-m-(expanded|collapsed)\)\) > /;

/** One selector, rewritten when it asks the page whether its sidebar is expanded or collapsed; otherwise unchanged. */
export function toggleSelector(selector) {
  const s = selector.trim().replace(/\s+/g, ' ').replace(/:has\(\s*>\s*/g, ':has(> ');
  const m = SIDEBAR_HAS.exec(s);
  if (!m) return selector;
  return `.pf-v6-c-page > ${s.slice(m[0].length)}:where([aria-expanded="${m[1] === 'expanded'}"])`;
}

/** The PostCSS plugin: every rule's selectors through toggleSelector. */
export function hasSelectors() {
  return {
    postcssPlugin: 'has-selectors',
    Rule(rule) {
      const next = rule.selectors.map(toggleSelector);
      if (next.some((s, i) => s !== rule.selectors[i])) rule.selectors = next;
    },
  };
}
hasSelectors.postcss = true;
