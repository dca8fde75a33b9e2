// Serving a built console for the benches and probes: `vite preview` of an emulated build on a port of its own
// (scripts/bench-lun-table.mjs, scripts/bench-datacenter-lists.mjs, scripts/probe-scroll-gc.mjs).
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** Resolves once `url` answers 2xx; throws after `ms`. */
export async function waitForServer(url, ms = 60_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  throw new Error(`no server at ${url}`);
}

/**
 * Serves `outDir` (an emulated build) on `port` and waits until it answers. Refuses a port something already answers
 * on — that server would be measured instead of this build (`portVar` names the variable that moves it). Returns
 * `stop`, which resolves once the server has exited.
 */
export async function servePreview(outDir, port, portVar) {
  const base = `http://localhost:${port}`;
  if (await fetch(base).then(() => true, () => false)) throw new Error(`${base} is already in use: stop that server or set ${portVar}`);
  const server = spawn('node', ['node_modules/vite/bin/vite.js', 'preview', '--mode', 'emulated', '--outDir', outDir, '--port', String(port), '--strictPort'], { stdio: 'ignore' });
  const stop = () => {
    server.kill();
    return new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
  };
  try {
    await waitForServer(base);
  } catch (e) {
    await stop();
    throw e;
  }
  return { stop };
}
