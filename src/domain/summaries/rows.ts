/**
 * Summed summaries turned into the rows the catalogue's pipelines would have answered, so that the one
 * assembly (assemble.ts, supervision/pending.ts) reads both alike: a count part's record count, a sum
 * part's sum, a distinct part's values. Pure.
 */
import type { AggregateRows } from '../indicators/assemble';
import type { Collection } from '../records/common';
import { addCounters, type Counters } from './counters';
import { summaryParts, SUMMARY_COLLECTIONS, type Bucket, type MonthCounts } from './contribution';

/** Which summary buckets count: `held` ones only while the unit's township does not review. */
export type BucketChoice = (summary: Pick<MonthCounts, 'unit' | 'month'>) => readonly Bucket[];

/** Every record, awaiting review or not: a village's own 月报 states what was logged. */
export const EVERYTHING: BucketChoice = () => ['ok', 'held'];

/**
 * The figures' rule (pipeline.ts reviewMatch): records awaiting review do not count where a township
 * on their path reviews.
 */
export const countedWhere =
  (reviewing: readonly string[]): BucketChoice =>
  ({ unit }) =>
    unit.orgPath.some((code) => reviewing.includes(code)) ? ['ok'] : ['ok', 'held'];

/** Only the records awaiting review where a township on their path reviews (pending mode). */
export const pendingWhere =
  (reviewing: readonly string[]): BucketChoice =>
  ({ unit }) =>
    unit.orgPath.some((code) => reviewing.includes(code)) ? ['held'] : [];

/** The counters of many summaries added up, per the bucket choice. */
export function sumSummaries(summaries: Iterable<Pick<MonthCounts, 'unit' | 'month' | 'ok' | 'held'>>, choose: BucketChoice): Counters {
  const total: Counters = {};
  for (const s of summaries) for (const bucket of choose(s)) addCounters(total, s[bucket]);
  return total;
}

/**
 * The pipelines' rows for the summarised collections. `recordsOnly` answers every part as its record
 * count, as pending mode's pipelines do.
 */
export function rowsOfCounters(total: Readonly<Counters>, recordsOnly = false): AggregateRows {
  const rows: AggregateRows = {};
  for (const collection of SUMMARY_COLLECTIONS) {
    const row: Record<string, unknown> = { _id: null };
    for (const { key, measure } of summaryParts(collection)) {
      const c = total[key];
      if (recordsOnly || measure.kind === 'count') row[key] = c?.n ?? 0;
      else if (measure.kind === 'sum') row[key] = c?.s ?? 0;
      else
        row[key] = Object.entries(c?.v ?? {})
          .filter(([, n]) => n > 0)
          .map(([value]) => value);
    }
    rows[collection as Collection] = [row];
  }
  return rows;
}
