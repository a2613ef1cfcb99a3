/**
 * The ledger exchange format (shared/LEDGER.md): CSV text, table definitions, import and export.
 * Pure: the callers read and write files (XLSX or CSV) and hand rows of cells in and out.
 */
export { parseCsv, writeCsv, CsvError } from './csv';
export { TABLES, TABLE_BY_SHEET, TABLE_BY_COLLECTION, EXPORT_ONLY_COLUMNS, type TableDef, type ColumnDef, type ColumnKind } from './tables';
export type { Cell, Rows } from './cells';
export { parseTable, type LedgerDoc, type LedgerProblem, type ParseResult } from './parse';
export { parseLedger, type LedgerSheet, type LedgerParse } from './ledger';
export { exportTable, headerOf, toRow, type OutCell } from './export';
