/**
 * Records dated in a closed year may not change (period close, see ../period-close.ts): which dates a
 * change touches is decided there, for imports and for the app alike. Called inside the write's
 * transaction: it first writes the year guards (../year-guards.ts), so that a close landing while the
 * write is in flight conflicts with it instead of missing it.
 */
import { KINDS, type RecordKind } from '../../../src/domain/records/kinds';
import type { Database, Transaction } from '../cloudbase';
import { assertOpen, closedYearsOn, guardedYears, loadCloses, touchedDates } from '../period-close';
import { guardWrite, unitsOf } from '../year-guards';

export async function assertPeriodsOpen(
  db: Database,
  tx: Transaction,
  kind: RecordKind,
  orgPath: readonly string[],
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  now: Date,
): Promise<void> {
  const collection = KINDS[kind].collection;
  await guardWrite(tx, unitsOf(before, after), guardedYears(collection, before, after, now), now.toISOString());
  // The roster is a snapshot: a change matters to a closed year only if it changes who served on its last day.
  const closedYears = kind === 'person' ? closedYearsOn(await loadCloses(db), [orgPath]) : [];
  await assertOpen(db, orgPath, touchedDates(collection, before, after, closedYears));
}
