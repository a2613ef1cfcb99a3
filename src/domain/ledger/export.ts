/**
 * Ledger export: records in the storage shape → rows of cells in the order of tables.ts, with row 1
 * the column names. It is parse.ts's inverse: exporting and importing the rows gives back the same
 * records. What the export adds for a reader (LEDGER.md "What an export adds": 序号, 单位名称, date
 * cells, catalogue labels of 其他指标) is what import ignores or reads back to the same value.
 */
import type { Collection } from '../records/common';
import { maskText, type PartyLike } from '../masking';
import { MANUAL_FIGURE_BY_ID } from '../indicators/manual';
import { SERIAL_COLUMN, TABLE_BY_COLLECTION, UNIT_NAME_COLUMN, type ColumnDef, type TableDef } from './tables';

/** A Date is a date cell: the calendar day at UTC midnight, which is how import reads a date cell back. */
export type OutCell = string | number | Date;

/** The format's own columns (what import needs). */
export const headerOf = (table: TableDef): string[] => table.columns.map((c) => c.name);

const isUnitColumn = (c: ColumnDef): boolean => c.field === 'orgCode';

/** The export's row 1: 序号 first, the format's columns, 单位名称 beside 单位代码. */
export const exportHeaderOf = (table: TableDef): string[] => [
  SERIAL_COLUMN,
  ...table.columns.flatMap((c) => (isUnitColumn(c) ? [c.name, UNIT_NAME_COLUMN] : [c.name])),
];

/** The stored field behind a column: 编号 is the document's `_id`. */
const storedField = (field: string): string => (field === 'id' ? '_id' : field);

const partiesOf = (doc: Readonly<Record<string, unknown>>): PartyLike[] => (Array.isArray(doc.parties) ? (doc.parties as PartyLike[]) : []);

/**
 * Free text as it may leave the system: an inspector reading the ledger is outside every case, so the
 * case's parties (names, phones, ID numbers) and any other mobile or ID number written in it are masked
 * as in every other answer (masking.ts). Used for the free-text columns and the 情况说明 narrative.
 */
export const maskedFreeText = (text: string, doc: Readonly<Record<string, unknown>>): string => (text === '' ? text : maskText(text, partiesOf(doc)));

/** 'YYYY-MM-DD' → the date cell of that day; anything else stays text (import then names the problem). */
export const dateCell = (iso: string): OutCell => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00.000Z`) : iso);

/** A catalogue 其他指标 stored without label or unit gets the catalogue's, so the row reads on its own. */
function withCatalogueLabel(table: TableDef, doc: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  if (table.collection !== 'manual_figures') return doc;
  const known = MANUAL_FIGURE_BY_ID.get(String(doc.code));
  return known ? { ...doc, label: doc.label ?? known.label, unit: doc.unit ?? known.unit } : doc;
}

function cellOf(c: ColumnDef, doc: Readonly<Record<string, unknown>>): OutCell {
  const v = doc[storedField(c.field)];
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return v;
  if (c.kind === 'date') return dateCell(String(v));
  return c.freeText ? maskedFreeText(String(v), doc) : String(v);
}

/** One record's row: its 序号 (1-based), the format's cells, the unit's name beside its code. */
export function toRow(table: TableDef, doc: Readonly<Record<string, unknown>>, serial: number, unitNames: ReadonlyMap<string, string> = new Map()): OutCell[] {
  const filled = withCatalogueLabel(table, doc);
  return [serial, ...table.columns.flatMap((c) => (isUnitColumn(c) ? [cellOf(c, filled), unitNames.get(String(doc.orgCode)) ?? ''] : [cellOf(c, filled)]))];
}

/** Header plus one row per record, for one collection's sheet; `unitNames` maps 单位代码 to 名称. */
export function exportTable(
  collection: Collection,
  docs: ReadonlyArray<Readonly<Record<string, unknown>>>,
  unitNames?: ReadonlyMap<string, string>,
): OutCell[][] {
  const table = TABLE_BY_COLLECTION.get(collection);
  if (!table) throw new Error(`没有与 ${collection} 对应的台账表格`);
  return [exportHeaderOf(table), ...docs.map((d, i) => toRow(table, d, i + 1, unitNames))];
}
