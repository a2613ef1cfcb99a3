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
import { REVIEWED_COLLECTIONS } from '../../../src/domain/supervision/review';
import { reviewTownships } from '../supervision/settings';
import { rowsFromSummaries, rowsOfCounts } from '../summaries/figures';
import { isSummarised, type MonthCounts } from '../../../src/domain/summaries';

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
  /** The unit's path when the caller has read the unit already (else it is read again). */
  orgPath?: readonly string[];
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
    rowsFromSummaries(db, orgCode, period, { ...options, ids }),
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
  const chosen = pipelinesFor(orgCode, period, ids, { scope }).filter((p) => only(p.collection));
  // Nothing to ask the database for (the console's charts ask for summarised figures only).
  if (chosen.length === 0 && !(options.allManual && only('manual_figures'))) return {};
  let pipelines: CollectionPipeline[];
  // Only records of the reviewed kinds await review: the counted figures of the others (the roster,
  // units, 其他指标: all the figures path asks of the records) are the same whoever reviews, so
  // they need no read of who does.
  if (records === 'everything' || (records === 'counted' && !chosen.some((p) => REVIEWED_COLLECTIONS.includes(p.collection)))) {
    pipelines = chosen;
  } else {
    const townships = await reviewTownships(db);
    // Nothing awaits review where nobody reviews: no need to ask the database.
    if (records === 'pending' && townships.length === 0) return {};
    pipelines = pipelinesFor(orgCode, period, ids, { scope, review: { mode: records, townships } }).filter((p) => only(p.collection));
  }
  if (options.allManual && only('manual_figures') && period.year !== undefined && !pipelines.some((p) => p.collection === 'manual_figures')) {
    pipelines.push(manualPipeline(orgCode, period.year, scope));
  }
  return runPipelines(db, pipelines);
}

/**
 * The figures `ids` of slices of counts read once (a unit's children, its own records, its months: the
 * console's 分村 and 分月), each as computeFigures would answer for the slice's unit, scope and period.
 */
export async function figuresOfSlices(
  db: Database,
  slices: ReadonlyArray<{ orgCode: string; period: Period; scope?: FigureScope; counts: readonly MonthCounts[] }>,
  ids: readonly string[],
): Promise<Figures[]> {
  const reviewing = await reviewTownships(db);
  return Promise.all(
    slices.map(async ({ orgCode, period, scope, counts }) => {
      const rest = await rowsFromRecords(db, orgCode, period, ids, { scope }, (collection) => !isSummarised(collection));
      return assemble({ ...rest, ...rowsOfCounts(counts, 'counted', reviewing) }, ids);
    }),
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
