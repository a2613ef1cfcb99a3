/**
 * Test helper: the demo township loaded once per test run, not once per suite. The first stack of a
 * run loads the demo (scripts/demo/load-demo.ts, through the real SDK) into a gateway of its own and
 * keeps the stopped gateway's data directory; every stack after it starts its gateway on a private
 * copy of that directory — the same documents, indexes and credentials, and no suite sees another's
 * writes. The demo depends on the day (records after today are left out), so there is one copy per
 * Beijing date. Outside a test run that opened the cache (demo-cache-run.ts), every stack loads its own.
 */
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startGateway } from '../../emulator/gateway';
import { tempDir } from './gateway';
import { withLocalSdk } from '../../scripts/local-sdk';
import { loadDemoIfEmpty } from '../../scripts/demo/load-demo';
import { beijingDate } from '../../src/domain/dates';
import { DEMO_CACHE_VARIABLE } from './demo-cache-run';

/**
 * A new data directory holding the demo township as loaded on `now`'s day, or an empty one when no
 * cache is open (the caller's gateway then loads the demo itself).
 */
export async function demoDataDir(now: Date): Promise<string> {
  const dataDir = tempDir();
  const cache = process.env[DEMO_CACHE_VARIABLE];
  if (!cache || !existsSync(cache)) return dataDir;
  const loaded = join(cache, beijingDate(now));
  if (!existsSync(loaded)) await loadInto(loaded, now);
  cpSync(loaded, dataDir, { recursive: true });
  return dataDir;
}

/** Loads the demo into a gateway of its own and moves its data to `target` (another worker may win the race). */
async function loadInto(target: string, now: Date): Promise<void> {
  const building = tempDir('demo-');
  const gateway = await startGateway({ port: 0, dataDir: building, envId: 'fazhi-local', minWorkers: 0 });
  try {
    await withLocalSdk(gateway.url, (db) => loadDemoIfEmpty(db, now));
  } finally {
    await gateway.close();
  }
  try {
    renameSync(building, target);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(target)) throw error;
  }
}
