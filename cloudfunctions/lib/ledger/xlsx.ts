/**
 * The XLSX form of the ledger (LEDGER.md "Files"): a workbook read into the sheets the domain's parser
 * takes, and sheets of cells written out as a workbook. Buffers in and out, never files, so a cloud
 * function can run it on an upload as the command line runs it on a path.
 */
import { Workbook, type CellValue, type Worksheet } from 'exceljs';
import type { Cell } from '../../../src/domain/ledger/cells';
import type { LedgerSheet } from '../../../src/domain/ledger/ledger';
import { xmlSafe } from '../../../src/domain/xml-safe';

/** A cell to write: plain text or number, a date cell (a Date at UTC midnight), or a link (the 照片 column). */
export type OutXCell = string | number | Date | { text: string; hyperlink: string };

export interface OutSheet {
  name: string;
  /** The header is row `headerRow` (1 unless given); rows above it are a title block (指标汇总). */
  rows: OutXCell[][];
  headerRow?: number;
}

/** How date cells show: the format's own YYYY-MM-DD, whatever the reader's locale. */
const DATE_FORMAT = 'yyyy-mm-dd';

/**
 * What the parser should see of an Excel cell. Dates stay Date objects (the domain reads their
 * calendar day); rich text, links and formulas give their text or result; an error value gives its
 * code, which then fails the column's conversion with a message that shows it.
 */
export function cellOf(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    return typeof text === 'object' && text !== null && 'richText' in text ? cellOf(text as CellValue) : String(text ?? '');
  }
  if ('formula' in value || 'sharedFormula' in value) return cellOf((value.result ?? null) as CellValue);
  if ('error' in value) return value.error;
  return String(value);
}

/** Rows of one worksheet, row i of the array being Excel row i + 1 (blank rows kept, so numbers match). */
function rowsOf(sheet: Worksheet): Cell[][] {
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    while (rows.length < rowNumber - 1) rows.push([]);
    const values = row.values as CellValue[];
    const cells: Cell[] = [];
    // exceljs row values are 1-based: index 0 is always empty.
    for (let c = 1; c < values.length; c += 1) cells.push(cellOf(values[c]));
    rows.push(cells);
  });
  return rows;
}

export class WorkbookError extends Error {}

/** Reads every worksheet; a file that is not an XLSX workbook is a WorkbookError with a Chinese message. */
export async function readWorkbook(buffer: Uint8Array): Promise<LedgerSheet[]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  } catch {
    throw new WorkbookError('无法读取这个文件：它不是有效的 Excel（.xlsx）工作簿');
  }
  return workbook.worksheets.map((sheet) => ({ name: sheet.name, rows: rowsOf(sheet) }));
}

/**
 * Writes the sheets as a workbook an inspector can read and print (LEDGER.md "What an export adds"): a
 * bold header row, frozen, repeated on every printed page and carrying a filter; date cells shown as
 * YYYY-MM-DD; columns wide enough to read.
 */
export async function writeWorkbook(sheets: readonly OutSheet[]): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = '法治台账';
  for (const { name, rows, headerRow = 1 } of sheets) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: headerRow }] });
    for (const row of rows) {
      // Stripped again on the way out, for text stored before input was cleaned: one such character and Excel refuses the file.
      const added = sheet.addRow(xmlSafe(row));
      added.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
      });
    }
    sheet.getRow(headerRow).font = { bold: true };
    // reduce, not Math.max(...rows): a year's ledger can have more rows than a call has room for arguments.
    const columns = rows.reduce((most, r) => Math.max(most, r.length), 0);
    const headerWidth = rows[headerRow - 1]?.length ?? 0;
    if (headerWidth > 0) {
      sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
      sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: headerWidth } };
    }
    for (let i = 0; i < columns; i += 1) {
      const widest = rows.reduce((most, r) => Math.max(most, displayWidth(r[i])), 0);
      sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, widest + 2));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Chinese characters take two columns of width in Excel. */
function displayWidth(cell: OutXCell | undefined): number {
  if (cell instanceof Date) return DATE_FORMAT.length;
  const text = cell === undefined ? '' : typeof cell === 'object' ? cell.text : String(cell);
  return text.split('\n').reduce((widest, line) => Math.max(widest, line.length + (line.match(/[^\x00-\xff]/g)?.length ?? 0)), 0);
}
