// A fast path for the messages that only place values (`"LUN {lun}, {size}"`), most of the catalogs: Lingui formats
// each call through fresh formatter closures and a reduce, ~0.7 KB of garbage a message. The LUN table formats
// several messages for each row it mounts; scrolling 50,000 LUNs made tens of MB of it, and V8's major collections
// that followed stalled frames (decision 053). A message with plurals, numbers, selects or escape sequences is
// Lingui's, as is a result in which Lingui would decode an escape sequence; `i18n.test.ts` checks every catalog
// message against Lingui.
import type { CompiledMessage } from '@lingui/message-utils/compileMessage';

/** A compiled message made of text and plain placeholders only. */
export type PlainMessage = ReadonlyArray<string | readonly [string]>;

/** Lingui decodes these in a formatted message; a result holding one goes to Lingui. */
export const ESCAPE_SEQUENCE = /\\u[a-fA-F0-9]{4}|\\x[a-fA-F0-9]{2}/;

/** The message as a plain one, or undefined when it needs Lingui. */
export function plainMessage(m: CompiledMessage): PlainMessage | undefined {
  const out: Array<string | readonly [string]> = [];
  for (const token of m) {
    if (typeof token === 'string') {
      if (token.includes('#') || token.includes('\\')) return undefined;
      out.push(token);
    } else if (Array.isArray(token) && token.length === 1 && typeof token[0] === 'string') {
      out.push([token[0]]);
    } else {
      return undefined;
    }
  }
  return out;
}

/** Formats a plain message as Lingui does: text, then each value (a missing one leaves nothing). */
export function formatPlain(m: PlainMessage, values: Readonly<Record<string, string | number | Date | undefined>> | undefined): string {
  let out = '';
  for (const token of m) {
    if (typeof token === 'string') {
      out += token;
    } else {
      const v = values?.[token[0]];
      // As Lingui's `message + value` (a Date as its toString()).
      if (v !== undefined) out += typeof v === 'string' ? v : String(v);
    }
  }
  return out;
}
