/**
 * Records dated in a closed year may not change (period close, see ../period-close.ts): which dates a
 * change touches is decided there, for imports and for the app alike.
 */
import { KINDS, type RecordKind } from '../../../src/domain/records/kinds';
import type { Database } from '../cloudbase';
import { assertOpen, closedYearsOn, loadCloses, touchedDates } from '../period-close';

export async function assertPeriodsOpen(
  db: Database,
  kind: RecordKind,
  orgPath: readonly string[],
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Promise<void> {
  const collection = KINDS[kind].collection;
  // The roster is a snapshot: a change matters to a closed year only if it changes who served on its last day.
  const closedYears = kind === 'person' ? closedYearsOn(await loadCloses(db), [orgPath]) : [];
  await assertOpen(db, orgPath, touchedDates(collection, before, after, closedYears));
}
