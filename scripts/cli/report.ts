/** `report --org <代码> --period <年度> --out <file.docx> [--yu]`: the annual report draft as .docx. */
import { writeFileSync } from 'node:fs';
import { buildModel } from '../../cloudfunctions/lib/console/report';
import { renderReportDocx } from '../../cloudfunctions/lib/report/docx';
import { CliError, parseArgs, required } from './args';
import { outPath } from './export';
import type { Command } from './io';
import { mustFindOrg, periodArg } from './org';
import { withDatabase } from './stack';

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, { options: ['org', 'period', 'out'], flags: ['yu'] });
  const code = required(args, 'org', '单位代码');
  const period = periodArg(required(args, 'period', '年度'));
  if (period.kind !== 'year' || period.year === undefined) throw new CliError(`年度报告的期间须是一个年度，如 2023（收到“${period.text}”）`);
  const year = period.year;
  const out = outPath(io.cwd, required(args, 'out', '文件.docx'), '.docx');
  await withDatabase(io.env, async (db) => {
    const org = await mustFindOrg(db, code);
    // The same draft as the console's: the township's texts, its choice of 余 per figure and defaults.
    const { model } = await buildModel(db, org, year, args.flags.has('yu'));
    writeFileSync(out, await renderReportDocx(model));
    io.out(`已生成报告草稿《${model.title}》：${out}`);
    const gaps = model.sections.filter((s) => s.placeholder).map((s) => s.heading);
    if (gaps.length) io.out(`尚待填写：${gaps.join('；')}`);
  });
  return 0;
};
