// The LUN table's rows as the storage team's list reads them (src/domain/lun-export.ts writes the CSV and text).
import type { LunExportRecord } from '../../domain/lun-export';
import type { LunRow } from './lun-rows';

export function lunExportRecord(row: LunRow): LunExportRecord {
  const use = row.availability.use;
  return {
    id: row.id,
    sizeBytes: row.lun.lu.size,
    sizeText: row.sizeText,
    paths: row.pathsText,
    vendor: row.vendor,
    product: row.product,
    serial: row.serial,
    target: row.target,
    portal: row.portal,
    status: row.availability.text,
    disk: use.kind === 'used-by-disk' ? (use.diskAlias ?? use.diskId) : '',
  };
}

/** Everything the row holds in one line, for the line under the table that shows the row the user is on. */
export function lunRowSummary(row: LunRow): string {
  const parts = [
    `LUN ${row.id}`,
    row.sizeText,
    `paths ${row.pathsText}`,
    [row.vendor, row.product].filter(Boolean).join(' '),
    row.serial ? `serial ${row.serial}` : '',
    row.target ? `target ${row.target}${row.portal ? ` at ${row.portal}` : ''}` : '',
  ].filter(Boolean);
  return `${parts.join(' · ')}: ${row.availability.text}.`;
}
