import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../scripts/catalogs-plugin.mjs';
import { chooseLanguage } from './i18n';
import { PSEUDO_CLOSE, PSEUDO_OPEN, accent, pseudoCatalog, pseudoMessage } from './pseudo';
import { ESCAPE_SEQUENCE, formatPlain, plainMessage } from './plain-messages';
import type { CompiledMessage } from '@lingui/message-utils/compileMessage';
import { setupI18n } from '@lingui/core';

const DIR = join(import.meta.dirname, 'messages', 'en');

/** Formats one ICU message the way the console does (compiled, then Lingui's runtime). */
function format(text: string, values?: Record<string, string | number>, pseudo = false): string {
  const i18n = setupI18n();
  const [m] = Object.values(compileCatalog(JSON.stringify({ x: text })));
  if (!Array.isArray(m)) throw new Error('not compiled');
  i18n.load('en', { x: pseudo ? pseudoMessage(m) : m });
  i18n.activate('en', ['en-US']);
  return i18n._('x', values);
}

describe('catalogs', () => {
  it('every English catalog compiles, and no id is in two catalogs', () => {
    const seen = new Map<string, string>();
    for (const f of readdirSync(DIR)) {
      const compiled = compileCatalog(readFileSync(join(DIR, f), 'utf8'), f);
      for (const id of Object.keys(compiled)) {
        expect(seen.get(id), `${id} is in ${f} and ${seen.get(id)}`).toBeUndefined();
        seen.set(id, f);
      }
    }
  });

  it('refuses a message that is not ICU MessageFormat, naming the file and the id', () => {
    expect(() => compileCatalog(JSON.stringify({ 'lun.count': '{count, plural, one {# LUN}' }), 'lun-disk.json')).toThrow(
      /lun-disk\.json: message "lun\.count" is not valid ICU MessageFormat/,
    );
  });

  it('plurals, numbers in the user locale, values', () => {
    const m = '{count, plural, one {# LUN} other {# LUNs}} on {host}';
    expect(format(m, { count: 1, host: 'host01' })).toBe('1 LUN on host01');
    expect(format(m, { count: 12345, host: 'host01' })).toBe('12,345 LUNs on host01');
  });
});

describe('pseudo-locale', () => {
  it('accents, brackets and lengthens by about 35%, keeping values and plural structure', () => {
    const text = format('{count, plural, one {# LUN selected} other {# LUNs selected}} on {host}', { count: 2, host: 'host01' }, true);
    expect(text.startsWith(PSEUDO_OPEN)).toBe(true);
    expect(text.endsWith(PSEUDO_CLOSE)).toBe(true);
    expect(text).toContain('2 ĻÛÑš šéļéçţéð öñ host01'); // the value as it is, the words accented
    const english = '2 LUNs selected on host01';
    expect(text.length).toBeGreaterThanOrEqual(Math.floor(english.length * 1.3));
    // padding comes in words: never one unbreakable run longer than a word
    expect(text).not.toMatch(/·{9,}/);
  });

  it('accents letters only', () => {
    expect(accent('Log in #1 <0>{x}</0>')).toBe('Ļöĝ îñ #1 <0>{ẋ}</0>');
  });
});

describe('language choice', () => {
  function store(initial?: string) {
    const m = new Map<string, string>(initial ? [['dlc.lang', initial]] : []);
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
  }
  it('?lang=pseudo is kept in this browser; ?lang=en goes back to English', () => {
    const s = store();
    expect(chooseLanguage('?lang=pseudo', s)).toBe('pseudo');
    expect(chooseLanguage('', s)).toBe('pseudo');
    expect(chooseLanguage('?lang=en', s)).toBe('en');
    expect(chooseLanguage('', s)).toBe('en');
  });
  it('storage refused: the URL still decides for this page', () => {
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => undefined };
    expect(chooseLanguage('?lang=pseudo', refusing)).toBe('pseudo');
    expect(chooseLanguage('', refusing)).toBe('en');
  });
});

// plain-messages.ts: the console formats messages that only place values without Lingui; each must read exactly as
// Lingui formats it, in English and in the pseudo-locale.
describe('plain messages', () => {
  const all: Record<string, CompiledMessage> = {};
  for (const f of readdirSync(DIR)) Object.assign(all, compileCatalog(readFileSync(join(DIR, f), 'utf8'), f));

  function names(m: CompiledMessage): string[] {
    return m.flatMap((tok) => (typeof tok === 'string' ? [] : [String(tok[0])]));
  }

  for (const [label, catalog] of [['English', all], ['pseudo-locale', pseudoCatalog(all)]] as const) {
    it(`reads as Lingui formats it, for every message of the catalogs (${label})`, () => {
      const i18n = setupI18n();
      i18n.load('en', catalog);
      i18n.activate('en', ['en-US']);
      let plain = 0;
      for (const [id, m] of Object.entries(catalog)) {
        const p = plainMessage(m);
        if (!p) continue;
        plain++;
        // Values of each kind the console passes; one left out (Lingui writes nothing for it).
        const [first, ...rest] = names(m);
        const values: Record<string, string | number | undefined> = {};
        rest.forEach((n, i) => (values[n] = i % 2 === 0 ? `v-${n} «x»` : 1234.5));
        if (first) values[first] = undefined;
        expect(formatPlain(p, values), id).toBe(i18n._(id, values));
        expect(formatPlain(p, undefined), id).toBe(i18n._(id));
      }
      // Most messages take the fast path; the others (plurals, numbers) are Lingui's.
      expect(plain).toBeGreaterThan(Object.keys(catalog).length / 2);
    });
  }

  it('leaves to Lingui what it formats otherwise: plurals, numbers, escape sequences', () => {
    const compiled = compileCatalog(JSON.stringify({ a: '{n, plural, one {# LUN} other {# LUNs}}', b: '{bytes, number} bytes', c: 'A \\u0041', d: 'LUN {lun}' }));
    expect(plainMessage(compiled.a as CompiledMessage)).toBeUndefined();
    expect(plainMessage(compiled.b as CompiledMessage)).toBeUndefined();
    expect(plainMessage(compiled.c as CompiledMessage)).toBeUndefined();
    expect(plainMessage(compiled.d as CompiledMessage)).toEqual(['LUN ', ['lun']]);
    // A value that holds an escape sequence: Lingui decodes it in the result, so t() hands such a result to Lingui.
    expect(ESCAPE_SEQUENCE.test(formatPlain(['LUN ', ['lun']], { lun: '\\u0041' }))).toBe(true);
  });
});
