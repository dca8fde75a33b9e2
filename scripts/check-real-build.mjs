// A real-engine build must carry none of the emulated engine (design §2): no MSW, no service worker, no scenario.
// Builds into dist-check/ and fails if any of it is there.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const out = 'dist-check';
rmSync(out, { recursive: true, force: true });
execFileSync('npx', ['vite', 'build', '--outDir', out, '--logLevel', 'error'], { stdio: 'inherit' });

const problems = [];
if (existsSync(join(out, 'mockServiceWorker.js'))) problems.push('mockServiceWorker.js is in the build');
const markers = ['setupWorker', 'mockServiceWorker', 'ScenarioBuilder', 'array-a.apps', '__emulator'];
for (const f of readdirSync(join(out, 'assets')).filter((x) => x.endsWith('.js'))) {
  const text = readFileSync(join(out, 'assets', f), 'utf8');
  for (const m of markers) if (text.includes(m)) problems.push(`${f} contains "${m}"`);
}
rmSync(out, { recursive: true, force: true });
if (problems.length > 0) {
  console.error(`The real-engine build carries emulator code:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('Real-engine build: no emulator code, no service worker.');
