/**
 * RFC 4180 CSV, as the CSV form of the ledger (LEDGER.md) uses it: UTF-8 with or without BOM, comma
 * separated, fields quoted with "…" and "" for a quote, line breaks CRLF, LF or CR — and line breaks
 * inside quoted fields, which Excel writes for multi-line cells.
 */
import { cellText } from './cells';

export class CsvError extends Error {}

/** Parses CSV text into rows of fields. A final line break does not make an empty last row. */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let fieldText = '';
  let i = 0;
  let line = 1;
  let quoted = false;
  // Where the open quote began: the line to point at when it is never closed.
  let quoteLine = 0;
  // Whether the current row has begun: distinguishes "a,\n" (two fields) from the end of input.
  let started = false;

  const endField = () => {
    row.push(fieldText);
    fieldText = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
    started = false;
  };

  while (i < src.length) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          fieldText += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line += 1;
        fieldText += c;
      }
      i += 1;
      continue;
    }
    started = true;
    if (c === '"' && fieldText === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      endField();
    } else if (c === '\r' || c === '\n') {
      endRow();
      line += 1;
      if (c === '\r' && src[i + 1] === '\n') i += 1;
    } else {
      // A quote inside an unquoted field is kept as written (lenient, as Excel is).
      fieldText += c;
    }
    i += 1;
  }
  if (quoted) throw new CsvError(`CSV 第${quoteLine}行：引号没有闭合`);
  if (started) endRow();
  return rows;
}

const needsQuotes = /[",\r\n]|^\s|\s$/;

function quote(cell: string | number | Date | null | undefined): string {
  // A date cell (ledger export) is written as its calendar day, the form import reads.
  const text = cell instanceof Date ? cellText(cell) : cell === null || cell === undefined ? '' : String(cell);
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes rows as CSV with CRLF line ends. `bom` makes Excel on Windows read the file as UTF-8. */
export function writeCsv(rows: ReadonlyArray<ReadonlyArray<string | number | Date | null | undefined>>, options: { bom?: boolean } = {}): string {
  const body = rows.map((r) => r.map(quote).join(',')).join('\r\n');
  return `${options.bom ? '\ufeff' : ''}${body}${rows.length ? '\r\n' : ''}`;
}
