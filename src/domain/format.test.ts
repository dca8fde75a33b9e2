import { describe, expect, it } from 'vitest';
import { formatSize } from './format';

describe('formatSize: exact binary units', () => {
  it.each([
    [2 ** 30, '1 GiB'],
    [1536 * 2 ** 30, '1.5 TiB'],
    [16 * 2 ** 40, '16 TiB'],
    [200 * 2 ** 30, '200 GiB'],
    [Math.round(1.9 * 2 ** 30), '≈1.9 GiB'],
    [512, '512 B'],
  ])('%d → %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });
  it('says unknown for a LUN disk without size', () => {
    expect(formatSize(undefined)).toBe('Unknown');
  });
});
