/**
 * The row-level machinery of ledger import shared by the table parsers (parse.ts, orgs.ts): problem
 * reports, reading row 1, converting and validating one row, and catching an 编号 used twice.
 */
import { kindOfCollection } from '../records/kinds';
import type { Collection } from '../records/common';
import { cellText, convertCell, type Rows } from './cells';
import { EXPORT_ONLY_COLUMNS, mustBePresent, type ColumnDef, type TableDef } from './tables';
import { xmlSafe } from '../xml-safe';

export interface LedgerProblem {
  sheet: string;
  /** 1-based as in Excel; the header is row 1. */
  row: number;
  /** Column name as in row 1; '' when the problem concerns the whole row or sheet. */
  column: string;
  message: string;
}

/** A record ready for the database, minus the bookkeeping fields the server adds. */
export type LedgerDoc = { _id: string } & Record<string, unknown>;

export interface ParseResult {
  collection?: Collection;
  records: LedgerDoc[];
  problems: LedgerProblem[];
  warnings: LedgerProblem[];
}

/** The message repeats the location so that it reads on its own in a list, a log or the CLI. */
export function problem(sheet: string, row: number, column: string, detail: string): LedgerProblem {
  const where = column ? `${sheet}第${row}行「${column}」` : `${sheet}第${row}行`;
  return { sheet, row, column, message: `${where}：${detail}` };
}

export type Header = ReadonlyMap<ColumnDef, number>;

/** Maps the table's columns to their positions; reports missing, repeated and unknown columns. */
export function readHeader(table: TableDef, cells: Rows[number], out: ParseResult): Header | null {
  const names = cells.map(cellText);
  const header = new Map<ColumnDef, number>();
  names.forEach((name, i) => {
    if (!name || EXPORT_ONLY_COLUMNS.includes(name)) return;
    const col = table.columns.find((c) => c.name === name);
    if (!col) out.warnings.push(problem(table.sheet, 1, name, '不是本表的列，已忽略'));
    else if (header.has(col)) out.problems.push(problem(table.sheet, 1, name, '列名重复'));
    else header.set(col, i);
  });
  const missing = table.columns.filter((c) => mustBePresent(c) && !header.has(c));
  for (const c of missing) out.problems.push(problem(table.sheet, 1, c.name, '缺少这一列'));
  return missing.length ? null : header;
}

const columnOfField = (table: TableDef, field: unknown): string => table.columns.find((c) => c.field === field)?.name ?? '';

/** Fills what the format leaves implicit before validation: what the kind's form fills (petition due dates), the top unit's parent. */
function prepare(collection: Collection, input: Record<string, unknown>): Record<string, unknown> {
  if (collection === 'orgs') return { ...input, parentCode: input.parentCode ?? null };
  const fill = kindOfCollection(collection)?.prepare;
  return fill ? fill(input) : input;
}

/** Converts and validates one row; null when anything is wrong (the problems are added to `out`). */
export function readRow(table: TableDef, header: Header, cells: Rows[number], row: number, out: ParseResult): Record<string, unknown> | null {
  const input: Record<string, unknown> = {};
  let cellProblems = 0;
  for (const [col, index] of header) {
    const converted = convertCell(cells[index], col);
    if (!converted.ok) {
      out.problems.push(problem(table.sheet, row, col.name, converted.message));
      cellProblems += 1;
    } else if (converted.value !== undefined) input[col.field] = converted.value;
  }
  // Values that failed to convert would only produce a second, vaguer message from the schema.
  if (cellProblems) return null;
  // Characters XML forbids are dropped here, as from every function's event (xml-safe.ts).
  const parsed = table.schema.safeParse(xmlSafe(prepare(table.collection, input)));
  if (parsed.success) return parsed.data as Record<string, unknown>;
  for (const issue of parsed.error.issues) {
    out.problems.push(problem(table.sheet, row, columnOfField(table, issue.path[0]), issue.message));
  }
  return null;
}

/** The `_id`s met so far in a sheet, with the row and content that first had each. */
export type Seen = Map<string, { row: number; json: string }>;

/** Same `_id` twice in one file: harmless when the rows are identical, an error when they differ. */
export function dedupe(table: TableDef, doc: LedgerDoc, row: number, seen: Seen, out: ParseResult): boolean {
  const json = JSON.stringify(doc);
  const before = seen.get(doc._id);
  const column = table.collection === 'manual_figures' ? '指标代码' : table.columns[0].name;
  if (!before) {
    seen.set(doc._id, { row, json });
    return true;
  }
  if (before.json === json) out.warnings.push(problem(table.sheet, row, column, `与第${before.row}行完全相同，已跳过`));
  else out.problems.push(problem(table.sheet, row, column, `“${doc._id}”与第${before.row}行重复，但内容不同`));
  return false;
}
