/**
 * The summaries collection: one document per unit × month with the counters of every dated figure
 * (src/domain/summaries). The record store's hook (store/derived.ts) applies each write's change here,
 * in the write's transaction; figures read them by unit-path prefix and months.
 */
import { readMany, withoutId, type Database, type Transaction } from '../cloudbase';
import type { DerivedUpdater, RecordChange } from '../store/derived';
import { readAll, type Fields } from '../ledger/read';
import { KINDS } from '../../../src/domain/records/kinds';
import {
  addChange,
  addCounters,
  hasCounts,
  summaryKeysOf,
  isSummarised,
  rollupId,
  summaryId,
  type MonthCounts,
  type Span,
  type SummaryUnit,
} from '../../../src/domain/summaries';

export const SUMMARIES = 'summaries';

/**
 * A stored summary: its unit (code and path, as the records carry them), what it spans (the unit's own
 * records, or a township's roll-up; summaries written before roll-ups have no span: the unit's own),
 * month and counters.
 */
export interface SummaryDoc {
  _id: string;
  orgCode: string;
  orgPath: string[];
  span?: Span;
  month: string;
  ok: MonthCounts['ok'];
  held: MonthCounts['held'];
}

export const docOf = (id: string, m: MonthCounts): SummaryDoc => ({
  _id: id,
  orgCode: m.unit.orgCode,
  orgPath: [...m.unit.orgPath],
  // Every summary names its span: a document without the field would be left out of the span index.
  span: m.span ?? 'unit',
  month: m.month,
  ok: m.ok,
  held: m.held,
});

export const countsOf = (doc: SummaryDoc): MonthCounts => ({
  unit: { orgCode: doc.orgCode, orgPath: doc.orgPath },
  month: doc.month,
  ...(doc.span === 'township' ? { span: 'township' as const } : {}),
  ok: doc.ok ?? {},
  held: doc.held ?? {},
});

/** What the changes do to summaries, per summary id (records of unsummarised kinds add nothing). */
export function deltaOf(changes: readonly RecordChange[]): Map<string, MonthCounts> {
  const delta = new Map<string, MonthCounts>();
  for (const { kind, before, after } of changes) {
    const collection = KINDS[kind].collection;
    if (isSummarised(collection)) addChange(delta, collection, before, after);
  }
  return delta;
}

/**
 * Adds `delta` to the stored summaries: one read of every summary touched, then one write each (a
 * batch of imported rows touches a few units' months, however many rows it holds).
 */
export async function applyDelta(tx: Transaction, delta: ReadonlyMap<string, MonthCounts>): Promise<void> {
  const changed = [...delta].filter(([, change]) => Object.keys(change.ok).length > 0 || Object.keys(change.held).length > 0);
  if (changed.length === 0) return;
  const stored = await readMany<SummaryDoc>(
    tx,
    SUMMARIES,
    changed.map(([id]) => id),
  );
  for (const [id, change] of changed) {
    const was = stored.get(id);
    const next = was ? countsOf(was) : { ...change, ok: {}, held: {} };
    addCounters(next.ok, change.ok);
    addCounters(next.held, change.held);
    // A month left with nothing is removed, as a rebuild would never make it.
    if (!hasCounts(next.ok) && !hasCounts(next.held)) {
      if (was) await tx.collection(SUMMARIES).doc(id).remove();
    } else {
      await tx
        .collection(SUMMARIES)
        .doc(id)
        .set(withoutId(docOf(id, next)));
    }
  }
}

/** The record store's hook: every write's changes reach the summaries in its transaction. */
export const updateSummaries: DerivedUpdater = (tx, changes) => applyDelta(tx, deltaOf(changes));

/** Months per query: a year of a county's townships fits a page, and years are read in parallel. */
const MONTHS_PER_QUERY = 12;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * The fields of summaries that figures `ids` need (every field when omitted): a trend or a chart of a
 * few figures reads a few counters of each summary, not all of them.
 */
export function summaryFields(ids?: readonly string[]): Fields | undefined {
  if (!ids) return undefined;
  const fields: Fields = { orgCode: true, orgPath: true, span: true, month: true };
  for (const key of summaryKeysOf(ids)) {
    fields[`ok.${key}`] = true;
    fields[`held.${key}`] = true;
  }
  return fields;
}

/** The documents matching `where` for each chunk of months, read in parallel. */
async function readByMonths(
  db: Database,
  months: readonly string[],
  where: (months: string[]) => Record<string, unknown>,
  fields?: Fields,
): Promise<SummaryDoc[]> {
  const parts = await Promise.all(chunks(months, MONTHS_PER_QUERY).map((chunk) => readAll(db, SUMMARIES, where(chunk), fields)));
  return parts.flat() as unknown as SummaryDoc[];
}

/** The unit's own summaries (its records only, not those of units below it) for these months, by id. */
export const readOwn = (db: Database, unit: SummaryUnit, months: readonly string[], fields?: Fields): Promise<SummaryDoc[]> =>
  readByIds(
    db,
    months.map((month) => summaryId(unit, month)),
    fields,
  );

/** The summaries of these ids that exist. */
async function readByIds(db: Database, ids: readonly string[], fields?: Fields): Promise<SummaryDoc[]> {
  if (ids.length === 0) return [];
  return [...(await readMany(db, SUMMARIES, ids, fields)).values()] as unknown as SummaryDoc[];
}

/**
 * Summaries that add up to the unit and everything below it, each record counted once, and split by
 * the unit's children: a county's own summaries and its townships' roll-ups; below a county, the
 * unit summaries of the unit and every unit below it (never a roll-up).
 */
export async function readParts(db: Database, unit: SummaryUnit, months: readonly string[], fields?: Fields): Promise<SummaryDoc[]> {
  if (months.length === 0) return [];
  const _ = db.command;
  if (depthOf(unit) === 0) {
    const [rollups, own] = await Promise.all([
      readByMonths(db, months, (chunk) => ({ span: 'township', orgPath: unit.orgCode, month: _.in(chunk) }), fields),
      readOwn(db, unit, months, fields),
    ]);
    return [...rollups, ...own];
  }
  const docs = await readByMonths(db, months, (chunk) => ({ orgPath: unit.orgCode, month: _.in(chunk) }), fields);
  return docs.filter((doc) => doc.span !== 'township');
}

/** Summaries that add up to the unit and everything below it: a township's roll-ups by id, else readParts. */
export async function readTree(db: Database, unit: SummaryUnit, months: readonly string[], fields?: Fields): Promise<SummaryDoc[]> {
  if (months.length === 0) return [];
  if (depthOf(unit) !== 1) return readParts(db, unit, months, fields);
  return readByIds(
    db,
    months.map((month) => rollupId(unit, month)),
    fields,
  );
}

/**
 * How deep a unit (code and path from the top down to itself) sits, which decides the summaries that add
 * up to it: 0 for the top unit (the county), 1 for a township …; a path that does not end with the unit reads as deep
 * (the summaries of units below it, never a roll-up).
 */
const depthOf = (unit: SummaryUnit): number => (unit.orgPath[unit.orgPath.length - 1] === unit.orgCode ? unit.orgPath.length - 1 : Number.POSITIVE_INFINITY);
