/**
 * Township supervision through the real SDK on the local stack (demo township 白土乡, 7 villages):
 * 月报 and 零报告, completeness and rates, 补报, review (审核) before records count, and the year close's
 * conditions. Reports of a past year are submitted through the application layer with the clock of
 * that time (the lib takes `now`, the entry point passes the real one); everything else goes through
 * the functions as the app calls them.
 */
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { UNIT, buildWorld, must, recordOf, seed, stored, storedHistory, thisYear, today, type Answer } from '../../helpers/records-world';
import { resolveCaller, type Caller } from '../../../cloudfunctions/lib/caller';
import { submitMonth } from '../../../cloudfunctions/lib/supervision/reports';
import { historyOf } from '../../../cloudfunctions/lib/history';
import type { FiguresAnswer, RecordView } from '../../../src/domain/api';
import type { CloseAnswer, DrillAnswer, OverviewAnswer } from '../../../src/domain/console/api';
import type { CompletenessAnswer, MonthAnswer, ReviewQueueAnswer, SupervisionSettings, TasksAnswer } from '../../../src/domain/supervision/api';
import { monthsOf } from '../../../src/domain/supervision/schedule';
import type { WxApiCall } from '../../../emulator/wx-open-api';

let stack: AppStack;

beforeAll(async () => {
  stack = await startAppStack();
  await buildWorld(stack);
}, 60000);
afterAll(() => stack?.stop());

const sup = <T = Answer>(data: Record<string, unknown>, openid: string | undefined = DEMO.admin) => stack.call<T & Answer>('supervision', data, openid);
async function ok<T>(data: Record<string, unknown>, openid: string | undefined = DEMO.admin): Promise<T> {
  const answer = await sup<T>(data, openid);
  if (answer.error) throw new Error(`supervision ${String(data.action)}: ${JSON.stringify(answer.error)}`);
  return answer;
}
async function callerOf(openid: string): Promise<Caller> {
  const caller = await resolveCaller(await stack.db(), openid);
  if (!caller) throw new Error(`no account ${openid}`);
  return caller;
}
/** A moment in Beijing on a given day. */
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);
const figureOf = async (period: string, id: string, org: string = UNIT.township) =>
  (await stack.call<FiguresAnswer>('figures', { action: 'get', org, period, ids: [id] }, DEMO.admin)).figures[id];

