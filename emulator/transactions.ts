/**
 * Transactions: buffered writes and MongoDB's write-conflict rule, which CloudBase exposes as
 * DATABASE_TRANSACTION_CONFLICT.
 *
 * As on CloudBase, a second transaction that writes a document another live transaction has already
 * written fails AT ONCE (no waiting): the write answers DATABASE_TRANSACTION_CONFLICT and the
 * transaction is aborted. So does a write to a document that changed (a committed write, inside or
 * outside a transaction) since this transaction first read it. The SDK's runTransaction then re-runs
 * its callback in a new transaction, which reads the committed value: no lost update. Reads never
 * wait and never conflict. Commit re-validates every written document against the version first
 * seen (a plain write outside any transaction does not check claims), so nothing is lost that way
 * either.
 *
 * Because the loser is failed at once and runTransaction retries only 3 times, contended callers
 * need their own retry with backoff (cloudfunctions/lib/cloudbase.ts `inTransaction`), in
 * production as here.
 *
 * Commit = one SQLite transaction (Store.commit), so a restart never sees half of a transaction.
 * Transactions live in memory only; after a gateway restart their ids are unknown (→ conflict, retry).
 */
import { randomBytes } from 'node:crypto';
import type { Doc } from './ejson';
import { txnConflict } from './errors';
import type { Criteria } from './query';
import type { Session } from './session';
import type { Store, WriteOp } from './store';

export interface TxnOptions {
  /** A transaction idle this long is aborted (its client probably died), releasing its claims. */
  idleMs: number;
}

const docKey = (coll: string, key: string): string => `${coll}\u0000${key}`;

export class Txn implements Session {
  readonly inTransaction = true;
  readonly overlay = new Map<string, WriteOp>();
  readonly seen = new Map<string, { coll: string; key: string; version: number; doc: Doc | undefined }>();
  /** Documents this transaction has written (or is about to): no other transaction may write them. */
  readonly claims = new Set<string>();
  lastUsed = Date.now();
  done = false;

  constructor(
    readonly id: string,
    readonly store: Store,
    private readonly manager: TxnManager,
  ) {}

  claim(coll: string, key: string): void {
    this.manager.claim(this, coll, key);
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

  /**
   * The committed candidates of the store's indexes plus every document this transaction has
   * written or seen (its own writes and snapshots are not indexed), as this transaction sees them,
   * in natural order as `scan` gives it.
   */
  candidates(coll: string, criteria?: Criteria): Array<[string, Doc]> {
    const committed = this.store.collection(coll);
    const keys = new Set(this.store.candidates(coll, criteria).map(([k]) => k));
    const extra = new Set<string>();
    let added = false;
    const consider = (key: string): void => {
      if (!committed.has(key)) extra.add(key);
      else if (!keys.has(key)) {
        keys.add(key);
        added = true;
      }
    };
    for (const w of this.overlay.values()) if (w.coll === coll) consider(w.key);
    for (const s of this.seen.values()) if (s.coll === coll) consider(s.key);
    const ordered = [...keys];
    if (added) ordered.sort((a, b) => (committed.get(a)?.seq ?? 0) - (committed.get(b)?.seq ?? 0));
    const out: Array<[string, Doc]> = [];
    for (const k of [...ordered, ...extra]) {
      const doc = this.read(coll, k);
      if (doc) out.push([k, doc]);
    }
    return out;
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
  /** Document → the live transaction that has written it. */
  private readonly claimedBy = new Map<string, Txn>();
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

  /**
   * The write intent on one document: refused at once (and the transaction aborted) when another
   * live transaction has written it, or when it changed since this transaction first read it.
   */
  claim(txn: Txn, coll: string, key: string): void {
    if (txn.done) throw txnConflict(`transaction ${txn.id} has ended`);
    const k = docKey(coll, key);
    const holder = this.claimedBy.get(k);
    const seen = txn.seen.get(k);
    let reason: string | undefined;
    if (holder && holder !== txn) reason = `document ${coll}/${key} is being written by another transaction`;
    else if (seen && this.store.versionOf(coll, key) !== seen.version) reason = `document ${coll}/${key} changed since the transaction read it`;
    if (reason) {
      this.abort(txn);
      throw txnConflict(`[WriteConflict] ${reason}; retry the transaction`);
    }
    this.claimedBy.set(k, txn);
    txn.claims.add(k);
    txn.lastUsed = Date.now();
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

  /** Idempotent. */
  abort(txn: Txn): void {
    if (txn.done) return;
    this.end(txn);
  }

  abortById(id: string): void {
    const t = this.txns.get(id);
    if (t) this.abort(t);
  }

  private end(txn: Txn): void {
    txn.done = true;
    this.txns.delete(txn.id);
    for (const k of txn.claims) if (this.claimedBy.get(k) === txn) this.claimedBy.delete(k);
    txn.claims.clear();
  }

  private sweep(): void {
    const cutoff = Date.now() - this.opts.idleMs;
    for (const t of [...this.txns.values()]) if (t.lastUsed < cutoff) this.abort(t);
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const t of [...this.txns.values()]) this.abort(t);
  }
}
