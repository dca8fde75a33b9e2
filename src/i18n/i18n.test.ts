import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../scripts/catalogs-plugin.mjs';
import { chooseLanguage } from './i18n';
import { PSEUDO_CLOSE, PSEUDO_OPEN, accent, pseudoMessage } from './pseudo';
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
