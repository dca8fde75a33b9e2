// `npm run engine [-- --port 4300 --host 127.0.0.1 --scenario lab --latency normal --engine-version 4.5.7]`:
// the emulated engine over HTTP (http-engine.ts). Ctrl-C stops it.
import { parseArgs } from 'node:util';
import { LATENCY_PRESETS, SCENARIOS, parseLatency } from '../emulator';
import { DEFAULT_SCENARIO } from '../scenarios';
import { NEWEST_ENGINE_VERSION, formatEngineVersion, parseEngineVersion } from '../engine/version';
import { ADMIN_PREFIX } from './admin';
import { startHttpEngine } from './http-engine';

const USAGE = `Usage: npm run engine -- [options]

  --port N                 port to listen on (default 4300; 0 = any free port)
  --host ADDRESS           address to listen on (default 127.0.0.1)
  --scenario NAME          ${Object.keys(SCENARIOS).join(' | ')} (default ${DEFAULT_SCENARIO})
  --latency L              ${Object.keys(LATENCY_PRESETS).join(' | ')} | a factor such as 0.5 (default normal)
  --engine-version V       the engine version to answer as: ${NEWEST_ENGINE_VERSION} (default), 4.4.0, 4.3, …
  --quiet                  no request log
  --help                   this text`;

function fail(message: string): never {
  console.error(`npm run engine: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '4300' },
        host: { type: 'string', default: '127.0.0.1' },
        scenario: { type: 'string', default: DEFAULT_SCENARIO },
        latency: { type: 'string', default: 'normal' },
        'engine-version': { type: 'string', default: NEWEST_ENGINE_VERSION },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port ${values.port}: not a port number`);
  if (!SCENARIOS[values.scenario]) fail(`unknown scenario "${values.scenario}"; known scenarios: ${Object.keys(SCENARIOS).join(', ')}`);
  const latency = parseLatency(values.latency);
  if (latency === undefined) fail(`--latency ${values.latency}: one of ${Object.keys(LATENCY_PRESETS).join(', ')} or a factor ≥ 0`);
  const version = parseEngineVersion(values['engine-version']);
  if (!version) fail(`--engine-version ${values['engine-version']}: not a version such as 4.5.7, 4.4.0 or 4.3`);

  startHttpEngine({
    port,
    host: values.host,
    scenario: values.scenario,
    latency,
    version,
    log: values.quiet ? undefined : (line) => console.log(line),
  }).then(
    (engine) => {
      console.log(`Emulated oVirt engine ${formatEngineVersion(version)} at ${engine.url}`);
      console.log(`  scenario ${values.scenario}, latency ${values.latency} (×${latency})`);
      console.log(`  API   ${engine.url}/ovirt-engine/api/v4   SSO ${engine.url}/ovirt-engine/sso/oauth/token   (admin@internal / ovirt)`);
      console.log(`  admin ${engine.url}${ADMIN_PREFIX}   (state, reset, latency, faults, actions, idle — see README)`);
      console.log(`  console on it: ENGINE_URL=${engine.url} npm start`);
      const stop = () => {
        void engine.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (err: unknown) => fail(err instanceof Error ? err.message : String(err)),
  );
}

main();
