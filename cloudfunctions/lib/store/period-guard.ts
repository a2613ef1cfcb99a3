/**
 * Records dated in a closed year may not change (period close, ../period-close.ts decides which dates a
 * change touches). Checked inside the write's transaction, in this order: first the year guards of
 * every unit and year the writes touch are written (../year-guards.ts), then the closes are read in the
 * same transaction. A close that committed before is seen; one that commits later writes the same
 * guards and conflicts with the write, so one of the two is re-run and sees the other.
 */
import { KINDS } from '../../../src/domain/records/kinds';
import type { Transaction } from '../cloudbase';
import { CLOSES, closeBlocking, closedYearsOn, guardedYears, periodClosedError, touchedDates, type PeriodCloseDoc } from '../period-close';
import { guardRosterWrite, guardWrite, unitsOf } from '../year-guards';
import type { RecordChange } from './derived';
import { PAGE } from '../ledger/read';

/** The closes of these units, in the transaction: one request for all (a page per thousand closes). */
async function closesOf(tx: Transaction, codes: readonly string[]): Promise<PeriodCloseDoc[]> {
  const closes: PeriodCloseDoc[] = [];
  if (codes.length === 0) return closes;
  for (;;) {
    const { data } = await tx
      .collection(CLOSES)
      .where({ orgCode: tx.command.in([...codes]), closed: true })
      .orderBy('_id', 'asc')
      .skip(closes.length)
      .limit(PAGE)
      .get();
    closes.push(...(data as PeriodCloseDoc[]));
    if (data.length < PAGE) return closes;
  }
}

const pathOf = (doc: Readonly<Record<string, unknown>> | null): string[] | null => (Array.isArray(doc?.orgPath) ? (doc.orgPath as string[]) : null);

/** Throws PERIOD_CLOSED when a close covers any of the changes; writes the year guards first. */
export async function assertYearsOpen(tx: Transaction, changes: readonly RecordChange[], now: Date): Promise<void> {
  const guards = new Map<string, { orgCode: string; year: number }>();
  const rosterUnits = new Set<string>();
  for (const { kind, before, after } of changes) {
    const years = guardedYears(KINDS[kind].collection, before, after, now);
    if (years.length === 0) continue;
    // A roster change touches the snapshots of many years at once: its units' roster guards stand for them.
    if (kind === 'person') for (const orgCode of unitsOf(before, after)) rosterUnits.add(orgCode);
    else for (const year of years) for (const orgCode of unitsOf(before, after)) guards.set(`${orgCode}:${year}`, { orgCode, year });
  }
  // Nothing dated changes (an edit of an undated field, a roster change no year can see): no close can object.
  if (guards.size === 0 && rosterUnits.size === 0) return;
  const at = now.toISOString();
  await guardWrite(tx, [...guards.values()], at);
  await guardRosterWrite(tx, [...rosterUnits], at);

  const codes = [...new Set(changes.flatMap(({ before, after }) => [...(pathOf(before) ?? []), ...(pathOf(after) ?? [])]))];
  const closes = await closesOf(tx, codes);
  if (closes.length === 0) return;
  for (const { kind, before, after } of changes) {
    const paths = [pathOf(before), pathOf(after)].filter((path): path is string[] => path !== null);
    // The roster is a snapshot: a change matters to a closed year only if it changes who served on its last day.
    const dates = touchedDates(KINDS[kind].collection, before, after, closedYearsOn(closes, paths));
    const blocking = closeBlocking(closes, paths, dates);
    if (blocking) throw periodClosedError(blocking);
  }
}
