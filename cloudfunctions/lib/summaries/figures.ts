/**
 * The figures' rows of the dated collections, from summaries: the summed unit × month counters of the
 * period's whole months, plus the records of the days of months a date range covers only in part,
 * read through their date indexes. The roster, the units and 其他指标 are not summarised; the one
 * figures computation (figures/compute.ts) reads them as before.
 */
import type { Database } from '../cloudbase';
import { readAll } from '../ledger/read';
import { reviewTownships } from '../supervision/settings';
import { countsOf, readSummaries } from './store';
import type { AggregateRows, FigureScope } from '../../../src/domain/indicators';
import type { Period } from '../../../src/domain/period';
import {
  addRecord,
  countedWhere,
  EVERYTHING,
  pendingWhere,
  rowsOfCounters,
  splitPeriod,
  sumSummaries,
  summaryDateFields,
  SUMMARY_COLLECTIONS,
  type BucketChoice,
  type MonthCounts,
} from '../../../src/domain/summaries';

/** Which records a figure counts: those that count, everything logged, or those awaiting review. */
export type RecordsMode = 'counted' | 'everything' | 'pending';

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
          const docs = await readAll(db, collection, { orgPath: orgCode, [field]: _.gte(range.start).and(_.lte(range.end)) });
          for (const doc of docs) seen.set(doc._id, doc);
        }
      }
      for (const doc of seen.values()) addRecord(out, collection, doc, 1, within);
    }),
  );
  return [...out.values()];
}

/** The summaries of the unit and below for the period's whole months, and the counts of its part-months. */
export async function periodCounts(db: Database, orgCode: string, period: Pick<Period, 'start' | 'end'>): Promise<MonthCounts[]> {
  const split = splitPeriod(period);
  const [docs, partial] = await Promise.all([readSummaries(db, orgCode, split.months), partialCounts(db, orgCode, split.partial)]);
  return [...docs.map(countsOf), ...partial];
}

export function bucketsFor(records: RecordsMode, reviewing: readonly string[]): BucketChoice {
  if (records === 'everything') return EVERYTHING;
  return records === 'counted' ? countedWhere(reviewing) : pendingWhere(reviewing);
}

/** Counts of the scope: the unit and below (`tree`), or the unit's own (`own`, 乡镇本级). */
export const inScope = (counts: readonly MonthCounts[], orgCode: string, scope: FigureScope = 'tree'): MonthCounts[] =>
  scope === 'own' ? counts.filter((c) => c.unit.orgCode === orgCode) : counts.filter((c) => c.unit.orgPath.includes(orgCode));

/** The rows of the summarised collections that counts add up to (pending mode: record counts). */
export const rowsOfCounts = (counts: readonly MonthCounts[], records: RecordsMode, reviewing: readonly string[]): AggregateRows =>
  rowsOfCounters(sumSummaries(counts, bucketsFor(records, reviewing)), records === 'pending');

/** The rows of the summarised collections for a unit and period. */
export async function rowsFromSummaries(
  db: Database,
  orgCode: string,
  period: Pick<Period, 'start' | 'end'>,
  options: { scope?: FigureScope; records?: RecordsMode } = {},
): Promise<AggregateRows> {
  const records = options.records ?? 'counted';
  const [reviewing, counts] = await Promise.all([records === 'everything' ? Promise.resolve([]) : reviewTownships(db), periodCounts(db, orgCode, period)]);
  return rowsOfCounts(inScope(counts, orgCode, options.scope), records, reviewing);
}
