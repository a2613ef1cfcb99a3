/**
 * Figures benchmark: a county of 20 townships × 10 villages with 5 years of records (≈120 000), and
 * one township's figures for a year computed two ways through the real SDK against the gateway:
 *   - in the database: the catalogue's one aggregation per collection (what the figures function does);
 *   - naively: reading every record of the scope into the function (paged get) and counting in JS.
 * Prints both times, the documents each moves, and the ratio. Run: `npx tsx tests/bench/figures.ts`.
 */
import { startGatewayProcess } from '../helpers/gateway';
import { withLocalSdk } from '../../scripts/local-sdk';
import { ensureCollections } from '../../cloudfunctions/lib/collections';
import { insertMany } from '../../cloudfunctions/lib/bulk';
import { computeFigures } from '../../cloudfunctions/lib/figures/compute';
import { mustParsePeriod } from '../../src/domain/period';
import type { Database } from '../../cloudfunctions/lib/cloudbase';

const TOWNSHIPS = 20;
const VILLAGES = 10;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const PER_VILLAGE_YEAR = { outreach: 40, disputes: 40, receptions: 20, consultations: 20 };
const COUNTY = '500114';
const TARGET = `${COUNTY}201`;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - started) / 1e6];
}

const meta = { recordedBy: 'bench', recorderName: '基准', recordedAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z', version: 1, deleted: false };
const day = (year: number, i: number) => `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;

async function seed(db: Database): Promise<number> {
  await ensureCollections(db);
  const orgs: Record<string, unknown>[] = [{ _id: COUNTY, code: COUNTY, name: '基准区', level: '县', parentCode: null, path: [COUNTY] }];
  const docs: Record<string, Record<string, unknown>[]> = { outreach: [], disputes: [], receptions: [], consultations: [] };
  for (let t = 1; t <= TOWNSHIPS; t += 1) {
    const township = `${COUNTY}${200 + t}`;
    orgs.push({ _id: township, code: township, name: `乡${t}`, level: '乡镇', parentCode: COUNTY, path: [COUNTY, township] });
    for (let v = 1; v <= VILLAGES; v += 1) {
      const village = `${township}${String(200 + v)}`;
      const orgPath = [COUNTY, township, village];
      orgs.push({ _id: village, code: village, name: `村${t}-${v}`, level: '村', parentCode: township, path: orgPath });
      for (const year of YEARS) {
        const base = { orgCode: village, orgPath, ...meta };
        for (let i = 0; i < PER_VILLAGE_YEAR.outreach; i += 1)
          docs.outreach.push({
            ...base,
            _id: `o${village}${year}${i}`,
            date: day(year, i),
            type: '院坝会',
            venue: '乡村',
            attendees: 50,
            materials: 100,
            banners: 1,
            consultations: 5,
          });
        for (let i = 0; i < PER_VILLAGE_YEAR.disputes; i += 1)
          docs.disputes.push({
            ...base,
            _id: `d${village}${year}${i}`,
            acceptDate: day(year, i),
            closeDate: day(year, i + 1),
            disputeType: '邻里',
            source: '排查发现',
            state: '调解成功',
          });
        for (let i = 0; i < PER_VILLAGE_YEAR.receptions; i += 1)
          docs.receptions.push({ ...base, _id: `r${village}${year}${i}`, date: day(year, i), leader: '王', people: 3 });
        for (let i = 0; i < PER_VILLAGE_YEAR.consultations; i += 1)
          docs.consultations.push({ ...base, _id: `c${village}${year}${i}`, date: day(year, i), category: '其他', people: 2 });
      }
    }
  }
  await insertMany(db, 'orgs', orgs);
  let total = 0;
  for (const [collection, list] of Object.entries(docs)) total += await insertMany(db, collection, list);
  return total;
}

/** What a function that reads every record of its scope would do: page through all of them. */
async function naiveCount(db: Database, scope: string): Promise<{ moved: number; events: number; materials: number; accepted: number }> {
  let moved = 0;
  let events = 0;
  let materials = 0;
  let accepted = 0;
  for (const collection of ['outreach', 'disputes', 'receptions', 'consultations']) {
    for (let offset = 0; ; offset += 1000) {
      const { data } = await db.collection(collection).where({ orgPath: scope }).skip(offset).limit(1000).get();
      moved += data.length;
      for (const doc of data as Record<string, unknown>[]) {
        if (collection === 'outreach' && String(doc.date).startsWith('2024')) {
          events += 1;
          materials += Number(doc.materials);
        }
        if (collection === 'disputes' && String(doc.acceptDate).startsWith('2024')) accepted += 1;
      }
      if (data.length < 1000) break;
    }
  }
  return { moved, events, materials, accepted };
}

export async function benchFigures(): Promise<void> {
  const gateway = await startGatewayProcess({ args: ['--workers', '0:1'] });
  try {
    await withLocalSdk(gateway.url, async (db) => {
      const [total, seedMs] = await timed(() => seed(db));
      const period = mustParsePeriod('2024');
      await computeFigures(db, TARGET, period); // warm the gateway's indexes once, for both ways
      console.log(
        `figures benchmark (${total} records in ${TOWNSHIPS * VILLAGES} villages over ${YEARS.length} years, seeded in ${(seedMs / 1000).toFixed(1)} s)`,
      );
      for (const [label, scope] of [
        ['one township', TARGET],
        ['the whole county', COUNTY],
      ] as const) {
        const [figures, dbMs] = await timed(() => computeFigures(db, scope, period));
        const [naive, naiveMs] = await timed(() => naiveCount(db, scope));
        if (
          figures['outreach.events'] !== naive.events ||
          figures['outreach.materials'] !== naive.materials ||
          figures['mediation.accepted'] !== naive.accepted
        ) {
          throw new Error(`the two ways disagree: ${JSON.stringify({ figures, naive })}`);
        }
        const ids = Object.keys(figures).length;
        console.log(`  ${label}, 2024: all ${ids} figures aggregated in the database: ${dbMs.toFixed(0)} ms, ${ids} values returned`);
        console.log(`  ${label}, 2024: every record read into the function:        ${naiveMs.toFixed(0)} ms, ${naive.moved} documents moved (for 3 figures)`);
        console.log(
          `  ${label}: ratio naive / database ${(naiveMs / dbMs).toFixed(1)}× in time, ${(naive.moved / ids).toFixed(0)}× in documents over the wire`,
        );
      }
    });
  } finally {
    await gateway.dispose();
  }
}

if (require.main === module) {
  benchFigures().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
