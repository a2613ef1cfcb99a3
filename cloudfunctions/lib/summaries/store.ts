/**
 * The summaries collection: one document per unit × month with the counters of every dated figure
 * (src/domain/summaries). The record store's hook (store/derived.ts) applies each write's change here,
 * in the write's transaction; figures read them by unit-path prefix and months.
 */
import { readOne, withoutId, type Database, type Transaction } from '../cloudbase';
import type { DerivedUpdater, RecordChange } from '../store/derived';
import { readAll } from '../ledger/read';
import { KINDS } from '../../../src/domain/records/kinds';
import { addChange, addCounters, hasCounts, isSummarised, type MonthCounts } from '../../../src/domain/summaries';

export const SUMMARIES = 'summaries';

/** A stored summary: its unit (code and path, as the records carry them), month and counters. */
export interface SummaryDoc {
  _id: string;
  orgCode: string;
  orgPath: string[];
  month: string;
  ok: MonthCounts['ok'];
  held: MonthCounts['held'];
}

export const docOf = (id: string, m: MonthCounts): SummaryDoc => ({
  _id: id,
  orgCode: m.unit.orgCode,
  orgPath: [...m.unit.orgPath],
  month: m.month,
  ok: m.ok,
  held: m.held,
});

export const countsOf = (doc: SummaryDoc): MonthCounts => ({
  unit: { orgCode: doc.orgCode, orgPath: doc.orgPath },
  month: doc.month,
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

/** Adds `delta` to the stored summaries, one read and one write per summary touched. */
export async function applyDelta(tx: Transaction, delta: ReadonlyMap<string, MonthCounts>): Promise<void> {
  for (const [id, change] of delta) {
    if (Object.keys(change.ok).length === 0 && Object.keys(change.held).length === 0) continue;
    const stored = await readOne<SummaryDoc>(tx, SUMMARIES, id);
    const next = stored ? countsOf(stored) : { ...change, ok: {}, held: {} };
    addCounters(next.ok, change.ok);
    addCounters(next.held, change.held);
    // A month left with nothing is removed, as a rebuild would never make it.
    if (!hasCounts(next.ok) && !hasCounts(next.held)) {
      if (stored) await tx.collection(SUMMARIES).doc(id).remove();
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

/** The summaries of a unit and every unit below it for these months. */
export async function readSummaries(db: Database, orgCode: string, months: readonly string[]): Promise<SummaryDoc[]> {
  if (months.length === 0) return [];
  const _ = db.command;
  return (await readAll(db, SUMMARIES, { orgPath: orgCode, month: _.in([...months]) })) as unknown as SummaryDoc[];
}
