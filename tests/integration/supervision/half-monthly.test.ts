/**
 * A township reporting twice a month (半月报: the 1st–15th and the 16th–end, each due N days after) through
 * the real SDK on the local stack: its admin sets the cadence; its village reports a half on time, a half
 * late, a 零报告 and not at all; completeness, rates, 逾期, reminders, the 月报 ledger sheet and the year
 * close all follow the halves, and the county adds a month's two halves up beside monthly townships.
 * Months reported monthly before the change still count, for both their halves.
 */
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { UNIT, WORLD, buildWorld, recordOf, seed, thisYear, today, type Answer } from '../../helpers/records-world';
import { resolveCaller, type Caller } from '../../../cloudfunctions/lib/caller';
import { submitMonth } from '../../../cloudfunctions/lib/supervision/reports';
import { monthlySheet } from '../../../cloudfunctions/lib/supervision/ledger-sheet';
import { closeConditions } from '../../../cloudfunctions/lib/supervision/year-close';
import { findOrg } from '../../../cloudfunctions/lib/orgs';
import { mustParsePeriod } from '../../../src/domain/period';
import type { CompletenessAnswer, MonthAnswer, SupervisionSettings, TasksAnswer } from '../../../src/domain/supervision/api';
import { monthsOf, nextMonth, previousMonth } from '../../../src/domain/supervision/schedule';

let stack: AppStack;
// Two years back every half is past its due date, whatever today is.
const year = thisYear() - 2;
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

// The year before, and last month, the township still reported monthly (see 'after a change of cadence').
const earlier = year - 1;
const lastMonth = previousMonth(today().slice(0, 7));

beforeAll(async () => {
  stack = await startAppStack();
  await buildWorld(stack);
  const db = await stack.db();
  const flmbr = await callerOf(WORLD.otherFlmbr);
  for (const month of monthsOf(earlier).slice(0, 6)) await submitMonth(db, flmbr, month, at(`${nextMonth(month)}-02`));
  await submitMonth(db, flmbr, lastMonth, new Date());
}, 60000);
afterAll(() => stack?.stop());

const sup = <T = Answer>(data: Record<string, unknown>, openid: string) => stack.call<T & Answer>('supervision', data, openid);
async function ok<T>(data: Record<string, unknown>, openid: string): Promise<T> {
  const answer = await sup<T>(data, openid);
  if (answer.error) throw new Error(`supervision ${String(data.action)}: ${JSON.stringify(answer.error)}`);
  return answer;
}
async function callerOf(openid: string): Promise<Caller> {
  const caller = await resolveCaller(await stack.db(), openid);
  if (!caller) throw new Error(`no account ${openid}`);
  return caller;
}

