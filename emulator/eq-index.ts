/**
 * Equality indexes, built lazily: the first query with `field: <string|number|boolean>` on a
 * top-level field of a collection builds a value → keys map for that field, which Store.commit keeps
 * current. Queries then test only the candidate documents instead of the whole collection (the full
 * criteria are still evaluated by mingo on each candidate, so an index only narrows, never decides).
 * Arrays are indexed per element, as MongoDB's multikey indexes, because `{tags: 'b'}` matches
 * `tags: ['a', 'b']`. Null, dates, objects and dotted paths are not indexed (scan instead).
 */
import type { Doc } from './ejson';
import { isPlainObject } from './ejson';
import type { Criteria } from './query';

type Postings = Map<string, Set<string>>;

const valueKey = (v: unknown): string | undefined => {
  switch (typeof v) {
    case 'string':
      return `s${v}`;
    case 'number':
      return `n${v}`;
    case 'boolean':
      return `b${v}`;
    default:
      return undefined;
  }
};

function keysOf(doc: Doc | undefined, field: string): string[] {
  const v = doc?.[field];
  const vals = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const x of vals) {
    const k = valueKey(x);
    if (k !== undefined) out.push(k);
  }
  return out;
}

/** The first indexable `field: scalar` (or `field: {$eq: scalar}`) condition of the criteria. */
export function indexableCondition(criteria: Criteria | undefined): { field: string; key: string } | undefined {
  if (!criteria) return undefined;
  for (const [field, cond] of Object.entries(criteria)) {
    if (field.startsWith('$') || field.includes('.') || field === '_id') continue;
    const v = isPlainObject(cond) && Object.keys(cond).length === 1 && '$eq' in cond ? cond.$eq : cond;
    const key = valueKey(v);
    if (key !== undefined) return { field, key };
  }
  return undefined;
}

export class EqIndexes {
  /** collection → field → postings. */
  private readonly byColl = new Map<string, Map<string, Postings>>();

  /** Candidate keys for `field == value`, building the index on first use. */
  lookup(coll: string, docs: Map<string, { doc: Doc }>, field: string, key: string): Set<string> {
    let fields = this.byColl.get(coll);
    if (!fields) this.byColl.set(coll, (fields = new Map()));
    let postings = fields.get(field);
    if (!postings) {
      postings = new Map();
      for (const [k, e] of docs) for (const vk of keysOf(e.doc, field)) add(postings, vk, k);
      fields.set(field, postings);
    }
    return postings.get(key) ?? new Set();
  }

  /** Keeps every built index of the collection in step with one document change. */
  update(coll: string, key: string, before: Doc | undefined, after: Doc | undefined): void {
    const fields = this.byColl.get(coll);
    if (!fields) return;
    for (const [field, postings] of fields) {
      // Only touch postings whose membership changes, so unchanged ones keep insertion (natural) order.
      const was = new Set(keysOf(before, field));
      const now = new Set(keysOf(after, field));
      for (const vk of was) {
        if (now.has(vk)) continue;
        const set = postings.get(vk);
        set?.delete(key);
        if (set?.size === 0) postings.delete(vk);
      }
      for (const vk of now) if (!was.has(vk)) add(postings, vk, key);
    }
  }
}

function add(postings: Postings, vk: string, key: string): void {
  let set = postings.get(vk);
  if (!set) postings.set(vk, (set = new Set()));
  set.add(key);
}
