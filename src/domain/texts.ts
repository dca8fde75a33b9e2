// Maps of words read at call time: a module-level map holds message ids, and reading an entry gives the text in the
// current language (t() cannot run while modules evaluate: the catalogs load afterwards, src/i18n/i18n.ts).
import { t, type MessageId } from '../i18n/i18n';

function ownKey<K extends string>(o: Readonly<Record<K, MessageId>>, k: PropertyKey): k is K {
  return typeof k === 'string' && Object.hasOwn(o, k);
}

/** `texts.x` is `t(ids.x)`, looked up when read (Object.entries and spreads read through it too). */
export function lazyTexts<K extends string>(ids: Readonly<Record<K, MessageId>>): Readonly<Record<K, string>> {
  return new Proxy(ids, {
    get(target, key, receiver): unknown {
      return ownKey(target, key) ? t(target[key]) : Reflect.get(target, key, receiver);
    },
  });
}

/** "a", "a and b", "a, b and c": names in a sentence (the names are data; "and" is a word of the catalog). */
export function nameList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return t('domain.list.and', { first: names.slice(0, -1).join(', '), last: names.at(-1) ?? '' });
}
