/**
 * Transactions: buffered writes, version validation at commit, and advisory per-document locks.
 *
 * Correctness is optimistic, as on CloudBase (MongoDB write-conflict detection): the first version
 * seen of every document a transaction reads or writes is recorded, and at commit, if a document it
 * writes has changed since (a concurrent committed change, inside or outside a transaction), the
 * commit answers DATABASE_TRANSACTION_CONFLICT, aborts the transaction and commits nothing; the SDK's
 * runTransaction then re-runs the callback. No lost update. Documents only read do not conflict.
 *
 * Why locks as well: runTransaction retries only 3 times, so with validation alone ten concurrent
 * read-modify-write transactions on one document would leave most callers with an error (each round
 * only one wins). So a transaction also takes an exclusive lock on each document it touches by id;
 * another transaction touching it waits (FIFO) for the commit and then reads the new value, and the
 * transactions serialise instead of conflicting. The locks are only advisory: a wait is bounded
 * (`lockWaitMs`) and a wait that would close a cycle is skipped, after which the operation proceeds
 * unlocked and validation decides. A sequential client that interleaves two transactions on one
 * document (as in the captures) therefore sees the same answers as an optimistic store, only later.
 *
 * Commit = one SQLite transaction (Store.commit), so a restart never sees half of a transaction.
 * Transactions live in memory only; after a gateway restart their ids are unknown (→ conflict, retry).
 */
import { randomBytes } from 'node:crypto';
import type { Doc } from './ejson';
import { txnConflict } from './errors';
import type { Session } from './session';
import type { Store, WriteOp } from './store';

export interface TxnOptions {
  /** Longest wait for a document lock before proceeding without it (validation still applies). */
  lockWaitMs: number;
  /** A transaction idle this long is aborted (its client probably died), releasing its locks. */
  idleMs: number;
}

interface Waiter {
  txn: Txn;
  /** Ends the wait; `granted` tells whether the lock was handed over. */
  wake: (granted: boolean) => void;
}

const docKey = (coll: string, key: string): string => `${coll}\u0000${key}`;

export class Txn implements Session {
  readonly inTransaction = true;
  readonly overlay = new Map<string, WriteOp>();
  readonly seen = new Map<string, { coll: string; key: string; version: number; doc: Doc | undefined }>();
  readonly locks = new Set<string>();
  lastUsed = Date.now();
  waitingFor: string | undefined;
  done = false;

  constructor(
    readonly id: string,
    readonly store: Store,
    private readonly manager: TxnManager,
  ) {}

  lock(coll: string, key: string): Promise<void> {
    return this.manager.lock(this, docKey(coll, key));
  }

  /**
   * Own writes first, then the document as this transaction first saw it (a per-document snapshot,
   * so an update computes on what the transaction read, as MongoDB's snapshot reads do), then the
   * committed state.
   */
  read(coll: string, key: string): Doc | undefined {
    const k = docKey(coll, key);
    const w = this.overlay.get(k);
    if (w) return w.doc ?? undefined;
    const s = this.seen.get(k);
    if (s) return s.doc;
    return this.store.collection(coll).get(key)?.doc;
  }

  scan(coll: string): Array<[string, Doc]> {
    const committed = this.store.collection(coll);
    const out: Array<[string, Doc]> = [];
    for (const k of committed.keys()) {
      const doc = this.read(coll, k);
      if (doc) out.push([k, doc]);
    }
    // Documents created by this transaction, or seen by it and deleted since by someone else.
    const extra = new Set<string>();
    for (const w of this.overlay.values()) if (w.coll === coll && !committed.has(w.key)) extra.add(w.key);
    for (const s of this.seen.values()) if (s.coll === coll && !committed.has(s.key)) extra.add(s.key);
    for (const k of extra) {
      const doc = this.read(coll, k);
      if (doc) out.push([k, doc]);
    }
    return out;
  }

  /** No index use inside a transaction: its own writes are not indexed. */
  candidates(coll: string): Array<[string, Doc]> {
    return this.scan(coll);
  }

  observe(coll: string, key: string): void {
    const k = docKey(coll, key);
    if (this.seen.has(k)) return;
    const entry = this.store.collection(coll).get(key);
    this.seen.set(k, { coll, key, version: entry?.version ?? 0, doc: entry?.doc });
  }

  write(ops: WriteOp[]): void {
    if (this.done) throw txnConflict(`transaction ${this.id} has ended`);
    for (const op of ops) {
      this.store.collection(op.coll);
      this.observe(op.coll, op.key);
      this.overlay.set(docKey(op.coll, op.key), op);
    }
  }
}