describe('a township reporting twice a month', () => {
  it('should take the cadence from its admin, with a due day that fits it', async () => {
    const { settings } = await ok<{ settings: SupervisionSettings }>({ action: 'settings' }, WORLD.otherAdmin);
    expect(settings).toMatchObject({ cadence: 'monthly', dueDay: 5 });
    const tooLate = await sup({ action: 'saveSettings', cadence: 'halfMonthly', dueDay: 12, review: false, baseVersion: 0 }, WORLD.otherAdmin);
    expect(tooLate.error).toMatchObject({ code: 'INVALID_FORM', message: expect.stringContaining('1到10天') });
    const saved = await ok<{ settings: SupervisionSettings }>(
      { action: 'saveSettings', cadence: 'halfMonthly', dueDay: 3, review: false, baseVersion: 0 },
      WORLD.otherAdmin,
    );
    expect(saved.settings).toMatchObject({ cadence: 'halfMonthly', dueDay: 3, version: 1 });
  });

  it('should file halves, not months, each due 3 days after it ends', async () => {
    const view = await ok<MonthAnswer>({ action: 'month', month: `${year}-01-H2` }, WORLD.otherFlmbr);
    expect(view).toMatchObject({ month: `${year}-01-H2`, dueDate: `${year}-02-03`, canSubmit: true });
    expect((await ok<MonthAnswer>({ action: 'month', month: `${year}-02-H1` }, WORLD.otherFlmbr)).dueDate).toBe(`${year}-02-18`);
    const whole = await sup({ action: 'submit', month: `${year}-03` }, WORLD.otherFlmbr);
    expect(whole.error).toMatchObject({ code: 'INVALID_PERIOD', message: expect.stringContaining('半月报') });
  });

  describe('completeness', () => {
    beforeAll(async () => {
      // January's first half: 零报告 on the 16th (due the 18th); its second half has an outreach event and
      // is reported on 10 February (due the 3rd): late; February's first half is never reported.
      await seed(stack, WORLD.otherCadre, 'outreach', recordOf('outreach', UNIT.otherVillage, { date: `${year}-01-20` }));
      const db = await stack.db();
      const flmbr = await callerOf(WORLD.otherFlmbr);
      const first = await submitMonth(db, flmbr, `${year}-01-H1`, at(`${year}-01-16`));
      expect(first.report).toMatchObject({ zero: true, onTime: true, dueDate: `${year}-01-18` });
      const second = await submitMonth(db, flmbr, `${year}-01-H2`, at(`${year}-02-10`));
      expect(second.report).toMatchObject({ zero: false, onTime: false });
      expect(second.sentence).toContain('普法活动1次');
    }, 60000);

    it('should show each half as 零报告 / 已报 (late) / 逾期 and rate the township by halves', async () => {
      const answer = await ok<CompletenessAnswer>({ action: 'completeness', year }, WORLD.otherAdmin);
      expect(answer.settings).toMatchObject({ cadence: 'halfMonthly' });
      expect(answer.months.map((m) => m.month).slice(0, 3)).toEqual([`${year}-01-H1`, `${year}-01-H2`, `${year}-02-H1`]);
      expect(answer.months).toHaveLength(24);
      const cells = answer.villages[0].cells;
      expect(cells.slice(0, 3).map((c) => [c.state, c.late])).toEqual([
        ['零报告', false],
        ['已报', true],
        ['逾期', false],
      ]);
      expect(answer.yearRates).toEqual({ expected: 24, reported: 2, onTime: 1, reportingRate: 2 / 24, onTimeRate: 1 / 24 });
    });

    it('should show the current half as 未报 until it is due', async () => {
      const answer = await ok<CompletenessAnswer>({ action: 'completeness', year: thisYear() }, WORLD.otherAdmin);
      const open = answer.villages[0].cells.filter((c) => c.state === '未报').map((c) => c.month);
      expect(open.length).toBeGreaterThan(0);
      expect(open.every((m) => /-H[12]$/.test(m))).toBe(true);
    });

    it('should give the county the township’s rates by month, its two halves added up', async () => {
      const answer = await ok<CompletenessAnswer>({ action: 'completeness', org: UNIT.county, year }, DEMO.county);
      const other = answer.townships.find((t) => t.org.code === UNIT.otherTownship);
      expect(other?.months).toHaveLength(12);
      expect(other?.months[0].rates).toMatchObject({ expected: 2, reported: 2, onTime: 1 });
      expect(other?.year).toMatchObject({ expected: 24, reported: 2, onTime: 1 });
      // 白土乡 reports monthly: 7 villages × 12 months beside it.
      expect(answer.townships.find((t) => t.org.code === UNIT.township)?.year.expected).toBe(84);
    });

    it('should remind a half, not a month, into the village’s 待办', async () => {
      expect((await sup({ action: 'remind', village: UNIT.otherVillage, month: `${year}-02` }, WORLD.otherAdmin)).error?.code).toBe('INVALID_PERIOD');
      const { reminder } = await ok<{ reminder: { message: string } }>(
        { action: 'remind', village: UNIT.otherVillage, month: `${year}-02-H1` },
        WORLD.otherAdmin,
      );
      expect(reminder.message).toContain(`${year}年2月上半月`);
      const tasks = await ok<TasksAnswer>({ action: 'tasks' }, WORLD.otherFlmbr);
      expect(tasks.cadence).toBe('halfMonthly');
      expect(tasks.reminders.map((r) => r.month)).toEqual([`${year}-02-H1`]);
      expect(tasks.overdueMonths.every((m) => /-H[12]$/.test(m))).toBe(true);
    });

    it('should list the halves in the 月报 ledger sheet and ask the year close for all 24', async () => {
      const db = await stack.db();
      const township = await findOrg(db, UNIT.otherTownship);
      if (!township) throw new Error('no township');
      const sheet = await monthlySheet(db, township, mustParsePeriod(String(year)));
      expect(sheet.rows).toHaveLength(1 + 24);
      expect(sheet.rows.slice(1, 4).map((row) => [row[2], row[3]])).toEqual([
        [`${year}年1月上半月`, '零报告'],
        [`${year}年1月下半月`, '已报（迟报）'],
        [`${year}年2月上半月`, '逾期'],
      ]);
      expect(await closeConditions(db, township, year)).toMatchObject({ unreportedMonths: 22 });
    });
  });
  describe('after a change of cadence', () => {
    it('should count the months reported monthly before the change for both their halves', async () => {
      const answer = await ok<CompletenessAnswer>({ action: 'completeness', year: earlier }, WORLD.otherAdmin);
      const cells = answer.villages[0].cells;
      expect(cells.slice(0, 12).map((c) => [c.state, c.late])).toEqual(Array.from({ length: 12 }, () => ['零报告', false]));
      expect(cells.slice(12).every((c) => c.state === '逾期')).toBe(true);
      expect(answer.yearRates).toMatchObject({ expected: 24, reported: 12, onTime: 12 });
      const county = await ok<CompletenessAnswer>({ action: 'completeness', org: UNIT.county, year: earlier }, DEMO.county);
      expect(county.townships.find((t) => t.org.code === UNIT.otherTownship)?.months[0].rates).toMatchObject({ expected: 2, reported: 2 });
    });

    it('should neither remind nor ask the year close for a half its month’s report answers for', async () => {
      const covered = await sup({ action: 'remind', village: UNIT.otherVillage, month: `${earlier}-03-H2` }, WORLD.otherAdmin);
      expect(covered.error).toMatchObject({ code: 'INVALID_FORM', message: expect.stringContaining('已经报送') });
      const db = await stack.db();
      const township = await findOrg(db, UNIT.otherTownship);
      if (!township) throw new Error('no township');
      expect(await closeConditions(db, township, earlier)).toMatchObject({ unreportedMonths: 12 });
      const sheet = await monthlySheet(db, township, mustParsePeriod(`${earlier}-01`));
      expect(sheet.rows.slice(1).map((row) => [row[2], row[3], row[4]])).toEqual([
        [`${earlier}年1月上半月`, '零报告', '罗春梅'],
        [`${earlier}年1月下半月`, '零报告', '罗春梅'],
      ]);
      // On the field's 月报 page a covered half shows its month's report, with nothing left to file.
      const half = await ok<MonthAnswer>({ action: 'submit', month: `${earlier}-03-H2` }, WORLD.otherFlmbr);
      expect(half).toMatchObject({ canSubmit: false, report: { month: `${earlier}-03`, zero: true, onTime: true } });
      expect((await db.collection('monthly_reports').doc(`${UNIT.otherVillage}:${earlier}-03-H2`).get()).data).toEqual([]);
      // Last month was reported monthly: none of its halves is overdue there.
      const tasks = await ok<TasksAnswer>({ action: 'tasks' }, WORLD.otherFlmbr);
      expect(tasks.overdueMonths.filter((m) => m.startsWith(lastMonth))).toEqual([]);
    });
  });
});
