/**
 * The console's figures: the year against the last (overview), by child unit (分村) and by month
 * (分月), all from the one figures computation (figures/compute.ts).
 */
import { FIGURE_BY_ID } from '../../../src/domain/indicators';
import { mustParsePeriod } from '../../../src/domain/period';
import type { ByMonthAnswer, ByVillageAnswer, OverviewAnswer } from '../../../src/domain/console/api';
import type { Database } from '../cloudbase';
import type { Caller } from '../caller';
import { AppError } from '../errors';
import { computeFigures, pendingFigures } from '../figures/compute';
import { yearPeriod } from '../period';
import { closeOf, figuresWithClose } from '../period-close';
import { childUnits, consoleOrg, mayWrite, readableOrg } from './access';

/** Ids of the catalogue only: an unknown id is a client error, not an empty figure. */
export function knownIds(ids: readonly string[]): string[] {
  const unknown = ids.filter((id) => !FIGURE_BY_ID.has(id));
  if (unknown.length > 0) throw new AppError('UNKNOWN_FIGURE', `没有这个指标：${unknown.join('、')}`);
  return [...new Set(ids)];
}

export async function overview(db: Database, caller: Caller, query: { org?: string; year: number }): Promise<OverviewAnswer> {
  const org = await readableOrg(db, caller, query.org);
  const period = yearPeriod(query.year);
  const [figures, lastYear, close, awaitingReview] = await Promise.all([
    figuresWithClose(db, org.code, period),
    figuresWithClose(db, org.code, yearPeriod(query.year - 1)),
    closeOf(db, org.code, query.year),
    pendingFigures(db, org.code, period),
  ]);
  return { org: consoleOrg(org), year: query.year, figures, lastYear, closed: close?.closed === true, canWrite: mayWrite(caller, org), awaitingReview };
}

export async function byVillage(db: Database, caller: Caller, query: { org?: string; year: number; ids: string[] }): Promise<ByVillageAnswer> {
  const org = await readableOrg(db, caller, query.org);
  const ids = knownIds(query.ids);
  const period = yearPeriod(query.year);
  const children = await childUnits(db, org.code);
  const [total, own, ...perChild] = await Promise.all([
    figuresWithClose(db, org.code, period, ids),
    computeFigures(db, org.code, period, ids, { scope: 'own' }),
    ...children.map((child) => computeFigures(db, child.code, period, ids)),
  ]);
  return {
    org: consoleOrg(org),
    year: query.year,
    ids,
    units: [...children.map((child, i) => ({ org: consoleOrg(child), own: false, figures: perChild[i] })), { org: consoleOrg(org), own: true, figures: own }],
    total,
  };
}

export async function byMonth(db: Database, caller: Caller, query: { org?: string; year: number; ids: string[] }): Promise<ByMonthAnswer> {
  const org = await readableOrg(db, caller, query.org);
  const ids = knownIds(query.ids);
  yearPeriod(query.year);
  const months = Array.from({ length: 12 }, (_, i) => `${query.year}-${String(i + 1).padStart(2, '0')}`);
  const figures = await Promise.all(months.map((month) => computeFigures(db, org.code, mustParsePeriod(month), ids)));
  return { org: consoleOrg(org), year: query.year, ids, months: months.map((month, i) => ({ month, figures: figures[i] })) };
}
