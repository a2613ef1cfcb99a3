/**
 * Summaries recomputed from the records: `rebuild` makes the stored summaries of a unit and below
 * what the records say (after a bulk load that wrote records directly, or to repair), `check` says
 * where they differ without changing anything.
 *
 * Both work a township at a time (with every unit below it: their records add up to its roll-ups),
 * reading unit by unit — no request reads more than a unit's records of one kind (through the orgCode
 * index), a county of a million records is a few thousand small requests, and progress can be told
 * as it goes. A township's summaries are replaced in one transaction. A rebuild that stops part-way
 * has finished the townships before the one it was on: running it again from there (`from`) completes it.
 */
import { inTransaction, withoutId, type Database } from '../cloudbase';
import { PAGE, readAll, type Doc } from '../ledger/read';
import { docOf, SUMMARIES, type SummaryDoc } from './store';
import { addRecord, canonicalCounters, hasCounts, SUMMARY_COLLECTIONS, type MonthCounts } from '../../../src/domain/summaries';

/** Tries of one read before a rebuild or check gives up. */
const READ_TRIES = 3;

/**
 * A read tried again when it timed out: a run of thousands of reads outlives a passing stall (a
 * database busy elsewhere, or the local store building an index on its first query after a start),
 * and reading again is harmless.
 */
async function patiently<T>(read: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await read();
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (tries >= READ_TRIES || (code !== 'ESOCKETTIMEDOUT' && code !== 'ETIMEDOUT')) throw error;
    }
  }
}

/**
 * Every document of a collection matching `where` (which bounds an indexed field), a page at a time
 * after the last `_id` seen: the index keeps each page to the unit's own documents.
 */
async function forEach(db: Database, collection: string, where: Record<string, unknown>, visit: (doc: Doc) => void): Promise<void> {
  for (let last: string | null = null; ;) {
    const query: Record<string, unknown> = last === null ? where : { ...where, _id: db.command.gt(last) };
    const { data } = await patiently(() => db.collection(collection).where(query).orderBy('_id', 'asc').limit(PAGE).get());
    for (const doc of data as Doc[]) visit(doc);
    if (data.length < PAGE) return;
    last = (data[data.length - 1] as Doc)._id;
  }
}

/** Adds what one unit's records add to summaries (its own and its township's roll-ups) into `out`, by id. */
async function fromRecords(db: Database, orgCode: string, out: Map<string, MonthCounts>): Promise<void> {
  for (const collection of SUMMARY_COLLECTIONS) await forEach(db, collection, { orgCode }, (doc) => addRecord(out, collection, doc));
}

/** One unit's stored summaries. */
async function stored(db: Database, orgCode: string): Promise<SummaryDoc[]> {
  const out: SummaryDoc[] = [];
  await forEach(db, SUMMARIES, { orgCode }, (doc) => out.push(doc as unknown as SummaryDoc));
  return out;
}

/**
 * The units of `orgCode` and below (every unit when omitted) in chunks, in code order: a township with
 * every unit below it (their records add up to the township's roll-ups), or a unit above townships
 * alone. A chunk is named by its first code (the township's).
 */
async function chunksOf(db: Database, orgCode?: string): Promise<string[][]> {
  const chunks = new Map<string, string[]>();
  for (const org of await readAll(db, 'orgs', orgCode ? { path: orgCode } : undefined)) {
    const code = String(org.code ?? org._id);
    const path = Array.isArray(org.path) ? org.path.map(String) : [code];
    const key = path.length >= 2 ? path[1] : code;
    chunks.set(key, [...(chunks.get(key) ?? []), code]);
  }
  return [...chunks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, units]) => [key, ...units.filter((u) => u !== key).sort()]);
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

/** Where one chunk's stored summaries (its units' own and its township's roll-ups) differ from its records'. */
async function chunkDifferences(
  db: Database,
  units: readonly string[],
): Promise<{ expected: Map<string, MonthCounts>; stored: SummaryDoc[]; differ: SummaryDifference[] }> {
  const expected = new Map<string, MonthCounts>();
  const have: SummaryDoc[] = [];
  for (const unit of units) {
    const [, kept] = await Promise.all([fromRecords(db, unit, expected), stored(db, unit)]);
    have.push(...kept);
  }
  for (const [id, m] of expected) if (!hasCounts(m.ok) && !hasCounts(m.held)) expected.delete(id);
  return { expected, stored: have, differ: differences(expected, have) };
}

export interface Progress {
  /** Units done so far (including skipped ones), of `total`; `unit` the one just done. */
  (done: number, total: number, unit: string): void;
}

export interface ScopeOptions {
  /** Start at this unit code, skipping the units before it (to finish a rebuild that stopped there). */
  from?: string;
  progress?: Progress;
}

/** Where the stored summaries of `orgCode` and below (all when omitted) differ from the records' (none: they agree). */
export async function checkSummaries(db: Database, orgCode?: string, options: ScopeOptions = {}): Promise<SummaryDifference[]> {
  const chunks = await chunksOf(db, orgCode);
  const out: SummaryDifference[] = [];
  for (const [i, units] of chunks.entries()) {
    if (options.from && units[0] < options.from) continue;
    out.push(...(await chunkDifferences(db, units)).differ);
    options.progress?.(i + 1, chunks.length, units[0]);
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Makes the stored summaries of `orgCode` and below (all when omitted) those of the records, a unit
 * at a time: inserts the missing, writes the ones that differ, removes the ones no record supports,
 * each unit's in one transaction. Answers how many it wrote and removed. Run it while nobody writes
 * (after a load, or to repair): a write meanwhile may need another run, which `check` would show.
 */
export async function rebuildSummaries(db: Database, orgCode?: string, options: ScopeOptions = {}): Promise<{ written: number; removed: number }> {
  const chunks = await chunksOf(db, orgCode);
  let written = 0;
  let removed = 0;
  for (const [i, units] of chunks.entries()) {
    if (options.from && units[0] < options.from) continue;
    const { expected, stored: have, differ } = await chunkDifferences(db, units);
    if (differ.length > 0) {
      const present = new Set(have.map((doc) => doc._id));
      await inTransaction(db, async (tx) => {
        const missing: SummaryDoc[] = [];
        for (const { id } of differ) {
          const m = expected.get(id);
          if (!m) await tx.collection(SUMMARIES).doc(id).remove();
          else if (!present.has(id)) missing.push(docOf(id, m));
          else
            await tx
              .collection(SUMMARIES)
              .doc(id)
              .set(withoutId(docOf(id, m)));
        }
        // A transaction inserts many documents in one request: a unit's months at once.
        if (missing.length > 0) await tx.collection(SUMMARIES).add(missing);
      });
      for (const { id } of differ) if (expected.has(id)) written += 1;
      removed += differ.length - differ.filter(({ id }) => expected.has(id)).length;
    }
    options.progress?.(i + 1, chunks.length, units[0]);
  }
  return { written, removed };
}
