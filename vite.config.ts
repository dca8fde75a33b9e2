/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Two engine modes, one client (docs/design.md §2):
// - emulated (default for `npm start`, and `vite build --mode emulated`): MSW answers /ovirt-engine/... in the page;
// - real engine: `ENGINE_URL=https://engine.example.com npm start` proxies /ovirt-engine to it, and a production
//   `vite build` is served behind a reverse proxy the same way. Neither carries the emulator's code.
export default defineConfig(({ mode, command }) => {
  const engineUrl = process.env.ENGINE_URL;
  const emulated = mode === 'emulated' || (command === 'serve' && mode !== 'production' && !engineUrl);
  return {
    plugins: [react()],
    // MSW's service worker is served only in emulated mode: a real-engine build carries none of the emulator.
    publicDir: emulated ? 'mocks/public' : false,
    define: {
      __EMULATED__: JSON.stringify(emulated),
    },
    server: {
      port: Number(process.env.PORT ?? 5173),
      proxy: engineUrl
        ? {
            '/ovirt-engine': {
              target: engineUrl,
              changeOrigin: true,
              // Engines often use the self-signed CA of their setup: ENGINE_INSECURE=1 skips verification.
              secure: process.env.ENGINE_INSECURE !== '1',
            },
          }
        : undefined,
    },
    preview: { port: Number(process.env.PORT ?? 4173) },
    build: { sourcemap: true, chunkSizeWarningLimit: 1500 },
    test: {
      projects: [
        {
          extends: true,
          test: { name: 'unit', environment: 'node', include: ['src/**/*.test.ts', 'mocks/**/*.test.ts'] },
        },
        {
          extends: true,
          test: {
            name: 'dom',
            environment: 'jsdom',
            include: ['src/**/*.test.tsx'],
            setupFiles: ['./vitest.setup.ts'],
          },
        },
      ],
    },
  };
});
