/** `export --org <代码> --period <期间> --out <file.xlsx>`: a unit's ledger for a period as a workbook. */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { cloudApp } from '../../cloudfunctions/lib/cloudbase';
import { ledgerSheets, tempUrlLinks } from '../../cloudfunctions/lib/ledger/export';
import { writeWorkbook } from '../../cloudfunctions/lib/ledger/xlsx';
import { periodLabel } from '../../src/domain/period';
import { CliError, parseArgs, required } from './args';
import type { Command } from './io';
import { mustFindOrg, periodArg } from './org';
import { withDatabase } from './stack';

/** Checks an output path before any work is done: the folder must exist, the name must end as asked. */
export function outPath(cwd: string, text: string, extension: string): string {
  const path = resolve(cwd, text);
  if (!path.toLowerCase().endsWith(extension)) throw new CliError(`--out 须是 ${extension} 文件：${text}`);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new CliError(`保存文件的文件夹不存在：${folder}`);
  return path;
}

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, { options: ['org', 'period', 'out'] });
  const code = required(args, 'org', '单位代码');
  const period = periodArg(required(args, 'period', '期间'));
  const out = outPath(io.cwd, required(args, 'out', '文件.xlsx'), '.xlsx');
  await withDatabase(io.env, async (db) => {
    const org = await mustFindOrg(db, code);
    const sheets = await ledgerSheets(db, org.code, period, { photoLinks: tempUrlLinks(cloudApp()) });
    writeFileSync(out, await writeWorkbook(sheets));
    io.out(`已导出${org.name}${periodLabel(period)}台账：${out}`);
    for (const s of sheets) io.out(`  ${s.name}：${s.rows.length - (s.headerRow ?? 1)} 行`);
  });
  return 0;
};
