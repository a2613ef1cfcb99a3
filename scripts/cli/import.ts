/** `import <file.xlsx|folder> [--dry-run]`: a ledger file into the local stack, all or nothing. */
import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { CsvError } from '../../src/domain/ledger/csv';
import type { LedgerSheet } from '../../src/domain/ledger/ledger';
import { importLedger } from '../../cloudfunctions/lib/ledger/import';
import { readCsvFolder, readXlsxFile } from '../ledger-files';
import { CliError, parseArgs } from './args';
import { importReportText } from './format';
import type { Command } from './io';
import { withDatabase } from './stack';

/** The sheets of a path: a folder of CSVs or an .xlsx workbook. Read before any database is touched. */
export async function readLedgerPath(path: string): Promise<LedgerSheet[]> {
  if (!existsSync(path)) throw new CliError(`找不到文件或文件夹：${path}`);
  if (statSync(path).isDirectory()) {
    let sheets: LedgerSheet[];
    try {
      sheets = readCsvFolder(path);
    } catch (error) {
      if (error instanceof CsvError) throw new CliError(`CSV 文件读不了：${error.message}`);
      throw error;
    }
    if (sheets.length === 0) throw new CliError(`文件夹里没有 .csv 台账文件：${path}`);
    return sheets;
  }
  if (!/\.xlsx$/i.test(path)) throw new CliError('只能导入 .xlsx 工作簿，或存放 CSV 台账文件的文件夹');
  return readXlsxFile(path);
}

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, { flags: ['dry-run'], positionals: 1 });
  const [target] = args.positionals;
  if (!target) throw new CliError('缺少要导入的文件：npm run cli -- import <文件.xlsx|文件夹>');
  const path = resolve(io.cwd, target);
  const sheets = await readLedgerPath(path);
  const source = basename(path);
  const report = await withDatabase(io.env, (db) =>
    importLedger(db, sheets, { by: `import:${source}`, byName: '命令行导入', dryRun: args.flags.has('dry-run') }),
  );
  const printed = importReportText(source, report);
  printed.out.forEach(io.out);
  printed.err.forEach(io.err);
  return report.ok ? 0 : 1;
};
