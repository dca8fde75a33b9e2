import { describe, expect, it } from 'vitest';
import { INTERFACE_TEXT, formatBytesExact, formatSize, hostStatusText } from './format';
import { nameList } from './texts';
import { ACTION_LABEL } from './vm-actions';

describe('domain words from the catalog', () => {
  it('a map of words reads its texts when used, by key and through Object.entries', () => {
    expect(INTERFACE_TEXT.virtio_scsi).toBe('VirtIO-SCSI');
    expect(Object.entries(ACTION_LABEL)).toEqual([['start', 'Run'], ['shutdown', 'Shut down'], ['stop', 'Power off'], ['migrate', 'Migrate']]);
    expect(Object.keys(INTERFACE_TEXT)).toHaveLength(6);
  });

  it('names in a sentence', () => {
    expect(nameList([])).toBe('');
    expect(nameList(['db01'])).toBe('db01');
    expect(nameList(['db01', 'db02'])).toBe('db01 and db02');
    expect(nameList(['db01', 'db02', 'app01'])).toBe('db01, db02 and app01');
  });

  it('numbers in the user locale, every host status named', () => {
    expect(formatBytesExact(1_099_511_627_776)).toBe('1,099,511,627,776 bytes');
    expect(formatSize(1536)).toBe('1.5 KiB');
    expect(hostStatusText('kdumping')).toBe('Kdumping');
    expect(hostStatusText('installing_os')).toBe('Installing OS');
  });
});
