/**
 * Reading one spreadsheet cell as the value its column wants (LEDGER.md's "Values"): text, dates in the
 * forms townships actually type, counts (empty = 0), amounts and numbers. Cells come from CSV (always
 * text) or from an XLSX reader (numbers and Date objects too).
 */
import { isCalendarDate } from '../dates';
import type { ColumnDef } from './tables';

export type Cell = string | number | boolean | Date | null | undefined;
export type Rows = ReadonlyArray<ReadonlyArray<Cell>>;

/** Either the value for the record (undefined: leave the field out) or what is wrong with the cell. */
export type Converted = { ok: true; value: unknown } | { ok: false; message: string };

const ok = (value: unknown): Converted => ({ ok: true, value });
const bad = (message: string): Converted => ({ ok: false, message });

/**
 * An XLSX date cell arrives as the JS Date of that calendar day at UTC midnight (how exceljs reads
 * Excel's zone-less dates), so its UTC date is the day the township typed.
 */
const utcDay = (d: Date): string => d.toISOString().slice(0, 10);

export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : utcDay(cell);
  return String(cell).trim();
}

export const isBlank = (cell: Cell): boolean => cellText(cell) === '';

const DATE_FORMS = [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})日$/];
const DATE_HINT = '请写成 2023-05-01、2023/5/1 或 2023年5月1日';

export function toDate(cell: Cell): Converted {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? bad(`不是有效日期，${DATE_HINT}`) : ok(utcDay(cell));
  const text = cellText(cell);
  for (const form of DATE_FORMS) {
    const m = form.exec(text);
    if (!m) continue;
    const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
    return isCalendarDate(iso) ? ok(iso) : bad(`“${text}”不是有效日期`);
  }
  return bad(`“${text}”不是有效日期，${DATE_HINT}`);
}

/** Numbers as typed: 1234, 1,234, 12.5; with `percent`, also 98% (→ 0.98). */
export function toNumber(cell: Cell, percent = false): Converted {
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : bad('不是有效数字');
  const text = cellText(cell);
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, '') : text;
  if (/^-?\d+(\.\d+)?$/.test(plain)) return ok(Number(plain));
  const pct = /^(-?\d+(\.\d+)?)\s*%$/.exec(text);
  if (percent && pct) return ok(Number(pct[1]) / 100);
  return bad(`“${text}”不是数字`);
}

/** Converts a cell for its column. Blank cells: counts become 0, required ones are an error. */
export function convertCell(cell: Cell, col: ColumnDef): Converted {
  if (isBlank(cell)) {
    if (col.kind === 'count') return ok(0);
    return col.required ? bad(col.field === 'id' ? '编号不能为空，这一行没有导入' : '不能为空') : ok(undefined);
  }
  switch (col.kind) {
    case 'text':
      return ok(cellText(cell));
    case 'date':
      return toDate(cell);
    case 'count':
    case 'amount':
      return toNumber(cell);
    case 'number':
      return toNumber(cell, true);
    case 'vocab': {
      const word = cellText(cell);
      return col.words?.includes(word) ? ok(word) : bad(`“${word}”不是可填的词，只能填：${(col.words ?? []).join('、')}`);
    }
  }
}
