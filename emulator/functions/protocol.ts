/**
 * Messages between the function host (gateway process) and its worker processes, and the caller
 * identity variables. Kept in one place so both sides agree.
 */
import { createHash } from 'node:crypto';

/** The WX_APPID the local gateway gives callers of /api/fn, unless told another. */
export const LOCAL_APP_ID = 'wx6c0a1b2c3d4e5f60';

/** Environment variables that carry a caller's identity; cleared around every invocation. */
export const IDENTITY_KEYS = [
  'WX_OPENID',
  'WX_APPID',
  'WX_UNIONID',
  'WX_CLIENTIP',
  'WX_CLIENTIPV6',
  'TCB_UUID',
  'TCB_CUSTOM_USER_ID',
  'TCB_ISANONYMOUS_USER',
  'TCB_SOURCE',
  'WX_CONTEXT_KEYS',
  'TCB_CONTEXT_KEYS',
] as const;

export interface InvokeMessage {
  type: 'invoke';
  id: number;
  name: string;
  file: string;
  /** JSON text of the event, parsed in the worker so it gets a private copy. */
  event: string;
  context: Record<string, unknown>;
  /** Identity variables for this invocation only (empty for anonymous / server-to-server calls). */
  env: Record<string, string>;
}

export type WorkerMessage =
  | { type: 'ready' }
  /** Module loaded (cold start done): the host starts the timeout clock here. */
  | { type: 'started'; id: number }
  | { type: 'result'; id: number; ok: true; json: string }
  | { type: 'result'; id: number; ok: false; error: { name: string; message: string; stack?: string } };

export interface Identity {
  openid: string;
  appid: string;
  clientIp?: string;
}

/**
 * The variables CloudBase sets for a mini-program caller; `WX_CONTEXT_KEYS`/`TCB_CONTEXT_KEYS` name
 * them so `app.auth().getUserInfo()` (node-sdk) and `getWXContext()` (wx-server-sdk) read them.
 * TCB_UUID is derived from the openid so it is stable for one user.
 */
export function identityEnv(id: Identity | undefined): Record<string, string> {
  if (!id) return {};
  const uuid = createHash('sha256').update(id.openid).digest('hex').slice(0, 32);
  const env: Record<string, string> = { WX_OPENID: id.openid, WX_APPID: id.appid, TCB_UUID: uuid };
  const wxKeys = ['WX_OPENID', 'WX_APPID'];
  if (id.clientIp) {
    env.WX_CLIENTIP = id.clientIp;
    wxKeys.push('WX_CLIENTIP');
  }
  env.WX_CONTEXT_KEYS = wxKeys.join(',');
  env.TCB_CONTEXT_KEYS = 'TCB_UUID';
  return env;
}
