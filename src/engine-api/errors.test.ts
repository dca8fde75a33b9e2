// The engine's failure texts: a backend failure's messages come as a Java list (reference/engine-rest-api.md §2.3).
import { describe, expect, it } from 'vitest';
import { splitDetail } from './errors';

describe('splitDetail', () => {
  it('splits a Java list of messages, not the commas inside a message', () => {
    expect(splitDetail('[Cannot add Virtual Disk. The provided lun is used by another disk.]')).toEqual(['Cannot add Virtual Disk. The provided lun is used by another disk.']);
    expect(splitDetail('[Cannot run VM. There is no host that satisfies current scheduling constraints. See below for details:, The host host1 did not satisfy internal filter Memory.]')).toEqual([
      'Cannot run VM. There is no host that satisfies current scheduling constraints. See below for details:',
      'The host host1 did not satisfy internal filter Memory.',
    ]);
    expect(splitDetail('LogicalUnit [port] required for add')).toEqual(['LogicalUnit [port] required for add']);
    expect(splitDetail('[]')).toEqual([]);
    expect(splitDetail(undefined)).toEqual([]);
  });
});
