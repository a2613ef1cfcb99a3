/**
 * Ledger export: records in the storage shape → rows of cells in the order of tables.ts, with row 1
 * the column names. It is parse.ts's inverse: exporting and importing the rows gives back the same
 * records (dates are already 'YYYY-MM-DD' strings; an absent optional field becomes an empty cell).
 */
import type { Collection } from '../records/common';
import { TABLE_BY_COLLECTION, type TableDef } from './tables';

export type OutCell = string | number;

export const headerOf = (table: TableDef): string[] => table.columns.map((c) => c.name);

/** The stored field behind a column: 编号 is the document's `_id`. */
const storedField = (field: string): string => (field === 'id' ? '_id' : field);

export function toRow(table: TableDef, doc: Readonly<Record<string, unknown>>): OutCell[] {
  return table.columns.map((c) => {
    const v = doc[storedField(c.field)];
    if (v === undefined || v === null) return '';
    return typeof v === 'number' ? v : String(v);
  });
}

/** Header plus one row per record, for one collection's sheet. */
export function exportTable(collection: Collection, docs: ReadonlyArray<Readonly<Record<string, unknown>>>): OutCell[][] {
  const table = TABLE_BY_COLLECTION.get(collection);
  if (!table) throw new Error(`没有与 ${collection} 对应的台账表格`);
  return [headerOf(table), ...docs.map((d) => toRow(table, d))];
}
