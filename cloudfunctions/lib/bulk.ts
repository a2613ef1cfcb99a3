/**
 * Bulk writes for setup and import: documents that already carry their `_id`, inserted in batches so a
 * ledger of thousands of rows is a few requests, not thousands.
 */
import type { Database } from './cloudbase';

const BATCH = 200;

export async function insertMany(db: Database, collection: string, docs: readonly Record<string, unknown>[]): Promise<number> {
  for (let start = 0; start < docs.length; start += BATCH) {
    await db.collection(collection).add(docs.slice(start, start + BATCH) as Record<string, unknown>[]);
  }
  return docs.length;
}
