/**
 * Documents through the real SDK: collections, insert, get (where/doc, order, offset, limit,
 * projection), count, updates with every operator, set/upsert, updateAndReturn, remove, error codes.
 */
import { sdkApp, startGatewayProcess, type GatewayProcess } from '../../helpers/gateway';

let gw: GatewayProcess;
let app: ReturnType<typeof sdkApp>;
let db: ReturnType<ReturnType<typeof sdkApp>['database']>;

beforeAll(async () => {
  gw = await startGatewayProcess({ args: ['--workers', '0:1'] });
  app = sdkApp(gw.url);
  db = app.database();
  for (const c of ['posts', 'bulk', 'misc']) await db.createCollection(c);
  await db.collection('posts').add([
    { _id: 'p1', title: 'Hello world', likes: 3, author: 'u1', tags: ['a', 'b'], meta: { views: 10 }, at: new Date('2024-01-02T03:04:05.678Z') },
    { _id: 'p2', title: 'second', likes: 10, author: 'u2', tags: ['b'], meta: { views: 1 }, at: new Date('2024-03-01T00:00:00Z') },
    { _id: 'p3', title: 'Third HELLO', likes: 7, author: 'u1', tags: [], meta: { views: 5 }, arr: [{ x: 2 }] },
  ]);
});

afterAll(async () => {
  await gw?.dispose();
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code: string }).code;
  }
  throw new Error('expected a TcbError');
}

describe('collections and errors', () => {
  test('createCollection twice → DATABASE_COLLECTION_ALREADY_EXIST', async () => {
    expect(await codeOf(db.createCollection('posts'))).toBe('DATABASE_COLLECTION_ALREADY_EXIST');
  });

  test('missing collection → DATABASE_COLLECTION_NOT_EXIST for get, doc get, count, add', async () => {
    const c = db.collection('nope');
    expect(await codeOf(c.get())).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(await codeOf(c.doc('x').get())).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(await codeOf(c.count())).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(await codeOf(c.add({ a: 1 }))).toBe('DATABASE_COLLECTION_NOT_EXIST');
  });

  test('unsupported geo operator → SYS_ERR', async () => {
    const _ = db.command;
    const q = db.collection('posts').where({ loc: _.geoNear({ geometry: new db.Geo.Point(113, 23), maxDistance: 10 }) });
    expect(await codeOf(q.get())).toBe('SYS_ERR');
  });

  test('duplicate _id → DATABASE_DUPLICATE_WRITE and nothing written', async () => {
    expect(await codeOf(db.collection('misc').add([{ _id: 'd1' }, { _id: 'd1' }]))).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await db.collection('misc').where({ _id: 'd1' }).count()).total).toBe(0);
  });
});

