/**
 * Derived data kept exact with every record write. The record store calls `updateDerived` inside the
 * write's transaction with what changed, so derived data (per unit × month summaries, …) can never
 * disagree with the records: both commit, or neither does.
 */
import type { Transaction } from '../cloudbase';
import type { RecordKind } from '../../../src/domain/records/kinds';
import { updateSummaries } from '../summaries/store';

/** One record's change as the store wrote it. */
export interface RecordChange {
  kind: RecordKind;
  /** The stored document before the write; null when the write created it. */
  before: Readonly<Record<string, unknown>> | null;
  /** The stored document after the write (a soft delete has `deleted: true`); null when removed for good. */
  after: Readonly<Record<string, unknown>> | null;
}

export type DerivedUpdater = (tx: Transaction, changes: readonly RecordChange[]) => Promise<void>;

/** Every updater of derived data, in the order they run. */
const UPDATERS: readonly DerivedUpdater[] = [updateSummaries];

export async function updateDerived(tx: Transaction, changes: readonly RecordChange[]): Promise<void> {
  if (changes.length === 0) return;
  for (const update of UPDATERS) await update(tx, changes);
}
