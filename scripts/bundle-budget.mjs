// The first load's size, measured from the build itself (decision 045): what the browser must fetch before the login
// page shows, and before the Disks list shows after login — the entry chunk and everything it imports statically,
// plus the chunks of the lazy routes on the way (ConsoleRouter, then DisksPage), with their CSS. Gzipped, as served.
// `bundleBudget()` is a Vite plugin: `npm run build` prints the figures; scripts/check-real-build.mjs fails the
// build when a figure is over its budget, naming the largest modules.
import { gzipSync } from 'node:zlib';

/** Budgets in KB (1,000 bytes) gzipped (issue 15: initial JS ≤ 150 KB, initial CSS ≤ 60 KB). */
export const BUDGETS = { js: 150, css: 60 };

/**
 * The loads measured, each with the lazy chunks (by source file) it needs after the entry: the login page (what a
 * browser fetches before it can show anything), and what the browser fetches after login to show the Disks list
 * (`after`: measured on top of the login page's load, which is cached by then). Both are held to the budgets;
 * the Disks list's whole first load (login page included) is printed too, for the record.
 */
export const FIRST_LOADS = [
  { name: 'login page', lazy: [] },
  { name: 'Disks list, after login', lazy: ['src/app/ConsoleRouter.tsx', 'src/features/disks/DisksPage.tsx'], after: 'login page' },
  { name: 'Disks list, in all', lazy: ['src/app/ConsoleRouter.tsx', 'src/features/disks/DisksPage.tsx'], budget: false },
];

const gz = (text) => gzipSync(text).length;
const kb = (bytes) => (bytes / 1000).toFixed(1);

/** One first load: the chunks and CSS files the browser fetches, their gzipped sizes, and the largest modules. */
function measure(bundle, load, before = new Set()) {
  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry);
  if (!entry) throw new Error('no entry chunk');
  const roots = [entry];
  for (const src of load.lazy) {
    const c = chunks.find((x) => x.facadeModuleId?.endsWith(src));
    if (!c) throw new Error(`no lazy chunk for ${src}: is it still loaded by a dynamic import?`);
    roots.push(c);
  }
  const seen = new Set();
  const visit = (c) => {
    if (seen.has(c.fileName)) return;
    seen.add(c.fileName);
    for (const f of c.imports) {
      const next = bundle[f];
      if (next?.type === 'chunk') visit(next);
    }
  };
  roots.forEach(visit);
  const js = [...seen].filter((f) => !before.has(f)).map((f) => bundle[f]);
  const cssFiles = new Set(js.flatMap((c) => [...(c.viteMetadata?.importedCss ?? [])]).filter((f) => !before.has(f)));
  const css = [...cssFiles].map((f) => bundle[f]).filter(Boolean);
  const cssText = (a) => (typeof a.source === 'string' ? a.source : Buffer.from(a.source).toString('utf8'));
  const modules = js.flatMap((c) => Object.entries(c.modules).map(([id, m]) => ({ id, gz: m.code ? gz(m.code) : 0 })));
  modules.sort((a, b) => b.gz - a.gz);
  return {
    name: load.name,
    jsBytes: js.reduce((n, c) => n + gz(c.code), 0),
    cssBytes: css.reduce((n, a) => n + gz(cssText(a)), 0),
    chunks: js.map((c) => c.fileName),
    files: [...js.map((c) => c.fileName), ...cssFiles],
    largest: modules.slice(0, 12).map((m) => ({ module: m.id.replace(/^.*node_modules\//, '').replace(process.cwd() + '/', ''), gzKB: Number(kb(m.gz)) })),
  };
}

export function report(bundle) {
  const done = new Map();
  return FIRST_LOADS.map((load) => {
    const m = measure(bundle, load, load.after ? new Set(done.get(load.after)) : undefined);
    done.set(load.name, m.files);
    const over = load.budget !== false && (m.jsBytes > BUDGETS.js * 1000 || m.cssBytes > BUDGETS.css * 1000);
    return { ...m, budgeted: load.budget !== false, js: Number(kb(m.jsBytes)), css: Number(kb(m.cssBytes)), over };
  });
}

export function formatReport(rows) {
  const lines = rows.map(
    (r) =>
      `  ${r.name.padEnd(24)} JS ${String(r.js).padStart(6)} KB   CSS ${String(r.css).padStart(5)} KB` +
      (r.budgeted ? `   (budgets ${BUDGETS.js} / ${BUDGETS.css})${r.over ? '   OVER BUDGET' : ''}` : '   (for the record)'),
  );
  return ['First load, gzipped:', ...lines].join('\n');
}

/** Prints the first-load figures after `vite build`; `onReport` receives them (the budget check uses it). */
export function bundleBudget({ onReport } = {}) {
  let rows;
  // `api.onReport`: another plugin (scripts/check-real-build.mjs) takes the figures instead of the console.
  const api = { onReport };
  return {
    name: 'bundle-budget',
    apply: 'build',
    api,
    generateBundle(_options, bundle) {
      rows = report(bundle);
      api.onReport?.(rows);
    },
    closeBundle() {
      if (rows && !api.onReport) console.log(formatReport(rows));
    },
  };
}
