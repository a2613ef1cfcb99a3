/** Reading one stored record by id, in or out of a transaction. */
import { readOne, withoutId, type Database, type Transaction } from '../cloudbase';
import type { StoredRecord } from './views';

export const readRecord = (source: Database | Transaction, collection: string, id: string): Promise<StoredRecord | null> =>
  readOne<StoredRecord>(source, collection, id);

/** The stored document without its `_id`, as `doc(id).set()` takes it. */
export const bodyOf = (doc: StoredRecord): Omit<StoredRecord, '_id'> => withoutId(doc);
