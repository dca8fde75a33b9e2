// The pseudo-locale (`?lang=pseudo`): every catalog message accented, about 35% longer and bracketed ⟦…⟧, so a
// reviewer (and e2e/pseudo-locale.spec.ts) sees at once any text that did not come from a catalog, and any layout
// that breaks when a translation is longer than the English. Applied to the compiled catalogs when they load;
// placeholders, plural and select structure, `#` and values are left alone.
import type { CompiledMessage, CompiledMessageToken } from '@lingui/message-utils/compileMessage';

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

const ACCENTED: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

export function accent(text: string): string {
  return text.replace(/[A-Za-z]/g, (ch) => ACCENTED[ch] ?? ch);
}

/** Letters of the literal text, plural branches counted once (the longest), for the padding. */
function literalLength(m: CompiledMessage): number {
  let n = 0;
  for (const tok of m) {
    if (typeof tok === 'string') n += tok.length;
    else if (isChoices(tok[2])) n += Math.max(0, ...choiceEntries(tok[2]).map(([, c]) => literalLength(c)));
    else n += 6; // a value: about a word
  }
  return n;
}

function isChoices(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function choiceEntries(c: Record<string, unknown>): Array<[string, CompiledMessage]> {
  return Object.entries(c).filter((e): e is [string, CompiledMessage] => e[0] !== 'offset' && Array.isArray(e[1]));
}

function mapMessage(m: CompiledMessage): CompiledMessage {
  return m.map((tok): CompiledMessageToken => {
    if (typeof tok === 'string') return accent(tok);
    const [name, type, format] = tok;
    if (!isChoices(format)) return tok;
    const mapped: Record<string, unknown> = { ...format };
    for (const [k, c] of choiceEntries(format)) mapped[k] = mapMessage(c);
    return [name, type, mapped];
  });
}

/**
 * About 35% longer, in words of at most 8 characters (a real translation wraps between words; one long run of
 * padding would make a layout break that no language does).
 */
function padding(length: number): string {
  const total = Math.ceil(length * 0.35);
  if (total === 0) return '';
  const words: string[] = [];
  for (let left = total; left > 0; left -= 8) words.push('·'.repeat(Math.min(8, left)));
  return ` ${words.join(' ')}`;
}

export function pseudoMessage(m: CompiledMessage): CompiledMessage {
  return [PSEUDO_OPEN, ...mapMessage(m), `${padding(literalLength(m))}${PSEUDO_CLOSE}`];
}

export function pseudoCatalog(messages: Record<string, CompiledMessage>): Record<string, CompiledMessage> {
  const out: Record<string, CompiledMessage> = {};
  for (const [id, m] of Object.entries(messages)) out[id] = pseudoMessage(m);
  return out;
}
