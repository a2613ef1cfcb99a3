/**
 * The one figures computation. Everything that shows or keeps a figure computes it here: the figures
 * API, period close (the frozen figures), the console's overview / 分村 / 分月 / quality, the report and
 * the village's 月报. Authorization and frozen (closed-year) figures are the callers' business.
 *
 * `figureRows` is the single place the figures' source rows are read: the dated figures from the per
 * unit × month summaries (summaries/figures.ts), the roster, units and 其他指标 aggregated in the
 * database by the catalogue's pipelines. `rowsFromRecords` (every row from the pipelines, never by
 * reading the records into the function) stays as the oracle the summaries are checked against.
 */
import type { Database } from '../cloudbase';
import {
  assemble,
  manualPipeline,
  pipelinesFor,
  type AggregateRows,
  type CollectionPipeline,
  type FigureScope,
  type Figures,
} from '../../../src/domain/indicators';
import type { Period } from '../../../src/domain/period';
import { pendingByFigure } from '../../../src/domain/supervision/pending';
import { reviewTownships } from '../supervision/settings';
import { rowsFromSummaries } from '../summaries/figures';
import { isSummarised } from '../../../src/domain/summaries';

export interface FigureOptions {
  /** Whose records: the unit and every unit below it (default), or the unit's own only (乡镇本级). */
  scope?: FigureScope;
  /**
   * Which records: those that count (default: in townships that review, records awaiting review are
   * left out), everything logged (a village's own 月报 states what was logged), or only the records
   * awaiting review (how many stand behind each figure).
   */
  records?: 'counted' | 'everything' | 'pending';
  /** Also read every 其他指标 row of the year, whatever `ids` asks for (the report names them). */
  allManual?: boolean;
}

/** The figures `ids` (all when omitted) of a unit and a period, computed from its records. */
export async function computeFigures(db: Database, orgCode: string, period: Period, ids?: readonly string[], options: FigureOptions = {}): Promise<Figures> {
  return assemble(await figureRows(db, orgCode, period, ids, options), ids);
}

/** How many records await review behind each figure (none when no township reviews). */
export async function pendingFigures(db: Database, orgCode: string, period: Period, ids?: readonly string[]): Promise<Figures> {
  return pendingByFigure(await figureRows(db, orgCode, period, ids, { records: 'pending' }), ids);
}

/** The rows `assemble()` and its helpers read: the one place they are obtained. */
export async function figureRows(db: Database, orgCode: string, period: Period, ids?: readonly string[], options: FigureOptions = {}): Promise<AggregateRows> {
  const [summarised, rest] = await Promise.all([
    rowsFromSummaries(db, orgCode, period, options),
    rowsFromRecords(db, orgCode, period, ids, options, (collection) => !isSummarised(collection)),
  ]);
  return { ...rest, ...summarised };
}

/**
 * The rows aggregated in the database from the records themselves, by the catalogue's pipelines (of
 * the collections `only` keeps, all by default).
 */
export async function rowsFromRecords(
  db: Database,
  orgCode: string,
  period: Period,
  ids?: readonly string[],
  options: FigureOptions = {},
  only: (collection: CollectionPipeline['collection']) => boolean = () => true,
): Promise<AggregateRows> {
  const { scope, records = 'counted' } = options;
  let pipelines: CollectionPipeline[];
  if (records === 'everything') {
    pipelines = pipelinesFor(orgCode, period, ids, { scope });
  } else {
    const townships = await reviewTownships(db);
    // Nothing awaits review where nobody reviews: no need to ask the database.
    if (records === 'pending' && townships.length === 0) return {};
    pipelines = pipelinesFor(orgCode, period, ids, { scope, review: { mode: records, townships } });
  }
  if (options.allManual && period.year !== undefined && !pipelines.some((p) => p.collection === 'manual_figures')) {
    pipelines.push(manualPipeline(orgCode, period.year, scope));
  }
  return runPipelines(
    db,
    pipelines.filter((p) => only(p.collection)),
  );
}

async function runPipelines(db: Database, pipelines: readonly CollectionPipeline[]): Promise<AggregateRows> {
  const rows: AggregateRows = {};
  await Promise.all(
    pipelines.map(async ({ collection, pipeline }) => {
      // Without `raw` the SDK silently drops a pipeline given as plain stages.
      const answer = await db.collection(collection).options({ raw: true }).aggregate(pipeline).end();
      rows[collection] = (answer as { data: Record<string, unknown>[] }).data;
    }),
  );
  return rows;
}