describe('insert and read', () => {
  test('add one returns a generated id; dates and server dates come back as Dates', async () => {
    const before = Date.now();
    const r = await db
      .collection('misc')
      .add({ n: 1.5, big: 2 ** 40, at: new Date(1704164645678), s: db.serverDate({ offset: 1000 }), nested: { deep: [1, { k: 'v' }] } });
    expect(r.id).toMatch(/^[0-9a-f]{32}$/);
    const got = (await db.collection('misc').doc(String(r.id)).get()).data[0];
    expect(got).toMatchObject({ _id: r.id, n: 1.5, big: 2 ** 40, nested: { deep: [1, { k: 'v' }] } });
    expect(got.at).toBeInstanceOf(Date);
    expect((got.at as Date).getTime()).toBe(1704164645678);
    expect(got.s).toBeInstanceOf(Date);
    expect((got.s as Date).getTime()).toBeGreaterThanOrEqual(before + 1000);
    expect((got.s as Date).getTime()).toBeLessThan(Date.now() + 1000 + 50);
  });

  test('add many returns ids in order', async () => {
    const r = (await db.collection('misc').add([{ _id: 'm1', v: 1 }, { v: 2 }])) as unknown as { ids: string[] };
    expect(r.ids[0]).toBe('m1');
    expect(r.ids).toHaveLength(2);
  });

  test('where with comparison, logic, array and nested operators', async () => {
    const _ = db.command;
    const ids = async (q: object) => (await db.collection('posts').where(q).get()).data.map((d: { _id: string }) => d._id).sort();
    expect(await ids({ likes: _.gt(5) })).toEqual(['p2', 'p3']);
    expect(await ids({ author: _.in(['u2']), 'meta.views': _.gte(1) })).toEqual(['p2']);
    expect(await ids({ likes: _.gt(2).and(_.lt(8)) })).toEqual(['p1', 'p3']);
    expect(await ids(_.or([{ likes: 10 }, { title: db.RegExp({ regexp: '^hello', options: 'i' }) }]))).toEqual(['p1', 'p2']);
    expect(await ids({ title: /third/i })).toEqual(['p3']);
    expect(await ids({ tags: _.size(0) })).toEqual(['p3']);
    expect(await ids({ tags: 'b' })).toEqual(['p1', 'p2']);
    expect(await ids({ arr: _.elemMatch({ x: _.gt(1) }) })).toEqual(['p3']);
    expect(await ids({ arr: _.exists(false) })).toEqual(['p1', 'p2']);
    expect(await ids({ author: _.neq('u1') })).toEqual(['p2']);
    expect(await ids({ meta: { views: 5 } })).toEqual(['p3']);
    expect(await ids({ at: _.gte(new Date('2024-02-01T00:00:00Z')) })).toEqual(['p2']);
    expect(await ids({ at: _.lt(db.serverDate()) })).toEqual(['p1', 'p2']);
  });

  test('orderBy, skip, limit and field projection', async () => {
    const r = await db.collection('posts').where({}).orderBy('likes', 'desc').skip(1).limit(1).field({ title: true }).get();
    expect(r.data).toEqual([{ _id: 'p3', title: 'Third HELLO' }]);
    const two = await db
      .collection('posts')
      .orderBy('author', 'asc')
      .orderBy('likes', 'desc')
      .field({ likes: false, tags: false, meta: false, at: false, arr: false })
      .get();
    expect(two.data.map((d: { _id: string }) => d._id)).toEqual(['p3', 'p1', 'p2']);
    expect(two.data[0]).toEqual({ _id: 'p3', title: 'Third HELLO', author: 'u1' });
  });

  test('get limits: 100 by default, 1000 at most; count sees all', async () => {
    const docs = Array.from({ length: 1100 }, (_, i) => ({ i, even: i % 2 === 0 }));
    for (let k = 0; k < docs.length; k += 550) await db.collection('bulk').add(docs.slice(k, k + 550));
    expect((await db.collection('bulk').get()).data).toHaveLength(100);
    expect((await db.collection('bulk').limit(5000).get()).data).toHaveLength(1000);
    const last = await db.collection('bulk').orderBy('i', 'asc').skip(1050).limit(1000).get();
    expect(last.data.map((d: { i: number }) => d.i)).toEqual(Array.from({ length: 50 }, (_, i) => 1050 + i));
    expect((await db.collection('bulk').count()).total).toBe(1100);
    expect((await db.collection('bulk').where({ even: true }).count()).total).toBe(550);
  });
});

describe('equality filters (served by in-memory indexes) stay right as documents change', () => {
  test('insert, update, remove and arrays are reflected; natural order kept', async () => {
    const c = db.collection('misc');
    await c.add([
      { _id: 'e1', grp: 'g1', arr: ['k1'] },
      { _id: 'e2', grp: 'g2' },
      { _id: 'e3', grp: 'g1' },
    ]);
    const ids = async (q: object) => (await c.where(q).get()).data.map((d: { _id: string }) => d._id);
    expect(await ids({ grp: 'g1' })).toEqual(['e1', 'e3']);
    await c.doc('e2').update({ grp: 'g1' });
    expect(await ids({ grp: 'g1' })).toEqual(['e1', 'e2', 'e3']);
    expect(await ids({ grp: 'g2' })).toEqual([]);
    await c.doc('e1').update({ arr: db.command.push(['k2']) });
    expect(await ids({ arr: 'k2' })).toEqual(['e1']);
    await c.doc('e3').remove();
    await c.add({ _id: 'e4', grp: 'g1', n: 1 });
    expect(await ids({ grp: 'g1' })).toEqual(['e1', 'e2', 'e4']);
    expect(await ids({ grp: 'g1', n: 1 })).toEqual(['e4']);
    expect((await c.where({ grp: 'g1' }).count()).total).toBe(3);
  });
});

