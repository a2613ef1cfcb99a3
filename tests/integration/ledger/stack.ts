/**
 * Test helper for the ledger and period tests: a gateway in this process on a temp data directory,
 * the real SDK pointed at it, and the fixture ledger (白土乡 2023) as sheets to import or to spoil.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startGateway } from '../../../emulator/gateway';
import { tempDir } from '../../helpers/gateway';
import { withLocalSdk } from '../../../scripts/local-sdk';
import { BAITU_2023, readCsvFolder } from '../../../scripts/ledger-files';
import { ensureCollections } from '../../../cloudfunctions/lib/collections';
import type { Database } from '../../../cloudfunctions/lib/cloudbase';
import type { LedgerSheet } from '../../../src/domain/ledger/ledger';
import type { Cell } from '../../../src/domain/ledger/cells';
import { COLLECTIONS } from '../../../src/domain/records/common';
import { readAll } from '../../../cloudfunctions/lib/ledger/read';

export const TOWNSHIP = '500114213';
export const FIXTURE = BAITU_2023;
export const EXPECTED = (JSON.parse(readFileSync(join(BAITU_2023, 'expected.json'), 'utf8')) as { figures: Record<string, number> }).figures;
export const OPERATOR = { by: 'import:test', byName: '测试导入' };

export interface LocalStack {
  url: string;
  dataDir: string;
  /**
   * Runs `work` against this stack. Always go through it: the SDK reads the gateway's address from
   * the environment on every request, so a `db` kept from another stack would talk to the last one set.
   */
  run<T>(work: (db: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function localStack(): Promise<LocalStack> {
  const dataDir = tempDir('ledger-');
  const gateway = await startGateway({ port: 0, dataDir, envId: 'fazhi-local', minWorkers: 0 });
  const run = <T>(work: (db: Database) => Promise<T>) => withLocalSdk(gateway.url, work);
  await run(ensureCollections);
  return {
    url: gateway.url,
    dataDir,
    run,
    async close() {
      await gateway.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const fixtureSheets = (): LedgerSheet[] => readCsvFolder(BAITU_2023);

/** A copy of the sheets with one cell replaced: `row` as in Excel (the header is row 1). */
export function withCell(sheets: readonly LedgerSheet[], sheet: string, row: number, column: string, value: Cell): LedgerSheet[] {
  return sheets.map((s) => {
    if (s.name !== sheet) return s;
    const col = s.rows[0].indexOf(column);
    if (col < 0) throw new Error(`no column ${column} in ${sheet}`);
    return { ...s, rows: s.rows.map((cells, i) => (i === row - 1 ? cells.map((c, j) => (j === col ? value : c)) : cells)) };
  });
}

/** The cell of a sheet, by Excel row and column name. */
export function cellAt(sheets: readonly LedgerSheet[], sheet: string, row: number, column: string): Cell {
  const s = sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  return s.rows[row - 1][s.rows[0].indexOf(column)];
}

/** How many documents each record collection, the history and the closes hold. */
export async function counts(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of [...COLLECTIONS, 'history', 'period_closes']) out[name] = (await db.collection(name).count()).total;
  return out;
}

/** Every document's version and update time, to show that nothing was touched. */
export async function stamps(db: Database, collection: string): Promise<string[]> {
  return (await readAll(db, collection)).map((d) => `${d._id}:${String(d.version)}:${String(d.updatedAt)}`);
}
