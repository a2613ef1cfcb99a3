/**
 * Durable document store: SQLite (better-sqlite3) is the truth, memory serves reads.
 *
 * Every collection is loaded into a Map at start; reads never touch SQLite. A write is a batch of
 * document puts/deletes committed in ONE SQLite transaction before the in-memory maps change and
 * before the HTTP answer leaves, so an acknowledged write survives `kill -9` and a transaction's
 * commit is all-or-nothing on disk. WAL + synchronous=FULL: a commit is fsynced (≈0.5 ms here), which
 * also survives power loss; NORMAL would survive a process kill but not an OS crash, and the cost
 * difference does not matter at this scale.
 *
 * Each entry carries a version drawn from one process-wide counter; transactions compare versions
 * to detect concurrent changes (see transactions.ts). Stored documents are immutable objects:
 * writers replace them, so readers may hold references without copying.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFast, encode, type Doc } from './ejson';
import { collectionNotExist, GatewayError, Codes } from './errors';
import { Planner } from './query-plan';
import type { Criteria } from './query';

export interface Entry {
  readonly doc: Doc;
  readonly version: number;
  readonly seq: number;
}

export type Collection = Map<string, Entry>;

/** A loaded document: its text until first read, then the decoded document. */
class LazyEntry implements Entry {
  private body: string | undefined;
  private decoded: Doc | undefined;
  version = 0;

  constructor(
    body: string,
    readonly seq: number,
  ) {
    this.body = body;
  }

  get doc(): Doc {
    if (this.decoded === undefined) {
      this.decoded = decodeFast(this.body as string) as Doc;
      this.body = undefined;
    }
    return this.decoded;
  }
}

/** One document change: `doc === null` deletes. */
export interface WriteOp {
  coll: string;
  key: string;
  doc: Doc | null;
}

/**
 * Map/row key of an `_id`. Strings are used as-is (readable in the DB); other ids (numbers are legal in
 * CloudBase) are prefixed with \u0001 and their canonical EJSON so `1` and `"1"` stay distinct.
 */
export function keyOf(id: unknown): string {
  return typeof id === 'string' ? id : `\u0001${encode(id)}`;
}

/** Declared indexes by collection (cloudbase/database.json; see index-catalog.ts). */
export type IndexCatalog = Record<string, ReadonlyArray<{ name: string; fields: readonly string[] }>>;

export class Store {
  private readonly db: Database.Database;
  private readonly colls = new Map<string, Collection>();
  private readonly planner: Planner;
  private nextVersion = 1;
  private nextSeq = 1;
  private readonly stmts;