export class TxnManager {
  private readonly txns = new Map<string, Txn>();
  private readonly holders = new Map<string, Txn>();
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly store: Store,
    private readonly opts: TxnOptions,
  ) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(5000, opts.idleMs)).unref();
  }

  start(): string {
    const id = `txn-${randomBytes(8).toString('hex')}`;
    this.txns.set(id, new Txn(id, this.store, this));
    return id;
  }

  /** The live transaction; an unknown id (expired, aborted, gateway restarted) is a retryable conflict. */
  get(id: string): Txn {
    const t = this.txns.get(id);
    if (!t) throw txnConflict(`transaction ${id} does not exist or has ended (NoSuchTransaction)`);
    t.lastUsed = Date.now();
    return t;
  }

  /** Resolves when the lock is held, or when waiting is pointless (cycle) or too long; never rejects. */
  async lock(txn: Txn, key: string): Promise<void> {
    const holder = this.holders.get(key);
    if (!holder || holder === txn) {
      this.holders.set(key, txn);
      txn.locks.add(key);
    } else if (!this.wouldDeadlock(txn, holder)) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.dropWaiter(key, txn);
          resolve();
        }, this.opts.lockWaitMs);
        const wake = (granted: boolean): void => {
          clearTimeout(timer);
          txn.waitingFor = undefined;
          if (granted) txn.locks.add(key);
          resolve();
        };
        txn.waitingFor = key;
        const queue = this.waiters.get(key) ?? [];
        queue.push({ txn, wake });
        this.waiters.set(key, queue);
      });
    }
    if (txn.done) throw txnConflict(`transaction ${txn.id} has ended`);
    txn.lastUsed = Date.now();
  }

  /** Follows "waits for" edges from the lock holder; reaching `txn` again means a cycle. */
  private wouldDeadlock(txn: Txn, holder: Txn): boolean {
    let cur: Txn | undefined = holder;
    for (let hops = 0; cur && hops < 10000; hops++) {
      if (cur === txn) return true;
      cur = cur.waitingFor ? this.holders.get(cur.waitingFor) : undefined;
    }
    return false;
  }

  private dropWaiter(key: string, txn: Txn): void {
    const queue = (this.waiters.get(key) ?? []).filter((w) => w.txn !== txn);
    if (queue.length) this.waiters.set(key, queue);
    else this.waiters.delete(key);
    txn.waitingFor = undefined;
  }

  private release(txn: Txn): void {
    for (const key of txn.locks) {
      if (this.holders.get(key) !== txn) continue;
      const queue = this.waiters.get(key);
      const next = queue?.shift();
      if (queue && queue.length === 0) this.waiters.delete(key);
      if (next) {
        this.holders.set(key, next.txn);
        next.wake(true);
      } else this.holders.delete(key);
    }
    txn.locks.clear();
  }

  commit(id: string): void {
    const txn = this.get(id);
    // Like MongoDB (snapshot isolation), only documents this transaction writes can conflict; a
    // document it merely read may change meanwhile (the captures' commit after where().get succeeds).
    for (const [k, w] of txn.overlay) {
      const version = txn.seen.get(k)?.version ?? 0;
      if (this.store.versionOf(w.coll, w.key) !== version) {
        this.abort(txn);
        throw txnConflict(`document ${w.coll}/${w.key} changed since the transaction read it`);
      }
    }
    try {
      this.store.commit([...txn.overlay.values()]);
    } finally {
      this.end(txn);
    }
  }

  /** Idempotent; an operation of this transaction still waiting for a lock then fails with a conflict. */
  abort(txn: Txn): void {
    if (txn.done) return;
    txn.done = true;
    if (txn.waitingFor) {
      const key = txn.waitingFor;
      const w = this.waiters.get(key)?.find((x) => x.txn === txn);
      this.dropWaiter(key, txn);
      w?.wake(false);
    }
    this.end(txn);
  }

  abortById(id: string): void {
    const t = this.txns.get(id);
    if (t) this.abort(t);
  }

  private end(txn: Txn): void {
    txn.done = true;
    this.txns.delete(txn.id);
    this.release(txn);
  }

  private sweep(): void {
    const cutoff = Date.now() - this.opts.idleMs;
    for (const t of [...this.txns.values()]) if (!t.waitingFor && t.lastUsed < cutoff) this.abort(t);
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const t of [...this.txns.values()]) this.abort(t);
  }
}