describe('月报 and 零报告', () => {
  it('should show a village the month’s counts from the figures and file a 零报告 when nothing was logged', async () => {
    const month = `${thisYear() - 3}-06`;
    const view = await ok<MonthAnswer>({ action: 'month', month }, DEMO.villageWorker);
    expect(view).toMatchObject({
      village: { code: UNIT.santangVillage },
      month,
      zero: true,
      sentence: '本月无新增',
      report: null,
      canSubmit: true,
      dueDate: `${thisYear() - 3}-07-05`,
    });
    const filed = await ok<MonthAnswer>({ action: 'submit', month }, DEMO.villageWorker);
    expect(filed.report).toMatchObject({ zero: true, sentence: '本月无新增', onTime: false, supplemented: false, submittedBy: expect.any(String) });
    expect(filed.canSubmit).toBe(false);
    // Submitting again changes nothing.
    const again = await ok<MonthAnswer>({ action: 'submit', month }, DEMO.villageWorker);
    expect(again.report).toEqual(filed.report);
    const history = await historyOf(await stack.db(), 'monthly_reports', `${UNIT.santangVillage}:${month}`);
    expect(history.map((h) => h.action)).toEqual(['submit']);
  });

  it('should state the month’s counts in the 月报 sentence and mark it 补报 when a record for the month comes later', async () => {
    const month = today().slice(0, 7);
    await seed(stack, DEMO.villageWorker, 'outreach', recordOf('outreach', UNIT.santangVillage, { date: today(), consultations: 0 }));
    await seed(stack, DEMO.villageWorker, 'consultation', recordOf('consultation', UNIT.santangVillage, { date: today(), people: 2 }));
    const before = await ok<MonthAnswer>({ action: 'month', month }, DEMO.villageWorker);
    const events = before.lines.find((l) => l.id === 'outreach.events')?.value ?? 0;
    expect(events).toBeGreaterThanOrEqual(1);
    expect(before.zero).toBe(false);
    expect(before.sentence).toContain(`普法活动${events}次`);
    const filed = await ok<MonthAnswer>({ action: 'submit', month }, DEMO.villageWorker);
    expect(filed.report).toMatchObject({ zero: false, onTime: true, supplemented: false, sentence: before.sentence });

    await seed(stack, DEMO.villageWorker, 'outreach', recordOf('outreach', UNIT.santangVillage, { date: today() }));
    const after = await ok<MonthAnswer>({ action: 'month', month }, DEMO.villageWorker);
    expect(after.report).toMatchObject({ supplemented: true, supplementedAt: expect.any(String), sentence: before.sentence });
    expect(after.lines.find((l) => l.id === 'outreach.events')?.value).toBe(events + 1);
    const history = await historyOf(await stack.db(), 'monthly_reports', `${UNIT.santangVillage}:${month}`);
    expect(history.map((h) => h.action)).toEqual(['submit', 'supplement']);
  });

  it('should mark a 零报告 补报 when a record for its month is logged afterwards, in the grid too', async () => {
    const month = `${thisYear() - 3}-08`;
    const filed = await ok<MonthAnswer>({ action: 'submit', month }, DEMO.villageWorker);
    expect(filed.report).toMatchObject({ zero: true, supplemented: false });
    await seed(stack, DEMO.villageWorker, 'consultation', recordOf('consultation', UNIT.santangVillage, { date: `${month}-20`, people: 1 }));
    const after = await ok<MonthAnswer>({ action: 'month', month }, DEMO.villageWorker);
    // The report stays what was submitted (a 零报告), marked 补报; the month's counts show the record.
    expect(after.report).toMatchObject({ zero: true, sentence: '本月无新增', supplemented: true });
    expect(after.zero).toBe(false);
    const grid = await ok<CompletenessAnswer>({ action: 'completeness', year: thisYear() - 3 });
    const cell = grid.villages.find((v) => v.village.code === UNIT.santangVillage)?.cells[7];
    expect(cell).toMatchObject({ month, state: '零报告', supplemented: true });
  });

  it('should refuse a month that has not begun or is written wrong, with nothing stored', async () => {
    const next = `${thisYear() + 1}-01`;
    expect((await sup({ action: 'submit', month: next }, DEMO.villageWorker)).error).toMatchObject({
      code: 'INVALID_PERIOD',
      message: expect.stringContaining('还没到'),
    });
    expect((await sup({ action: 'submit', month: `${thisYear()}-13` }, DEMO.villageWorker)).error?.code).toBe('INVALID_PERIOD');
    const { data } = await (await stack.db()).collection('monthly_reports').doc(`${UNIT.santangVillage}:${next}`).get();
    expect(data).toEqual([]);
  });
});

