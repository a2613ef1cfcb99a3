/**
 * Writes the synthetic county straight into a gateway's data directory, through the gateway's own
 * store (emulator/store.ts) while no gateway runs on it: a million records in well under a minute,
 * where the SDK would take most of an hour, and in whatever format the store keeps on disk.
 * Summaries and other derived data are not written here: the bench asks the stack to rebuild them.
 */
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
