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
import type { RecordKind } from '../../../src/domain/records/kinds';
import { inTransaction, type Database } from '../cloudbase';
import type { StoredRecord } from '../records/views';
import { readStored, writeRecords, type Author, type RecordWrite } from './records';

/**
 * Rows per transaction: each row writes its record and a history entry, besides the guards and
 * summaries the batch shares; CloudBase transactions are meant for a handful of documents, not hundreds.
 */
export const IMPORT_BATCH = 10;

export interface ImportRow {
  kind: RecordKind;
  id: string;
  /**
   * The import found no such record when it planned: the batch does not read it again (most rows of a
   * first import are new, and a read per row is most of the cost). A rerun plans again, so a row its
   * failed run wrote is then found, and matched.
   */
  absent?: boolean;
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
      const writes: RecordWrite[] = [];
      for (const row of batch) {
        const current = row.absent ? null : await readStored(tx, row.kind, row.id);
        const next = row.apply(current);
        if (next) writes.push({ kind: row.kind, before: current, action: 'import', ...next });
      }
      if (writes.length > 0) await writeRecords(tx, writes, author, now);
      return writes.length;
    });
  }
  return written;
}
