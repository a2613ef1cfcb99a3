/**
 * The only module that imports the CloudBase SDK. Everything below the entry points receives the
 * database as an argument, so tests and the local gateway hand in the same thing production uses.
 */
import tcb from '@cloudbase/node-sdk';
import { isCloudError } from './errors';

export type CloudApp = ReturnType<typeof tcb.init>;
export type Database = ReturnType<CloudApp['database']>;

let app: CloudApp | undefined;

/**
 * How long one SDK request may take. Deliberately below every function's time limit in
 * cloudbaserc.json (10 s and more; a unit test holds them apart): a database call that hangs fails
 * with an error the function answers and logs, instead of the platform killing the function
 * mid-way with nothing said. The SDK's own default (15 s) is above the shorter limits.
 */
export const SDK_REQUEST_TIMEOUT_MS = 5000;

/** The app of the environment this function runs in (CloudBase, or the local gateway via env vars). */
export function cloudApp(): CloudApp {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV, timeout: SDK_REQUEST_TIMEOUT_MS });
  return app;
}

/**
 * A named CloudBase environment reached from outside it with an API key (the command line's cloud
 * mode: `grant-admin`, `import` … with ENV_ID). Same request timeout as inside a function.
 */
export function cloudAppOf(target: { envId: string; secretId: string; secretKey: string; sessionToken?: string }): CloudApp {
  return tcb.init({
    env: target.envId,
    secretId: target.secretId,
    secretKey: target.secretKey,
    sessionToken: target.sessionToken,
    timeout: SDK_REQUEST_TIMEOUT_MS,
  });
}

/**
 * The caller's WeChat openid as the platform set it for this invocation; '' for none.
 * Never taken from the request: the event is the caller's to forge, the environment is not.
 */
export function callerOpenid(cloud: CloudApp): string {
  return cloud.auth().getUserInfo().openId || '';
}

/**
 * The caller's network address as the platform gives it ('' for none): CloudBase's source IP, or the
 * mini-program caller's WX_CLIENTIP. Only for limits; never an identity.
 */
export function callerAddress(cloud: CloudApp): string {
  return cloud.auth().getClientIP() || process.env.WX_CLIENTIP || process.env.WX_CLIENTIPV6 || '';
}

/** The SDK types `runTransaction` as any; this is the part of a transaction the application uses. */
export interface Transaction {
  collection(name: string): ReturnType<Database['collection']>;
  /** The query commands (`db.command`), so that code holding only the transaction can filter. */
  readonly command: Database['command'];
}

/** Rounds of the SDK's runTransaction (each itself up to 4 attempts) before a conflict is given up. */
const CONFLICT_ROUNDS = 6;

/**
 * Runs `work` in a database transaction. Only doc() operations and where().get() carry the
 * transaction (PROTOCOL.md): use doc() for writes.
 *
 * CloudBase fails the second of two concurrent writers of a document at once with
 * DATABASE_TRANSACTION_CONFLICT, and the SDK re-runs `work` only 3 times, immediately; a busy
 * document (a township's request counter, a shared invite) can exhaust that while the winner is
 * still committing. So whole rounds are retried after a random, growing pause (≈ 2.5 s at worst,
 * well inside a function's time limit); `work` must stay safe to re-run, as the SDK requires anyway.
 */
export async function inTransaction<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return (await db.runTransaction((tx: Pick<Transaction, 'collection'>) => work({ collection: (name) => tx.collection(name), command: db.command }))) as T;
    } catch (error) {
      if (round >= CONFLICT_ROUNDS || !isCloudError(error, 'DATABASE_TRANSACTION_CONFLICT')) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * 2 ** round));
    }
  }
}

/**
 * One document by id, in or out of a transaction; null when there is none. The SDK's doc().get()
 * answers a list outside a transaction and the document itself (or null) inside one: this is the one
 * place that knows, so every read of a document by id goes through here.
 */
export async function readOne<T>(source: Database | Transaction, collection: string, id: string): Promise<T | null> {
  const { data } = await source.collection(collection).doc(id).get();
  const doc: unknown = Array.isArray(data) ? data[0] : data;
  return (doc as T | undefined) ?? null;
}

/** The most documents one `get` answers (CloudBase's cap). */
const MOST_PER_GET = 1000;

/**
 * The documents with these ids that exist, by id, in or out of a transaction: one indexed `_id in
 * [...]` request per thousand ids instead of one per document, only `fields` when given (where().get() carries the transaction;
 * inside one, every id asked for is part of its snapshot, found or not, as a doc().get() would be).
 */
export async function readMany<T extends { _id: string } = { _id: string } & Record<string, unknown>>(
  source: Database | Transaction,
  collection: string,
  ids: readonly string[],
  fields?: Record<string, true>,
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += MOST_PER_GET) {
    const chunk = unique.slice(start, start + MOST_PER_GET);
    const query = source.collection(collection).where({ _id: source.command.in(chunk) });
    const { data } = await (fields ? query.field(fields) : query).limit(MOST_PER_GET).get();
    for (const doc of data as T[]) found.set(doc._id, doc);
  }
  return found;
}

/** A document as `doc(id).set()` takes it: without its `_id`. */
export function withoutId<T extends { _id?: string }>(doc: T): Omit<T, '_id'> {
  const { _id, ...body } = doc;
  void _id;
  return body;
}
