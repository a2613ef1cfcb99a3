/**
 * The local store's indexes never change an answer: on random documents (mixed types, arrays,
 * missing fields) changed by random writes, every query through the planner (declared indexes, `_id`
 * lookups, sorted index walks, sliced aggregation) answers exactly what mingo answers over every
 * document in natural order — the scan the indexes replace.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Aggregator, find } from 'mingo';
import { runPipeline } from '../../../emulator/aggregate';
import { countDocuments, getDocuments } from '../../../emulator/db-read';
import { decode, encode, type Doc } from '../../../emulator/ejson';
import { CommittedSession } from '../../../emulator/session';
import { keyOf, Store, type WriteOp } from '../../../emulator/store';

const COLL = 'recs';
const CATALOG = {
  [COLL]: [
    { name: 'orgpath_date', fields: ['orgPath', 'date', '_id'] },
    { name: 'state_date', fields: ['state', 'date'] },
    { name: 'date', fields: ['date'] },
    { name: 'n', fields: ['n'] },
  ],
};

const CODES = ['a', 'b', 'c', 'd'];
const DATES = ['2023-12', '2024-01', '2024-02', '2024-03', '2024-06', '2025-01'];
const STATES = ['受理', '调解中', '办结'];
const IDS = Array.from({ length: 40 }, (_, i) => `id${i}`);

const code = fc.constantFrom(...CODES);
const dateStr = fc.constantFrom(...DATES);
/** Mostly plain values, sometimes what an index must treat as irregular. */
const field = <T>(usual: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 8, arbitrary: usual },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, 7, '', new Date(Date.UTC(2024, 0, 5))) },
    { weight: 1, arbitrary: fc.array(usual, { maxLength: 2 }) },
  );

const docArb = fc.record(
  {
    orgPath: fc.oneof({ weight: 6, arbitrary: fc.uniqueArray(code, { minLength: 1, maxLength: 3 }) }, { weight: 1, arbitrary: field(code) }),
    date: field(dateStr),
    state: field(fc.constantFrom(...STATES)),
    n: field(fc.oneof(fc.integer({ min: -3, max: 9 }), fc.constantFrom(0.5, 2.25, 1e-3))),
    deleted: fc.constantFrom(true, false, undefined),
  },
  { requiredKeys: [] },
);

const writeArb = fc.record({ id: fc.oneof(fc.constantFrom(...IDS), fc.integer({ min: 1, max: 5 })), doc: fc.option(docArb, { nil: null, freq: 5 }) });

const range = fc.tuple(dateStr, dateStr).map(([x, y]) => (x <= y ? [x, y] : [y, x]));
const condArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  code.map((c) => ({ orgPath: c })),
  fc.uniqueArray(code, { minLength: 1, maxLength: 2 }).map((cs) => ({ orgPath: { $in: cs } })),
  range.map(([lo, hi]) => ({ date: { $gte: lo, $lte: hi } })),
  range.map(([lo, hi]) => ({ $and: [{ date: { $gte: lo } }, { date: { $lt: hi } }] })),
  dateStr.map((d) => ({ date: { $gt: d } })),
  fc.constantFrom(...STATES).map((s) => ({ state: s })),
  fc.uniqueArray(fc.constantFrom(...STATES), { minLength: 1, maxLength: 2 }).map((s) => ({ state: { $in: s } })),
  fc.constant({ deleted: { $ne: true } }),
  fc.uniqueArray(fc.oneof(fc.constantFrom(...IDS), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 6 }).map((ids) => ({ _id: { $in: ids } })),
  fc.integer({ min: -2, max: 8 }).map((k) => ({ n: { $gte: k } })),
  fc.constant({ date: new Date(Date.UTC(2024, 0, 5)) }),
);
const criteriaArb = fc.array(condArb, { minLength: 1, maxLength: 3 }).map((parts) => Object.assign({}, ...parts) as Record<string, unknown>);
const orderArb = fc.constantFrom<Record<string, 1 | -1>>(
  { date: -1, _id: -1 },
  { date: 1, _id: 1 },
  { date: 1 },
  { date: -1, _id: 1 },
  { n: 1, _id: 1 },
  { state: 1, date: 1, _id: 1 },
);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'indexed-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const all = (store: Store): Doc[] => [...store.collection(COLL).values()].map((e) => e.doc);
const text = (docs: unknown[]): string[] => docs.map((d) => encode(d));

