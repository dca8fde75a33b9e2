// The real-engine e2e targets: how the console is served, on which port, in front of which engine version.
// Shared by scripts/serve-real-engine-e2e.mjs and playwright.real-engine.config.ts. E2E_REAL_PORT moves the block
// of ports (console ports from it, engine ports from it + 100).
const base = Number(process.env.E2E_REAL_PORT ?? 4180);

export const REAL_ENGINE_TARGETS = [
  { name: 'prod-newest', serve: 'preview', engineVersion: '4.5.7', consolePort: base + 1, enginePort: base + 101 },
  { name: 'prod-4.4', serve: 'preview', engineVersion: '4.4.0', consolePort: base + 2, enginePort: base + 102 },
  { name: 'dev-proxy', serve: 'dev', engineVersion: '4.5.7', consolePort: base + 3, enginePort: base + 103 },
];
