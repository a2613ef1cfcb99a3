/**
 * What a database operation sees and where its writes go.
 *
 * Outside a transaction (CommittedSession) reads see committed state and each request's writes are
 * committed at once as one SQLite transaction. Inside one (Txn in transactions.ts) reads see the
 * transaction's own buffered writes over committed state and writes stay buffered until commit.
 * Handlers in db-read.ts / db-write.ts are written once against this interface.
 */
import type { Doc } from './ejson';
import type { Criteria } from './query';
import type { Store, WriteOp } from './store';

export interface Session {
  readonly store: Store;
  readonly inTransaction: boolean;
  /**
   * The intent to write one document: inside a transaction, throws DATABASE_TRANSACTION_CONFLICT at
   * once when another transaction has written it (transactions.ts); a no-op outside one.
   */
  claim(coll: string, key: string): void;
  /** The document as this session sees it (throws DATABASE_COLLECTION_NOT_EXIST for a missing collection). */
  read(coll: string, key: string): Doc | undefined;
  /** Every document of the collection as this session sees it, as [key, doc] in natural order. */
  scan(coll: string): Array<[string, Doc]>;
  /** A superset of the documents matching `criteria` (index-narrowed when possible), natural order. */
  candidates(coll: string, criteria: Criteria | undefined): Array<[string, Doc]>;
  /** Records the version read, so a concurrent committed change is detected at commit. */
  observe(coll: string, key: string): void;
  write(ops: WriteOp[]): void;
}

export class CommittedSession implements Session {
  readonly inTransaction = false;
  constructor(readonly store: Store) {}

  claim(): void {}

  read(coll: string, key: string): Doc | undefined {
    return this.store.collection(coll).get(key)?.doc;
  }

  scan(coll: string): Array<[string, Doc]> {
    const out: Array<[string, Doc]> = [];
    for (const [k, e] of this.store.collection(coll)) out.push([k, e.doc]);
    return out;
  }

  candidates(coll: string, criteria: Criteria | undefined): Array<[string, Doc]> {
    return this.store.candidates(coll, criteria);
  }

  observe(): void {}

  write(ops: WriteOp[]): void {
    this.store.commit(ops);
  }
}