function apply(store: Store, writes: Array<{ id: string | number; doc: Record<string, unknown> | null }>): void {
  const ops: WriteOp[] = writes.map(({ id, doc }) => ({
    coll: COLL,
    key: keyOf(id),
    doc: doc === null ? null : (decode(encode({ _id: id, ...doc })) as Doc),
  }));
  // One op per key per commit, as a request's writes are.
  const last = new Map(ops.map((op) => [op.key, op]));
  store.commit([...last.values()]);
}

async function check(store: Store, criteria: Record<string, unknown>, order: Record<string, 1 | -1>, offset: number, limit: number): Promise<void> {
  const docs = all(store);
  const session = new CommittedSession(store);
  const query = encode(criteria);
  const got = await getDocuments(session, { collectionName: COLL, query, order: encode(order), offset, limit }, 0);
  const want = find(docs, criteria).sort(order).skip(offset).limit(limit).all();
  expect(got.list).toEqual(text(want));

  const unordered = await getDocuments(session, { collectionName: COLL, query, limit: 1000 }, 0);
  expect(unordered.list).toEqual(text(find(docs, criteria).limit(1000).all()));

  expect((await countDocuments(session, { collectionName: COLL, query }, 0)).total).toBe(find(docs, criteria).all().length);

  const group = {
    _id: '$state',
    c: { $sum: 1 },
    s: { $sum: '$n' },
    set: { $addToSet: '$date' },
    f: { $first: '$_id' },
    m: { $max: '$date' },
    p: { $push: '$n' },
  };
  for (const pipeline of [
    [{ $match: criteria }, { $group: group }, { $limit: 1000 }],
    [{ $match: criteria }, { $sort: order }, { $skip: offset }, { $limit: limit }],
    [{ $match: { deleted: { $ne: true } } }, { $match: criteria }, { $sort: order }, { $limit: limit }],
    [{ $match: criteria }, { $addFields: { k: { $cond: [{ $gte: ['$n', 2] }, 1, 0] } } }, { $match: { k: 1 } }, { $group: { _id: null, t: { $sum: '$k' } } }],
  ]) {
    const got2 = await runPipeline(store, COLL, pipeline);
    const capped = pipeline.some((s) => '$limit' in s) ? pipeline : [...pipeline, { $limit: 20 }];
    expect(text(got2)).toEqual(text(new Aggregator(capped).run(docs.map((d) => decode(encode(d)) as Doc))));
  }
}

describe('indexed local store', () => {
  it('should answer every query as a scan does, through writes that move documents between index entries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(writeArb, { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(criteriaArb, orderArb, fc.nat(10), fc.integer({ min: 1, max: 15 })), { minLength: 1, maxLength: 4 }),
        async (batches, queries) => {
          const store = new Store(mkdtempSync(join(dir, 's-')), CATALOG, { indexShare: 1 });
          store.createCollection(COLL);
          try {
            for (const batch of batches) {
              apply(store, batch);
              // Query between writes: indexes are built on first use and then kept current.
              for (const [criteria, order, offset, limit] of queries) await check(store, criteria, order, offset, limit);
            }
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('should walk a declared index for a sorted page and narrow a range by it', async () => {
    const store = new Store(join(dir, 'big'), CATALOG);
    store.createCollection(COLL);
    const writes = Array.from({ length: 3000 }, (_, i) => ({
      id: `r${String(i).padStart(5, '0')}`,
      doc: { orgPath: ['a', i % 3 === 0 ? 'b' : 'c'], date: DATES[i % DATES.length], state: STATES[i % 3], n: i % 7 },
    }));
    apply(store, writes);
    await check(store, { orgPath: 'b', date: { $gte: '2024-01', $lte: '2024-03' } }, { date: -1, _id: -1 }, 40, 20);
    await check(store, { orgPath: 'c', deleted: { $ne: true } }, { date: 1, _id: 1 }, 0, 50);
    store.close();
  });
});
