import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { clearDraft, loadDraft, saveDraft, type DraftFields } from './form-draft';

interface Values {
  name: string;
  port: number;
  tags: string[];
  kind: 'a' | 'b';
  secret: string;
}

const FIELDS: DraftFields<Values> = {
  name: z.string(),
  port: z.number(),
  tags: z.array(z.string()),
  kind: z.enum(['a', 'b']),
  secret: undefined,
};

/** sessionStorage for the node environment: a map. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

const store = (raw: unknown) => sessionStorage.setItem('dlc.draft.k', JSON.stringify(raw));

describe('form drafts', () => {
  beforeEach(() => vi.stubGlobal('sessionStorage', memoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('saves the values without the secret fields, and reads them back with the step', () => {
    saveDraft<Values>('k', { name: 'n', port: 3260, tags: ['x'], kind: 'b', secret: 'pw' }, ['secret'], 'targets');
    expect(sessionStorage.getItem('dlc.draft.k')).not.toContain('pw');
    expect(loadDraft('k', FIELDS)).toEqual({ values: { name: 'n', port: 3260, tags: ['x'], kind: 'b' }, step: 'targets', savedAt: expect.any(Number) });
    clearDraft('k');
    expect(loadDraft('k', FIELDS)).toBeUndefined();
  });

  it('keeps only the known fields of the right type; a secret in storage is never read back', () => {
    store({ values: { name: 7, port: 3260, tags: ['x', 1], kind: 'c', secret: 'pw', extra: 'x' }, step: 'lun', savedAt: 1 });
    expect(loadDraft('k', FIELDS)).toEqual({ values: { port: 3260 }, step: 'lun', savedAt: 1 });
  });

  it('leaves a field out when it was not stored, so the form keeps its default', () => {
    store({ values: { name: 'n' }, savedAt: 1 });
    const d = loadDraft('k', FIELDS);
    expect(d?.values).toEqual({ name: 'n' });
    expect(d && 'port' in d.values).toBe(false);
  });

  it('a step that is not a string only costs the step', () => {
    store({ values: { name: 'n' }, step: 3, savedAt: 1 });
    expect(loadDraft('k', FIELDS)).toEqual({ values: { name: 'n' }, step: undefined, savedAt: 1 });
  });

  it('anything that is not a draft reads as none', () => {
    for (const raw of ['not json', JSON.stringify(null), JSON.stringify([1]), JSON.stringify({ values: 'x', savedAt: 1 }), JSON.stringify({ values: {} })]) {
      sessionStorage.setItem('dlc.draft.k', raw);
      expect(loadDraft('k', FIELDS)).toBeUndefined();
    }
  });

  it('a storage that throws reads as no draft and saves nothing', () => {
    vi.stubGlobal('sessionStorage', { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } });
    expect(loadDraft('k', FIELDS)).toBeUndefined();
    expect(() => saveDraft<Values>('k', { name: 'n', port: 1, tags: [], kind: 'a', secret: '' }, ['secret'])).not.toThrow();
  });
});
