// Engine versions and what each offers the console. A real engine reports its version at GET /ovirt-engine/api
// (product_info.version: major, minor, build, revision — ovirt-engine-api-model types/Version.java; the JSON carries
// them as strings). Both the console and the emulated engine ask `atLeast(v, FEATURE_SINCE.x)` here, so the two
// agree on which engine has what.
import { t } from '../i18n/i18n';
export interface EngineVersion {
  major: number;
  minor: number;
  build: number;
  revision: number;
}

/** The oldest engine the console supports: 4.3 (older ones lack the 4.x API pieces the console relies on). */
export const OLDEST_SUPPORTED_ENGINE = '4.3';

/** The first engine version that has each piece of the API the console uses differently by version. */
export const FEATURE_SINCE = {
  /**
   * POST /hosts/{id}/discoveriscsi: ovirt-engine-api-model services/HostService.java `DiscoverIscsi` is `@since 4.4.6`;
   * the deprecated `iscsidiscover` exists in every 4.x.
   */
  discoverIscsi: '4.4.6',
  /**
   * A LUN's active_paths: api-model 93c6b6bb "Added activePaths to LogicalUnit model" (model 4.6.1) and engine
   * 8d33abc9a14 "restapi: add iSCSI multipath status" (StorageLogicalUnitMapper), both 2024-10-29; the first engine
   * release containing them is ovirt-engine-4.5.7 (`git tag --contains 8d33abc9a14`; 4.5.6's pom has model 4.6.0).
   */
  activePaths: '4.5.7',
} as const;

/** "4.4", "4.4.0", "4.5.6.2" → a version; undefined for anything else. */
export function parseEngineVersion(text: string | null | undefined): EngineVersion | undefined {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text?.trim() ?? '');
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), build: Number(m[3] ?? 0), revision: Number(m[4] ?? 0) };
}

/** "4.5.6": the version a person reads (the revision is the engine's internal one and usually 0). */
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

/** Whether the console supports this engine at all (4.3 or newer). */
export function isSupportedEngine(v: EngineVersion): boolean {
  return atLeast(v, OLDEST_SUPPORTED_ENGINE);
}

/** What an engine of this version does not give the console, in words for the About dialog (empty for the newest). */
export function engineLimitations(v: EngineVersion): string[] {
  const out: string[] = [];
  if (!atLeast(v, FEATURE_SINCE.discoverIscsi)) {
    out.push(t('domain.engineVersion.oldDiscovery', { since: FEATURE_SINCE.discoverIscsi }));
  }
  if (!atLeast(v, FEATURE_SINCE.activePaths)) {
    out.push(t('domain.engineVersion.noActivePaths', { since: FEATURE_SINCE.activePaths }));
  }
  return out;
}
