/**
 * The console's figures: the year against the last (overview), by child unit (分村) and by month
 * (分月). Every number is aggregated in the database by the catalogue's pipelines; one set of
 * aggregations per unit or month, never the records themselves.
 */
import { pipelinesFor, assemble, FIGURE_BY_ID, type AggregateRows, type CollectionPipeline, type Figures } from '../../../src/domain/indicators';
import { mustParsePeriod, type Period } from '../../../src/domain/period';
import type { ByMonthAnswer, ByVillageAnswer, OverviewAnswer } from '../../../src/domain/console/api';
import type { Database } from '../cloudbase';
import type { Caller } from '../caller';
import { AppError } from '../errors';
import { computeFigures } from '../figures';
import { closeOf, figuresWithClose } from '../period-close';
import { childUnits, consoleOrg, mayWrite, readableOrg } from './access';
import { pendingFigures } from '../supervision/pending';

export function yearPeriod(year: number): Period {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new AppError('INVALID_PERIOD', `年度“${year}”不对，请写四位年份，如 2023`);
  return mustParsePeriod(String(year));
}

/** Ids of the catalogue only: an unknown id is a client error, not an empty figure. */
export function knownIds(ids: readonly string[]): string[] {
  const unknown = ids.filter((id) => !FIGURE_BY_ID.has(id));
  if (unknown.length > 0) throw new AppError('UNKNOWN_FIGURE', `没有这个指标：${unknown.join('、')}`);
  return [...new Set(ids)];
}

/**
 * The unit's own records only (乡镇本级: work logged at the township itself, not in a village): the
 * catalogue's pipelines with the scope narrowed from "the unit and below" to "this unit".
 */
export function ownPipelines(code: string, period: Period, ids?: readonly string[]): CollectionPipeline[] {
  return pipelinesFor(code, period, ids).map(({ collection, pipeline }) => {
    const [first, ...rest] = pipeline;
    const match = { ...(first.$match as Record<string, unknown> | undefined) };
    const scopeKey = collection === 'orgs' ? 'path' : 'orgPath';
    if (!('$match' in first) || match[scopeKey] !== code) throw new Error(`figures pipeline of ${collection} does not open with its scope`);
    delete match[scopeKey];
    return { collection, pipeline: [{ $match: { ...match, [collection === 'orgs' ? 'code' : 'orgCode']: code } }, ...rest] };
  });
}

async function runPipelines(db: Database, pipelines: readonly CollectionPipeline[], ids?: readonly string[]): Promise<Figures> {
  const rows: AggregateRows = {};
  await Promise.all(
    pipelines.map(async ({ collection, pipeline }) => {
      // Without `raw` the SDK silently drops a pipeline given as plain stages.
      const answer = await db.collection(collection).options({ raw: true }).aggregate(pipeline).end();
      rows[collection] = (answer as { data: Record<string, unknown>[] }).data;
    }),
  );
  return assemble(rows, ids);
}

export async function overview(db: Database, caller: Caller, query: { org?: string; year: number }): Promise<OverviewAnswer> {
  const org = await readableOrg(db, caller, query.org);
  const [figures, lastYear, close, awaitingReview] = await Promise.all([
    figuresWithClose(db, org.code, yearPeriod(query.year)),
    figuresWithClose(db, org.code, yearPeriod(query.year - 1)),
    closeOf(db, org.code, query.year),
    pendingFigures(db, org.code, yearPeriod(query.year)),
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
    runPipelines(db, ownPipelines(org.code, period, ids), ids),
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
