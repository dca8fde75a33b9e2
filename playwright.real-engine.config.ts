// The console as administrators deploy it, against the emulated engine over HTTP (`npm run engine`): the
// production build (no emulator code) behind `vite preview`'s ENGINE_URL proxy, at the newest engine version and at
// 4.4.0, and the dev server's ENGINE_URL proxy (scripts/serve-real-engine-e2e.mjs starts all of it). The specs in
// e2e/real-engine/ check what the engine holds through its admin endpoint, never through the page.
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';
import { REAL_ENGINE_TARGETS } from './scripts/real-engine-targets.mjs';
import type { EngineOptions } from './e2e/fixtures';

const last = REAL_ENGINE_TARGETS[REAL_ENGINE_TARGETS.length - 1];

export default defineConfig<EngineOptions>({
  testDir: './e2e/real-engine',
  testMatch: /.*\.spec\.ts/,
  // Each target's engine holds one state that a test resets: two tests on one engine at once would reset each
  // other's engine (and end each other's sessions). One worker, every test in turn (about a minute and a half).
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report-real-engine' }]] : [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  projects: REAL_ENGINE_TARGETS.map((t) => ({
    name: t.name,
    // The dev server is checked with the short walk only; the production build with every main flow.
    ...(t.serve === 'dev' ? { testMatch: /smoke\.spec\.ts/ } : {}),
    use: {
      baseURL: `http://localhost:${t.consolePort}`,
      engine: { adminUrl: `http://127.0.0.1:${t.enginePort}`, version: t.engineVersion },
    },
  })),
  webServer: {
    command: 'node scripts/serve-real-engine-e2e.mjs',
    url: `http://localhost:${last?.consolePort ?? 0}`,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: 'pipe',
  },
});
