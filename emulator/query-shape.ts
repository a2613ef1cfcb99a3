/**
 * The shape of a database query (which fields it filters, how, and what it sorts by), recorded by
 * the gateway so tests can hold the code to the indexes declared in cloudbase/database.json.
 *
 * Recording is on when the gateway process has `FAZHI_QUERY_LOG=<file>`: every getDocument,
 * calculateDocument, modify/remove by WHERE and aggregateDocuments (its leading $match and the
 * $sort right after) appends one JSON line. Values are never recorded, only field names and the
 * kind of test: `eq` (equality, $in: an index seek), `range` ($gt/$gte/$lt/$lte: an index range),
 * `other` ($ne, $nin, $exists, regexes …: no index bound).
 *
 * `servingIndex` answers whether a declared index can serve a shape, by MongoDB's prefix rule: an
 * index is used when its first key is a field the query bounds (eq or range); a query on `_id` is
 * served by the built-in `_id` index. Every branch of an `$or` must be served on its own. A read of
 * the whole collection (no filter) is a deliberate full read, served in the order of `_id` or of an
 * index that starts with its first sort field.
 */
import { appendFileSync } from 'node:fs';
import { isPlainObject } from './ejson';

export type FieldTest = 'eq' | 'range' | 'other';

export interface QueryShape {
  collection: string;
  action: string;
  /** Field → how the query tests it; fields of an `$and` merged. */
  fields: Record<string, FieldTest>;
  /** Alternatives of a top-level `$or`, each a shape of its own. */
  or?: Array<Record<string, FieldTest>>;
  sort: string[];
}

export interface DeclaredIndex {
  name: string;
  keys: Array<{ field: string; direction: 1 | -1 }>;
  unique?: boolean;
}

const EQ_OPS = new Set(['$eq', '$in']);
const RANGE_OPS = new Set(['$gt', '$gte', '$lt', '$lte']);

function testOf(value: unknown): FieldTest {
  if (value instanceof RegExp) return 'other';
  if (!isPlainObject(value)) return 'eq';
  const ops = Object.keys(value);
  if (ops.length === 0 || !ops.every((op) => op.startsWith('$'))) return 'eq';
  if (ops.some((op) => EQ_OPS.has(op))) return 'eq';
  if (ops.some((op) => RANGE_OPS.has(op))) return 'range';
  return 'other';
}

const STRONGER: Record<FieldTest, number> = { eq: 2, range: 1, other: 0 };

function merge(into: Record<string, FieldTest>, field: string, test: FieldTest): void {
  const had = into[field];
  if (!had || STRONGER[test] > STRONGER[had]) into[field] = test;
}

/** Fields of a (decoded) filter; `$and` merged, `$or` kept as alternatives. */
export function filterShape(criteria: unknown): { fields: Record<string, FieldTest>; or?: Array<Record<string, FieldTest>> } {
  const fields: Record<string, FieldTest> = {};
  let or: Array<Record<string, FieldTest>> | undefined;
  if (!isPlainObject(criteria)) return { fields };
  for (const [key, value] of Object.entries(criteria)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) {
        const inner = filterShape(part);
        for (const [f, t] of Object.entries(inner.fields)) merge(fields, f, t);
        if (inner.or) or = inner.or;
      }
    } else if ((key === '$or' || key === '$nor') && Array.isArray(value)) {
      if (key === '$or') or = value.map((branch) => filterShape(branch).fields);
    } else if (!key.startsWith('$')) {
      merge(fields, key, testOf(value));
    }
  }
  return or ? { fields, or } : { fields };
}

/** Sort fields of an SDK `order` ([{field, direction}]) or a `$sort` stage ({field: 1}). */
export function sortShape(order: unknown): string[] {
  if (Array.isArray(order)) return order.map((o) => (o as { field?: unknown })?.field).filter((f): f is string => typeof f === 'string');
  if (isPlainObject(order)) return Object.keys(order);
  return [];
}

/** The index (declared, or `_id`) that can serve the query's filter, or undefined: a collection scan. */
export function servingIndex(shape: Pick<QueryShape, 'fields' | 'or' | 'sort'>, indexes: readonly DeclaredIndex[]): string | undefined {
  if (Object.keys(shape.fields).length === 0 && !shape.or) {
    const first = shape.sort[0];
    if (first === undefined || first === '_id') return '_id_';
    return indexes.find((ix) => ix.keys[0]?.field === first)?.name;
  }
  const bounds = (fields: Record<string, FieldTest>, field: string): boolean => fields[field] === 'eq' || fields[field] === 'range';
  const serve = (fields: Record<string, FieldTest>): string | undefined => {
    if (bounds(fields, '_id')) return '_id_';
    return indexes.find((ix) => ix.keys.length > 0 && bounds(fields, ix.keys[0].field))?.name;
  };
  const own = serve(shape.fields);
  if (own || !shape.or) return own;
  const branches = shape.or.map((branch) => serve({ ...shape.fields, ...branch }));
  return branches.every(Boolean) ? branches.join('|') : undefined;
}

const logFile = (): string | undefined => process.env.FAZHI_QUERY_LOG || undefined;

/** Appends a shape to FAZHI_QUERY_LOG when recording is on; never fails the query. */
export function recordQuery(shape: QueryShape): void {
  const file = logFile();
  if (!file) return;
  try {
    appendFileSync(file, `${JSON.stringify(shape)}\n`);
  } catch {
    // Recording is a test aid; a full disk must not fail the database.
  }
}

export const recording = (): boolean => logFile() !== undefined;
