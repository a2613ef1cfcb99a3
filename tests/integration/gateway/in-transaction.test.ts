/**
 * The application's transaction wrapper (cloudfunctions/lib/cloudbase.ts) under contention: CloudBase
 * fails all but one concurrent writer of a document at once and the SDK retries only 3 times, so ten
 * functions bumping one counter at the same moment would mostly fail without the wrapper's own
 * retry with backoff. With it every bump lands exactly once.
 */
import { sdkApp, startGatewayProcess, type GatewayProcess } from '../../helpers/gateway';
import { inTransaction, type Database } from '../../../cloudfunctions/lib/cloudbase';

let gw: GatewayProcess;
let db: Database;

beforeAll(async () => {
  gw = await startGatewayProcess({ args: ['--workers', '0:1'] });
  db = sdkApp(gw.url).database() as unknown as Database;
  await db.createCollection('counters');
  await db.collection('counters').add({ _id: 'c', n: 0 });
});

afterAll(async () => {
  await gw?.dispose();
});

test('ten concurrent increments through inTransaction all succeed and none is lost', async () => {
  const bump = () =>
    inTransaction(db, async (tx) => {
      const cur = (await tx.collection('counters').doc('c').get()) as unknown as { data: { n: number } };
      await tx
        .collection('counters')
        .doc('c')
        .update({ n: cur.data.n + 1 });
      return cur.data.n + 1;
    });
  const results = await Promise.allSettled(Array.from({ length: 10 }, bump));
  expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
  const seen = results.map((r) => (r as PromiseFulfilledResult<number>).value).sort((a, b) => a - b);
  expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect((await db.collection('counters').doc('c').get()).data[0].n).toBe(10);
});
