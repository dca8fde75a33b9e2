// The build's rewrite of PatternFly's keyless sibling selectors (scripts/sibling-selectors-plugin.mjs,
// docs/decisions/052): what it rewrites, and that after it no PatternFly stylesheet has a sibling combinator with
// nothing Blink can key on at its left (`* + *`, `:not(.x) ~`) — a PatternFly upgrade that brings a new one fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { siblingSelectors, spareSelector } from '../scripts/sibling-selectors-plugin.mjs';

/** A compound that is only `*` or only `:not(…)`, right before a `+` or `~` combinator. */
const KEYLESS_SIBLING = /(^|[\s>+~(,])(\*|:not\([^()]*\))\s*[+~]/;

function patternflyStylesheets(): string[] {
  const root = join('node_modules', '@patternfly', 'react-styles', 'css', 'components');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.css')).map((f) => join(root, f));
  return [...files, join('node_modules', '@patternfly', 'react-core', 'dist', 'styles', 'base.css')];
}

function keylessSelectors(css: string): string[] {
  const found: string[] = [];
  postcss.parse(css).walkRules((rule) => {
    for (const s of rule.selectors) if (KEYLESS_SIBLING.test(s)) found.push(s);
  });
  return found;
}

describe('sibling selectors', () => {
  it('rewrites `P > * + *` and `:not(.c) ~ .r`, keeping their meaning, and leaves the rest alone', () => {
    expect(spareSelector('.pf-v6-c-alert-group > * + *')).toBe('.pf-v6-c-alert-group > :where(:not(:first-child))');
    expect(spareSelector(':not(.pf-v6-c-table__control-row) ~ .pf-v6-c-table__expandable-row > .pf-v6-c-table__td')).toBe(
      '.pf-v6-c-table__expandable-row:where(:nth-child(n + 2 of :not(.pf-v6-c-table__control-row))):not(.pf-v6-c-table__control-row) > .pf-v6-c-table__td',
    );
    for (const s of ['.pf-v6-c-modal-box__close + *', '.pf-v6-c-switch__input:checked ~ .pf-v6-c-switch__label', '.pf-v6-c-table__td']) expect(spareSelector(s)).toBe(s);
  });

  it("leaves no keyless sibling combinator in PatternFly's stylesheets (and there are some before it)", async () => {
    const files = patternflyStylesheets();
    expect(files.length).toBeGreaterThan(50);
    const before: string[] = [];
    const after: string[] = [];
    for (const file of files) {
      const css = readFileSync(file, 'utf8');
      before.push(...keylessSelectors(css));
      const out = await postcss([siblingSelectors()]).process(css, { from: file });
      after.push(...keylessSelectors(out.css));
    }
    expect(before).toContain('.pf-v6-c-alert-group > * + *');
    expect(after).toEqual([]);
  });
});
