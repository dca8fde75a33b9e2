// The layers of docs/design.md §7 and docs/decisions/040-layers-and-zones.md, enforced:
//   app → features → flows → ui → engine-api → domain → i18n   (a layer may skip down, never up)
// - i18n/ (message catalogs, t(), Intl formatting) is the floor: every layer, mocks/ included, may use it;
// - a feature never imports another feature, only app imports features;
// - mocks/ (the emulated engine) imports domain, engine-api types only, and ui for its panel and the engine-mode port;
// - only src/main.tsx reaches into mocks/ (its dynamic import of emulated mode);
// - test files may also use src/test/ and mocks/ (the emulator behind MSW).
// Relative specifiers are resolved against the importing file, so '../../ui/x' and '../ui/x' are judged alike.
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Which layer a file (absolute path) belongs to, with the feature or flow name where there is one. */
function layerOf(abs) {
  const rel = path.relative(ROOT, abs).split(path.sep).join('/');
  if (rel === 'src/main.tsx') return { layer: 'main' };
  let m = /^src\/(i18n|domain|engine-api|ui|app|test)(\/|$)/.exec(rel);
  if (m) return { layer: m[1] };
  m = /^src\/(features|flows)\/([^/]+)/.exec(rel);
  if (m) return { layer: m[1], unit: m[2] };
  if (rel.startsWith('mocks/panel/')) return { layer: 'mocks', panel: true };
  if (rel.startsWith('mocks/')) return { layer: 'mocks' };
  return undefined;
}

/** The layers each layer may import (besides itself). */
const ALLOWED = {
  i18n: [],
  domain: ['i18n'],
  'engine-api': ['domain', 'i18n'],
  ui: ['engine-api', 'domain', 'i18n'],
  flows: ['ui', 'engine-api', 'domain', 'i18n'],
  features: ['flows', 'ui', 'engine-api', 'domain', 'i18n'],
  app: ['features', 'flows', 'ui', 'engine-api', 'domain', 'i18n'],
  main: ['app', 'ui', 'mocks', 'engine-api', 'domain', 'i18n'],
  mocks: ['domain', 'i18n'],
  test: ['app', 'features', 'flows', 'ui', 'engine-api', 'domain', 'mocks', 'i18n'],
};

const isTest = (file) => /\.test\.tsx?$/.test(file);

function verdict(from, to, { typeOnly, test }) {
  if (!from || !to) return undefined;
  if (test && (to.layer === 'test' || to.layer === 'mocks')) return undefined;
  if (from.layer === to.layer) {
    if (from.layer === 'features' && from.unit !== to.unit) {
      return `features never import each other (features/${from.unit} → features/${to.unit}): move the shared part down to flows/, ui/, engine-api/ or domain/`;
    }
    return undefined;
  }
  if (from.layer === 'mocks') {
    if (to.layer === 'engine-api' && (typeOnly || test)) return undefined;
    if (to.layer === 'ui' && from.panel) return undefined;
    if (to.layer === 'ui' && typeOnly) return undefined; // the engine-mode port the emulator implements
  }
  if (test && ALLOWED.test.includes(to.layer)) return undefined;
  if ((ALLOWED[from.layer] ?? []).includes(to.layer)) return undefined;
  const allowed = ALLOWED[from.layer]?.join(', ') || 'nothing outside itself';
  return `${from.layer}/ may import ${allowed}; not ${to.layer}/ (layers point one way: docs/decisions/040-layers-and-zones.md)`;
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layers app → features → flows → ui → engine-api → domain.' },
    schema: [],
    messages: { layer: '{{why}}' },
  },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (!from) return {};
    const test = isTest(file);
    function check(node, source, typeOnly) {
      const spec = source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = layerOf(path.resolve(path.dirname(file), spec));
      const why = verdict(from, to, { typeOnly, test });
      if (why) context.report({ node: source, messageId: 'layer', data: { why } });
    }
    return {
      ImportDeclaration: (n) => check(n, n.source, n.importKind === 'type' || (n.specifiers.length > 0 && n.specifiers.every((s) => s.importKind === 'type'))),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source, n.exportKind === 'type'),
      ExportAllDeclaration: (n) => check(n, n.source, n.exportKind === 'type'),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source, false),
    };
  },
};

export default { rules: { layers: layersRule } };
