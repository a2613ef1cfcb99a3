/**
 * Test helpers: read a CSV ledger folder from shared/fixtures, and compute figures over parsed records
 * by running the domain's pipelines through mingo — an in-memory stand-in for the database, for unit
 * tests only.
 */
import { join } from 'path';
import { Aggregator } from 'mingo';
import { readCsvFolder } from '../../../../scripts/ledger-files';
import type { LedgerDoc } from '@/domain/ledger/parse';
import type { Collection } from '@/domain/records/common';
import { mustParsePeriod } from '@/domain/period';
import { pipelinesFor } from '@/domain/indicators/pipeline';
import { assemble, type AggregateRows } from '@/domain/indicators/assemble';
import type { Figures } from '@/domain/indicators/types';

/** A copy of shared/fixtures kept in the repository, so a fresh clone tests the same ledger. */
export const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures');
export { readCsvFolder };

export type Db = Partial<Record<Collection, readonly LedgerDoc[]>>;

export function aggregateRows(db: Db, org: string, periodText: string, ids?: readonly string[]): AggregateRows {
  const rows: AggregateRows = {};
  for (const { collection, pipeline } of pipelinesFor(org, mustParsePeriod(periodText), ids)) {
    rows[collection] = new Aggregator(pipeline, {}).run([...(db[collection] ?? [])]);
  }
  return rows;
}

export function figuresOf(db: Db, org: string, periodText: string, ids?: readonly string[]): Figures {
  return assemble(aggregateRows(db, org, periodText, ids), ids);
}
