/**
 * Mongo query language over in-memory documents, through mingo.
 *
 * Inputs arrive as EJSON strings already decoded by ejson.ts (RegExps, Dates and server dates are
 * real JS values by now). `get` applies filter → order → offset → limit → projection, the order
 * MongoDB's find uses. Limits follow CloudBase: 100 when unset, at most 1000.
 */
import { Query, find } from 'mingo';
import type { Doc } from './ejson';
import { isPlainObject } from './ejson';
import { invalidParam } from './errors';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export type Criteria = Record<string, unknown>;

/** A compiled predicate; mingo throws here on unknown operators (→ SYS_ERR, as the captures show). */
export function compile(criteria: Criteria | undefined): (doc: Doc) => boolean {
  if (!criteria || Object.keys(criteria).length === 0) return () => true;
  const q = new Query(criteria);
  return (doc) => q.test(doc);
}

/**
 * When the criteria pin `_id` to one scalar, the document can be fetched by key instead of scanning
 * (doc().get/update/remove always look like this). Returns undefined when a scan is needed.
 */
export function pinnedId(criteria: Criteria | undefined): { id: unknown } | undefined {
  if (!criteria || !('_id' in criteria)) return undefined;
  const v = criteria._id;
  if (typeof v === 'string' || typeof v === 'number') return { id: v };
  if (isPlainObject(v) && Object.keys(v).length === 1 && '$eq' in v) {
    const eq = v.$eq;
    if (typeof eq === 'string' || typeof eq === 'number') return { id: eq };
  }
  return undefined;
}

export interface Window {
  order?: Record<string, unknown>;
  offset: number;
  limit: number;
  projection?: Record<string, unknown>;
}

/** Reads offset/limit the way the SDK sends them; explicit limits above 1000 are capped, not refused. */
export function windowOf(body: Record<string, unknown>, decoded: { order?: unknown; projection?: unknown }): Window {
  const offset = body.offset === undefined ? 0 : Number(body.offset);
  const rawLimit = body.limit === undefined || body.limit === null ? DEFAULT_LIMIT : Number(body.limit);
  if (!Number.isInteger(offset) || offset < 0) throw invalidParam('offset must be a non-negative integer');
  if (!Number.isInteger(rawLimit) || rawLimit < 0) throw invalidParam('limit must be a non-negative integer');
  const limit = rawLimit === 0 ? DEFAULT_LIMIT : Math.min(rawLimit, MAX_LIMIT);
  const order = isPlainObject(decoded.order) && Object.keys(decoded.order).length > 0 ? decoded.order : undefined;
  const projection = isPlainObject(decoded.projection) && Object.keys(decoded.projection).length > 0 ? decoded.projection : undefined;
  return { order, offset, limit, projection };
}

/** Applies order/offset/limit/projection to already-filtered documents. */
export function applyWindow(docs: Doc[], w: Window): Doc[] {
  if (!w.order && !w.projection) return docs.slice(w.offset, w.offset + w.limit);
  let cursor = find(docs, {}, w.projection);
  if (w.order) cursor = cursor.sort(w.order as Record<string, 1 | -1>);
  return cursor.skip(w.offset).limit(w.limit).all() as Doc[];
}
