import { describe, expect, it } from 'vitest';
import { csvCell, lunCsv, lunCsvFileName, lunDetailsText, toCsv, type LunExportRecord } from './lun-export';

const rec: LunExportRecord = {
  id: '36001405e5379953bb81b211795635bfd',
  sizeBytes: 17_592_186_044_416,
  sizeText: '16 TiB',
  paths: '2 of 2 active',
  vendor: 'LIO-ORG',
  product: 'FlashArray',
  serial: 'S123',
  target: 'iqn.2024-03.com.example.lab:array-a.apps',
  portal: '10.35.1.72:3260',
  status: 'Used by disk db01-redo (attached to db01)',
  disk: 'db01-redo',
};

/** A small RFC 4180 reader, to check that what is written reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('csvCell', () => {
  it('leaves plain text and numbers alone', () => {
    expect(csvCell('LIO-ORG')).toBe('LIO-ORG');
    expect(csvCell(1073741824)).toBe('1073741824');
    expect(csvCell(undefined)).toBe('');
  });
  it('quotes commas, quotes, CR and LF, doubling quotes (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
  });
  it('guards cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    // Not at the start: harmless.
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('lunCsv', () => {
  it('writes the header and one record per LUN in the order given, CRLF-terminated', () => {
    const csv = lunCsv([rec, { ...rec, id: 'b', disk: '', status: 'Available' }]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['LUN ID', 'Size (bytes)', 'Size', 'Paths', 'Vendor', 'Product', 'Serial', 'Target', 'Portal', 'Status', 'Disk']);
    expect(rows[1]).toEqual([rec.id, '17592186044416', '16 TiB', '2 of 2 active', 'LIO-ORG', 'FlashArray', 'S123', rec.target, rec.portal, rec.status, 'db01-redo']);
    expect(rows[2]?.[0]).toBe('b');
    expect(rows).toHaveLength(3);
  });
  it('reads back a hostile alias with commas, quotes and a newline as one cell, defused', () => {
    const evil = '=cmd|"/c calc",\nx';
    const rows = parseCsv(lunCsv([{ ...rec, disk: evil }]));
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[10]).toBe(`'${evil}`);
  });
  it('leaves an unknown size empty', () => {
    expect(parseCsv(toCsv([[undefined, 'x']]))[0]).toEqual(['', 'x']);
  });
});

describe('lunCsvFileName', () => {
  it('names the host and the local date, safely', () => {
    expect(lunCsvFileName('host1', new Date(2026, 11, 5, 23, 59))).toBe('luns-host1-2026-12-05.csv');
    expect(lunCsvFileName('host 1/../x', new Date(2026, 0, 9))).toBe('luns-host-1-..-x-2026-01-09.csv');
    expect(lunCsvFileName('', new Date(2026, 0, 9))).toBe('luns-host-2026-01-09.csv');
  });
});

describe('lunDetailsText', () => {
  it('one line per field, the exact size in bytes, empty fields left out', () => {
    const text = lunDetailsText({ ...rec, serial: '' }, 'host1');
    expect(text.split('\n')).toEqual([
      'LUN ID: 36001405e5379953bb81b211795635bfd',
      'Size: 16 TiB (17,592,186,044,416 bytes)',
      'Paths: 2 of 2 active (from host1)',
      'Vendor: LIO-ORG',
      'Product: FlashArray',
      'Target: iqn.2024-03.com.example.lab:array-a.apps',
      'Portal: 10.35.1.72:3260',
      'Status: Used by disk db01-redo (attached to db01)',
      'Disk: db01-redo',
    ]);
  });
});
