import { describe, expect, it } from 'vitest';
import { interner } from './intern';

// Sharing one string object per value is seen in a heap snapshot (decision 058), not from JavaScript, where equal
// strings are equal whatever object holds them: this checks that the interner changes no value.
describe('interner', () => {
  it('gives back an equal string, the first one seen per value, and passes undefined through', () => {
    const same = interner();
    const a = ['10.40.0.', '11'].join('');
    expect(same(a)).toBe('10.40.0.11');
    expect(same(['10.40', '.0.11'].join(''))).toBe('10.40.0.11');
    expect(same('')).toBe('');
    expect(same(undefined)).toBeUndefined();
    expect(interner()('x')).toBe('x');
  });
});
