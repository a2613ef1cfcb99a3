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
