// Which engine version the emulator answers as. A real engine reports it at GET /ovirt-engine/api
// (product_info.version: major, minor, build, revision — ovirt-engine-api-model types/Version.java), and what it
// offers depends on it: discoveriscsi only since 4.4.6 (services/HostService.java, `@since 4.4.6`), a LUN's
// active_paths only on newer engines. Handlers ask `atLeast(engine.version, '4.4.6')` instead of comparing strings.
export interface EngineVersion {
  major: number;
  minor: number;
  build: number;
  revision: number;
}

/** The newest engine the emulator imitates (oVirt 4.5.x). */
export const NEWEST_ENGINE_VERSION = '4.5.6';

/** "4.4", "4.4.0", "4.5.6.2" → a version; undefined for anything else. */
export function parseEngineVersion(text: string | null | undefined): EngineVersion | undefined {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text?.trim() ?? '');
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), build: Number(m[3] ?? 0), revision: Number(m[4] ?? 0) };
}

export function formatEngineVersion(v: EngineVersion): string {
  return `${v.major}.${v.minor}.${v.build}`;
}

function compare(a: EngineVersion, b: EngineVersion): number {
  return a.major - b.major || a.minor - b.minor || a.build - b.build || a.revision - b.revision;
}

/** Whether `v` is `min` or newer ("4.4.6"). */
export function atLeast(v: EngineVersion, min: string): boolean {
  const m = parseEngineVersion(min);
  if (!m) throw new Error(`not a version: ${min}`);
  return compare(v, m) >= 0;
}
