// The build's rewrite of PatternFly's hamburger rules (scripts/has-selectors-plugin.mjs, docs/decisions/054): what it
// rewrites, and that after it no PatternFly selector styles a button as the descendant of a `:has()` — which puts
// every `.pf-v6-c-button` on the page into Chromium's `:has()` invalidation set. A PatternFly upgrade that brings a
// new one fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { hasSelectors, toggleSelector } from '../scripts/has-selectors-plugin.mjs';

// Compass, PatternFly's newer layout, asks the same of its dock (`.pf-v6-c-compass:where(:has(> .pf-v6-c-compass__dock
// .pf-m-expanded))`), but its masthead toggle does not say whether the dock is open, so that rule is not rewritten. The
// console does not use Compass (its stylesheet is not in the build); the last test fails the day it does. `_index.css`
// is every component's stylesheet in one, which the console does not load either.
const NOT_LOADED = /[/\\](Compass[/\\]|_index\.css$)/;

function patternflyStylesheets(): string[] {
  const root = join('node_modules', '@patternfly', 'react-styles', 'css', 'components');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.css')).map((f) => join(root, f));
  return [...files, join('node_modules', '@patternfly', 'react-core', 'dist', 'styles', 'base.css')].filter((f) => !NOT_LOADED.test(f));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f)).map((f) => join(dir, f));
}

/** The selector's last compound (after its last combinator outside parentheses). */
function subject(selector: string): { before: string; last: string } {
  let depth = 0;
  let cut = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && (c === ' ' || c === '>' || c === '+' || c === '~')) cut = i + 1;
  }
  return { before: selector.slice(0, cut), last: selector.slice(cut) };
}

/** Selectors where a button is styled below a `:has()`. */
function buttonsBelowHas(css: string): string[] {
  const found: string[] = [];
  postcss.parse(css).walkRules((rule) => {
    for (const s of rule.selectors) {
      const { before, last } = subject(s.trim().replace(/\s+/g, ' '));
      if (before.includes(':has(') && last.includes('.pf-v6-c-button')) found.push(s);
    }
  });
  return found;
}

describe('has selectors', () => {
  it("rewrites the page's sidebar :has() into the toggle's aria-expanded, keeping the rest of the selector, and leaves others alone", () => {
    expect(
      toggleSelector(
        '.pf-v6-c-page:where(:has(> .pf-v6-c-page__sidebar.pf-m-expanded)) > .pf-v6-c-masthead .pf-v6-c-masthead__toggle :is(.pf-v6-c-button.pf-m-hamburger, .pf-v6-c-button.pf-m-hamburger:hover)',
      ),
    ).toBe('.pf-v6-c-page > .pf-v6-c-masthead .pf-v6-c-masthead__toggle :is(.pf-v6-c-button.pf-m-hamburger, .pf-v6-c-button.pf-m-hamburger:hover):where([aria-expanded="true"])');
    expect(
      toggleSelector('.pf-v6-c-page:where(:has(>.pf-v6-c-page__sidebar.pf-m-collapsed)) > .pf-v6-c-masthead .pf-v6-c-masthead__toggle .pf-v6-c-button.pf-m-hamburger:is(:hover, :focus-visible)'),
    ).toBe('.pf-v6-c-page > .pf-v6-c-masthead .pf-v6-c-masthead__toggle .pf-v6-c-button.pf-m-hamburger:is(:hover, :focus-visible):where([aria-expanded="false"])');
    for (const s of ['.pf-v6-c-page > .pf-v6-c-masthead .pf-v6-c-masthead__toggle .pf-v6-c-button.pf-m-hamburger', '.pf-v6-c-form-control:has(select) .pf-v6-c-form-control__utilities'])
      expect(toggleSelector(s)).toBe(s);
  });

  it("leaves no button styled below a :has() in PatternFly's stylesheets (and there are some before it)", async () => {
    const before: string[] = [];
    const after: string[] = [];
    for (const file of patternflyStylesheets()) {
      const css = readFileSync(file, 'utf8');
      before.push(...buttonsBelowHas(css));
      const out = await postcss([hasSelectors()]).process(css, { from: file });
      after.push(...buttonsBelowHas(out.css));
    }
    expect(before.length).toBeGreaterThan(0);
    expect(after).toEqual([]);
  });

  it('is right to leave Compass out: no source file imports it', () => {
    const users = sourceFiles('src').filter((f) => /\bCompass\w*\b[^;]*from '@patternfly/.test(readFileSync(f, 'utf8')));
    expect(users).toEqual([]);
  });
});
