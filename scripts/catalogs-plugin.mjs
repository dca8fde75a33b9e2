// Message catalogs compiled at build time (decision 051): each src/i18n/messages/<lang>/*.json (id → ICU MessageFormat
// text) becomes, when imported, the same ids with Lingui's compiled messages, so the console ships no message parser.
// A message that does not parse fails the build (and the dev server, and the tests) naming the file and the id.
// Runs before Vite's own JSON plugin, which then turns the compiled JSON into a module as usual.
import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';

const CATALOG = /\/src\/i18n\/messages\/[^/]+\/[^/]+\.json$/;

export function compileCatalog(source, file = 'catalog') {
  const messages = JSON.parse(source);
  const out = {};
  for (const [id, text] of Object.entries(messages)) {
    if (typeof text !== 'string') throw new Error(`${file}: message "${id}" is not a string`);
    try {
      out[id] = compileMessageOrThrow(text);
    } catch (e) {
      throw new Error(`${file}: message "${id}" is not valid ICU MessageFormat: ${e instanceof Error ? e.message : e}`);
    }
  }
  return out;
}

export function catalogs() {
  return {
    name: 'i18n-catalogs',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0];
      if (!CATALOG.test(file)) return null;
      return { code: JSON.stringify(compileCatalog(code, file)), map: null };
    },
  };
}
