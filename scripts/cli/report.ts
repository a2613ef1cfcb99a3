/** `report --org <代码> --period <年度> --out <file.docx> [--yu]`: the annual report draft as .docx. */
import { writeFileSync } from 'node:fs';
import type { Database } from '../../cloudfunctions/lib/cloudbase';
import { figuresWithClose } from '../../cloudfunctions/lib/period-close';
import { renderReportDocx } from '../../cloudfunctions/lib/report/docx';
import { buildReport, type ReportTexts } from '../../src/domain/report';
import { CliError, parseArgs, required } from './args';
import { outPath } from './export';
import type { Command } from './io';
import { mustFindOrg, periodArg } from './org';
import { withDatabase } from './stack';

const TEXT_FIELDS = ['opening', 'extraMeasures', 'shortcomings', 'leaderDuty', 'nextYear'] as const;

/** What the township wrote for the year (collection report_texts, `_id` `${orgCode}:${year}`). */
async function reportTexts(db: Database, orgCode: string, year: number): Promise<ReportTexts> {
  const { data } = await db.collection('report_texts').doc(`${orgCode}:${year}`).get();
  const doc = (Array.isArray(data) ? data[0] : data) as Record<string, unknown> | undefined;
  const texts: ReportTexts = {};
  for (const field of TEXT_FIELDS) if (typeof doc?.[field] === 'string') texts[field] = doc[field] as string;
  return texts;
}

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, { options: ['org', 'period', 'out'], flags: ['yu'] });
  const code = required(args, 'org', '单位代码');
  const period = periodArg(required(args, 'period', '年度'));
  if (period.kind !== 'year' || period.year === undefined) throw new CliError(`年度报告的期间须是一个年度，如 2023（收到“${period.text}”）`);
  const year = period.year;
  const out = outPath(io.cwd, required(args, 'out', '文件.docx'), '.docx');
  await withDatabase(io.env, async (db) => {
    const org = await mustFindOrg(db, code);
    const figures = await figuresWithClose(db, org.code, period);
    const texts = await reportTexts(db, org.code, year);
    const model = buildReport({ orgName: org.name, orgLevel: org.level, year, figures, texts, options: { yu: args.flags.has('yu') } });
    writeFileSync(out, await renderReportDocx(model));
    io.out(`已生成报告草稿《${model.title}》：${out}`);
    const gaps = model.sections.filter((s) => s.placeholder).map((s) => s.heading);
    if (gaps.length) io.out(`尚待填写：${gaps.join('；')}`);
  });
  return 0;
};
