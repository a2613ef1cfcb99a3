/**
 * Update semantics of `modifyDocument` / `modifyAndReturnDoc`.
 *
 * - merge:true + operator document (`$set $inc $mul $unset $push $pull $addToSet $pop $rename $min
 *   $max …`) → applied by mingo's updater on a copy of the stored document. Plain fields without an
 *   operator (other clients may send them) are treated as `$set`.
 * - merge:false → the document is replaced by `data`, keeping its `_id` (doc().set()).
 * `changed` reports whether anything actually changed: CloudBase's `updated` counts modified
 * documents, so an update writing identical values reports 0 (a replace always counts).
 */
import { update as mingoUpdate } from 'mingo';
import { deepClone, encode, isPlainObject, type Doc } from './ejson';
import { invalidParam } from './errors';
import type { Criteria } from './query';

export interface UpdateResult {
  doc: Doc;
  changed: boolean;
}

function splitOperators(data: Doc): Doc {
  const keys = Object.keys(data);
  const ops = keys.filter((k) => k.startsWith('$'));
  if (ops.length === keys.length) return data;
  if (ops.length > 0) throw invalidParam('update data mixes operators and plain fields');
  return { $set: data };
}

function assertIdUnchanged(before: Doc, after: Doc): void {
  if (encode(before._id) !== encode(after._id)) throw invalidParam('不能更新_id的值 (_id is immutable)');
}

/** Applies `data` to a copy of `doc`; the stored object is never touched. */
export function applyUpdate(doc: Doc, data: Doc, merge: boolean): UpdateResult {
  if (!merge) return { doc: replacement(doc._id, data), changed: true };
  const modifier = splitOperators(data);
  const next = deepClone(doc);
  // mingo's typed Modifier is generic over the document; our documents are untyped records.
  const paths = mingoUpdate(next, modifier as Parameters<typeof mingoUpdate>[1]);
  assertIdUnchanged(doc, next);
  return { doc: paths.length > 0 ? next : doc, changed: paths.length > 0 };
}

/** A whole new document body with `_id` first, as CloudBase returns it. */
export function replacement(id: unknown, data: Doc): Doc {
  const { _id: _ignored, ...rest } = data;
  return { _id: id, ...deepClone(rest) };
}

/**
 * The document an upsert creates when nothing matched: the query's plain equality fields (Mongo's
 * rule), then the update applied on top.
 */
export function upsertBase(criteria: Criteria | undefined, id: unknown): Doc {
  const base: Doc = { _id: id };
  for (const [k, v] of Object.entries(criteria ?? {})) {
    if (k.startsWith('$') || k === '_id') continue;
    if (isPlainObject(v) && Object.keys(v).some((x) => x.startsWith('$'))) continue;
    setPath(base, k, deepClone(v));
  }
  return base;
}

function setPath(target: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur: Doc = target;
  for (const p of parts.slice(0, -1)) {
    if (!isPlainObject(cur[p])) cur[p] = {};
    cur = cur[p] as Doc;
  }
  cur[parts[parts.length - 1]] = value;
}
