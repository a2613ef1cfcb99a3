/**
 * Durability: the gateway is a child process; bursts of concurrent SDK writes (plain inserts and
 * multi-document transactions) are cut short by `kill -9`; after a restart on the same data
 * directory every acknowledged write is there and no transaction is half-applied. Three rounds.
 */
import { sdkApp, startGatewayProcess, type GatewayProcess } from '../../helpers/gateway';

type Db = ReturnType<ReturnType<typeof sdkApp>['database']>;
interface Tx {
  collection(name: string): ReturnType<Db['collection']>;
}

let gw: GatewayProcess;

beforeAll(async () => {
  gw = await startGatewayProcess({ args: ['--workers', '0:1'] });
  const db = sdkApp(gw.url, gw.envId, 3000).database();
  await db.createCollection('burst');
  await db.createCollection('bank');
  await db.collection('bank').add([
    { _id: 'A', n: 500 },
    { _id: 'B', n: 500 },
  ]);
});

afterAll(async () => {
  await gw?.dispose();
});

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Runs writers until the gateway dies, recording into `acked`/`ackedBatches` what the SDK acknowledged. */
async function burst(db: Db, round: number, stop: () => boolean, acked: string[] = [], ackedBatches: string[] = []) {
  const writer = async (w: number) => {
    for (let i = 0; !stop(); i++) {
      const _id = `r${round}-w${w}-${i}`;
      try {
        if (i % 5 === 4) {
          const batch = (await db.collection('burst').add([0, 1, 2, 3].map((j) => ({ _id: `${_id}-${j}`, round, many: true })))) as unknown as {
            ids: string[];
          };
          acked.push(...batch.ids);
        } else {
          await db.collection('burst').add({ _id, round, payload: 'x'.repeat(200) });
          acked.push(_id);
        }
      } catch {
        return;
      }
    }
  };
  const mover = async (m: number) => {
    for (let i = 0; !stop(); i++) {
      const batch = `t${round}-m${m}-${i}`;
      try {
        await db.runTransaction(async (tx: Tx) => {
          const a = (await tx.collection('bank').doc('A').get()) as unknown as { data: { n: number } };
          const b = (await tx.collection('bank').doc('B').get()) as unknown as { data: { n: number } };
          await tx
            .collection('bank')
            .doc('A')
            .update({ n: a.data.n - 1 });
          await tx
            .collection('bank')
            .doc('B')
            .update({ n: b.data.n + 1 });
          for (let j = 0; j < 3; j++) await tx.collection('burst').add({ _id: `${batch}-${j}`, batch, round });
        });
        ackedBatches.push(batch);
      } catch {
        return;
      }
    }
  };
  await Promise.all([...[0, 1, 2, 3, 4, 5].map(writer), ...[0, 1].map(mover)]);
  return { acked, ackedBatches };
}

test('acknowledged writes survive kill -9; transactions are all-or-nothing (3 rounds)', async () => {
  for (let round = 0; round < 3; round++) {
    let dead = false;
    const db = sdkApp(gw.url, gw.envId, 3000).database();
    const ackedSoFar: string[] = [];
    const running = burst(db, round, () => dead, ackedSoFar);
    // Kill once enough writes were acknowledged (a fixed delay acknowledges too few on a loaded machine),
    // and at a different moment each round.
    while (ackedSoFar.length <= 20 + round * 7) await sleep(20);
    await sleep(round * 150);
    await gw.kill9();
    dead = true;
    const { acked, ackedBatches } = await running;
    expect(acked.length).toBeGreaterThan(20);

    await gw.restart();
    const fresh = sdkApp(gw.url, gw.envId).database();
    const _ = fresh.command;
    const present = new Set<string>();
    const total = (await fresh.collection('burst').where({ round }).count()).total;
    for (let off = 0; off < total; off += 1000) {
      const page = await fresh.collection('burst').where({ round }).orderBy('_id', 'asc').skip(off).limit(1000).field({ _id: true }).get();
      for (const d of page.data as Array<{ _id: string }>) present.add(d._id);
    }
    const missing = acked.filter((id) => !present.has(id));
    expect(missing).toEqual([]);

    const bank = (
      await fresh
        .collection('bank')
        .where({ _id: _.in(['A', 'B']) })
        .get()
    ).data as Array<{ n: number }>;
    expect(bank[0].n + bank[1].n).toBe(1000);
    const batches = await fresh
      .collection('burst')
      .aggregate()
      .match({ round, batch: _.exists(true) })
      .group({ _id: '$batch', c: _.aggregate.sum(1) })
      .end();
    for (const b of batches.data as Array<{ _id: string; c: number }>) expect({ batch: b._id, c: b.c }).toEqual({ batch: b._id, c: 3 });
    const committed = new Set((batches.data as Array<{ _id: string }>).map((b) => b._id));
    expect(ackedBatches.filter((b) => !committed.has(b))).toEqual([]);
    // Each transaction moved one unit and wrote one batch: B's gain equals all committed batches.
    const allBatches = await fresh
      .collection('burst')
      .aggregate()
      .match({ batch: _.exists(true) })
      .group({ _id: '$batch' })
      .count('n')
      .end();
    const b = (await fresh.collection('bank').doc('B').get()).data[0] as { n: number };
    expect(b.n - 500).toBe((allBatches.data[0] as { n: number } | undefined)?.n ?? 0);
    console.log(
      `round ${round}: ${acked.length} inserts and ${ackedBatches.length} transactions acknowledged before kill -9, ${total} documents after restart`,
    );
  }
}, 60000);
