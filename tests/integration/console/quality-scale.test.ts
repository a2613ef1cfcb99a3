/**
 * Data-quality warnings for a township larger than CloudBase's 20-row aggregate default: 25 villages
 * that all logged something this month get no "nothing logged this month" warning, and the one that
 * did not gets exactly one. The gateway caps a pipeline without $limit at 20 rows, as CloudBase does,
 * so a grouping that forgets its $limit shows up here as false warnings.
 */
import { rebuildSummaries } from '../../../cloudfunctions/lib/summaries/rebuild';
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { beijingDate } from '../../../src/domain/dates';
import type { QualityAnswer } from '../../../src/domain/console/api';

const COUNTY = '500114';
const TOWNSHIP = '500114299';
const now = new Date();
const today = beijingDate(now);
const year = Number(today.slice(0, 4));
const villageCode = (i: number) => `${TOWNSHIP}${String(200 + i).padStart(3, '0')}`;
const VILLAGES = Array.from({ length: 26 }, (_, i) => villageCode(i));
const QUIET = VILLAGES[25];

let stack: AppStack;

beforeAll(async () => {
  stack = await startAppStack(now);
  const db = await stack.db();
  await db
    .collection('orgs')
    .add([
      { _id: TOWNSHIP, code: TOWNSHIP, name: '大乡', level: '乡镇', parentCode: COUNTY, path: [COUNTY, TOWNSHIP] },
      ...VILLAGES.map((code, i) => ({ _id: code, code, name: `第${i + 1}村`, level: '村', parentCode: TOWNSHIP, path: [COUNTY, TOWNSHIP, code] })),
    ]);
  // One 普法活动 today in every village but the last.
  await db.collection('outreach').add(
    VILLAGES.slice(0, 25).map((code) => ({
      _id: `scale-${code}`,
      orgCode: code,
      orgPath: [COUNTY, TOWNSHIP, code],
      date: today,
      recordedBy: 'seed',
      version: 1,
      deleted: false,
    })),
  );
  // Written past the record store: the summaries the figures read are made from them.
  await rebuildSummaries(db);
}, 60000);
afterAll(() => stack?.stop());

test('a township of 26 villages: only the one with nothing this month is flagged', async () => {
  const answer = await stack.call<QualityAnswer>('console', { action: 'quality', org: TOWNSHIP, year }, DEMO.county);
  const flagged = answer.warnings.filter((w) => w.rule === 'no_records_this_month').map((w) => w.id);
  expect(flagged).toEqual([`no_records_this_month:${QUIET}`]);
});
