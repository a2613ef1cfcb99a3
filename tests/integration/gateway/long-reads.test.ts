/**
 * A long read shares the gateway: a health check sent while a big aggregation runs is answered
 * before the aggregation ends (the aggregation gives the event loop back between slices), and an
 * aggregation whose caller gave up (the SDK's request timeout) stops: no slice runs after it noticed.
 * The gateway runs in this process so the test can read its slice counters (emulator/work.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startGateway, type Gateway } from '../../../emulator/gateway';
import { workStats } from '../../../emulator/work';
import { sdkApp, signedSdkHeaders, tempDir } from '../../helpers/gateway';

let gw: Gateway;
const DOCS = 12000;

beforeAll(async () => {
  const dir = tempDir('long-reads-');
  mkdirSync(join(dir, 'fns'));
  gw = await startGateway({ dataDir: join(dir, 'data'), functionsDir: join(dir, 'fns'), minWorkers: 0, maxWorkers: 1 });
  const db = sdkApp(gw.url).database();
  await db.createCollection('big');
  for (let i = 0; i < DOCS; i += 2000) {
    await db.collection('big').add(Array.from({ length: 2000 }, (_, j) => ({ k: (i + j) % 7, n: i + j, s: `v${(i + j) % 13}` })));
  }
}, 120000);

afterAll(async () => {
  await gw?.close();
});

/** Many expressions per document over every document: a long computation. */
function heavy(db: ReturnType<ReturnType<typeof sdkApp>['database']>) {
  const conds = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`c${i}`, { $sum: { $cond: [{ $gte: [{ $mod: ['$n', i + 2] }, 1] }, '$n', 0] } }]));
  return db
    .collection('big')
    .aggregate()
    .match({ n: db.command.gte(0) })
    .addFields({ m: { $multiply: ['$n', 3] } })
    .group({ _id: '$k', ...conds })
    .limit(100)
    .end();
}

const until = async (ok: () => boolean, what: string): Promise<void> => {
  for (let i = 0; !ok(); i++) {
    if (i > 6000) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

it('should answer a health check while a long aggregation runs', async () => {
  const db = sdkApp(gw.url, 'test-env', 60000).database();
  const done: string[] = [];
  const before = workStats.chunksDone;
  const long = heavy(db).then((r) => {
    done.push('aggregate');
    return r;
  });
  await until(() => workStats.chunksDone > before + 2, 'the aggregation runs in slices');
  const res = await fetch(`${gw.url}/api/health`);
  done.push('health');
  expect(res.status).toBe(200);
  const r = await long;
  expect(done).toEqual(['health', 'aggregate']);
  expect(r.data).toHaveLength(7);
}, 120000);

it('should stop an aggregation whose caller went away', async () => {
  // What a function killed at its time limit does to its database call: the connection closes.
  // (The SDK's own request timeout leaves the socket open, so the gateway cannot see that one.)
  const conds = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`c${i}`, { $sum: { $cond: [{ $gte: [{ $mod: ['$n', i + 2] }, 1] }, '$n', 0] } }]));
  const stages = [{ $match: { n: { $gte: 0 } } }, { $addFields: { m: { $multiply: ['$n', 3] } } }, { $group: { _id: '$k', ...conds } }, { $limit: 100 }];
  const body = {
    action: 'database.aggregateDocuments',
    collectionName: 'big',
    stages: stages.map((st) => ({ stageKey: Object.keys(st)[0], stageValue: JSON.stringify(Object.values(st)[0]) })),
  };
  const cancelledBefore = workStats.cancelled;
  const before = workStats.chunksDone;
  const caller = new AbortController();
  const call = fetch(`${gw.url}/admin`, {
    method: 'POST',
    headers: signedSdkHeaders(gw.url, '/admin', body),
    body: JSON.stringify(body),
    signal: caller.signal,
  });
  await until(() => workStats.chunksDone > before + 2, 'the aggregation runs in slices');
  caller.abort();
  await expect(call).rejects.toThrow();
  await until(() => workStats.cancelled > cancelledBefore, 'the aggregation noticed its caller left');
  const slices = workStats.chunksDone;
  // Nothing else runs: a round trip later, no slice of the abandoned aggregation has run.
  expect((await fetch(`${gw.url}/api/health`)).status).toBe(200);
  await new Promise((r) => setTimeout(r, 200));
  expect(workStats.chunksDone).toBe(slices);
}, 120000);
