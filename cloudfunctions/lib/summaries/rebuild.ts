/**
 * Summaries recomputed from the records: `rebuild` makes the stored summaries of a unit and below
 * what the records say (after a bulk load that wrote records directly, or to repair), `check` says
 * where they differ without changing anything. Both read every record of the scope once.
 */
import { withoutId, type Database } from '../cloudbase';
import { PAGE, readAll, type Doc } from '../ledger/read';
import { docOf, SUMMARIES, type SummaryDoc } from './store';
import { addRecord, canonicalCounters, hasCounts, SUMMARY_COLLECTIONS, type MonthCounts } from '../../../src/domain/summaries';

/**
 * Every record of a collection matching `where`, a page at a time and after the last `_id` seen (no
 * growing skip, no whole collection held at once): a county's million records stay a linear read.
 */
async function forEachRecord(db: Database, collection: string, where: Record<string, unknown>, visit: (doc: Doc) => void): Promise<void> {
  const _ = db.command;
  for (let last: string | null = null; ;) {
    const query: Record<string, unknown> = last === null ? where : { ...where, _id: _.gt(last) };
    const { data } = await db.collection(collection).where(query).orderBy('_id', 'asc').limit(PAGE).get();
    for (const doc of data as Doc[]) visit(doc);
    if (data.length < PAGE) return;
    last = (data[data.length - 1] as Doc)._id;
  }
}

/** The summaries the records of `orgCode` and below add up to, by id (every unit when omitted). */
export async function summariesFromRecords(db: Database, orgCode?: string): Promise<Map<string, MonthCounts>> {
  const out = new Map<string, MonthCounts>();
  for (const collection of SUMMARY_COLLECTIONS) {
    await forEachRecord(db, collection, orgCode ? { orgPath: orgCode } : {}, (doc) => addRecord(out, collection, doc));
  }
  for (const [id, m] of out) if (!hasCounts(m.ok) && !hasCounts(m.held)) out.delete(id);
  return out;
}

/** Every stored summary of `orgCode` and below (all when omitted). */
export async function storedSummaries(db: Database, orgCode?: string): Promise<SummaryDoc[]> {
  return (await readAll(db, SUMMARIES, orgCode ? { orgPath: orgCode } : undefined)) as unknown as SummaryDoc[];
}

export interface SummaryDifference {
  id: string;
  orgCode: string;
  month: string;
  /** What is stored, and what the records say, each canonical ('' when there is none). */
  stored: string;
  expected: string;
}

const canonical = (m: Pick<MonthCounts, 'ok' | 'held'> | undefined): string =>
  m && (hasCounts(m.ok) || hasCounts(m.held)) ? `ok=${canonicalCounters(m.ok)} held=${canonicalCounters(m.held)}` : '';

/** Where the stored summaries differ from the records' (none: they agree). */
export async function checkSummaries(db: Database, orgCode?: string): Promise<SummaryDifference[]> {
  const [expected, stored] = await Promise.all([summariesFromRecords(db, orgCode), storedSummaries(db, orgCode)]);
  return differences(expected, stored);
}

function differences(expected: ReadonlyMap<string, MonthCounts>, stored: readonly SummaryDoc[]): SummaryDifference[] {
  const storedById = new Map(stored.map((doc) => [doc._id, doc]));
  const out: SummaryDifference[] = [];
  for (const id of [...new Set([...expected.keys(), ...storedById.keys()])].sort()) {
    const want = canonical(expected.get(id));
    const have = canonical(storedById.get(id) ?? undefined);
    if (want === have) continue;
    const m = expected.get(id);
    const doc = storedById.get(id);
    out.push({ id, orgCode: m?.unit.orgCode ?? doc?.orgCode ?? '', month: m?.month ?? doc?.month ?? '', stored: have, expected: want });
  }
  return out;
}

/**
 * Makes the stored summaries of `orgCode` and below (all when omitted) those of the records: writes
 * the ones that differ, removes the ones no record supports. Answers how many it wrote and removed.
 * Run it while nobody writes (after a load, or to repair): a write meanwhile may need another run,
 * which `check` would show.
 */
export async function rebuildSummaries(db: Database, orgCode?: string): Promise<{ written: number; removed: number }> {
  const [expected, stored] = await Promise.all([summariesFromRecords(db, orgCode), storedSummaries(db, orgCode)]);
  let written = 0;
  let removed = 0;
  for (const d of differences(expected, stored)) {
    const m = expected.get(d.id);
    if (m) {
      await db
        .collection(SUMMARIES)
        .doc(d.id)
        .set(withoutId(docOf(d.id, m)));
      written++;
    } else {
      await db.collection(SUMMARIES).doc(d.id).remove();
      removed++;
    }
  }
  return { written, removed };
}
