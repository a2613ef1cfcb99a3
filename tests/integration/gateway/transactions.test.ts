/**
 * Transactions through the SDK: own writes visible inside, commit/abort, the conflict answer that
 * makes runTransaction re-run its callback, and concurrent increments that never lose an update.
 * As on CloudBase (MongoDB's write-conflict rule), the second of two concurrent transactional
 * writers of a document fails at once with DATABASE_TRANSACTION_CONFLICT instead of waiting.
 */
import { sdkApp, startGatewayProcess, type GatewayProcess } from '../../helpers/gateway';

type Db = ReturnType<ReturnType<typeof sdkApp>['database']>;
/** The SDK's transaction object (its published typings leave it as `any`). */
interface Transaction {
  collection(name: string): ReturnType<Db['collection']>;
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

let gw: GatewayProcess;
let db: Db;

beforeAll(async () => {
  gw = await startGatewayProcess({ args: ['--workers', '0:1'] });
  db = sdkApp(gw.url).database();
  await db.createCollection('acc');
});

afterAll(async () => {
  await gw?.dispose();
});

const value = async (id: string): Promise<Record<string, unknown> | undefined> => (await db.collection('acc').doc(id).get()).data[0];

test('a transaction sees its own writes; commit publishes them all at once', async () => {
  await db.collection('acc').add([
    { _id: 'a', n: 10 },
    { _id: 'b', n: 0 },
    { _id: 'gone', n: 1 },
  ]);
  const t: Transaction = await db.startTransaction();
  await t
    .collection('acc')
    .doc('a')
    .update({ n: db.command.inc(-3) });
  await t.collection('acc').doc('b').set({ n: 3 });
  await t.collection('acc').add({ _id: 'c', n: 7 });
  await t.collection('acc').doc('gone').remove();
  expect(((await t.collection('acc').doc('a').get()) as unknown as { data: { n: number } }).data.n).toBe(7);
  const inside = await t
    .collection('acc')
    .where({ n: db.command.gte(3) })
    .get();
  expect(inside.data.map((d: { _id: string }) => d._id).sort()).toEqual(['a', 'b', 'c']);
  // Outside the transaction nothing has changed yet.
  expect((await value('a'))?.n).toBe(10);
  expect(await value('c')).toBeUndefined();
  await t.commit();
  expect((await value('a'))?.n).toBe(7);
  expect((await value('b'))?.n).toBe(3);
  expect((await value('c'))?.n).toBe(7);
  expect(await value('gone')).toBeUndefined();
});

test('abort discards everything; a rollback inside runTransaction rejects with its reason', async () => {
  const t: Transaction = await db.startTransaction();
  await t.collection('acc').doc('a').update({ n: 1000 });
  await t.rollback();
  expect((await value('a'))?.n).toBe(7);
  await expect(
    db.runTransaction(async (tx: Transaction) => {
      await tx.collection('acc').doc('a').update({ n: 2000 });
      await tx.rollback('not today');
    }),
  ).rejects.toBe('not today');
  expect((await value('a'))?.n).toBe(7);
});

test('a callback that throws commits nothing', async () => {
  await expect(
    db.runTransaction(async (tx: Transaction) => {
      await tx.collection('acc').doc('a').update({ n: 3000 });
      throw new Error('app failure');
    }),
  ).rejects.toThrow('app failure');
  expect((await value('a'))?.n).toBe(7);
});

test('two concurrent transactional writers: the second fails at once with DATABASE_TRANSACTION_CONFLICT', async () => {
  await db.collection('acc').add({ _id: 'w', n: 0 });
  const t1: Transaction = await db.startTransaction();
  const t2: Transaction = await db.startTransaction();
  await t1.collection('acc').doc('w').update({ n: 1 });
  const started = Date.now();
  await expect(t2.collection('acc').doc('w').update({ n: 2 })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
  // No waiting for t1 (the old gateway waited up to 1 s for its lock).
  expect(Date.now() - started).toBeLessThan(300);
  // The loser is aborted; the winner commits.
  await expect(t2.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
  await t1.commit();
  expect((await value('w'))?.n).toBe(1);
});

test('a document an `_id` list read found absent, created meanwhile by another, conflicts with this transaction writing it', async () => {
  const t: Transaction = await db.startTransaction();
  const read = await t
    .collection('acc')
    .where({ _id: db.command.in(['listed', 'a']) })
    .get();
  expect(read.data.map((d: { _id: string }) => d._id)).toEqual(['a']);
  // Someone else creates the document this transaction saw as absent, and commits.
  await db.collection('acc').add({ _id: 'listed', n: 1 });
  // Writing it now would overwrite a document this transaction never saw: it conflicts, as with doc().get().
  const write = async () => {
    await t.collection('acc').doc('listed').set({ n: 100 });
    await t.commit();
  };
  await expect(write()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
  expect((await value('listed'))?.n).toBe(1);
});

test("runTransaction re-runs the loser's callback after the winner commits: no lost update", async () => {
  await db.collection('acc').add({ _id: 'counter', n: 0 });
  const increment = async (tx: Transaction): Promise<void> => {
    const cur = (await tx.collection('acc').doc('counter').get()) as unknown as { data: { n: number } };
    await tx
      .collection('acc')
      .doc('counter')
      .update({ n: cur.data.n + 1 });
  };
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let firstWrote!: () => void;
  const wrote = new Promise<void>((r) => (firstWrote = r));
  // The first writer holds its uncommitted write until the second has failed once.
  const first = db.runTransaction(async (tx: Transaction) => {
    await increment(tx);
    firstWrote();
    await held;
  });
  await wrote;
  let runs = 0;
  const second = db.runTransaction(async (tx: Transaction) => {
    runs++;
    if (runs === 2) {
      release();
      await first;
    }
    await increment(tx);
  });
  await Promise.all([first, second]);
  expect(runs).toBe(2);
  expect((await value('counter'))?.n).toBe(2);
});

test('eight concurrent runTransaction increments: every one that succeeds is counted, none lost', async () => {
  await db.collection('acc').add({ _id: 'many', n: 0 });
  const bump = () =>
    db.runTransaction(async (tx: Transaction) => {
      const cur = (await tx.collection('acc').doc('many').get()) as unknown as { data: { n: number } };
      await tx
        .collection('acc')
        .doc('many')
        .update({ n: cur.data.n + 1 });
    });
  const results = await Promise.allSettled(Array.from({ length: 8 }, bump));
  const ok = results.filter((r) => r.status === 'fulfilled').length;
  for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
  expect(ok).toBeGreaterThan(0);
  expect((await value('many'))?.n).toBe(ok);
});

test('a concurrent write outside the transaction → conflict at commit → callback re-runs, no lost update', async () => {
  await db.collection('acc').add({ _id: 'k', n: 0 });
  let runs = 0;
  await db.runTransaction(async (tx: Transaction) => {
    runs++;
    const cur = (await tx.collection('acc').doc('k').get()) as unknown as { data: { n: number } };
    if (runs === 1)
      await db
        .collection('acc')
        .doc('k')
        .update({ n: db.command.inc(1) });
    await tx
      .collection('acc')
      .doc('k')
      .update({ n: cur.data.n + 1 });
  });
  expect(runs).toBe(2);
  expect((await value('k'))?.n).toBe(2);
});

test('two interleaved transactions on one document: the later write answers DATABASE_TRANSACTION_CONFLICT', async () => {
  await db.collection('acc').add({ _id: 'i', n: 0 });
  const t1: Transaction = await db.startTransaction();
  const t2: Transaction = await db.startTransaction();
  await t1.collection('acc').doc('i').get();
  await t2.collection('acc').doc('i').get(); // reads never wait
  await t2.collection('acc').doc('i').update({ n: 2 });
  await t2.commit();
  // t1 read the document before t2's commit: its write is refused at once, and it is aborted.
  await expect(t1.collection('acc').doc('i').update({ n: 1 })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
  await expect(t1.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
  expect((await value('i'))?.n).toBe(2);
});

test('an unknown transaction id answers the retryable conflict code', async () => {
  const t: Transaction = await db.startTransaction();
  await t.commit();
  await expect(t.collection('acc').doc('a').get()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
});
