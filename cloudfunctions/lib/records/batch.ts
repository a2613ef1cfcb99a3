/**
 * A batch of record writes (the outbox's sync): each write goes through saveRecord — the same path,
 * checks, history and transaction as a single write — one after the other in the order sent (a
 * reception may name a petition saved just before it), and each gets its own answer: a refused
 * write answers its error and the others are still saved.
 */
import { MAX_BATCH_WRITES, type RecordWrite, type WriteAnswer } from '../../../src/domain/contract/records';
import type { Database } from '../cloudbase';
import type { Caller } from '../caller';
import { AppError, toErrorAnswer } from '../errors';
import { saveRecord } from './save';

export async function saveBatch(db: Database, caller: Caller, writes: readonly RecordWrite[], now: Date): Promise<WriteAnswer[]> {
  if (writes.length > MAX_BATCH_WRITES) throw new AppError('BATCH_TOO_LARGE');
  const results: WriteAnswer[] = [];
  for (const write of writes) {
    const request =
      write.action === 'update' ? { kind: write.kind, record: write.record, baseVersion: write.baseVersion } : { kind: write.kind, record: write.record };
    try {
      results.push({ record: await saveRecord(db, caller, request, now) });
    } catch (error) {
      results.push(toErrorAnswer(error));
    }
  }
  return results;
}
