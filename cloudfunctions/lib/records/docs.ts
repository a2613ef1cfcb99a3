/** Reading one stored record by id, in or out of a transaction. */
import type { Database, Transaction } from '../cloudbase';
import type { StoredRecord } from './views';

export async function readRecord(source: Database | Transaction, collection: string, id: string): Promise<StoredRecord | null> {
  const { data } = await source.collection(collection).doc(id).get();
  // doc().get() answers a list outside a transaction and one document inside one.
  const doc = Array.isArray(data) ? data[0] : data;
  return (doc as StoredRecord | undefined) ?? null;
}

/** The stored document without its `_id`, as `doc(id).set()` takes it. */
export function bodyOf(doc: StoredRecord): Omit<StoredRecord, '_id'> {
  const { _id, ...body } = doc;
  void _id;
  return body;
}
