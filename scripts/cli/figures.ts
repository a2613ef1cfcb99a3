/** `figures --org <代码> --period <期间> [--json]`: the report's figures of a unit (frozen when closed). */
import type { Database } from '../../cloudfunctions/lib/cloudbase';
import { closeOf, figuresWithClose } from '../../cloudfunctions/lib/period-close';
import { figureRows } from '../../cloudfunctions/lib/figures/compute';
import { FIGURE_BY_ID, extraManualFigures, type Figures } from '../../src/domain/indicators';
import { periodLabel, type Period } from '../../src/domain/period';
import { parseArgs, required } from './args';
import { figuresTable, type FigureLabel } from './format';
import type { Command } from './io';
import { mustFindOrg, periodArg } from './org';
import { withDatabase } from './stack';

/** Labels and units of the township's own 其他指标 codes, as entered with them (read as the report reads them). */
async function extraLabels(db: Database, orgCode: string, period: Period, figures: Figures): Promise<Map<string, FigureLabel>> {
  if (period.year === undefined || Object.keys(figures).every((id) => FIGURE_BY_ID.has(id))) return new Map();
  const rows = await figureRows(db, orgCode, period, [], { allManual: true });
  return new Map(extraManualFigures(rows).map((f) => [f.id, { label: f.label, unit: f.unit }]));
}

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, { options: ['org', 'period'], flags: ['json'] });
  const code = required(args, 'org', '单位代码');
  const period = periodArg(required(args, 'period', '期间'));
  await withDatabase(io.env, async (db) => {
    const org = await mustFindOrg(db, code);
    const figures = await figuresWithClose(db, org.code, period);
    if (args.flags.has('json')) {
      io.out(JSON.stringify({ org: org.code, period: period.text, figures }, null, 2));
      return;
    }
    const close = period.year === undefined ? null : await closeOf(db, org.code, period.year);
    const note = close?.closed ? `（${period.year}年度已结账，以下为结账时冻结的数）` : undefined;
    const labels = await extraLabels(db, org.code, period, figures);
    figuresTable(`${org.name}（${org.code}）${periodLabel(period)}统计数`, figures, labels, note).forEach(io.out);
  });
  return 0;
};
