/**
 * Test helper: the local stack as the app sees it — a gateway child process, the demo township loaded
 * through the real SDK (once per test run, demo-cache.ts), and the real cloud functions of
 * cloudfunctions/ called in this process against it (in-process-functions.ts) or the way the H5 app
 * calls them (POST /api/fn/<name>, identity in the platform header).
 */
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGatewayProcess, tempDir, type GatewayProcess } from './gateway';
import { callInProcess } from './in-process-functions';
import { demoDataDir } from './demo-cache';
import { readQueryLog, unservedQueries } from './query-index-check';
import { withLocalSdk } from '../../scripts/local-sdk';
import { loadDemoIfEmpty } from '../../scripts/demo/load-demo';
import type { Database } from '../../cloudfunctions/lib/cloudbase';

export interface AppStack {
  gateway: GatewayProcess;
  /** Calls a function as `openid` (undefined: a resident) and answers what the function answered. */
  call<T = Record<string, unknown>>(name: string, data: unknown, openid?: string): Promise<T>;
  /** The real SDK's database on the same gateway, for checking what was stored. */
  db(): Promise<Database>;
  /** The file the gateway records every query's shape in (emulator/query-shape.ts). */
  queryLog: string;
  /**
   * Stops the gateway, then fails when any query made since the demo was loaded is served by no
   * index declared in cloudbase/database.json: every flow a test drives is an index check.
   */
  stop(): Promise<void>;
}

export const DEMO = {
  villageWorker: 'o-demo-flmbr-1',
  otherVillageWorker: 'o-demo-flmbr-2',
  mediator: 'o-demo-mediator',
  cadre: 'o-demo-cadre',
  admin: 'o-demo-admin',
  county: 'o-demo-county',
} as const;

export interface AppStackOptions {
  /** The built H5 app, served by the gateway (browser tests). */
  staticDir?: string;
  /**
   * Where `call` runs a function: 'in-process' (default) runs its real `main` in this process against
   * the gateway (in-process-functions.ts); 'gateway' goes through POST /api/fn and the gateway's
   * worker processes, as the H5 app does — for browser and mini-program tests, whose app calls the
   * gateway itself, and tests of that route.
   */
  functions?: 'in-process' | 'gateway';
}

export async function startAppStack(now = new Date(), options: AppStackOptions = {}): Promise<AppStack> {
  const inProcess = (options.functions ?? 'in-process') === 'in-process';
  // The demo township as loaded once in this test run (demo-cache.ts); loaded below when there is none.
  const dataDir = await demoDataDir(now);
  const queryLog = join(tempDir('queries-'), 'queries.jsonl');
  writeFileSync(queryLog, '');
  process.env.FAZHI_QUERY_LOG = queryLog;
  // Dev mode, as `npm run dev` runs it: the browser tests sign in through the dev sign-in page.
  const gateway = await startGatewayProcess({
    envId: 'fazhi-local',
    dataDir,
    staticDir: options.staticDir,
    args: ['--dev', ...(inProcess ? ['--workers', '0:4'] : [])],
  }).finally(() => delete process.env.FAZHI_QUERY_LOG);
  const db = () => withLocalSdk(gateway.url, async (database) => database);
  await withLocalSdk(gateway.url, (database) => loadDemoIfEmpty(database, now));
  // The demo loader's own reads are setup, not the application's queries.
  truncateSync(queryLog);
  return {
    gateway,
    db,
    queryLog,
    async call<T>(name: string, data: unknown, openid?: string): Promise<T> {
      if (inProcess) return callInProcess<T>(gateway.url, name, data, openid);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (openid) headers['x-fazhi-openid'] = openid;
      const res = await fetch(`${gateway.url}/api/fn/${name}`, { method: 'POST', headers, body: JSON.stringify({ data }) });
      const body = (await res.json()) as { result?: T; error?: unknown };
      if (!('result' in body)) throw new Error(`function ${name} failed: ${JSON.stringify(body.error)}\n${gateway.output()}`);
      return body.result as T;
    },
    async stop() {
      await gateway.stop();
      const unserved = unservedQueries(readQueryLog(queryLog));
      if (unserved.length > 0) throw new Error(`queries served by no index in cloudbase/database.json:\n${unserved.join('\n')}`);
    },
  };
}
