// The LUN table's rows as the storage team's list reads them (src/domain/lun-export.ts writes the CSV and text).
import type { LunExportRecord } from '../../domain/lun-export';
import type { LunRow } from './lun-rows';
import { t } from '../../i18n/i18n';

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

/** The array's words for the LUN, "LIO-ORG lun9168" (either may be missing): in the row's name, its summary, the picked line. */
export function vendorProduct(row: LunRow): string {
  return [row.vendor, row.product].filter(Boolean).join(' ');
}

/** Everything the row holds in one line, for the line under the table that shows the row the user is on. */
export function lunRowSummary(row: LunRow): string {
  const parts = [
    t('lunDisk.summary.lun', { lun: row.id }),
    row.sizeText,
    t('lunDisk.summary.paths', { paths: row.pathsText }),
    vendorProduct(row),
    row.serial ? t('lunDisk.summary.serial', { serial: row.serial }) : '',
    row.target ? (row.portal ? t('lunDisk.row.targetAt', { target: row.target, portal: row.portal }) : t('lunDisk.row.target', { target: row.target })) : '',
  ].filter(Boolean);
  return t('lunDisk.summary.line', { parts: parts.join(' · '), status: row.availability.text });
}