describe('completeness and rates', () => {
  // Two years back every month is past its due date, whatever today is.
  const year = thisYear() - 2;
  const months = monthsOf(year);
  const onTimeDay = (month: string) => `${month === `${year}-12` ? `${year + 1}-01` : `${year}-${String(Number(month.slice(5)) + 1).padStart(2, '0')}`}-02`;
  const lateDay = (month: string) => onTimeDay(month).replace(/-02$/, '-20');

  beforeAll(async () => {
    // 白土村 (the cadre) reports every month on time, with an outreach event in March; 三塘村 every
    // month late; another village (the second 法律明白人) January to June on time, then nothing.
    await seed(stack, DEMO.cadre, 'outreach', recordOf('outreach', UNIT.baituVillage, { date: `${year}-03-10` }));
    const cadre = await callerOf(DEMO.cadre);
    const santang = await callerOf(DEMO.villageWorker);
    const second = await callerOf(DEMO.otherVillageWorker);
    const db = await stack.db();
    for (const month of months) {
      await submitMonth(db, cadre, month, at(onTimeDay(month)));
      await submitMonth(db, santang, month, at(lateDay(month)));
      if (month <= `${year}-06`) await submitMonth(db, second, month, at(onTimeDay(month)));
    }
  }, 120000);

  it('should show each village’s month as 已报 / 零报告 / 逾期 and the township’s reporting and on-time rates', async () => {
    const answer = await ok<CompletenessAnswer>({ action: 'completeness', year });
    expect(answer.villages).toHaveLength(7);
    const row = (code: string) => answer.villages.find((v) => v.village.code === code);
    const second = (await callerOf(DEMO.otherVillageWorker)).org.code;
    expect(row(UNIT.baituVillage)?.cells.map((c) => c.state)).toEqual(months.map((m) => (m === `${year}-03` ? '已报' : '零报告')));
    expect(row(UNIT.baituVillage)?.cells.every((c) => !c.late)).toBe(true);
    expect(row(UNIT.santangVillage)?.cells.every((c) => c.state === '零报告' && c.late)).toBe(true);
    expect(row(second)?.cells.map((c) => c.state)).toEqual(months.map((m) => (m <= `${year}-06` ? '零报告' : '逾期')));
    expect(row(UNIT.shabaVillage)?.cells.every((c) => c.state === '逾期')).toBe(true);

    // January: 3 of 7 reported, 2 on time; the year: 12 + 12 + 6 of 84, 12 + 6 on time.
    expect(answer.months[0].rates).toEqual({ expected: 7, reported: 3, onTime: 2, reportingRate: 3 / 7, onTimeRate: 2 / 7 });
    expect(answer.months[11].rates).toMatchObject({ expected: 7, reported: 2, onTime: 1 });
    expect(answer.yearRates).toEqual({ expected: 84, reported: 30, onTime: 18, reportingRate: 30 / 84, onTimeRate: 18 / 84 });
    expect(row(UNIT.santangVillage)?.year).toMatchObject({ reportingRate: 1, onTimeRate: 0 });
    expect(answer.canWrite).toBe(true);
  });

  it('should show a month not yet due as 未报 and leave it out of the rates', async () => {
    const answer = await ok<CompletenessAnswer>({ action: 'completeness', year: thisYear() });
    const current = today().slice(0, 7);
    const i = Number(current.slice(5)) - 1;
    const shaba = answer.villages.find((v) => v.village.code === UNIT.shabaVillage);
    expect(shaba?.cells[i]).toMatchObject({ month: current, state: '未报' });
    expect(answer.months[i].rates).toMatchObject({ expected: 0, reportingRate: null });
  });

  it('should give the county viewer each township’s rates', async () => {
    const answer = await ok<CompletenessAnswer>({ action: 'completeness', org: UNIT.county, year }, DEMO.county);
    expect(answer.villages).toEqual([]);
    const baitu = answer.townships.find((t) => t.org.code === UNIT.township);
    const other = answer.townships.find((t) => t.org.code === UNIT.otherTownship);
    expect(baitu?.year).toMatchObject({ expected: 84, reported: 30, onTime: 18 });
    expect(other?.year).toMatchObject({ expected: 12, reported: 0, reportingRate: 0 });
    expect(answer.yearRates).toMatchObject({ expected: 96, reported: 30, onTime: 18 });
    expect(answer.canWrite).toBe(false);
  });

  it('should put a reminder in the late village’s 待办 until the month is reported', async () => {
    const month = `${year}-09`;
    const { reminder } = await ok<{ reminder: { message: string } }>({ action: 'remind', village: UNIT.shabaVillage, month });
    expect(reminder.message).toContain('沙坝村');
    const table = await ok<CompletenessAnswer>({ action: 'completeness', year });
    expect(table.villages.find((v) => v.village.code === UNIT.shabaVillage)?.cells[8]).toMatchObject({ state: '逾期', reminded: true });
    // 沙坝村's people: a 法律明白人 bound there sees it.
    const db = await stack.db();
    await db.collection('accounts').doc('o-sup-shaba').set({ name: '沙坝明白人', role: '法律明白人', orgCode: UNIT.shabaVillage });
    const tasks = await ok<TasksAnswer>({ action: 'tasks' }, 'o-sup-shaba');
    expect(tasks.reminders.map((r) => r.month)).toEqual([month]);
    expect((await ok<TasksAnswer>({ action: 'tasks' }, DEMO.cadre)).reminders).toEqual([]);
    await submitMonth(db, (await callerOf('o-sup-shaba')) as Caller, month, new Date());
    expect((await ok<TasksAnswer>({ action: 'tasks' }, 'o-sup-shaba')).reminders).toEqual([]);
    expect((await historyOf(db, 'reminders', `${UNIT.shabaVillage}:${month}`)).map((h) => h.action)).toEqual(['remind']);
    // A reported month needs no reminder.
    expect((await sup({ action: 'remind', village: UNIT.baituVillage, month })).error?.code).toBe('INVALID_FORM');
  });

  it('should send the village’s subscribed people a subscribe message each time the township reminds, within what they accepted', async () => {
    const month = `${year}-10`;
    const sentTo = async (touser: string) => {
      const { calls } = (await (await fetch(`${stack.gateway.url}/wxapi/dev/calls`)).json()) as { calls: WxApiCall[] };
      return calls.filter((c) => c.api === 'subscribe_send' && c.body.touser === touser && c.errcode === 0);
    };
    // o-sup-shaba (沙坝村's 法律明白人, bound above) accepted once; the cadre of another village did too.
    await stack.call('public', { action: 'subscribe', template: 'deadline' }, 'o-sup-shaba');
    await stack.call('public', { action: 'subscribe', template: 'deadline' }, DEMO.cadre);
    await ok({ action: 'remind', village: UNIT.shabaVillage, month });
    await ok({ action: 'remind', village: UNIT.shabaVillage, month });
    const first = await sentTo('o-sup-shaba');
    expect(first).toHaveLength(1);
    expect(first[0].body).toMatchObject({
      template_id: 'local-template-deadline',
      page: `field/monthly/index?month=${month}`,
      data: { thing1: { value: `沙坝村${year}年10月月报` }, date2: { value: `${year}-11-05` }, thing3: { value: '月报已逾期，乡镇提醒报送' } },
    });
    expect(await sentTo(DEMO.cadre)).toEqual([]);
    // Accepting again lets the next reminder through; an earlier one is not sent again.
    await stack.call('public', { action: 'subscribe', template: 'deadline' }, 'o-sup-shaba');
    await ok({ action: 'remind', village: UNIT.shabaVillage, month });
    expect(await sentTo('o-sup-shaba')).toHaveLength(2);
    expect((await ok<TasksAnswer>({ action: 'tasks' }, 'o-sup-shaba')).reminders.map((r) => r.month)).toEqual([month]);
  });

  it('should refuse to close the year while months are unreported, and close it with a reason kept in the history', async () => {
    const state = await stack.call<CloseAnswer>('console', { action: 'closeState', year }, DEMO.admin);
    expect(state.conditions).toMatchObject({ unreportedMonths: 84 - 31, awaitingReview: 0 });
    const refused = await stack.call<Answer>('console', { action: 'close', year }, DEMO.admin);
    expect(refused.error).toMatchObject({ code: 'CLOSE_CONDITIONS', message: expect.stringContaining('未报送月报') });
    const db = await stack.db();
    expect((await db.collection('period_closes').doc(`${UNIT.township}:${year}`).get()).data).toEqual([]);
    const closed = await stack.call<CloseAnswer>('console', { action: 'close', year, reason: '部分村撤并，月报由乡镇汇总' }, DEMO.admin);
    expect(closed.state).toMatchObject({ closed: true, closeReason: '部分村撤并，月报由乡镇汇总' });
    const history = await historyOf(db, 'period_closes', `${UNIT.township}:${year}`);
    expect(history[0]).toMatchObject({ action: 'close', after: expect.objectContaining({ closeReason: '部分村撤并，月报由乡镇汇总' }) });
  });
});

