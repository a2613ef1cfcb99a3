/**
 * Gateway benchmark through the real SDK against a gateway child process: sequential single
 * inserts, batched inserts of 1000, `get` with an equality filter, count, a `$group` over 100 000
 * documents, and a restart that reloads them. Run: `npx tsx tests/bench/gateway.ts`.
 */
import { sdkApp, startGatewayProcess } from '../helpers/gateway';

const DOCS = 100_000;
const SINGLE = 1000;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const r = await fn();
  return [r, Number(process.hrtime.bigint() - t) / 1e6];
}

const record = (i: number) => ({
  unit: `u${i % 200}`,
  kind: ['mediation', 'outreach', 'consultation', 'petition'][i % 4],
  n: i % 13,
  at: new Date(Date.UTC(2024, i % 12, 1 + (i % 28))),
  title: `记录 ${i}`,
});

export async function benchGateway(): Promise<void> {
  const gw = await startGatewayProcess({ args: ['--workers', '0:1'] });
  const rows: Array<[string, string]> = [];
  try {
    let db = sdkApp(gw.url, gw.envId, 60000).database();
    await db.createCollection('single');
    await db.createCollection('records');

    const [, singleMs] = await timed(async () => {
      for (let i = 0; i < SINGLE; i++) await db.collection('single').add(record(i));
    });
    const singleRate = SINGLE / (singleMs / 1000);
    rows.push(['single inserts (sequential)', `${singleRate.toFixed(0)} docs/s (${(singleMs / SINGLE).toFixed(2)} ms each)`]);

    const [, batchMs] = await timed(async () => {
      for (let k = 0; k < DOCS; k += 1000) await db.collection('records').add(Array.from({ length: 1000 }, (_, i) => record(k + i)));
    });
    const batchRate = DOCS / (batchMs / 1000);
    rows.push(['batched inserts of 1000', `${batchRate.toFixed(0)} docs/s (${(batchMs / (DOCS / 1000)).toFixed(1)} ms per batch)`]);

    const reps = 20;
    const [got, getMs] = await timed(async () => {
      let last: unknown[] = [];
      for (let r = 0; r < reps; r++)
        last = (
          await db
            .collection('records')
            .where({ unit: `u${r * 4}`, kind: 'mediation' })
            .limit(100)
            .get()
        ).data;
      return last;
    });
    rows.push([`get where unit+kind over ${DOCS} docs`, `${(getMs / reps).toFixed(1)} ms per query (${got.length} docs)`]);

    const [, countMs] = await timed(() => db.collection('records').where({ kind: 'outreach' }).count());
    rows.push([`count over ${DOCS} docs`, `${countMs.toFixed(0)} ms`]);

    const $ = db.command.aggregate;
    const [groups, groupMs] = await timed(() =>
      db
        .collection('records')
        .aggregate()
        .group({ _id: { unit: '$unit', kind: '$kind' }, total: $.sum('$n'), c: $.sum(1), last: $.max('$at') })
        .sort({ total: -1 })
        .limit(1000)
        .end(),
    );
    rows.push([`$group over ${DOCS} docs (${groups.data.length} groups)`, `${(groupMs / 1000).toFixed(2)} s`]);

    const [, matchGroupMs] = await timed(() =>
      db
        .collection('records')
        .aggregate()
        .match({ kind: 'mediation', at: db.command.gte(new Date(Date.UTC(2024, 6, 1))) })
        .group({ _id: '$unit', c: $.sum(1) })
        .end(),
    );
    rows.push([`$match + $group over ${DOCS} docs`, `${(matchGroupMs / 1000).toFixed(2)} s`]);

    await gw.stop();
    const [, restartMs] = await timed(() => gw.restart());
    rows.push([`restart, reloading ${DOCS + SINGLE} docs`, `${(restartMs / 1000).toFixed(2)} s`]);
    db = sdkApp(gw.url, gw.envId, 60000).database();
    const total = (await db.collection('records').count()).total;
    if (total !== DOCS) throw new Error(`expected ${DOCS} documents after restart, found ${total}`);

    rows.push(['ratio batched / single insert throughput', `${(batchRate / singleRate).toFixed(1)}×`]);
    rows.push(['ratio $group over all / one filtered get', `${(groupMs / (getMs / reps)).toFixed(1)}×`]);
  } finally {
    await gw.dispose();
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('gateway benchmark (real SDK → gateway child process, SQLite WAL synchronous=FULL)');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}

if (require.main === module) {
  benchGateway().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
