/**
 * What one stored record adds to the per unit × month summaries: for every part of the catalogue that
 * reads the record's collection and is dated, whether the record matches it and in which month. The
 * tests are the ones pipeline.ts gives the database (same conditions, same date comparison, deleted
 * records never count), so summed summaries answer what the pipelines answer. Pure.
 */
import type { Collection } from '../records/common';
import { FIGURES } from '../indicators/catalogue';
import { partsOf, type Part } from '../indicators/pipeline';
import type { BaseMeasure, Condition } from '../indicators/types';
import { NOT_COUNTED } from '../supervision/review';
import { addCounters, type Counters, type PartCounter } from './counters';

/** A summary's unit: the record's unit and its path (scope reads match the path, like the pipelines). */
export interface SummaryUnit {
  orgCode: string;
  orgPath: readonly string[];
}

/**
 * Whether the records counted here can be held back by review: `held` are those awaiting review or
 * returned (NOT_COUNTED), `ok` every other record. Which of the two count is decided when reading,
 * by whether the unit's township reviews at that moment.
 */
export type Bucket = 'ok' | 'held';

/** One part a record matched on one day. */
export interface Entry {
  date: string;
  bucket: Bucket;
  collection: Collection;
  key: string;
  counter: PartCounter;
}

type Doc = Readonly<Record<string, unknown>>;

/** The dated parts of the catalogue, by the collection they read: what summaries keep. */
const partsByCollection = (() => {
  const out = new Map<Collection, Part[]>();
  for (const part of FIGURES.flatMap(partsOf)) {
    if (!part.measure.dateField || part.measure.activeAtEnd) continue;
    const list = out.get(part.measure.source) ?? [];
    if (!list.some((p) => p.key === part.key)) list.push(part);
    out.set(part.measure.source, list);
  }
  return out;
})();

/** Collections whose figures summaries answer (the dated ones); the roster, units and 其他指标 are read as they are. */
export const SUMMARY_COLLECTIONS: readonly Collection[] = [...partsByCollection.keys()];

export const isSummarised = (collection: string): collection is Collection => (SUMMARY_COLLECTIONS as readonly string[]).includes(collection);

/** The part keys summaries keep for a collection. */
export const summaryParts = (collection: Collection): readonly Part[] => partsByCollection.get(collection) ?? [];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A condition as the database's aggregation evaluates it (pipeline.ts conditionExpr): a missing field
 * equals nothing, differs from everything, and a string is never ≤ a missing or non-string value.
 */
function holds(c: Condition, doc: Doc): boolean {
  const value = doc[c.field];
  if ('eq' in c) return value === c.eq;
  if ('in' in c) return typeof value === 'string' && c.in.includes(value);
  if ('ne' in c) return value !== c.ne;
  const other = doc[c.lteField];
  if (typeof value === 'string') return typeof other === 'string' && value <= other;
  // Missing or null sorts before every string; two missing values are equal.
  return (value === undefined || value === null) && (other === undefined || other === null || typeof other === 'string');
}

function counterOf(m: BaseMeasure, doc: Doc): PartCounter {
  if (m.kind === 'sum') {
    const v = doc[m.field];
    return { n: 1, s: typeof v === 'number' && Number.isFinite(v) ? v : 0 };
  }
  if (m.kind === 'distinct') {
    const v = doc[m.field];
    return v === undefined || v === null ? { n: 1 } : { n: 1, v: { [String(v)]: 1 } };
  }
  return { n: 1 };
}

/** The records that count nowhere: soft-deleted ones. */
const counts = (doc: Doc | null): doc is Doc => doc !== null && doc.deleted !== true;

export const bucketOf = (doc: Doc): Bucket => ((NOT_COUNTED as readonly unknown[]).includes(doc.reviewState) ? 'held' : 'ok');

/** Every part the record matches, on the date that places it (a case: accepted one day, closed another). */
export function entriesOf(collection: Collection, doc: Doc | null): Entry[] {
  if (!counts(doc)) return [];
  const bucket = bucketOf(doc);
  const out: Entry[] = [];
  for (const { key, measure } of summaryParts(collection)) {
    const date = doc[measure.dateField as string];
    if (typeof date !== 'string' || !DATE.test(date)) continue;
    if (!(measure.where ?? []).every((c) => holds(c, doc))) continue;
    out.push({ date, bucket, collection, key, counter: counterOf(measure, doc) });
  }
  return out;
}

export const unitOf = (doc: Doc): SummaryUnit => ({
  orgCode: String(doc.orgCode ?? ''),
  orgPath: Array.isArray(doc.orgPath) ? doc.orgPath.map(String) : [],
});

/** One summary's worth of counts: a unit's month, split by review bucket. */
export interface MonthCounts {
  unit: SummaryUnit;
  month: string;
  ok: Counters;
  held: Counters;
}

/** The summary document's id: unit, its path and month (a unit moved elsewhere keeps separate summaries). */
export const summaryId = (unit: SummaryUnit, month: string): string => `${unit.orgPath.join('-')}_${unit.orgCode}_${month}`;

/**
 * Adds sign × the record's counts to `into`, per summary id; with `within`, only what the record adds
 * on those days (the part-months of a date range).
 */
export function addRecord(into: Map<string, MonthCounts>, collection: Collection, doc: Doc | null, sign: 1 | -1 = 1, within?: (date: string) => boolean): void {
  if (!counts(doc)) return;
  const unit = unitOf(doc);
  for (const e of entriesOf(collection, doc)) {
    if (within && !within(e.date)) continue;
    const month = e.date.slice(0, 7);
    const id = summaryId(unit, month);
    let m = into.get(id);
    if (!m) into.set(id, (m = { unit, month, ok: {}, held: {} }));
    addCounters(m[e.bucket], { [e.key]: e.counter }, sign);
  }
}

/** What a change of one record (before → after; either null: created, removed) does to summaries, added to `into`. */
export function addChange(into: Map<string, MonthCounts>, collection: Collection, before: Doc | null, after: Doc | null): Map<string, MonthCounts> {
  addRecord(into, collection, before, -1);
  addRecord(into, collection, after, 1);
  return into;
}

/** The date fields that place a collection's records in summaries (a case: accepted, closed). */
export const summaryDateFields = (collection: Collection): string[] => [...new Set(summaryParts(collection).map((p) => p.measure.dateField as string))];