describe('review (审核)', () => {
  const period = today().slice(0, 7);
  let settings: SupervisionSettings;

  beforeAll(async () => {
    settings = (await ok<{ settings: SupervisionSettings }>({ action: 'settings' })).settings;
    expect(settings).toMatchObject({ review: false, dueDay: 5, cadence: 'monthly' });
    settings = (await ok<{ settings: SupervisionSettings }>({ action: 'saveSettings', dueDay: 5, review: true, baseVersion: settings.version })).settings;
    expect(settings.review).toBe(true);
  });

  it('should count a new record only once it is approved, and show beside the figure how many await review', async () => {
    const before = await figureOf(period, 'outreach.events');
    const record = await seed(stack, DEMO.villageWorker, 'outreach', recordOf('outreach', UNIT.santangVillage));
    expect(record.review).toEqual({ state: '待审核', reason: null });
    expect(await figureOf(period, 'outreach.events')).toBe(before);
    const overview = await stack.call<OverviewAnswer>('console', { action: 'overview', year: thisYear() }, DEMO.admin);
    expect(overview.awaitingReview?.['outreach.events']).toBeGreaterThanOrEqual(1);
    // The records behind the figure are the ones it counts.
    const drill = await stack.call<DrillAnswer>('console', { action: 'records', period, figure: 'outreach.events', limit: 100 }, DEMO.admin);
    expect(drill.total).toBe(before);
    expect(drill.items.map((i) => i.id)).not.toContain(record.id);

    const decided = await ok<{ approved: number }>({ action: 'approve', items: [{ kind: 'outreach', id: record.id, version: record.version }] });
    expect(decided.approved).toBe(1);
    expect(await figureOf(period, 'outreach.events')).toBe((before ?? 0) + 1);
    expect((await storedHistory(await stack.db(), 'outreach', record.id)).map((h) => h.action)).toEqual(['create', 'approve']);
  });

  it('should send a returned record to its recorder’s 需处理 with the reason, and count it after the fix is approved', async () => {
    const before = await figureOf(period, 'outreach.attendees');
    const input = recordOf('outreach', UNIT.santangVillage, { attendees: 300 });
    const record = await seed(stack, DEMO.villageWorker, 'outreach', input);
    // A return needs a reason; without one nothing changes.
    expect((await sup({ action: 'return', kind: 'outreach', id: record.id, version: 1, reason: '  ' })).error?.code).toBe('INVALID_FORM');
    expect(await stored(await stack.db(), 'outreach', record.id)).toMatchObject({ reviewState: '待审核' });
    await ok({ action: 'return', kind: 'outreach', id: record.id, version: 1, reason: '受众人数与照片不符，请核实' });

    const tasks = await ok<TasksAnswer>({ action: 'tasks' }, DEMO.villageWorker);
    const returned = tasks.returned.find((r) => r.id === record.id);
    expect(returned).toMatchObject({
      kind: 'outreach',
      version: 1,
      reason: '受众人数与照片不符，请核实',
      record: expect.objectContaining({ id: record.id, attendees: 300 }),
    });
    expect(await figureOf(period, 'outreach.attendees')).toBe(before);

    const fixed = await must<{ record: RecordView }>(stack, DEMO.villageWorker, {
      action: 'update',
      kind: 'outreach',
      record: { ...input, attendees: 30 },
      baseVersion: 1,
    });
    expect(fixed.record.review).toEqual({ state: '待审核', reason: null });
    expect((await ok<TasksAnswer>({ action: 'tasks' }, DEMO.villageWorker)).returned.map((r) => r.id)).not.toContain(record.id);
    expect(await figureOf(period, 'outreach.attendees')).toBe(before);
    await ok({ action: 'approve', items: [{ kind: 'outreach', id: record.id, version: 2 }] });
    expect(await figureOf(period, 'outreach.attendees')).toBe((before ?? 0) + 30);
    const history = await storedHistory(await stack.db(), 'outreach', record.id);
    expect(history.map((h) => h.action)).toEqual(['create', 'return', 'update', 'approve']);
    expect(history[1]).toMatchObject({ after: { reviewState: '退回', reviewReason: '受众人数与照片不符，请核实' } });
  });

  it('should take an approved record out of the figures again when it is edited, until approved again', async () => {
    const input = recordOf('consultation', UNIT.santangVillage, { people: 7 });
    const record = await seed(stack, DEMO.villageWorker, 'consultation', input);
    await ok({ action: 'approve', items: [{ kind: 'consultation', id: record.id, version: 1 }] });
    const approved = await figureOf(period, 'outreach.consultations');
    await must(stack, DEMO.villageWorker, { action: 'update', kind: 'consultation', record: { ...input, people: 8 }, baseVersion: 1 });
    expect(await stored(await stack.db(), 'consultation', record.id)).toMatchObject({ reviewState: '待审核', version: 2 });
    expect(await figureOf(period, 'outreach.consultations')).toBe((approved ?? 0) - 7);
    // Approving all of the village's month counts it again.
    const all = await ok<{ approved: number }>({ action: 'approveMonth', village: UNIT.santangVillage, month: period });
    expect(all.approved).toBeGreaterThanOrEqual(1);
    expect(await figureOf(period, 'outreach.consultations')).toBe((approved ?? 0) + 1);
    const queue = await ok<ReviewQueueAnswer>({ action: 'reviewQueue', village: UNIT.santangVillage, month: period });
    expect(queue.items.filter((i) => i.state === '待审核')).toEqual([]);
  });

  it('should approve a selection, skipping a record whose version changed meanwhile', async () => {
    const input = recordOf('outreach', UNIT.santangVillage);
    const record = await seed(stack, DEMO.villageWorker, 'outreach', input);
    const other = await seed(stack, DEMO.villageWorker, 'consultation', recordOf('consultation', UNIT.santangVillage));
    await must(stack, DEMO.villageWorker, { action: 'update', kind: 'outreach', record: { ...input, attendees: 12 }, baseVersion: 1 });
    const selection = [
      { kind: 'outreach', id: record.id, version: 1 },
      { kind: 'consultation', id: other.id, version: 1 },
    ];
    const decided = await ok<{ approved: number; skipped: number }>({ action: 'approve', items: selection });
    expect(decided).toMatchObject({ approved: 1, skipped: 1 });
    expect(await stored(await stack.db(), 'outreach', record.id)).toMatchObject({ reviewState: '待审核' });
    expect(await stored(await stack.db(), 'consultation', other.id)).toMatchObject({ reviewState: '已通过' });
  });

  it('should refuse the year close while records await review', async () => {
    await seed(stack, DEMO.villageWorker, 'outreach', recordOf('outreach', UNIT.santangVillage));
    const state = await stack.call<CloseAnswer>('console', { action: 'closeState', year: thisYear() }, DEMO.admin);
    expect(state.conditions?.awaitingReview).toBeGreaterThanOrEqual(1);
    const refused = await stack.call<Answer>('console', { action: 'close', year: thisYear() }, DEMO.admin);
    expect(refused.error).toMatchObject({ code: 'CLOSE_CONDITIONS', message: expect.stringContaining('待审核') });
  });

  it('should refuse a decision on a record of a closed year, which then neither counts nor changes', async () => {
    const year = thisYear() - 4;
    const record = await seed(stack, DEMO.villageWorker, 'outreach', recordOf('outreach', UNIT.santangVillage, { date: `${year}-03-10` }));
    const closed = await stack.call<CloseAnswer>('console', { action: 'close', year, reason: '审核未完成，按已通过的记录结账' }, DEMO.admin);
    expect(closed.state).toMatchObject({ closed: true });
    const events = await figureOf(String(year), 'outreach.events');

    const refused = await sup({ action: 'approve', items: [{ kind: 'outreach', id: record.id, version: 1 }] });
    expect(refused.error?.code).toBe('PERIOD_CLOSED');
    expect((await sup({ action: 'return', kind: 'outreach', id: record.id, version: 1, reason: '请补充照片' })).error?.code).toBe('PERIOD_CLOSED');
    expect(await stored(await stack.db(), 'outreach', record.id)).toMatchObject({ reviewState: '待审核' });
    expect(await figureOf(String(year), 'outreach.events')).toBe(events);
    expect((await storedHistory(await stack.db(), 'outreach', record.id)).map((h) => h.action)).toEqual(['create']);
  });

  it('should count every record again when the township switches review off, and close the year without them', async () => {
    const waiting = await figureOf(period, 'outreach.events');
    const current = (await ok<{ settings: SupervisionSettings }>({ action: 'settings' })).settings;
    const before = await stack.call<CloseAnswer>('console', { action: 'closeState', year: thisYear() }, DEMO.admin);
    expect(before.conditions?.awaitingReview).toBeGreaterThanOrEqual(1);
    await ok({ action: 'saveSettings', dueDay: 5, review: false, baseVersion: current.version });
    expect(await figureOf(period, 'outreach.events')).toBeGreaterThan(waiting ?? 0);
    // Records left awaiting review count now, so the year close no longer waits for them.
    const after = await stack.call<CloseAnswer>('console', { action: 'closeState', year: thisYear() }, DEMO.admin);
    expect(after.conditions?.awaitingReview).toBe(0);
    expect((await historyOf(await stack.db(), 'supervision_settings', UNIT.township)).map((h) => h.action)).toEqual(['create', 'update']);
  });
});

describe('the demo’s 月报 (npm run dev)', () => {
  it('should file every past-due month of the year, 冯家村 late and 石门村 missing its last two', async () => {
    const { seedSupervisionDemo } = await import('../../../scripts/demo/supervision-demo');
    const filed = await seedSupervisionDemo(await stack.db(), new Date());
    const answer = await ok<CompletenessAnswer>({ action: 'completeness', year: thisYear() });
    const due = answer.months.filter((m) => m.rates.expected > 0).length;
    expect(filed).toBe(`月报 ${7 * due - Math.min(2, due)}`);
    const row = (code: string) => answer.villages.find((v) => v.village.code === code);
    if (due > 0) {
      expect(row('500114213207')?.cells[due - 1]).toMatchObject({ late: true });
      expect(row('500114213206')?.cells[due - 1].state).toBe('逾期');
      expect(row(UNIT.baituVillage)?.cells[due - 1]).toMatchObject({ late: false, submittedBy: '白土村法律明白人' });
    }
  });
});
