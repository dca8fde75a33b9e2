// What the real-engine e2e project (playwright.real-engine.config.ts) runs against: the console served the ways
// the README tells administrators to, each in front of its own `npm run engine` (the emulated engine over HTTP):
//
//   prod-newest  the production build (dist-real-e2e/, no emulator code) through `vite preview` + ENGINE_URL proxy
//                → the newest engine version
//   prod-4.4     the same build through a second `vite preview` → an engine answering as 4.4.0
//   dev-proxy    the dev server with ENGINE_URL (`ENGINE_URL=… npm start`) → the newest engine version
//
// Every engine has its own state (the projects run side by side); a test resets its engine through the engine's
// admin endpoint. Ports come from realEnginePorts() so the config and this script agree. Stays in the foreground
// until killed (Playwright's webServer), and takes its children down with it.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, createServer, preview } from 'vite';
import { REAL_ENGINE_TARGETS } from './real-engine-targets.mjs';

const OUT = 'dist-real-e2e';
const children = [];

function stop() {
  for (const c of children) c.kill('SIGTERM');
}
process.on('SIGTERM', () => {
  stop();
  process.exit(0);
});
process.on('SIGINT', () => {
  stop();
  process.exit(0);
});
process.on('exit', stop);

async function waitFor(url, what, ms = 60_000) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${what} did not come up at ${url}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// 1. The engines, one per target. Each logs one line per request: E2E_ENGINE_LOG=DIR writes them to
//    DIR/engine-<target>.log (for a failing spec: what the engine was asked, and answered).
const logDir = process.env.E2E_ENGINE_LOG;
if (logDir) mkdirSync(logDir, { recursive: true });
for (const t of REAL_ENGINE_TARGETS) {
  const out = logDir ? openSync(join(logDir, `engine-${t.name}.log`), 'w') : 'ignore';
  const child = spawn(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'mocks/server/cli.ts', '--port', String(t.enginePort), '--latency', 'fast', '--engine-version', t.engineVersion],
    { stdio: ['ignore', out, 'inherit'] },
  );
  child.on('exit', (code) => {
    if (code !== null && code !== 0) console.error(`engine on port ${t.enginePort} exited with ${code}`);
  });
  children.push(child);
}
await Promise.all(REAL_ENGINE_TARGETS.map((t) => waitFor(`http://127.0.0.1:${t.enginePort}/__emulator`, `engine ${t.name}`)));

// 2. The production build, once (what `npm run build` makes; check-real-build.mjs proves it carries no emulator).
rmSync(OUT, { recursive: true, force: true });
await build({ logLevel: 'warn', build: { outDir: OUT } });

// 3. The servers. ENGINE_URL is read when vite.config.ts is evaluated, once per server.
for (const t of REAL_ENGINE_TARGETS) {
  process.env.ENGINE_URL = `http://127.0.0.1:${t.enginePort}`;
  if (t.serve === 'preview') {
    await preview({ logLevel: 'warn', build: { outDir: OUT }, preview: { port: t.consolePort, strictPort: true } });
  } else {
    const server = await createServer({ logLevel: 'warn', server: { port: t.consolePort, strictPort: true } });
    await server.listen();
  }
}
delete process.env.ENGINE_URL;
console.log(`real-engine e2e: ${REAL_ENGINE_TARGETS.map((t) => `${t.name} http://localhost:${t.consolePort} → engine ${t.engineVersion} :${t.enginePort}`).join('; ')}`);
