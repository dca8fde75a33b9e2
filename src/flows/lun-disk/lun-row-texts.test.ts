import { describe, expect, it } from 'vitest';
import type { AvailabilityContext } from '../../domain/lun-availability';
import type { HostLun } from '../../domain/model';
import { copyLabel, KEPT_ROWS, keptRowTexts, rowLabel } from './lun-row-texts';
import { buildLunRows } from './lun-rows';

const ctx: AvailabilityContext = { hostName: 'host1', disk: () => undefined, vmNamesOfDisk: () => [], storageDomainName: () => undefined };

function luns(n: number): HostLun[] {
  return Array.from({ length: n }, (_, i) => {
    const id = `36001405${i.toString(16).padStart(25, '0')}`;
    return { id, type: 'iscsi', hostId: 'h1', lu: { id, size: 2 ** 30, paths: 1, activePaths: 1, vendorId: 'LIO-ORG', productId: 'lun0', serial: `S-${i}`, target: 'iqn.x:apps', address: '10.35.1.72', port: 3260 } };
  });
}

// Decision 059: a row's texts are kept for the rows met last, not for every row a scroll ever showed.
describe('row texts', () => {
  it('keeps the texts of the last rows only, and makes the same texts again for a row met long ago', () => {
    const rows = buildLunRows(luns(KEPT_ROWS * 3), 'iscsi', ctx);
    const first = rows[0]!;
    const label = rowLabel(first, false);
    expect(rowLabel(first, false)).toBe(label);
    expect(label).toContain(first.id);
    for (const r of rows) copyLabel(r);
    expect(keptRowTexts()).toBe(KEPT_ROWS);
    expect(rowLabel(first, false)).toBe(label);
    expect(rowLabel(first, true)).not.toBe(label);
  });
});
