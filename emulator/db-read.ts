/**
 * Reads: getDocument (WHERE or DOC), calculateDocument, aggregateDocuments.
 *
 * Reads never wait. Inside a transaction every document returned is recorded (its version, for
 * the write-conflict check, and its content, the transaction's snapshot of it; transactions.ts). Answers carry documents as canonical EJSON strings: the SDK EJSON-parses each list item.
 */
import { decode, encode, type Doc } from './ejson';
import { compile, pinnedId, applyWindow, windowOf, type Criteria, type Window } from './query';
import type { Session } from './session';
import { keyOf } from './store';
import { idPoints } from './query-plan';
import { collName, criteriaOf, type Body } from './db-write';
import { parseStages, runPipeline } from './aggregate';
import { uncancellable, type Work } from './work';

const maybeDecode = (v: unknown, now: number): unknown => (typeof v === 'string' && v !== '' ? decode(v, now) : v);

export async function getDocuments(session: Session, body: Body, now: number, work: Work = uncancellable()): Promise<Body> {
  const coll = collName(body);
  const criteria = criteriaOf(body, now);
  const w = windowOf(body, { order: maybeDecode(body.order, now), projection: maybeDecode(body.projection, now) });
  const match = compile(criteria);
  session.store.collection(coll);
  const pinned = pinnedId(criteria);
  if (!pinned && !session.inTransaction) {
    const page = pageByIndex(session, coll, criteria, w, match);
    if (page) return { list: applyWindow(page, { ...w, order: undefined, offset: 0 }).map(encode), offset: w.offset, limit: w.limit };
  }
  if (session.inTransaction && !pinned) {
    // Documents named by an `_id` list are part of the snapshot whether they exist or not, as with
    // doc().get(): one created by another transaction after this read conflicts with this one's write.
    for (const id of idPoints(criteria) ?? []) session.observe(coll, keyOf(id));
  }
  let found: Array<[string, Doc]>;
  if (pinned) {
    const key = keyOf(pinned.id);
    session.observe(coll, key);
    const doc = session.read(coll, key);
    found = doc && match(doc) ? [[key, doc]] : [];
  } else {
    found = await work.filter(session.candidates(coll, criteria), ([, d]) => match(d));
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

/**
 * A page in the requested order straight from a declared index (no sort of all matches), or
 * undefined when no index gives that order. Without an order, natural order: the first matches.
 */
function pageByIndex(session: Session, coll: string, criteria: Criteria | undefined, w: Window, match: (d: Doc) => boolean): Doc[] | undefined {
  const need = w.offset + w.limit;
  let source: Iterable<[string, Doc]> | undefined;
  if (w.order) {
    const sort = Object.entries(w.order).map(([f, d]): [string, number] => [f, d === -1 ? -1 : 1]);
    source = session.store.sortedCandidates(coll, criteria, sort, match);
  }
  if (!source) return undefined;
  const page: Doc[] = [];
  let seen = 0;
  for (const [, d] of source) {
    if (seen >= need) break;
    if (!match(d)) continue;
    if (seen++ >= w.offset) page.push(d);
  }
  return page;
}

export async function countDocuments(session: Session, body: Body, now: number, work: Work = uncancellable()): Promise<Body> {
  const coll = collName(body);
  const criteria = criteriaOf(body, now);
  const match = compile(criteria);
  const found = await work.filter(session.candidates(coll, criteria), ([, d]) => match(d));
  return { total: found.length };
}

export async function aggregateDocuments(session: Session, body: Body, now: number, work: Work = uncancellable()): Promise<Body> {
  const coll = collName(body);
  const rows = await runPipeline(session.store, coll, parseStages(body.stages, now), work);
  return { list: rows.map(encode) };
}
