import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256';

describe('sha256Hex', () => {
  it('matches the standard digest, across block boundaries and for non-ASCII text', () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(200), 'JSESSIONID-é-🙂']) {
      expect(sha256Hex(text), `length ${text.length}`).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});
