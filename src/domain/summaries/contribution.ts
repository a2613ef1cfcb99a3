/**
 * What one stored record adds to the per unit × month summaries: for every part of the catalogue that
 * reads the record's collection and is dated, whether the record matches it and in which month. The
 * tests are the ones pipeline.ts gives the database (same conditions, same date comparison, deleted
 * records never count), so summed summaries answer what the pipelines answer. Pure.
 */
import type { Collection } from '../records/common';
import { FIGURES } from '../indicators/catalogue';
import { partsOf, selectFigures, type Part } from '../indicators/pipeline';
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

const SUMMARY_KEYS = new Set([...partsByCollection.values()].flat().map((p) => p.key));

/** The part keys of summaries that figures `ids` read. */
export const summaryKeysOf = (ids: readonly string[]): string[] => [
  ...new Set(
    selectFigures(ids)
      .flatMap(partsOf)
      .map((p) => p.key)
      .filter((key) => SUMMARY_KEYS.has(key)),
  ),
];

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

/**
 * What a summary adds up: the records of its unit itself, or (a roll-up) of a township and every unit
 * below it, so that a county reads one summary per township and month instead of one per village.
 */
export type Span = 'unit' | 'township';

/** One summary's worth of counts: a unit's month, split by review bucket. */
export interface MonthCounts {
  unit: SummaryUnit;
  month: string;
  /** 'township': the roll-up of the township `unit` and everything below it; absent: the unit's own records. */
  span?: 'township';
  ok: Counters;
  held: Counters;
}

/** The summary document's id: unit, its path and month (a unit moved elsewhere keeps separate summaries). */
export const summaryId = (unit: SummaryUnit, month: string): string => `${unit.orgPath.join('-')}_${unit.orgCode}_${month}`;

/**
 * The township a unit lies in, as its roll-up's unit: the second code of the path (县 ⊃ 乡镇 ⊃ 村);
 * none for the county itself. A unit's summaries add up to its township's roll-up in the same write.
 */
export const townshipOf = (unit: SummaryUnit): SummaryUnit | null =>
  unit.orgPath.length >= 2 ? { orgCode: unit.orgPath[1], orgPath: unit.orgPath.slice(0, 2) } : null;

/** A township roll-up's id (never a unit summary's: those start with the path). */
export const rollupId = (township: SummaryUnit, month: string): string => `tree_${summaryId(township, month)}`;

export const isRollup = (m: Pick<MonthCounts, 'span'>): boolean => m.span === 'township';

/**
 * The township roll-ups (ids) a record adds to, without counting it: one per month of any date that
 * places it. Two writes whose records share none never write the same roll-up.
 */
export function rollupIdsOf(collection: Collection, doc: Doc | null): string[] {
  if (!counts(doc)) return [];
  const township = townshipOf(unitOf(doc));
  if (!township) return [];
  const months = new Set<string>();
  for (const field of summaryDateFields(collection)) {
    const date = doc[field];
    if (typeof date === 'string' && DATE.test(date)) months.add(date.slice(0, 7));
  }
  return [...months].map((month) => rollupId(township, month));
}

function countsAt(into: Map<string, MonthCounts>, id: string, unit: SummaryUnit, month: string, span?: 'township'): MonthCounts {
  let m = into.get(id);
  if (!m) into.set(id, (m = span ? { unit, month, span, ok: {}, held: {} } : { unit, month, ok: {}, held: {} }));
  return m;
}

/**
 * Adds sign × the record's counts to `into`, per summary id: its unit's summary and its township's
 * roll-up; with `within`, only what the record adds on those days (the part-months of a date range),
 * and to its unit's summary only.
 */
export function addRecord(into: Map<string, MonthCounts>, collection: Collection, doc: Doc | null, sign: 1 | -1 = 1, within?: (date: string) => boolean): void {
  if (!counts(doc)) return;
  const unit = unitOf(doc);
  const township = within ? null : townshipOf(unit);
  for (const e of entriesOf(collection, doc)) {
    if (within && !within(e.date)) continue;
    const month = e.date.slice(0, 7);
    const add = { [e.key]: e.counter };
    addCounters(countsAt(into, summaryId(unit, month), unit, month)[e.bucket], add, sign);
    if (township) addCounters(countsAt(into, rollupId(township, month), township, month, 'township')[e.bucket], add, sign);
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
