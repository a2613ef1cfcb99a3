/**
 * Writes the synthetic county straight into a gateway's data directory, through the gateway's own
 * store (emulator/store.ts) while no gateway runs on it: a million records in well under a minute,
 * where the SDK would take most of an hour, and in whatever format the store keeps on disk.
 * Summaries and other derived data are not written here: the bench asks the stack to rebuild them.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Store, keyOf, type WriteOp } from '../../../emulator/store';
import { COLLECTIONS } from '../../../cloudfunctions/lib/collections';
import { benchAccounts, countyManualFigures, countyPeople, countyRecords, countyUnits, COUNTY_SHAPE, type CountyShape, type Template } from './generate';

const BATCH = 20000;

/** Commits the documents in transactions of BATCH; answers how many. */
function commitAll(store: Store, docs: Iterable<{ collection: string; doc: Record<string, unknown> }>): number {
  let ops: WriteOp[] = [];
  let n = 0;
  for (const { collection, doc } of docs) {
    ops.push({ coll: collection, key: keyOf(doc._id), doc });
    n += 1;
    if (ops.length === BATCH) {
      store.commit(ops);
      ops = [];
    }
  }
  store.commit(ops);
  return n;
}

/** Units, roster, 其他指标, the bench's accounts and every collection: what a county has before its records. */
export function writeCountyFrame(dataDir: string, template: Template, shape: CountyShape = COUNTY_SHAPE): void {
  const store = new Store(dataDir);
  try {
    for (const name of COLLECTIONS) if (!store.hasCollection(name)) store.createCollection(name);
    const all = (collection: string, docs: readonly object[]) => docs.map((doc) => ({ collection, doc: doc as Record<string, unknown> }));
    commitAll(store, [
      ...all('orgs', countyUnits(shape)),
      ...all('people', countyPeople(template, shape)),
      ...all('manual_figures', countyManualFigures(template, shape)),
      ...all('accounts', benchAccounts()),
    ]);
  } finally {
    store.close();
  }
}

/** Grows the county's records from `from` to `to` (see countyRecords); answers how many were written. */
export function writeCountyRecords(dataDir: string, template: Template, to: number, from = 0, shape: CountyShape = COUNTY_SHAPE): number {
  const store = new Store(dataDir);
  try {
    return commitAll(store, countyRecords(template, to, from, shape));
  } finally {
    store.close();
  }
}

/** The generator's own source: a kept county made by another version of it is not reused. */
const GENERATOR = createHash('sha256')
  .update(readFileSync(join(__dirname, 'generate.ts')))
  .update(readFileSync(__filename))
  .digest('hex')
  .slice(0, 10);

/** Where a county of `records` records is kept between runs. */
const keptPath = (keep: string, records: number): string => join(keep, `county-${records}-${GENERATOR}`);

export interface CountyMade {
  /** Generated now, or copied from a county an earlier run kept. */
  how: 'generated' | 'copied';
  ms: number;
  /** Where the county is kept for the next run, if it is. */
  kept?: string;
}

/**
 * Makes `dataDir` (no gateway running on it) hold the county of `records` records and nothing else:
 * copied from `keep` when an earlier run kept that size there, else generated — grown from a kept
 * smaller size `from` when there is one — and kept there for the next run when `keep` is given.
 * Whatever `dataDir` held before is replaced.
 */
export function makeCounty(dataDir: string, template: Template, records: number, options: { keep?: string; from?: number } = {}): CountyMade {
  const started = Date.now();
  const { keep, from } = options;
  const kept = keep ? keptPath(keep, records) : undefined;
  if (kept && existsSync(kept)) {
    copyStore(kept, dataDir);
    return { how: 'copied', ms: Date.now() - started, kept };
  }
  const smaller = keep && from ? keptPath(keep, from) : undefined;
  // Generated where it is kept (or straight into dataDir), then copied: the kept copy is never run on.
  const target = kept ?? dataDir;
  rmSync(target, { recursive: true, force: true });
  if (smaller && existsSync(smaller)) {
    copyStore(smaller, target);
    writeCountyRecords(target, template, records, from);
  } else {
    writeCountyFrame(target, template);
    writeCountyRecords(target, template, records);
  }
  const ms = Date.now() - started;
  if (kept) copyStore(kept, dataDir);
  return { how: 'generated', ms, kept };
}

/** Grows the county in `dataDir` (no gateway running on it) from `from` records to `to`, in place. */
export function growCounty(dataDir: string, template: Template, to: number, from: number): CountyMade {
  const started = Date.now();
  writeCountyRecords(dataDir, template, to, from);
  return { how: 'generated', ms: Date.now() - started };
}

/** A gateway data directory copied whole (no gateway may run on either). */
function copyStore(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
}
