// The review gallery: screenshots of every screen and state on the emulated engine, for UX reviewers.
// `npm run gallery` writes review-gallery/index.html. Not part of `npm test`.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: './e2e/gallery',
  testMatch: /.*\.gallery\.ts/,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: { ...base.use, viewport: { width: 1440, height: 900 }, trace: 'off', screenshot: 'off' },
});
