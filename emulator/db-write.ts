/**
 * Writes: insertDocument, modifyDocument, modifyAndReturnDoc, removeDocument.
 *
 * Each handler first finds its target keys and claims them (inside a transaction this fails at once
 * when another transaction is writing one of them; transactions.ts), then reads and checks each
 * target and hands all changes to the session in one write, i.e. one SQLite transaction outside a
 * transaction. Handlers run synchronously after parsing, so each is atomic with respect to others.
 */
import { randomBytes } from 'node:crypto';
import { decode, isPlainObject, type Doc } from './ejson';
import { Codes, GatewayError, invalidParam } from './errors';
import { compile, pinnedId, type Criteria } from './query';
import type { Session } from './session';
import { keyOf, type WriteOp } from './store';
import { applyUpdate, replacement, upsertBase } from './update';

export type Body = Record<string, unknown>;

/** CloudBase-style ids: 32 hex digits. */
export const newId = (): string => randomBytes(16).toString('hex');

export function collName(body: Body): string {
  const c = body.collectionName;
  if (typeof c !== 'string' || c.length === 0 || c.length > 128) throw invalidParam('collectionName is required');
  return c;
}

export function criteriaOf(body: Body, now: number): Criteria | undefined {
  if (body.query === undefined || body.query === null || body.query === '') return undefined;
  const q = typeof body.query === 'string' ? decode(body.query, now) : body.query;
  if (!isPlainObject(q)) throw invalidParam('query must be an object');
  return q;
}

function dataObject(raw: unknown, now: number): Doc {
  const d = typeof raw === 'string' ? decode(raw, now) : raw;
  if (!isPlainObject(d)) throw invalidParam('data must be an object');
  return d;
}

/** Keys of the documents a query targets, in natural order (first only unless `multi`). */
export function targetKeys(session: Session, coll: string, criteria: Criteria | undefined, multi: boolean): string[] {
  const match = compile(criteria);
  const pinned = pinnedId(criteria);
  if (pinned) {
    const key = keyOf(pinned.id);
    const doc = session.read(coll, key);
    return doc && match(doc) ? [key] : [];
  }
  const keys: string[] = [];
  for (const [k, doc] of session.candidates(coll, criteria)) {
    if (!match(doc)) continue;
    keys.push(k);
    if (!multi) break;
  }
  return keys;
}

function claimAll(session: Session, coll: string, keys: string[]): void {
  for (const k of keys) session.claim(coll, k);
}

export async function insertDocuments(session: Session, body: Body, now: number): Promise<{ insertedIds: unknown[] }> {
  const coll = collName(body);
  session.store.collection(coll);
  const raw = Array.isArray(body.data) ? body.data : [body.data];
  if (raw.length === 0) throw invalidParam('data must not be empty');
  const docs = raw.map((r) => {
    const d = dataObject(r, now);
    const id = d._id ?? newId();
    if (typeof id !== 'string' && typeof id !== 'number') throw invalidParam('_id must be a string or a number');
    return replacement(id, d);
  });
  const keys = docs.map((d) => keyOf(d._id));
  claimAll(session, coll, keys);
  const seen = new Set<string>();
  keys.forEach((k, i) => {
    session.observe(coll, k);
    if (seen.has(k) || session.read(coll, k)) {
      throw new GatewayError(
        Codes.DUPLICATE_WRITE,
        `[DuplicateWrite] E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: ${JSON.stringify(docs[i]._id)} }`,
      );
    }
    seen.add(k);
  });
  session.write(docs.map((doc, i) => ({ coll, key: keys[i], doc })));
  return { insertedIds: docs.map((d) => d._id) };
}

interface ModifyOutcome {
  updated: number;
  upsertId?: unknown;
  lastDoc?: Doc;
}

async function modify(session: Session, body: Body, now: number, multi: boolean): Promise<ModifyOutcome> {
  const coll = collName(body);
  const criteria = criteriaOf(body, now);
  const data = dataObject(body.data, now);
  const merge = body.merge !== false;
  const match = compile(criteria);
  const keys = targetKeys(session, coll, criteria, multi);
  claimAll(session, coll, keys);
  const ops: WriteOp[] = [];
  let lastDoc: Doc | undefined;
  for (const key of keys) {
    session.observe(coll, key);
    const current = session.read(coll, key);
    if (!current || !match(current)) continue;
    const r = applyUpdate(current, data, merge);
    lastDoc = r.doc;
    if (r.changed) ops.push({ coll, key, doc: r.doc });
  }
  if (keys.length === 0 && body.upsert === true) {
    const id = pinnedId(criteria)?.id ?? newId();
    const key = keyOf(id);
    session.claim(coll, key);
    session.observe(coll, key);
    const doc = merge ? applyUpdate(upsertBase(criteria, id), data, true).doc : replacement(id, data);
    session.write([{ coll, key, doc }]);
    return { updated: 0, upsertId: id, lastDoc: doc };
  }
  session.write(ops);
  return { updated: ops.length, lastDoc };
}

export async function modifyDocument(session: Session, body: Body, now: number): Promise<Body> {
  const multi = body.queryType !== 'DOC' && body.multi !== false;
  // A replace (doc().set()) always counts as a change, so an existing document reports updated: 1.
  const r = await modify(session, body, now, multi);
  return r.upsertId === undefined ? { updated: r.updated } : { updated: r.updated, upsert_id: r.upsertId };
}

/** findOneAndUpdate with returnNewDocument: the first match, after the update. */
export async function modifyAndReturnDoc(session: Session, body: Body, now: number): Promise<{ updated: number; doc: Doc | null }> {
  const r = await modify(session, { ...body, upsert: false }, now, false);
  return { updated: r.updated, doc: r.lastDoc ?? null };
}

export async function removeDocuments(session: Session, body: Body, now: number): Promise<{ deleted: number }> {
  const coll = collName(body);
  const criteria = criteriaOf(body, now);
  const match = compile(criteria);
  const multi = body.queryType !== 'DOC' && body.multi !== false;
  const keys = targetKeys(session, coll, criteria, multi);
  claimAll(session, coll, keys);
  const ops: WriteOp[] = [];
  for (const key of keys) {
    session.observe(coll, key);
    const current = session.read(coll, key);
    if (current && match(current)) ops.push({ coll, key, doc: null });
  }
  session.write(ops);
  return { deleted: ops.length };
}
