// A catalog message with markup in it: `"Demo user <0>{user}</0>, password <1>{password}</1>."` with
// `tags={[(c) => <strong>{c}</strong>, (c) => <strong>{c}</strong>]}`. Numbered tags, as Lingui's own, so that a
// translator can move them and the pseudo-locale's accents leave them alone. Values are put in first; a value is
// text, never markup (an engine name with "<0>" in it stays text: tags are read from the message, not the values).
import { Fragment, type ReactNode } from 'react';
import { t, type MessageId, type MessageValues } from './i18n';

const TAG = /<(\d+)>([\s\S]*?)<\/\1>/g;

/** Splits a formatted message at its numbered tags (the values were put in as markers, then given back as text). */
export function richParts(id: MessageId, values: MessageValues | undefined, tags: ReadonlyArray<(chunk: ReactNode) => ReactNode>): ReactNode[] {
  // Values go in as private-use markers, so that a value's own text can never be read as a tag.
  const marked: MessageValues = {};
  const texts: string[] = [];
  for (const [k, v] of Object.entries(values ?? {})) {
    if (typeof v === 'string') {
      marked[k] = `\uE000${texts.length}\uE001`;
      texts.push(v);
    } else marked[k] = v;
  }
  const unmark = (s: string) => s.replace(/\uE000(\d+)\uE001/g, (_, i: string) => texts[Number(i)] ?? '');
  const text = t(id, marked);
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(TAG)) {
    if (m.index > last) parts.push(unmark(text.slice(last, m.index)));
    const wrap = tags[Number(m[1])];
    const inner = unmark(m[2] ?? '');
    parts.push(<Fragment key={m.index}>{wrap ? wrap(inner) : inner}</Fragment>);
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(unmark(text.slice(last)));
  return parts;
}

export function Rich({ id, values, tags }: { id: MessageId; values?: MessageValues; tags: ReadonlyArray<(chunk: ReactNode) => ReactNode> }) {
  return <>{richParts(id, values, tags)}</>;
}
