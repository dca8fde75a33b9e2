import { describe, expect, it } from 'vitest';
import { atLeast, formatEngineVersion, parseEngineVersion } from './version';

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
