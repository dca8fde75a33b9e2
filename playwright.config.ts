import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4174);
// A run on its own port builds into its own folder: two runs at once would otherwise rebuild the folder the other
// one serves, and its pages fail to load mid-test (net::ERR_HTTP_RESPONSE_CODE_FAILURE).
const OUT_DIR = process.env.E2E_PORT ? `dist-e2e-${PORT}` : 'dist-e2e';

export default defineConfig({
  testDir: './e2e',
  testMatch: /.*\.spec\.ts/,
  // e2e/real-engine/ runs against `npm run engine` through the production build (playwright.real-engine.config.ts).
  testIgnore: ['**/real-engine/**'],
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    // A trace costs about 40 % of the suite's time on two cores (measured: 26 tests, 1.6 min without, 2.6 min
    // with); a failure still leaves its screenshot and the page's aria snapshot. E2E_TRACE=1 records traces again.
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  webServer: {
    // The emulated build, served as a production bundle: what reviewers see, without dev-server warm-up.
    command: `npx vite build --mode emulated --outDir ${OUT_DIR} --logLevel warn && npx vite preview --mode emulated --outDir ${OUT_DIR} --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
