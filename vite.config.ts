/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { bundleBudget } from './scripts/bundle-budget.mjs';
import { catalogs } from './scripts/catalogs-plugin.mjs';
import { hasSelectors } from './scripts/has-selectors-plugin.mjs';
import { siblingSelectors } from './scripts/sibling-selectors-plugin.mjs';

/**
 * MSW's service worker (mocks/public/, committed: npm 11 skips msw's postinstall) is served and emitted only in
 * emulated mode; public/ holds the real build's static files (favicon, manifest, robots).
 */
function emulatorWorker(): Plugin {
  const file = 'mocks/public/mockServiceWorker.js';
  const route = '/mockServiceWorker.js';
  return {
    name: 'emulator-worker',
    configureServer(server) {
      server.middlewares.use(route, (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: route.slice(1), source: readFileSync(file) });
    },
  };
}

// Two engine modes, one client (docs/design.md §2):
// - emulated (default for `npm start`, and `vite build --mode emulated`): MSW answers /ovirt-engine/... in the page;
// - real engine: `ENGINE_URL=https://engine.example.com npm start` proxies /ovirt-engine to it, and a production
//   `vite build` is served behind a reverse proxy the same way. Neither carries the emulator's code.
export default defineConfig(({ mode, command }) => {
  const engineUrl = process.env.ENGINE_URL;
  const emulated = mode === 'emulated' || (command === 'serve' && mode !== 'production' && !engineUrl);
  const engineProxy = engineUrl
    ? {
        '/ovirt-engine': {
          target: engineUrl,
          changeOrigin: true,
          // Engines often use the self-signed CA of their setup: ENGINE_INSECURE=1 skips verification.
          secure: process.env.ENGINE_INSECURE !== '1',
          // The engine's 401 carries `WWW-Authenticate: Basic realm="RESTAPI"` (restapi web.xml EnforceAuthFilter
          // scheme.basic_auth), which makes a browser open its own password prompt over the console (and a headless
          // one hang) — the console has its own login; the proxy drops the header (the README's nginx does too).
          configure: (proxy: { on: (ev: 'proxyRes', cb: (res: { headers: Record<string, unknown> }) => void) => void }) => {
            proxy.on('proxyRes', (res) => {
              delete res.headers['www-authenticate'];
            });
          },
        },
      }
    : undefined;
  return {
    // MSW's service worker is served only in emulated mode: a real-engine build carries none of the emulator.
    plugins: [catalogs(), react(), ...(emulated ? [emulatorWorker()] : []), ...(command === 'build' ? [bundleBudget()] : [])],
    publicDir: 'public',
    // PatternFly's sibling selectors that restyled every row of a long table on each scroll frame, rewritten to match
    // the same elements (docs/decisions/052); the hamburger rules whose `:has()` restyled every button on the page
    // whenever anything was inserted or picked, rewritten to ask the toggle's aria-expanded (docs/decisions/054).
    css: { postcss: { plugins: [siblingSelectors(), hasSelectors()] } },
    define: {
      __EMULATED__: JSON.stringify(emulated),
    },
    server: { port: Number(process.env.PORT ?? 5173), proxy: engineProxy },
    // `ENGINE_URL=… npx vite preview` serves the production build in front of the engine the same way.
    preview: { port: Number(process.env.PORT ?? 4173), proxy: engineProxy },
    build: { sourcemap: true, chunkSizeWarningLimit: 1500 },
    test: {
      projects: [
        {
          extends: true,
          test: { name: 'unit', environment: 'node', include: ['src/**/*.test.ts', 'mocks/**/*.test.ts', 'lint/**/*.test.ts'], setupFiles: ['./vitest.i18n.ts'] },
        },
        {
          extends: true,
          test: {
            name: 'dom',
            environment: 'jsdom',
            include: ['src/**/*.test.tsx'],
            setupFiles: ['./vitest.setup.ts'],
            // A wizard test walks several steps through the emulated engine in jsdom: 1–2 s on an idle two-core
            // machine, but over the 5 s default when the machine is loaded (seen at load average 10: the
            // AddDiskWizard tests timed out, then passed alone). Timing is the bench's business, not these tests'.
            testTimeout: 20_000,
          },
        },
      ],
    },
  };
});