  constructor(dataDir: string, indexes: IndexCatalog = {}, opts: { indexShare?: number } = {}) {
    this.planner = new Planner(indexes, keyOf, opts.indexShare);
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'gateway.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS documents (
        coll TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL,
        PRIMARY KEY (coll, id)
      );`);
    this.stmts = {
      addColl: this.db.prepare('INSERT INTO collections (name, created_at) VALUES (?, ?)'),
      put: this.db.prepare('INSERT INTO documents (coll, id, seq, body) VALUES (?, ?, ?, ?) ON CONFLICT (coll, id) DO UPDATE SET body = excluded.body'),
      del: this.db.prepare('DELETE FROM documents WHERE coll = ? AND id = ?'),
    };
    this.load();
  }

  /**
   * Loads everything in insertion order (seq), which is the "natural order" reads return. Rows are
   * read in table order (no sort in SQLite: seq has no index), which is seq order unless the table
   * was rebuilt; then that collection is sorted here. Bodies are decoded on first read (LazyEntry),
   * so a restart reads text only; `warm` decodes the rest in the background.
   */
  private load(): void {
    for (const row of this.db.prepare('SELECT name FROM collections').all() as { name: string }[]) {
      this.colls.set(row.name, new Map());
    }
    const byColl = new Map<string, { rows: LazyEntry[]; keys: string[]; sorted: boolean }>();
    const rows = this.db.prepare('SELECT coll, id, seq, body FROM documents').raw().iterate() as Iterable<[string, string, number, string]>;
    for (const [coll, id, seq, body] of rows) {
      let c = byColl.get(coll);
      if (!c) byColl.set(coll, (c = { rows: [], keys: [], sorted: true }));
      if (c.rows.length > 0 && seq < c.rows[c.rows.length - 1].seq) c.sorted = false;
      c.rows.push(new LazyEntry(body, seq));
      c.keys.push(id);
      if (seq >= this.nextSeq) this.nextSeq = seq + 1;
    }
    for (const [name, c] of byColl) {
      let coll = this.colls.get(name);
      if (!coll) this.colls.set(name, (coll = new Map()));
      const order = c.rows.map((_, i) => i);
      if (!c.sorted) order.sort((a, b) => c.rows[a].seq - c.rows[b].seq);
      for (const i of order) {
        c.rows[i].version = this.nextVersion++;
        coll.set(c.keys[i], c.rows[i]);
      }
    }
  }

  /** Decodes every loaded document in slices, giving the event loop back between them (after start). */
  async warm(): Promise<void> {
    for (const coll of this.colls.values()) {
      let n = 0;
      for (const e of coll.values()) {
        void e.doc;
        if (++n % 2000 === 0) await new Promise<void>((ok) => setImmediate(ok));
      }
    }
  }

  hasCollection(name: string): boolean {
    return this.colls.has(name);
  }

  collectionNames(): string[] {
    return [...this.colls.keys()];
  }

  /** The live map of a collection; throws DATABASE_COLLECTION_NOT_EXIST when absent. */
  collection(name: string): Collection {
    const c = this.colls.get(name);
    if (!c) throw collectionNotExist(name);
    return c;
  }

  createCollection(name: string): void {
    if (this.colls.has(name)) throw new GatewayError(Codes.COLLECTION_ALREADY_EXIST, `Table exist: ${name}`);
    this.stmts.addColl.run(name, Date.now());
    this.colls.set(name, new Map());
  }

  /** Current version of a document, 0 when absent (so "absent then inserted" is a change too). */
  versionOf(coll: string, key: string): number {
    return this.colls.get(coll)?.get(key)?.version ?? 0;
  }

  /**
   * Commits a batch durably, then publishes it to memory. Encoding happens before the SQLite
   * transaction so a bad value fails the whole batch with nothing written.
   */
  commit(ops: readonly WriteOp[]): void {
    if (ops.length === 0) return;
    for (const op of ops) this.collection(op.coll);
    const bodies = ops.map((op) => (op.doc ? encode(op.doc) : null));
    const seqs = ops.map((op) => this.colls.get(op.coll)?.get(op.key)?.seq ?? this.nextSeq++);
    const run = this.db.transaction(() => {
      ops.forEach((op, i) => {
        const body = bodies[i];
        if (body === null) this.stmts.del.run(op.coll, op.key);
        else this.stmts.put.run(op.coll, op.key, seqs[i], body);
      });
    });
    run.immediate();
    ops.forEach((op, i) => {
      const coll = this.collection(op.coll);
      this.planner.update(op.coll, op.key, coll.get(op.key)?.doc, op.doc ?? undefined);
      if (op.doc === null) coll.delete(op.key);
      else coll.set(op.key, { doc: op.doc, version: this.nextVersion++, seq: seqs[i] });
    });
  }

  /**
   * The documents that may match `criteria`, as [key, doc] in natural order: all of them, or the
   * candidates of an index when the criteria allow (callers still test each one; query-plan.ts).
   */
  candidates(name: string, criteria: Criteria | undefined): Array<[string, Doc]> {
    const coll = this.collection(name);
    const plan = this.planner.plan(name, coll, criteria);
    const out: Array<[string, Doc]> = [];
    if (plan.kind === 'scan') {
      for (const [k, e] of coll) out.push([k, e.doc]);
      return out;
    }
    const found: Array<[string, Entry]> = [];
    const seen = new Set<string>();
    let ordered = true;
    for (const k of plan.keys) {
      if (seen.has(k)) continue;
      seen.add(k);
      const e = coll.get(k);
      if (!e) continue;
      if (found.length > 0 && e.seq < found[found.length - 1][1].seq) ordered = false;
      found.push([k, e]);
    }
    if (!ordered) found.sort((a, b) => a[1].seq - b[1].seq);
    for (const [k, e] of found) out.push([k, e.doc]);
    return out;
  }

  /**
   * The candidates of `criteria` already in the order of `sort` (a walk along a declared index), or
   * undefined when no index gives that order; `matches` is the full filter (query-plan.ts).
   */
  sortedCandidates(
    name: string,
    criteria: Criteria | undefined,
    sort: Array<[string, number]>,
    matches: (d: Doc) => boolean,
  ): Iterable<[string, Doc]> | undefined {
    const coll = this.collection(name);
    const keys = this.planner.walk(name, coll, criteria, sort, matches);
    if (!keys) return undefined;
    return (function* () {
      for (const k of keys) {
        const e = coll.get(k);
        if (e) yield [k, e.doc] as [string, Doc];
      }
    })();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
