/**
 * Reading whole result sets. CloudBase answers at most 1000 documents per `get`, so every read that
 * may be larger pages through it ordered by `_id`; nothing here assumes a collection is small.
 */
import type { Database } from '../cloudbase';

/** The most CloudBase returns per `get`. */
export const PAGE = 1000;

type Where = Parameters<ReturnType<Database['collection']>['where']>[0];
export type Doc = { _id: string } & Record<string, unknown>;

/** A projection: the fields (dotted paths allowed) to answer; `_id` always comes. */
export type Fields = Record<string, true>;

/** Every document matching `where` (all of the collection when omitted), in `_id` order; only `fields` when given. */
export async function readAll(db: Database, collection: string, where?: Where, fields?: Fields): Promise<Doc[]> {
  const out: Doc[] = [];
  for (;;) {
    const base = db.collection(collection);
    const filtered = where === undefined ? base : base.where(where);
    const query = fields ? filtered.field(fields) : filtered;
    const { data } = await query.orderBy('_id', 'asc').skip(out.length).limit(PAGE).get();
    out.push(...(data as Doc[]));
    if (data.length < PAGE) return out;
  }
}
