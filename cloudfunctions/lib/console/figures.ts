/**
 * The console's figures: the year against the last (overview), by child unit (分村) and by month
 * (分月), all from the one figures computation (figures/compute.ts).
 */
import { FIGURE_BY_ID } from '../../../src/domain/indicators';
import { mustParsePeriod } from '../../../src/domain/period';
import type { ByMonthAnswer, ByVillageAnswer, OverviewAnswer } from '../../../src/domain/console/api';
import type { Database } from '../cloudbase';
import type { Caller } from '../caller';
import type { OrgDoc } from '../../../src/domain/org';
import { AppError } from '../errors';
import { figuresOfSlices, pendingFigures } from '../figures/compute';
import { inScope, periodCounts, periodParts } from '../summaries/figures';
import { yearPeriod } from '../period';
import { closeOf, figuresWithClose, frozenFigures, pick } from '../period-close';
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
    figuresWithClose(db, org.code, period, undefined, org.path),
    figuresWithClose(db, org.code, yearPeriod(query.year - 1), undefined, org.path),
    closeOf(db, org.code, query.year),
    pendingFigures(db, org.code, period),
  ]);
  return { org: consoleOrg(org), year: query.year, figures, lastYear, closed: close?.closed === true, canWrite: mayWrite(caller, org), awaitingReview };
}

/** The unit as summaries read it. */
const unitOf = (org: Pick<OrgDoc, 'code' | 'path'>) => ({ orgCode: org.code, orgPath: org.path });

/**
 * 分村: the figures of each child unit, of the unit's own records and the total, from ONE read of the
 * year's summaries split by child (a county's by township roll-up).
 */
export async function byVillage(db: Database, caller: Caller, query: { org?: string; year: number; ids: string[] }): Promise<ByVillageAnswer> {
  const org = await readableOrg(db, caller, query.org);
  const ids = knownIds(query.ids);
  const period = yearPeriod(query.year);
  const [children, frozen, parts] = await Promise.all([
    childUnits(db, org.code),
    frozenFigures(db, org.code, query.year),
    periodParts(db, unitOf(org), period, ids),
  ]);
  const slices = [
    ...children.map((child) => ({ orgCode: child.code, period, counts: inScope(parts, child.code) })),
    { orgCode: org.code, period, scope: 'own' as const, counts: inScope(parts, org.code, 'own') },
    // A closed year's total is its frozen figures; an open year's adds up every part.
    ...(frozen ? [] : [{ orgCode: org.code, period, counts: parts }]),
  ];
  const figures = await figuresOfSlices(db, slices, ids);
  const total = frozen ? pick(frozen, ids) : figures[children.length + 1];
  return {
    org: consoleOrg(org),
    year: query.year,
    ids,
    units: [
      ...children.map((child, i) => ({ org: consoleOrg(child), own: false, figures: figures[i] })),
      { org: consoleOrg(org), own: true, figures: figures[children.length] },
    ],
    total,
  };
}

/** 分月: the figures of each month of the year, from ONE read of the year's summaries. */
export async function byMonth(db: Database, caller: Caller, query: { org?: string; year: number; ids: string[] }): Promise<ByMonthAnswer> {
  const org = await readableOrg(db, caller, query.org);
  const ids = knownIds(query.ids);
  const counts = await periodCounts(db, unitOf(org), yearPeriod(query.year), 'tree', ids);
  const months = Array.from({ length: 12 }, (_, i) => `${query.year}-${String(i + 1).padStart(2, '0')}`);
  const figures = await figuresOfSlices(
    db,
    months.map((month) => ({ orgCode: org.code, period: mustParsePeriod(month), counts: counts.filter((c) => c.month === month) })),
    ids,
  );
  return { org: consoleOrg(org), year: query.year, ids, months: months.map((month, i) => ({ month, figures: figures[i] })) };
}
