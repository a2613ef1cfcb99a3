/**
 * The console's five-year trend: a unit's figures month by month over the year asked for and the four
 * before it. Sixty months are read from the summaries (a township's roll-ups; a county's townships'
 * roll-ups and its own summaries), never from the records; only figures that have a value per month are offered (series.ts isMonthlyFigure).
 */
import type { Database } from '../cloudbase';
import type { Caller } from '../caller';
import { AppError } from '../errors';
import { yearPeriod } from '../period';
import { reviewTownships } from '../supervision/settings';
import { countsOf, readTree, summaryFields } from '../summaries/store';
import { rowsOfCounts } from '../summaries/figures';
import { consoleOrg, readableOrg } from './access';
import { knownIds } from './figures';
import { assemble, FIGURE_BY_ID } from '../../../src/domain/indicators';
import type { TrendAnswer } from '../../../src/domain/console/api';
import { isMonthlyFigure, TREND_YEARS } from '../../../src/domain/console/series';
import { monthsBetween, type MonthCounts } from '../../../src/domain/summaries';

export async function trend(db: Database, caller: Caller, query: { org?: string; year: number; ids: string[] }): Promise<TrendAnswer> {
  const org = await readableOrg(db, caller, query.org);
  const ids = knownIds(query.ids);
  const yearly = ids.filter((id) => !isMonthlyFigure(id));
  if (yearly.length > 0)
    throw new AppError('INVALID_REQUEST', `走势只看按月统计的指标，${yearly.map((id) => FIGURE_BY_ID.get(id)?.label ?? id).join('、')}不按月统计`);
  yearPeriod(query.year);
  const months = monthsBetween(`${query.year - TREND_YEARS + 1}-01`, `${query.year}-12`);
  const [reviewing, docs] = await Promise.all([reviewTownships(db), readTree(db, { orgCode: org.code, orgPath: org.path }, months, summaryFields(ids))]);
  const byMonth = new Map<string, MonthCounts[]>();
  for (const doc of docs) byMonth.set(doc.month, [...(byMonth.get(doc.month) ?? []), countsOf(doc)]);
  return {
    org: consoleOrg(org),
    year: query.year,
    ids,
    months: months.map((month) => ({ month, figures: assemble(rowsOfCounts(byMonth.get(month) ?? [], 'counted', reviewing), ids) })),
  };
}
