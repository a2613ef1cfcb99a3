/**
 * Ledger export: records in the storage shape → rows of cells in the order of tables.ts, with row 1
 * the column names. It is parse.ts's inverse: exporting and importing the rows gives back the same
 * records (dates are already 'YYYY-MM-DD' strings; an absent optional field becomes an empty cell).
 */
import type { Collection } from '../records/common';
import { maskText, type PartyLike } from '../masking';
import { TABLE_BY_COLLECTION, type TableDef } from './tables';

export type OutCell = string | number;

export const headerOf = (table: TableDef): string[] => table.columns.map((c) => c.name);

/** The stored field behind a column: 编号 is the document's `_id`. */
const storedField = (field: string): string => (field === 'id' ? '_id' : field);

const partiesOf = (doc: Readonly<Record<string, unknown>>): PartyLike[] => (Array.isArray(doc.parties) ? (doc.parties as PartyLike[]) : []);

/**
 * Free text as it may leave the system: an inspector reading the ledger is outside every case, so the
 * case's parties (names, phones, ID numbers) and any other mobile or ID number written in it are masked
 * as in every other answer (masking.ts). Used for the free-text columns and the 情况说明 narrative.
 */
export const maskedFreeText = (text: string, doc: Readonly<Record<string, unknown>>): string => (text === '' ? text : maskText(text, partiesOf(doc)));

export function toRow(table: TableDef, doc: Readonly<Record<string, unknown>>): OutCell[] {
  return table.columns.map((c) => {
    const v = doc[storedField(c.field)];
    if (v === undefined || v === null) return '';
    if (typeof v === 'number') return v;
    return c.freeText ? maskedFreeText(String(v), doc) : String(v);
  });
}

/** Header plus one row per record, for one collection's sheet. */
export function exportTable(collection: Collection, docs: ReadonlyArray<Readonly<Record<string, unknown>>>): OutCell[][] {
  const table = TABLE_BY_COLLECTION.get(collection);
  if (!table) throw new Error(`没有与 ${collection} 对应的台账表格`);
  return [headerOf(table), ...docs.map((d) => toRow(table, d))];
}