describe('updates and removes', () => {
  test('doc().update with every operator and a server date', async () => {
    const _ = db.command;
    await db.collection('misc').add({ _id: 'u', n: 2, m: 3, gone: 1, list: [1, 2, 3], set: ['x'], nest: { a: 1 } });
    const r = await db
      .collection('misc')
      .doc('u')
      .update({
        n: _.inc(5),
        m: _.mul(2),
        gone: _.remove(),
        list: _.push([4]),
        set: _.addToSet('y'),
        'nest.b': 2,
        touched: db.serverDate(),
      });
    expect(r.updated).toBe(1);
    await db
      .collection('misc')
      .doc('u')
      .update({ list: _.pull(2) });
    await db.collection('misc').doc('u').update({ set: _.pop() });
    await db.collection('misc').doc('u').update({ list: _.shift() });
    await db
      .collection('misc')
      .doc('u')
      .update({ list: _.unshift([0]) });
    const d = (await db.collection('misc').doc('u').get()).data[0];
    expect(d).toMatchObject({ n: 7, m: 6, list: [0, 3, 4], set: ['x'], nest: { a: 1, b: 2 } });
    expect(d).not.toHaveProperty('gone');
    expect(d.touched).toBeInstanceOf(Date);
  });

  test('updated counts modified documents; a no-op update reports 0', async () => {
    const _ = db.command;
    await db.collection('misc').add([
      { _id: 'w1', g: 'w', v: 1 },
      { _id: 'w2', g: 'w', v: 2 },
      { _id: 'w3', g: 'w', v: 1 },
    ]);
    expect(
      (
        await db
          .collection('misc')
          .where({ g: 'w' })
          .update({ v: _.inc(1) })
      ).updated,
    ).toBe(3);
    expect((await db.collection('misc').where({ g: 'w', v: 2 }).update({ v: 2 })).updated).toBe(0);
    expect((await db.collection('misc').doc('missing').update({ v: 1 })).updated).toBe(0);
  });

  test('doc().set replaces the document or creates it', async () => {
    const created = await db.collection('misc').doc('s1').set({ a: 1, b: 2 });
    expect(created).toMatchObject({ updated: 0, upsertedId: 's1' });
    const replaced = await db.collection('misc').doc('s1').set({ c: 3 });
    expect(replaced.updated).toBe(1);
    expect((await db.collection('misc').doc('s1').get()).data[0]).toEqual({ _id: 's1', c: 3 });
  });

  test('updateAndReturn answers the updated document', async () => {
    const _ = db.command;
    await db.collection('misc').add({ _id: 'r1', k: 'r', v: 1 });
    const r = await db
      .collection('misc')
      .where({ k: 'r' })
      .updateAndReturn({ v: _.inc(100) });
    expect(r.updated).toBe(1);
    expect(r.doc).toEqual({ _id: 'r1', k: 'r', v: 101 });
  });

  test('remove by doc and by where', async () => {
    await db.collection('misc').add([
      { _id: 'x1', del: true },
      { _id: 'x2', del: true },
      { _id: 'x3', del: true },
    ]);
    expect((await db.collection('misc').doc('x1').remove()).deleted).toBe(1);
    expect((await db.collection('misc').doc('x1').remove()).deleted).toBe(0);
    expect((await db.collection('misc').where({ del: true }).remove()).deleted).toBe(2);
    expect((await db.collection('misc').where({ del: true }).count()).total).toBe(0);
  });
});
