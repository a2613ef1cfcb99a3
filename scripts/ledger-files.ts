/**
 * Reads ledger files from disk into the sheets the domain's ledger parser takes: a folder of
 * `<table>.csv` files (UTF-8, BOM or not). XLSX workbooks are read by the ledger import.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../src/domain/ledger/csv';
import type { LedgerSheet } from '../src/domain/ledger/ledger';
import { readWorkbook } from '../cloudfunctions/lib/ledger/xlsx';

export function readCsvFolder(dir: string): LedgerSheet[] {
  return readdirSync(dir)
    .filter((file) => file.toLowerCase().endsWith('.csv'))
    .sort()
    .map((file) => ({ name: file.replace(/\.csv$/i, ''), rows: parseCsv(readFileSync(join(dir, file), 'utf8')) }));
}

/** An XLSX workbook on disk: one sheet per table (the parsing itself is the server's, on bytes). */
export async function readXlsxFile(file: string): Promise<LedgerSheet[]> {
  return readWorkbook(readFileSync(file));
}

/** The demo township's ledger (白土乡 2023), kept in the repository so a fresh clone has it. */
export const BAITU_2023 = join(__dirname, '..', 'tests', 'fixtures', 'baitu-2023');
