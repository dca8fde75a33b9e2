import { describe, expect, it } from 'vitest';
import { FEATURE_SINCE, atLeast, engineLimitations, formatEngineVersion, isSupportedEngine, parseEngineVersion } from './engine-version';

describe('engine version', () => {
  it('parses two to four parts and refuses anything else', () => {
    expect(parseEngineVersion('4.4')).toEqual({ major: 4, minor: 4, build: 0, revision: 0 });
    expect(parseEngineVersion('4.5.6.2')).toEqual({ major: 4, minor: 5, build: 6, revision: 2 });
    expect(parseEngineVersion('4')).toBeUndefined();
    expect(parseEngineVersion('4.x')).toBeUndefined();
  });
  it('compares part by part, numerically', () => {
    const v = parseEngineVersion('4.4.10');
    if (!v) throw new Error('unparsed');
    expect(atLeast(v, '4.4.6')).toBe(true);
    expect(atLeast(v, '4.5')).toBe(false);
    expect(formatEngineVersion(v)).toBe('4.4.10');
  });
});

describe('what the console supports and what each engine has', () => {
  const v = (t: string) => {
    const x = parseEngineVersion(t);
    if (!x) throw new Error(t);
    return x;
  };
  it('supports 4.3 and newer', () => {
    expect(isSupportedEngine(v('4.2.8'))).toBe(false);
    expect(isSupportedEngine(v('4.3'))).toBe(true);
    expect(isSupportedEngine(v('4.5.7'))).toBe(true);
  });
  it('names the first version with discoveriscsi and with active_paths', () => {
    expect(atLeast(v('4.4.5'), FEATURE_SINCE.discoverIscsi)).toBe(false);
    expect(atLeast(v('4.4.6'), FEATURE_SINCE.discoverIscsi)).toBe(true);
    expect(atLeast(v('4.5.6'), FEATURE_SINCE.activePaths)).toBe(false);
    expect(atLeast(v('4.5.7'), FEATURE_SINCE.activePaths)).toBe(true);
  });
});

describe('engineLimitations', () => {
  const v = (t: string) => {
    const x = parseEngineVersion(t);
    if (!x) throw new Error(t);
    return x;
  };
  it('names what each older engine lacks, nothing for the newest', () => {
    expect(engineLimitations(v('4.5.7'))).toEqual([]);
    expect(engineLimitations(v('4.5.6'))).toEqual([expect.stringMatching(/^LUN paths show the total only/)]);
    expect(engineLimitations(v('4.4.0'))).toEqual([expect.stringMatching(/^iSCSI discovery lists target names only/), expect.stringMatching(/^LUN paths/)]);
  });
});
