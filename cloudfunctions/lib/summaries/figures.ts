/**
 * Figures from summaries: the summed unit × month counters of the period's whole months, plus the
 * records of the days of months a date range covers only in part, read through their date indexes.
 * The roster, the units and 其他指标 are not dated by month and are read as the catalogue's pipelines
 * read them (through the path indexes). One assembly (assemble.ts) for both paths: the pipelines
 * stay, as the oracle the summaries are checked against.
 */
import type { Database } from '../cloudbase';
import { readAll } from '../ledger/read';
import { reviewTownships } from '../supervision/settings';
import { runPipelines } from '../figures';
import { countsOf, readSummaries } from './store';
import { assemble, pipelinesFor, type AggregateRows, type Figures } from '../../../src/domain/indicators';
import type { Period } from '../../../src/domain/period';
import type { ReviewFilter } from '../../../src/domain/supervision/review';
import { pendingByFigure } from '../../../src/domain/supervision/pending';
import {
  addRecord,
  countedWhere,
  EVERYTHING,
  isSummarised,
  pendingWhere,
  rowsOfCounters,
  splitPeriod,
  sumSummaries,
  summaryDateFields,
  SUMMARY_COLLECTIONS,
  type BucketChoice,
  type MonthCounts,
} from '../../../src/domain/summaries';

/** What a figure counts: everything, what counts while townships review, or what awaits review. */
export type FigureMode = 'everything' | 'counted' | 'pending';

/**
 * The counts of the days `ranges` of the unit and below, from the records dated on them (each
 * collection by each date its figures use), as summaries per unit × month would hold them.
 */
export async function partialCounts(db: Database, orgCode: string, ranges: readonly { start: string; end: string }[]): Promise<MonthCounts[]> {
  if (ranges.length === 0) return [];
  const _ = db.command;
  const within = (date: string) => ranges.some((r) => date >= r.start && date <= r.end);
  const out = new Map<string, MonthCounts>();
  await Promise.all(
    SUMMARY_COLLECTIONS.map(async (collection) => {
      const seen = new Map<string, Record<string, unknown>>();
      for (const field of summaryDateFields(collection)) {
        for (const range of ranges) {
          const docs = await readAll(db, collection, { orgPath: orgCode, [field]: _.gte(range.start).and(_.lte(range.end)), deleted: _.neq(true) });
          for (const doc of docs) seen.set(doc._id, doc);
        }
      }
      for (const doc of seen.values()) addRecord(out, collection, doc, 1, within);
    }),
  );
  return [...out.values()];
}

/** The unit's summaries for the period's whole months and the counts of its part-months. */
export async function periodCounts(db: Database, orgCode: string, period: Pick<Period, 'start' | 'end'>): Promise<MonthCounts[]> {
  const split = splitPeriod(period);
  const [docs, partial] = await Promise.all([readSummaries(db, orgCode, split.months), partialCounts(db, orgCode, split.partial)]);
  return [...docs.map(countsOf), ...partial];
}

export function bucketsFor(mode: FigureMode, reviewing: readonly string[]): BucketChoice {
  if (mode === 'everything') return EVERYTHING;
  return mode === 'counted' ? countedWhere(reviewing) : pendingWhere(reviewing);
}

/** The figures of a unit and period from summaries (and the undated collections' pipelines). */
export async function figuresFromCounts(
  db: Database,
  orgCode: string,
  period: Period,
  counts: readonly MonthCounts[],
  ids: readonly string[] | undefined,
  mode: FigureMode,
  reviewing: readonly string[],
): Promise<Figures> {
  const review: ReviewFilter | undefined = mode === 'everything' ? undefined : { mode, townships: reviewing };
  const undated = pipelinesFor(orgCode, period, ids, review).filter((p) => !isSummarised(p.collection));
  const rows: AggregateRows = { ...rowsOfCounters(sumSummaries(counts, bucketsFor(mode, reviewing)), mode === 'pending'), ...(await runPipelines(db, undated)) };
  return mode === 'pending' ? pendingByFigure(rows, ids) : assemble(rows, ids);
}

/** Figures of a unit and period, read from summaries. */
export async function summaryFigures(db: Database, orgCode: string, period: Period, ids: readonly string[] | undefined, mode: FigureMode): Promise<Figures> {
  const [reviewing, counts] = await Promise.all([mode === 'everything' ? Promise.resolve([]) : reviewTownships(db), periodCounts(db, orgCode, period)]);
  if (mode === 'pending' && reviewing.length === 0) return {};
  return figuresFromCounts(db, orgCode, period, counts, ids, mode, reviewing);
}
