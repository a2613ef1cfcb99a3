/**
 * The only module that imports the CloudBase SDK. Everything below the entry points receives the
 * database as an argument, so tests and the local gateway hand in the same thing production uses.
 */
import tcb from '@cloudbase/node-sdk';

export type CloudApp = ReturnType<typeof tcb.init>;
export type Database = ReturnType<CloudApp['database']>;

let app: CloudApp | undefined;

/** The app of the environment this function runs in (CloudBase, or the local gateway via env vars). */
export function cloudApp(): CloudApp {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  return app;
}

/**
 * The caller's WeChat openid as the platform set it for this invocation; '' for none.
 * Never taken from the request: the event is the caller's to forge, the environment is not.
 */
export function callerOpenid(cloud: CloudApp): string {
  return cloud.auth().getUserInfo().openId || '';
}

/** The SDK types `runTransaction` as any; this is the part of a transaction the application uses. */
export interface Transaction {
  collection(name: string): ReturnType<Database['collection']>;
}

/**
 * Runs `work` in a database transaction; the SDK re-runs it on a write conflict. Only doc()
 * operations and where().get() carry the transaction (PROTOCOL.md): use doc() for writes.
 */
export function inTransaction<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.runTransaction(work) as Promise<T>;
}
