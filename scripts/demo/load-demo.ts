/**
 * The demo township for the local stack: 白土乡 (黔江区) — its units, roster and a year of records
 * from the ledger in tests/fixtures/baitu-2023, moved into the current year; the year before from the
 * same ledger, thinned, so that 比上年 compares with a believable year; and a few demo accounts to
 * sign in as. Loaded only into an empty database.
 */
import type { Database } from '../../cloudfunctions/lib/cloudbase';
import { ensureCollections } from '../../cloudfunctions/lib/collections';
import { insertMany } from '../../cloudfunctions/lib/bulk';
import { rebuildSummaries } from '../../cloudfunctions/lib/summaries/rebuild';
import { parseLedger } from '../../src/domain/ledger/ledger';
import type { LedgerDoc } from '../../src/domain/ledger/parse';
import { beijingDate } from '../../src/domain/dates';
import type { Collection } from '../../src/domain/records/common';
import { PERIODS } from '../../src/domain/records/periods';
import { BAITU_2023, readCsvFolder } from '../ledger-files';
import { shiftDoc } from './shift-year';
import { demoAccounts } from './accounts';
import { seedPublicDemo } from './public-demo';

const LEDGER_YEAR = 2023;
const TOWNSHIP = '500114213';
const COUNTY = '500114';

/** The date that places a record in time (the kinds' description): records dated after today are left out. */
const mainDate = (collection: string): string | undefined => PERIODS[collection as Collection]?.date;

/** Loads the demo into an empty database; answers what was loaded, or null when data was there. */
export async function loadDemoIfEmpty(db: Database, now: Date): Promise<string | null> {
  await ensureCollections(db);
  const { total } = await db.collection('orgs').count();
  if (total > 0) return null;

  const today = beijingDate(now);
  const years = Number(today.slice(0, 4)) - LEDGER_YEAR;
  const parsed = parseLedger(readCsvFolder(BAITU_2023), new Map());
  if (parsed.problems.length) throw new Error(`演示台账有错误：${JSON.stringify(parsed.problems[0])}`);

  const stamp = now.toISOString();
  const counts: string[] = [];
  for (const [collection, docs] of Object.entries(parsed.records)) {
    const dateField = mainDate(collection);
    const shifted = (docs ?? [])
      .map((doc) => shiftDoc(doc, years))
      .filter((doc) => !dateField || String(doc[dateField]) <= today)
      .map((doc) => (collection === 'disputes' || collection === 'petitions' ? reopenIfClosedLater(doc, today) : doc))
      .map((doc) => (collection === 'orgs' ? doc : withMeta(doc, stamp)));
    // Where the ledger itself carries last year's figures (其他指标 of the year before), they stay.
    const taken = new Set(shifted.map((doc) => String(doc._id)));
    const extra =
      collection === 'people'
        ? DEMO_STAFF.map((doc) => withMeta(doc, stamp))
        : previousYear(collection, docs ?? [], years - 1)
            .filter((doc) => !taken.has(String(doc._id)))
            .map((doc) => withMeta(doc, stamp));
    counts.push(`${collection} ${await insertMany(db, collection, [...shifted, ...extra])}`);
  }

  const villages = new Set((parsed.records.orgs ?? []).filter((o) => o.level === '村').map((o) => o._id));
  const people = [...(parsed.records.people ?? []), ...DEMO_STAFF];
  await insertMany(db, 'accounts', demoAccounts(people, villages, TOWNSHIP, COUNTY) as unknown as Record<string, unknown>[]);
  counts.push(await seedPublicDemo(db, now));
  // The records went in directly, in bulk: their summaries are made from them once, here.
  const { written } = await rebuildSummaries(db);
  counts.push(`summaries ${written}`);
  return counts.join('，');
}

/**
 * Last year's records: the ledger moved to the year before this one, about one record in six left
 * out and entered figures a tenth lower, with ids of their own. Units and the roster are not records
 * of a year.
 */
function previousYear(collection: string, docs: readonly LedgerDoc[], years: number): LedgerDoc[] {
  const dateField = mainDate(collection);
  if (!dateField && collection !== 'manual_figures') return [];
  const year = LEDGER_YEAR + years;
  return docs
    .filter((_doc, i) => i % 6 !== 5)
    .map((doc) => shiftDoc(doc, years))
    .filter((doc) => (dateField ? String(doc[dateField]).startsWith(`${year}-`) : doc.year === year))
    .map((doc) =>
      dateField
        ? { ...doc, _id: `${String(doc._id)}-${year}` }
        : { ...doc, value: typeof doc.value === 'number' ? Math.round(doc.value * 0.9) : doc.value, _id: `${String(doc.orgCode)}:${year}:${String(doc.code)}` },
    );
}

/** Cases "closed" after today are, today, still being worked on. */
function reopenIfClosedLater(doc: LedgerDoc, today: string): LedgerDoc {
  if (typeof doc.closeDate !== 'string' || doc.closeDate <= today) return doc;
  const { closeDate: _closeDate, ...open } = doc;
  return { ...open, state: doc.state === '办结' ? '办理中' : '调解中', amount: undefined } as LedgerDoc;
}

function withMeta(doc: LedgerDoc, stamp: string): LedgerDoc {
  return { ...doc, recordedBy: 'demo', recorderName: doc.recorderName ?? '演示数据', recordedAt: stamp, updatedAt: stamp, version: 1, deleted: false };
}

/** Staff the ledger's roster does not list (they count in no figure): the admin and a village cadre. */
const DEMO_STAFF: LedgerDoc[] = [
  { _id: 'DEMO-ADMIN', name: '周海燕', orgCode: TOWNSHIP, orgPath: [COUNTY, TOWNSHIP], orgLevel: '乡镇', role: '乡镇干部' },
  { _id: 'DEMO-CADRE', name: '田国华', orgCode: '500114213201', orgPath: [COUNTY, TOWNSHIP, '500114213201'], orgLevel: '村', role: '村干部' },
];
