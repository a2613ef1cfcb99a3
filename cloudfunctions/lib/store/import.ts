/**
 * Bulk writes of records (the ledger import, ../ledger/import.ts) through the record store: rows go in
 * batches, each batch one transaction, so each row is written with its history entry, year guard,
 * supervision hooks and derived data, or not at all.
 *
 * Idempotent and resumable: every row names its record (the ledger's 编号), and a row is compared with
 * the record as stored at the moment its batch writes — a row the record already matches is skipped.
 * So when an import stops part-way (a batch failed, the connection dropped), the batches before are
 * written in full and the rest not at all, and running the same rows again writes exactly the rest.
 */
import { KINDS, type RecordKind } from '../../../src/domain/records/kinds';
import { inTransaction, readMany, type Database } from '../cloudbase';
import type { StoredRecord } from '../records/views';
import { writeRecords, type Author, type RecordWrite } from './records';

/**
 * Rows per transaction. A batch costs a handful of requests whatever its size — one read of its
 * records, one insert of the new ones, one of their history entries, the reads and writes of the few
 * year guards, 月报 and summaries its units' months share — plus one write per edited record; so
 * throughput comes from large batches. A batch stays well inside CloudBase's limits: a request of
 * a few hundred kilobytes, a transaction of a few hundred documents that commits in well under a second.
 */
export const IMPORT_BATCH = 200;

export interface ImportRow {
  kind: RecordKind;
  id: string;
  /**
   * What the row makes of the record as stored when its batch writes (null: no such record): the
   * write's content, or null when there is nothing to write (the record already matches the row).
   */
  apply(current: StoredRecord | null): Pick<RecordWrite, 'content' | 'recorderName'> | null;
}

/** Writes the rows that change anything, batch by batch; answers how many records were written. */
export async function importRows(db: Database, rows: readonly ImportRow[], author: Author, now: Date): Promise<number> {
  let written = 0;
  for (let start = 0; start < rows.length; start += IMPORT_BATCH) {
    const batch = rows.slice(start, start + IMPORT_BATCH);
    written += await inTransaction(db, async (tx) => {
      // Every row's record as stored now, in one read per kind: a rerun finds what a failed run wrote.
      const stored = new Map<RecordKind, Map<string, StoredRecord>>();
      for (const kind of new Set(batch.map((row) => row.kind))) {
        const ids = batch.filter((row) => row.kind === kind).map((row) => row.id);
        stored.set(kind, await readMany<StoredRecord>(tx, KINDS[kind].collection, ids));
      }
      const writes: RecordWrite[] = [];
      for (const row of batch) {
        const current = stored.get(row.kind)?.get(row.id) ?? null;
        const next = row.apply(current);
        if (next) writes.push({ kind: row.kind, before: current, action: 'import', ...next });
      }
      if (writes.length > 0) await writeRecords(tx, writes, author, now);
      return writes.length;
    });
  }
  return written;
}
