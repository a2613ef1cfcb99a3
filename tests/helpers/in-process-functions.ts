/**
 * Test helper: calls a cloud function's real `main` in the test's own process, as the gateway's
 * function host would run it in a worker — the event and the answer go through JSON, the caller's
 * identity is in the environment variables the real SDK reads (WX_OPENID …, emulator/functions/
 * protocol.ts), and the function reaches the database through the real SDK and the gateway. What it
 * saves is the worker processes: no Node + tsx boot and no cold load of every function in every
 * worker, once per suite. Tests of the gateway's own /api/fn route (status codes, body limit, the
 * header) call that route instead.
 *
 * Identity is per call, not per process: calls run concurrently here as in a pool of workers, so each
 * call's WX_* variables live in an AsyncLocalStorage and `process.env` answers them from the call
 * that is reading.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IDENTITY_KEYS, LOCAL_APP_ID, identityEnv } from '../../emulator/functions/protocol';
import { sdkEnv } from '../../emulator/sdk-env';
import { wxOpenApiEnv } from '../../emulator/wx-open-api';

const FUNCTIONS_DIR = resolve(__dirname, '..', '..', 'cloudfunctions');
/** The address the gateway sees the test's requests come from. */
const LOOPBACK = '127.0.0.1';

type Main = (event: unknown, context?: unknown) => Promise<unknown>;

const callIdentity = new AsyncLocalStorage<Record<string, string>>();
const identityKeys: ReadonlySet<string | symbol> = new Set(IDENTITY_KEYS);

/** Makes `process.env`'s identity variables those of the call that reads them (once per test file). */
function scopeIdentityToCalls(): void {
  if ((process.env as { __identityScoped?: boolean }).__identityScoped) return;
  for (const key of IDENTITY_KEYS) delete process.env[key];
  const env = process.env;
  process.env = new Proxy(env, {
    get: (target, key) => {
      if (key === '__identityScoped') return true;
      const own = identityKeys.has(key) ? callIdentity.getStore() : undefined;
      return own ? own[key as string] : Reflect.get(target, key);
    },
    has: (target, key) => {
      const own = identityKeys.has(key) ? callIdentity.getStore() : undefined;
      return own ? key in own : Reflect.has(target, key);
    },
  });
}

const mains = new Map<string, Main>();

async function mainOf(name: string): Promise<Main> {
  const cached = mains.get(name);
  if (cached) return cached;
  const file = join(FUNCTIONS_DIR, name, 'index.ts');
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name) || name === 'lib' || !existsSync(file)) throw new Error(`function not found: ${name}`);
  const mod = (await import(file)) as { main?: Main };
  if (typeof mod.main !== 'function') throw new Error(`${file} does not export main`);
  mains.set(name, mod.main);
  return mod.main;
}

/**
 * Calls function `name` with `data` as `openid` (undefined: a resident, no identity at all), on the
 * gateway at `gatewayUrl`; answers what the function answered, as /api/fn would have.
 */
export async function callInProcess<T>(gatewayUrl: string, name: string, data: unknown, openid?: string): Promise<T> {
  scopeIdentityToCalls();
  Object.assign(process.env, sdkEnv(gatewayUrl, 'fazhi-local'), wxOpenApiEnv(gatewayUrl, LOCAL_APP_ID));
  const main = await mainOf(name);
  // As /api/fn: a body without `data` is an empty event; the worker gets its own parsed copy.
  const event: unknown = JSON.parse(JSON.stringify(data === undefined ? {} : data) ?? 'null');
  const identity = openid ? { openid, appid: LOCAL_APP_ID, clientIp: LOOPBACK } : undefined;
  const env = identityEnv(identity);
  let answer: unknown;
  try {
    answer = await callIdentity.run(env, () => main(event));
  } catch (error) {
    throw new Error(`function ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  // The runtime answers JSON; `undefined` becomes null.
  return JSON.parse(JSON.stringify(answer) ?? 'null') as T;
}
