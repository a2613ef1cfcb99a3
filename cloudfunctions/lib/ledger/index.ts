/**
 * Ledgers in and out (LEDGER.md) on the server: XLSX workbooks from and to bytes, import into the
 * database, export of a unit's period. No file system here: callers hand in bytes or sheets.
 */
export { readWorkbook, writeWorkbook, WorkbookError, type OutSheet, type OutXCell } from './xlsx';
export { importLedger, type ImportOptions, type ImportReport, type SheetSummary } from './import';
export { exportLedger, ledgerSheets, type ExportOptions } from './export';
export { readAll, PAGE } from './read';
