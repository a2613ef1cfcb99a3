/**
 * Aggregation through the SDK's aggregate() builder: $match $group $sort $project $limit $skip
 * $unwind $count $lookup $addFields with the usual accumulators; dates survive the pipeline; the
 * pipeline never alters stored documents.
 */
import { sdkApp, startGatewayProcess, type GatewayProcess } from '../../helpers/gateway';

let gw: GatewayProcess;
let db: ReturnType<ReturnType<typeof sdkApp>['database']>;

beforeAll(async () => {
  gw = await startGatewayProcess({ args: ['--workers', '0:1'] });
  db = sdkApp(gw.url).database();
  await db.createCollection('records');
  await db.createCollection('units');
  await db.collection('units').add([
    { _id: 'u1', name: '东村' },
    { _id: 'u2', name: '西村' },
  ]);
  await db.collection('records').add([
    { _id: 'r1', unit: 'u1', kind: 'mediation', n: 2, tags: ['a', 'b'], at: new Date('2024-01-05T00:00:00Z'), meta: { ok: true } },
    { _id: 'r2', unit: 'u1', kind: 'outreach', n: 5, tags: ['b'], at: new Date('2024-02-05T00:00:00Z'), meta: { ok: false } },
    { _id: 'r3', unit: 'u2', kind: 'mediation', n: 1, tags: [], at: new Date('2024-03-05T00:00:00Z'), meta: { ok: true } },
    { _id: 'r4', unit: 'u2', kind: 'mediation', n: 4, tags: ['c'], at: new Date('2023-12-31T00:00:00Z'), meta: { ok: true } },
  ]);
});

afterAll(async () => {
  await gw?.dispose();
});

test('$match + $group with accumulators + $sort', async () => {
  const $ = db.command.aggregate;
  const r = await db
    .collection('records')
    .aggregate()
    .match({ at: db.command.gte(new Date('2024-01-01T00:00:00Z')) })
    .group({
      _id: '$unit',
      total: $.sum('$n'),
      count: $.sum(1),
      avg: $.avg('$n'),
      max: $.max('$n'),
      min: $.min('$n'),
      first: $.min('$at'),
      kinds: $.addToSet('$kind'),
    })
    .sort({ total: -1 })
    .end();
  expect(r.data).toHaveLength(2);
  expect(r.data[0]).toMatchObject({ _id: 'u1', total: 7, count: 2, avg: 3.5, max: 5, min: 2 });
  expect(r.data[0].first).toBeInstanceOf(Date);
  expect((r.data[0].first as Date).toISOString()).toBe('2024-01-05T00:00:00.000Z');
  expect(r.data[1]).toMatchObject({ _id: 'u2', total: 1, count: 1, kinds: ['mediation'] });
});

test('$unwind + $group + $sort + $skip + $limit', async () => {
  const $ = db.command.aggregate;
  const r = await db
    .collection('records')
    .aggregate()
    .unwind('$tags')
    .group({ _id: '$tags', c: $.sum(1) })
    .sort({ c: -1, _id: 1 })
    .skip(1)
    .limit(2)
    .end();
  expect(r.data).toEqual([
    { _id: 'a', c: 1 },
    { _id: 'c', c: 1 },
  ]);
});

test('$lookup + $project with expressions, $addFields, $count', async () => {
  const $ = db.command.aggregate;
  const r = await db
    .collection('records')
    .aggregate()
    .match({ kind: 'mediation' })
    .lookup({ from: 'units', localField: 'unit', foreignField: '_id', as: 'unitDoc' })
    .addFields({ double: $.multiply(['$n', 2]) })
    .project({ _id: 1, unitName: $.arrayElemAt(['$unitDoc.name', 0]), double: 1 })
    .sort({ _id: 1 })
    .end();
  expect(r.data).toEqual([
    { _id: 'r1', unitName: '东村', double: 4 },
    { _id: 'r3', unitName: '西村', double: 2 },
    { _id: 'r4', unitName: '西村', double: 8 },
  ]);
  const c = await db.collection('records').aggregate().match({ 'meta.ok': true }).count('n').end();
  expect(c.data).toEqual([{ n: 3 }]);
});

test('pipelines that reshape documents leave the stored documents untouched', async () => {
  await db.collection('records').aggregate().addFields({ 'meta.ok': 'changed', extra: 1 }).unwind('$tags').end();
  const doc = (await db.collection('records').doc('r1').get()).data[0];
  expect(doc.meta).toEqual({ ok: true });
  expect(doc).not.toHaveProperty('extra');
  expect(doc.tags).toEqual(['a', 'b']);
});

test('aggregate on a missing collection → DATABASE_COLLECTION_NOT_EXIST', async () => {
  await expect(db.collection('nope').aggregate().match({}).end()).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
});

test('$group over 20 000 documents', async () => {
  await db.createCollection('many');
  for (let k = 0; k < 20000; k += 1000) {
    await db.collection('many').add(Array.from({ length: 1000 }, (_, i) => ({ g: (k + i) % 7, v: 1 })));
  }
  const $ = db.command.aggregate;
  const r = await db
    .collection('many')
    .aggregate()
    .group({ _id: '$g', s: $.sum('$v') })
    .sort({ _id: 1 })
    .end();
  expect(r.data.map((x: { s: number }) => x.s).reduce((a: number, b: number) => a + b, 0)).toBe(20000);
  expect(r.data).toHaveLength(7);
});

test('like CloudBase, a pipeline without $limit answers 20 rows; with one, as many as it asks', async () => {
  await db.createCollection('villages25');
  await db.collection('villages25').add(Array.from({ length: 25 }, (_, i) => ({ village: `v${String(i).padStart(2, '0')}` })));
  const $ = db.command.aggregate;
  const grouped = () =>
    db
      .collection('villages25')
      .aggregate()
      .group({ _id: '$village', n: $.sum(1) })
      .sort({ _id: 1 });
  const capped = await grouped().end();
  expect(capped.data).toHaveLength(20);
  expect(capped.data[19]._id).toBe('v19');
  const all = await grouped().limit(1000).end();
  expect(all.data).toHaveLength(25);
});
