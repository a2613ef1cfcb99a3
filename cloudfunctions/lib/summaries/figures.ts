/**
 * The figures' rows of the dated collections, from summaries: the summed unit × month counters of the
 * period's whole months, plus the records of the days of months a date range covers only in part,
 * read through their date indexes. The roster, the units and 其他指标 are not summarised; the one
 * figures computation (figures/compute.ts) reads them as before.
 */
import type { Database } from '../cloudbase';
import { readAll } from '../ledger/read';
import { reviewTownships } from '../supervision/settings';
import { findOrg } from '../orgs';
import { countsOf, readOwn, readParts, readTree, summaryFields } from './store';
import type { AggregateRows, FigureScope } from '../../../src/domain/indicators';
import type { Period } from '../../../src/domain/period';
import {
  addRecord,
  countedWhere,
  EVERYTHING,
  isRollup,
  pendingWhere,
  rowsOfCounters,
  splitPeriod,
  sumSummaries,
  summaryDateFields,
  SUMMARY_COLLECTIONS,
  type BucketChoice,
  type MonthCounts,
  type SummaryUnit,
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

/** The unit as summaries read it: its path as given, else as the units collection holds it. */
export async function summaryUnit(db: Database, orgCode: string, orgPath?: readonly string[]): Promise<SummaryUnit> {
  if (orgPath) return { orgCode, orgPath };
  const org = await findOrg(db, orgCode);
  // An unknown unit is read by its code alone: its own summaries and those below it, never a roll-up.
  return { orgCode, orgPath: org?.path ?? [] };
}

/**
 * The counts of the scope for the period: the summaries of its whole months (a township's roll-ups, a
 * county's townships' roll-ups …, store.ts readTree) and the records of its part-months.
 */
export async function periodCounts(
  db: Database,
  unit: SummaryUnit,
  period: Pick<Period, 'start' | 'end'>,
  scope: FigureScope = 'tree',
  ids?: readonly string[],
): Promise<MonthCounts[]> {
  const split = splitPeriod(period);
  const read = scope === 'own' ? readOwn : readTree;
  const [docs, partial] = await Promise.all([read(db, unit, split.months, summaryFields(ids)), partialCounts(db, unit.orgCode, split.partial)]);
  return inScope([...docs.map(countsOf), ...partial], unit.orgCode, scope);
}

/**
 * The counts of the unit and below for the period, split so that each child's share can be taken
 * out (inScope): a county's by township roll-up, below it by unit (store.ts readParts).
 */
export async function periodParts(db: Database, unit: SummaryUnit, period: Pick<Period, 'start' | 'end'>, ids?: readonly string[]): Promise<MonthCounts[]> {
  const split = splitPeriod(period);
  const [docs, partial] = await Promise.all([readParts(db, unit, split.months, summaryFields(ids)), partialCounts(db, unit.orgCode, split.partial)]);
  return [...docs.map(countsOf), ...partial];
}

export function bucketsFor(records: RecordsMode, reviewing: readonly string[]): BucketChoice {
  if (records === 'everything') return EVERYTHING;
  return records === 'counted' ? countedWhere(reviewing) : pendingWhere(reviewing);
}

/**
 * Counts of the scope: the unit and below (`tree`), or the unit's own (`own`, 乡镇本级). A roll-up is
 * in the tree of its township and above, never a unit's own.
 */
export const inScope = (counts: readonly MonthCounts[], orgCode: string, scope: FigureScope = 'tree'): MonthCounts[] =>
  scope === 'own' ? counts.filter((c) => !isRollup(c) && c.unit.orgCode === orgCode) : counts.filter((c) => c.unit.orgPath.includes(orgCode));

/** The rows of the summarised collections that counts add up to (pending mode: record counts). */
export const rowsOfCounts = (counts: readonly MonthCounts[], records: RecordsMode, reviewing: readonly string[]): AggregateRows =>
  rowsOfCounters(sumSummaries(counts, bucketsFor(records, reviewing)), records === 'pending');

/** Which townships review, unless every record counts anyway. */
export const reviewingFor = (db: Database, records: RecordsMode): Promise<string[]> => (records === 'everything' ? Promise.resolve([]) : reviewTownships(db));

/** The rows of the summarised collections for a unit and period. */
export async function rowsFromSummaries(
  db: Database,
  orgCode: string,
  period: Pick<Period, 'start' | 'end'>,
  options: { scope?: FigureScope; records?: RecordsMode; orgPath?: readonly string[]; ids?: readonly string[] } = {},
): Promise<AggregateRows> {
  const records = options.records ?? 'counted';
  const [reviewing, counts] = await Promise.all([
    reviewingFor(db, records),
    summaryUnit(db, orgCode, options.orgPath).then((unit) => periodCounts(db, unit, period, options.scope, options.ids)),
  ]);
  return rowsOfCounts(counts, records, reviewing);
}
