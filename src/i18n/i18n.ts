// The console's words (issue 13 item 3, decision 051). Every user-visible string is a message in a catalog
// (src/i18n/messages/en/*.json, ICU MessageFormat), shown through `t(id, values)`; numbers, sizes and dates go through
// Intl in the user's own locale (navigator.languages) whatever the language of the words. Engine messages are shown
// as the engine wrote them. The library is Lingui's core (@lingui/core): ~3 KB gzipped with catalogs compiled at
// build time (scripts/catalogs-plugin.mjs), so no message parser ships.
//
// Two languages today: English, and the pseudo-locale `?lang=pseudo` (kept in this browser, `dlc.lang`; `?lang=en`
// goes back), which accents, lengthens and brackets every catalog message (pseudo.ts).
import { setupI18n } from '@lingui/core';
import type { CompiledMessage } from '@lingui/message-utils/compileMessage';
import { ESCAPE_SEQUENCE, formatPlain, plainMessage, type PlainMessage } from './plain-messages';
import { pseudoCatalog } from './pseudo';
import type App from './messages/en/app.json';
import type Attach from './messages/en/attach.json';
import type Common from './messages/en/common.json';
import type Disk from './messages/en/disk.json';
import type Domain from './messages/en/domain.json';
import type Emulator from './messages/en/emulator.json';
import type Host from './messages/en/host.json';
import type Lists from './messages/en/lists.json';
import type Patternfly from './messages/en/patternfly.json';
import type Login from './messages/en/login.json';
import type LunDisk from './messages/en/lun-disk.json';
import type Vm from './messages/en/vm.json';

type Catalogs = typeof App & typeof Attach & typeof Common & typeof Disk & typeof Domain & typeof Emulator & typeof Host &
  typeof Lists & typeof Login & typeof LunDisk & typeof Patternfly & typeof Vm;

/** Every message id of every catalog: a typo in an id is a type error. */
export type MessageId = keyof Catalogs;

export type MessageValues = Record<string, string | number | Date | undefined>;

export type UiLanguage = 'en' | 'pseudo';

const LANG_KEY = 'dlc.lang';

/** `?lang=pseudo` chooses the pseudo-locale and keeps it in this browser; `?lang=en` goes back to English. */
export function chooseLanguage(search: string, storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined): UiLanguage {
  const asked = new URLSearchParams(search).get('lang');
  try {
    if (asked === 'pseudo') storage?.setItem(LANG_KEY, 'pseudo');
    else if (asked === 'en') storage?.removeItem(LANG_KEY);
    return storage?.getItem(LANG_KEY) === 'pseudo' || asked === 'pseudo' ? 'pseudo' : 'en';
  } catch {
    return asked === 'pseudo' ? 'pseudo' : 'en'; // storage refused: the choice holds for this page only
  }
}

function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

let language: UiLanguage | undefined;

/** The language of the words, decided once per page load. */
export function uiLanguage(): UiLanguage {
  language ??= typeof location === 'undefined' ? 'en' : chooseLanguage(location.search, browserStorage());
  return language;
}

/** The user's locales for numbers, sizes and dates (`en-US` where the runtime has no navigator, as in unit tests). */
export function formatLocales(): string[] {
  const langs = typeof navigator === 'undefined' ? [] : navigator.languages;
  return langs.length > 0 ? [...langs] : ['en-US'];
}

const i18n = setupI18n();
/** The loaded messages that only place values, formatted without Lingui (plain-messages.ts). */
const plainMessages = new Map<string, PlainMessage>();

/** The catalogs-plugin compiles every message into an array of tokens (scripts/catalogs-plugin.mjs). */
function isCompiled(v: unknown): v is CompiledMessage {
  return Array.isArray(v);
}

function compiled(v: unknown): CompiledMessage {
  // A plain string (a message loaded some other way) is literal text.
  return isCompiled(v) ? v : [String(v)];
}

/** Adds catalogs (as imported: compiled by scripts/catalogs-plugin.mjs); the pseudo-locale transforms them here. */
export function loadMessages(...catalogs: Array<Record<string, unknown>>): void {
  const messages: Record<string, CompiledMessage> = {};
  for (const c of catalogs) for (const [id, m] of Object.entries(c)) messages[id] = compiled(m);
  const loaded = uiLanguage() === 'pseudo' ? pseudoCatalog(messages) : messages;
  i18n.load('en', loaded);
  for (const [id, m] of Object.entries(loaded)) {
    const plain = plainMessage(m);
    if (plain) plainMessages.set(id, plain);
    else plainMessages.delete(id);
  }
  if (!i18n.locale) {
    i18n.activate('en', formatLocales());
    if (typeof document !== 'undefined') document.documentElement.lang = uiLanguage() === 'pseudo' ? 'en-XA' : 'en';
  }
}

/** A message of the catalogs, with its values (ICU: `{count, plural, one {# LUN} other {# LUNs}}`). */
export function t(id: MessageId, values?: MessageValues): string {
  const plain = plainMessages.get(id);
  if (plain) {
    const text = formatPlain(plain, values);
    if (!ESCAPE_SEQUENCE.test(text)) return text;
  }
  return i18n._(id, values);
}

/** A number in the user's locale ("12,345" or "12.345"). */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return i18n.number(n, options);
}

/** A date and time in the user's locale. */
export function formatDateTime(d: Date | number, options?: Intl.DateTimeFormatOptions): string {
  return i18n.date(typeof d === 'number' ? new Date(d) : d, options ?? { dateStyle: 'medium', timeStyle: 'medium' });
}
