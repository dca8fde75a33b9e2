// Which engine version the emulator answers as. The version rules (parse, compare, which version has what) are the
// console's own (src/domain/engine-version.ts), so the emulator and the console agree; handlers ask
// `atLeast(engine.version, FEATURE_SINCE.discoverIscsi)` instead of comparing strings.
export { atLeast, FEATURE_SINCE, formatEngineVersion, parseEngineVersion, type EngineVersion } from '../../src/domain/engine-version';

/**
 * The newest engine the emulator imitates: oVirt 4.5.7 (tag ovirt-engine-4.5.7, 2025-12-17), the first release whose
 * host storage carries active_paths (FEATURE_SINCE.activePaths).
 */
export const NEWEST_ENGINE_VERSION = '4.5.7';
