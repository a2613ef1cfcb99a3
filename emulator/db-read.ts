/**
 * Reads: getDocument (WHERE or DOC), calculateDocument, aggregateDocuments.
 *
 * Reads never wait. Inside a transaction every document returned is recorded (its version, for
 * the write-conflict check, and its content, the transaction's snapshot of it; transactions.ts). Answers carry documents as canonical EJSON strings: the SDK EJSON-parses each list item.
 */
import { decode, encode, type Doc } from './ejson';
import { compile, pinnedId, applyWindow, windowOf } from './query';
import type { Session } from './session';
import { keyOf } from './store';
import { collName, criteriaOf, type Body } from './db-write';
import { parseStages, runPipeline } from './aggregate';

const maybeDecode = (v: unknown, now: number): unknown => (typeof v === 'string' && v !== '' ? decode(v, now) : v);

export async function getDocuments(session: Session, body: Body, now: number): Promise<Body> {
  const coll = collName(body);
  const criteria = criteriaOf(body, now);
  const w = windowOf(body, { order: maybeDecode(body.order, now), projection: maybeDecode(body.projection, now) });
  const match = compile(criteria);
  session.store.collection(coll);
  const pinned = pinnedId(criteria);
  let found: Array<[string, Doc]>;
  if (pinned) {
    const key = keyOf(pinned.id);
    session.observe(coll, key);
    const doc = session.read(coll, key);
    found = doc && match(doc) ? [[key, doc]] : [];
  } else {
    found = session.candidates(coll, criteria).filter(([, d]) => match(d));
  }
  if (session.inTransaction) {
    // Record what the caller could have seen (before windowing: order/offset depend on all of it).
    for (const [k] of found) session.observe(coll, k);
  }
  const list = applyWindow(
    found.map(([, d]) => d),
    w,
  ).map(encode);
  return { list, offset: w.offset, limit: w.limit };
}

export function countDocuments(session: Session, body: Body, now: number): Body {
  const coll = collName(body);
  const criteria = criteriaOf(body, now);
  const match = compile(criteria);
  let total = 0;
  for (const [, d] of session.candidates(coll, criteria)) if (match(d)) total++;
  return { total };
}

export function aggregateDocuments(session: Session, body: Body, now: number): Body {
  const coll = collName(body);
  const rows = runPipeline(session.store, coll, parseStages(body.stages, now));
  return { list: rows.map(encode) };
}
