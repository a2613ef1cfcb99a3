/**
 * Test helper: the demo township loaded once per test run, not once per suite. The first stack of a
 * run loads the demo (scripts/demo/load-demo.ts, through the real SDK) into a gateway of its own and
 * keeps the stopped gateway's data directory; every stack after it starts its gateway on a private
 * copy of that directory — the same documents, indexes and credentials, and no suite sees another's
 * writes. The demo depends on the day (records after today are left out), so there is one copy per
 * Beijing date. Outside a test run that opened the cache (demo-cache-run.ts), every stack loads its own.
 * Test files run in several workers at once (jest.config.js): one of them loads a day's copy while the
 * others wait for it, instead of each loading the same demo at the start of the run.
 */
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
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
  if (!existsSync(loaded)) await loadOnce(loaded, now);
  cpSync(loaded, dataDir, { recursive: true });
  return dataDir;
}

/** How long a worker waits for another worker's load before giving up. */
const LOAD_WAIT_MS = 5 * 60000;

/**
 * Makes `target` exist: the worker that creates its `.loading` mark loads it; another worker waits
 * until it exists, and loads it itself if the loader gave up (its mark is gone, nothing loaded).
 */
async function loadOnce(target: string, now: Date): Promise<void> {
  const mark = `${target}.loading`;
  const deadline = Date.now() + LOAD_WAIT_MS;
  while (!existsSync(target)) {
    let mine = false;
    try {
      mkdirSync(mark);
      mine = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (mine) {
      try {
        if (!existsSync(target)) await loadInto(target, now);
      } finally {
        rmSync(mark, { recursive: true, force: true });
      }
      return;
    }
    if (Date.now() > deadline) throw new Error(`the demo township for ${target} was not loaded within ${LOAD_WAIT_MS / 60000} minutes`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** Loads the demo into a gateway of its own and moves its data to `target` whole (a reader never sees it half moved). */
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
