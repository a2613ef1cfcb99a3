/**
 * The `database.*` actions: picks the session (committed or the named transaction) and shapes answers
 * as the SDK reads them (`data: {...}` for document actions, a top-level `transactionId` for
 * startTransaction). A conflict raised inside a transaction's operation aborts that transaction
 * (TxnManager does it), so the SDK's retry starts from a clean slate. With FAZHI_QUERY_LOG set, the
 * shape of every query is recorded first (query-shape.ts).
 */
import { invalidParam } from './errors';
import { aggregateDocuments, countDocuments, getDocuments } from './db-read';
import { collName, insertDocuments, modifyAndReturnDoc, modifyDocument, removeDocuments, type Body } from './db-write';
import { CommittedSession, type Session } from './session';
import type { Store } from './store';
import type { TxnManager } from './transactions';
import { decode, encode } from './ejson';
import { criteriaOf } from './db-write';
import { parseStages } from './aggregate';
import { filterShape, recordQuery, recording, sortShape } from './query-shape';
import { uncancellable, type Work } from './work';

export interface DbContext {
  store: Store;
  txns: TxnManager;
  /** The request's work: long reads pause on it and stop when it is cancelled (work.ts). */
  work?: Work;
}

type Handler = (ctx: DbContext, body: Body, now: number) => Promise<Body> | Body;

function sessionFor(ctx: DbContext, body: Body): Session {
  const id = body.transactionId;
  if (id === undefined || id === null || id === '') return new CommittedSession(ctx.store);
  if (typeof id !== 'string') throw invalidParam('transactionId must be a string');
  return ctx.txns.get(id);
}

const withData =
  (fn: (s: Session, body: Body, now: number, work: Work) => Promise<Body> | Body): Handler =>
  async (ctx, body, now) => ({ data: await fn(sessionFor(ctx, body), body, now, ctx.work ?? uncancellable()) });

/** The filter and sort a request asks the database for; `_id` lookups (DOC) included. */
function recordShape(action: string, body: Body, now: number): void {
  const collection = typeof body.collectionName === 'string' ? body.collectionName : '';
  if (action === 'database.aggregateDocuments') {
    const stages = parseStages(body.stages, now);
    const matches: unknown[] = [];
    let i = 0;
    for (; i < stages.length && '$match' in stages[i]; i++) matches.push(stages[i].$match);
    const sort = i < stages.length && '$sort' in stages[i] ? sortShape(stages[i].$sort) : [];
    recordQuery({ collection, action, ...filterShape({ $and: matches }), sort });
    return;
  }
  const order = typeof body.order === 'string' && body.order !== '' ? decode(body.order, now) : body.order;
  recordQuery({ collection, action, ...filterShape(criteriaOf(body, now) ?? {}), sort: sortShape(order) });
}

const recorded =
  (action: string, handler: Handler): Handler =>
  (ctx, body, now) => {
    if (recording()) recordShape(action, body, now);
    return handler(ctx, body, now);
  };

function txnId(body: Body): string {
  if (typeof body.transactionId !== 'string' || body.transactionId === '') throw invalidParam('transactionId is required');
  return body.transactionId;
}

export const databaseActions: Record<string, Handler> = {
  'database.addCollection': (ctx, body) => {
    ctx.store.createCollection(collName(body));
    return {};
  },
  'database.insertDocument': withData(insertDocuments),
  'database.getDocument': recorded('database.getDocument', withData(getDocuments)),
  'database.calculateDocument': recorded('database.calculateDocument', withData(countDocuments)),
  'database.modifyDocument': recorded('database.modifyDocument', withData(modifyDocument)),
  'database.modifyAndReturnDoc': recorded(
    'database.modifyAndReturnDoc',
    withData(async (s, body, now) => {
      const r = await modifyAndReturnDoc(s, body, now);
      return r.doc ? { updated: r.updated, doc: encode(r.doc) } : { updated: r.updated };
    }),
  ),
  'database.removeDocument': recorded('database.removeDocument', withData(removeDocuments)),
  'database.aggregateDocuments': recorded('database.aggregateDocuments', withData(aggregateDocuments)),
  'database.startTransaction': (ctx) => ({ transactionId: ctx.txns.start() }),
  'database.commitTransaction': (ctx, body) => {
    ctx.txns.commit(txnId(body));
    return {};
  },
  'database.abortTransaction': (ctx, body) => {
    // Aborting an unknown/ended transaction succeeds: the SDK aborts after failures it cannot inspect.
    ctx.txns.abortById(txnId(body));
    return {};
  },
};
