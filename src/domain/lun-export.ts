// The storage team's list: the LUNs a table shows, as CSV (RFC 4180) for a spreadsheet, and one LUN's details as
// plain text for a ticket or a chat. Pure: the console gathers the records, this module only writes them.
// The CSV (its header included) is a data format and stays English whatever the language (I18N rule 6); the
// details text is read by people, so its labels come from the catalog.

import { t, type MessageId } from '../i18n/i18n';
import { formatBytesExact } from './format';

/** One LUN as exported: what the table shows, plus the exact size and the disk using it. */
export interface LunExportRecord {
  id: string;
  /** Undefined when the engine did not say (an unreachable LUN of an older engine). */
  sizeBytes: number | undefined;
  /** The size in words, as the table shows it ("16 TiB"). */
  sizeText: string;
  /** "2 of 4 active". */
  paths: string;
  vendor: string;
  product: string;
  serial: string;
  target: string;
  portal: string;
  /** The state in one sentence ("Used by disk db01-redo (attached to db01)"). */
  status: string;
  /** The alias (or id) of the disk using the LUN; empty when none. */
  disk: string;
}

/** The CSV's header: column names of a data format, in English for every language (not from the catalog). */
export const LUN_CSV_HEADER = [
  'LUN ID',
  'Size (bytes)',
  'Size',
  'Paths',
  'Vendor',
  'Product',
  'Serial',
  'Target',
  'Portal',
  'Status',
  'Disk',
] as const;

// A cell a spreadsheet would run as a formula (OWASP "CSV injection"): text starting with = + - @, or with a tab
// or carriage return that some spreadsheets skip before looking for one. Engine data (a disk alias, a serial) is
// typed by other people, so it is never trusted to be inert.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, guarded against formula injection and quoted when RFC 4180 asks (comma, quote, CR or LF). */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  // Numbers are ours (sizes), never a formula; a negative one does not occur.
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as RFC 4180 CSV: CRLF between records and after the last. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The header and one record per LUN, in the order given (the order the table shows). */
export function lunCsv(records: readonly LunExportRecord[]): string {
  return toCsv([
    LUN_CSV_HEADER,
    ...records.map((r) => [r.id, r.sizeBytes, r.sizeText, r.paths, r.vendor, r.product, r.serial, r.target, r.portal, r.status, r.disk]),
  ]);
}

/** "luns-host1-2026-12-05.csv": the host and the local date; characters a file system refuses become "-". */
export function lunCsvFileName(hostName: string, now: Date): string {
  const pad = (x: number) => String(x).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const host = hostName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'host';
  return `luns-${host}-${date}.csv`;
}

/** One LUN's details, one "Name: value" line each, for pasting where people read it. Empty fields are left out. */
export function lunDetailsText(r: LunExportRecord, hostName: string): string {
  const size = r.sizeBytes === undefined ? r.sizeText : t('domain.lunExport.sizeWithBytes', { size: r.sizeText, bytes: formatBytesExact(r.sizeBytes) });
  const lines: Array<[MessageId, string]> = [
    ['domain.lunExport.lineId', r.id],
    ['domain.lunExport.lineSize', size],
    ['domain.lunExport.linePaths', t('domain.lunExport.pathsFrom', { paths: r.paths, host: hostName })],
    ['domain.lunExport.lineVendor', r.vendor],
    ['domain.lunExport.lineProduct', r.product],
    ['domain.lunExport.lineSerial', r.serial],
    ['domain.lunExport.lineTarget', r.target],
    ['domain.lunExport.linePortal', r.portal],
    ['domain.lunExport.lineStatus', r.status],
    ['domain.lunExport.lineDisk', r.disk],
  ];
  return lines
    .filter(([, v]) => v !== '')
    .map(([id, value]) => t(id, { value }))
    .join('\n');
}
