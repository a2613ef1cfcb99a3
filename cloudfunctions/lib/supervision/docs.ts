/** One document by id, in or out of a transaction (doc().get() answers a list outside one, a document inside). */
import type { Database, Transaction } from '../cloudbase';

export async function readOne<T>(source: Database | Transaction, collection: string, id: string): Promise<T | null> {
  const { data } = await source.collection(collection).doc(id).get();
  const doc = Array.isArray(data) ? data[0] : data;
  return (doc as T | undefined) ?? null;
}

/** A document as `doc(id).set()` takes it: without its `_id`. */
export function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id, ...body } = doc;
  void _id;
  return body;
}
