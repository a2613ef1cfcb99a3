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
export const IMPORT_BATCH = 500;

/**
 * Batches written at the same time. Each holds rows of one township (its villages' and its own); while
 * one batch's requests are on their way, another's are being answered. Year guards, 月报 and unit
 * summaries are per unit, records and history per record, and a township's roll-up per month: batches
 * that would write the same one never run at once (see importRows), as two transactions writing one
 * document conflict and the loser's whole batch is written again.
 */
export const IMPORT_CONCURRENCY = 3;

export interface ImportRow {
  kind: RecordKind;
  id: string;
  /** The record's unit after the write, and before it if an edit moves it: whose guards and summaries it touches. */
  units: readonly string[];
  /** The township roll-ups (summary ids) the record adds to, after the write and before it. */
  rollups: readonly string[];
  /** Whose batches the row joins: the record's township (the unit itself above any township). */
  township: string;
  /**
   * What the row makes of the record as stored when its batch writes (null: no such record): the
   * write's content, or null when there is nothing to write (the record already matches the row).
   */
  apply(current: StoredRecord | null): Pick<RecordWrite, 'content' | 'recorderName'> | null;
}

interface Batch {
  rows: ImportRow[];
  /** The documents other batches may write too: its units' (guards, 月报, summaries) and its roll-ups. */
  shared: Set<string>;
}

/**
 * The rows in batches of one township each, in the rows' order within it. A township's batches share
 * its roll-ups, so they are written one after another anyway: its villages' rows fill batches together
 * rather than each village a few small ones (a batch's guards, reads and roll-ups cost the same
 * whether it holds 50 rows or 500).
 */
function batchesOf(rows: readonly ImportRow[]): Batch[] {
  const byTownship = new Map<string, ImportRow[]>();
  for (const row of rows) {
    const list = byTownship.get(row.township) ?? [];
    list.push(row);
    byTownship.set(row.township, list);
  }
  const batches: Batch[] = [];
  for (const townshipRows of byTownship.values()) {
    for (let start = 0; start < townshipRows.length; start += IMPORT_BATCH) {
      const batch = townshipRows.slice(start, start + IMPORT_BATCH);
      batches.push({ rows: batch, shared: new Set(batch.flatMap((row) => [...row.units.map((unit) => `unit:${unit}`), ...row.rollups])) });
    }
  }
  return batches;
}

/**
 * Writes the rows that change anything, batch by batch, up to IMPORT_CONCURRENCY batches at a time;
 * answers how many records were written. Two batches that would write one document — of one unit,
 * or adding to one township's roll-up of a month — never run at once: a batch waiting for another
 * costs nothing, a conflict costs the loser's whole transaction. So batches of different townships
 * run side by side, and those of one township too when their months differ. When a batch fails, no
 * more are started, the running ones finish, and the failure is thrown.
 */
export async function importRows(db: Database, rows: readonly ImportRow[], author: Author, now: Date): Promise<number> {
  const pending = batchesOf(rows);
  const busy = new Set<string>();
  const running = new Set<Promise<void>>();
  let written = 0;
  let failed: { error: unknown } | undefined;
  while (running.size > 0 || (pending.length > 0 && !failed)) {
    for (let i = 0; i < pending.length && running.size < IMPORT_CONCURRENCY && !failed;) {
      const batch = pending[i];
      if ([...batch.shared].some((key) => busy.has(key))) {
        i += 1;
        continue;
      }
      pending.splice(i, 1);
      for (const key of batch.shared) busy.add(key);
      const done: Promise<void> = writeBatch(db, batch.rows, author, now)
        .then(
          (n) => void (written += n),
          (error: unknown) => void (failed ??= { error }),
        )
        .finally(() => {
          for (const key of batch.shared) busy.delete(key);
          running.delete(done);
        });
      running.add(done);
    }
    if (running.size > 0) await Promise.race(running);
  }
  if (failed) throw failed.error;
  return written;
}

/** One batch in one transaction: the rows that change anything, with everything the store writes beside them. */
function writeBatch(db: Database, batch: readonly ImportRow[], author: Author, now: Date): Promise<number> {
  return inTransaction(db, async (tx) => {
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
