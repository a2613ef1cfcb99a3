/**
 * The console function through the real SDK on the local stack (demo township 白土乡): its figures agree
 * with the figures function, break down into villages and months that add up, drill down to exactly
 * the records behind a figure, find data-quality problems, keep the report texts and build the draft
 * from them, close a year, and refuse everyone but township admins and county viewers.
 */
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { addDays, beijingDate } from '../../../src/domain/dates';
import type { FiguresAnswer, RecordPage, RecordView } from '../../../src/domain/api';
import type {
  ByMonthAnswer,
  ByVillageAnswer,
  CloseAnswer,
  DrillAnswer,
  OverviewAnswer,
  QualityAnswer,
  ReportDocxAnswer,
  ReportPreviewAnswer,
  ReportTextsAnswer,
  TrendAnswer,
} from '../../../src/domain/console/api';
import { rebuildSummaries } from '../../../cloudfunctions/lib/summaries/rebuild';
import { reportPlainText } from '../../../src/domain/report';
import { formatFigure } from '../../../src/domain/indicators/format';
import { PLANNED } from '../../../src/domain/vocab';

const TOWNSHIP = '500114213';
const VILLAGE = '500114213207';
const COUNTY = '500114';
const now = new Date();
const today = beijingDate(now);
const year = Number(today.slice(0, 4));

let stack: AppStack;

beforeAll(async () => {
  stack = await startAppStack(now);
}, 60000);
afterAll(() => stack?.stop());

/** As the township admin unless told; '' calls as a resident (no identity). */
const consoleCall = <T>(data: Record<string, unknown>, openid: string = DEMO.admin) => stack.call<T>('console', data, openid);

async function figuresOf(period: string, openid: string = DEMO.admin): Promise<Record<string, number | null>> {
  return (await stack.call<FiguresAnswer>('figures', { action: 'get', period }, openid)).figures;
}

/** Every record behind a figure, paging through the drill-down `limit` at a time. */
async function drillAll(
  figure: string,
  period: string,
  part = 0,
  limit = 7,
  openid: string = DEMO.admin,
): Promise<{ first: DrillAnswer; items: DrillAnswer['items'] }> {
  const items: DrillAnswer['items'] = [];
  let first: DrillAnswer | undefined;
  for (let offset = 0; ; offset += limit) {
    const page = await consoleCall<DrillAnswer>({ action: 'records', period, figure, part, offset, limit }, openid);
    first ??= page;
    items.push(...page.items);
    if (page.items.length < limit) break;
  }
  return { first: first as DrillAnswer, items };
}

const meta = (id: string, orgCode: string) => ({
  _id: id,
  orgCode,
  orgPath: [COUNTY, TOWNSHIP, orgCode],
  recordedBy: 'seed',
  recorderName: '测试数据',
  recordedAt: now.toISOString(),
  updatedAt: now.toISOString(),
  version: 1,
  deleted: false,
});

describe('the console function', () => {
  it('should answer this year and last year exactly as the figures function does', async () => {
    const answer = await consoleCall<OverviewAnswer>({ action: 'overview', year });
    expect(answer.org).toEqual({ code: TOWNSHIP, name: '白土乡', level: '乡镇' });
    expect(answer.figures).toEqual(await figuresOf(String(year)));
    expect(answer.lastYear).toEqual(await figuresOf(String(year - 1)));
    expect(answer.figures['outreach.events']).toBeGreaterThan(0);
    // The demo's last year is a believable year (比上年 compares with something), not a handful of strays.
    expect(answer.lastYear['outreach.events']).toBeGreaterThanOrEqual(10);
    expect(answer.lastYear['outreach.attendees']).toBeGreaterThan((answer.figures['outreach.attendees'] ?? 0) / 2);
    expect(answer.lastYear['mediation.accepted']).toBeGreaterThanOrEqual(100);
    expect(answer).toMatchObject({ year, closed: false, canWrite: true });
    const county = await consoleCall<OverviewAnswer>({ action: 'overview', org: TOWNSHIP, year }, DEMO.county);
    expect(county.figures).toEqual(answer.figures);
    expect(county.canWrite).toBe(false);
  });

  it('should break the township down into its villages and its own records, adding up for additive figures', async () => {
    const ids = [
      'outreach.events',
      'outreach.materials',
      'outreach.consultations',
      'mediation.accepted',
      'mediation.closed',
      'petition.receptions',
      'roster.legal_understanding',
      'org.villages',
    ];
    const answer = await consoleCall<ByVillageAnswer>({ action: 'byVillage', year, ids: [...ids, 'mediation.success_rate'] });
    const villages = answer.units.filter((u) => !u.own);
    expect(villages.map((u) => u.org.code)).toEqual(['201', '202', '203', '204', '205', '206', '207'].map((n) => `${TOWNSHIP}${n}`));
    expect(answer.units.filter((u) => u.own).map((u) => u.org.code)).toEqual([TOWNSHIP]);
    for (const id of ids) {
      const sum = answer.units.reduce((total, u) => total + (u.figures[id] ?? 0), 0);
      expect([id, Math.round(sum * 100) / 100]).toEqual([id, answer.total[id]]);
    }
    expect(answer.total['org.villages']).toBe(7);
    // The township's market-day events are logged at the township itself.
    expect(answer.units.find((u) => u.own)?.figures['outreach.events']).toBeGreaterThan(0);
  });

  it('should give twelve months that add up to the year for dated counts and sums', async () => {
    const ids = ['outreach.events', 'outreach.materials', 'mediation.accepted', 'petition.registered'];
    const answer = await consoleCall<ByMonthAnswer>({ action: 'byMonth', year, ids });
    expect(answer.months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`));
    const whole = await figuresOf(String(year));
    for (const id of ids) expect([id, answer.months.reduce((t, m) => t + (m.figures[id] ?? 0), 0)]).toEqual([id, whole[id]]);
  });

  it('should give five years month by month, each month as 分月 gives it, in one read of the summaries', async () => {
    const ids = ['outreach.events', 'outreach.materials', 'mediation.success_rate', 'petition.registered'];
    const answer = await consoleCall<TrendAnswer>({ action: 'trend', year, ids });
    expect(answer.months).toHaveLength(60);
    expect([answer.months[0].month, answer.months[59].month]).toEqual([`${year - 4}-01`, `${year}-12`]);
    for (const y of [year, year - 1]) {
      const months = await consoleCall<ByMonthAnswer>({ action: 'byMonth', year: y, ids });
      expect(answer.months.filter((m) => m.month.startsWith(`${y}-`))).toEqual(months.months);
    }
    // The demo's records are this year's and last year's; the years before have nothing.
    expect(answer.months.slice(0, 36).every((m) => m.figures['outreach.events'] === 0 && m.figures['mediation.success_rate'] === null)).toBe(true);
    const thisYear = answer.months.slice(48).reduce((t, m) => t + (m.figures['outreach.events'] ?? 0), 0);
    expect(thisYear).toBe((await figuresOf(String(year)))['outreach.events']);
    expect(await consoleCall({ action: 'trend', year, ids: ['roster.legal_understanding'] })).toMatchObject({
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining('法律明白人不按月统计') },
    });
  });

  it('should drill down from outreach.events to exactly the year’s 普法活动 records, page by page', async () => {
    const figures = await figuresOf(String(year));
    const { first, items } = await drillAll('outreach.events', String(year));
    expect(first).toMatchObject({
      label: '开展普法宣传活动',
      total: figures['outreach.events'],
      parts: [{ kind: 'outreach', total: figures['outreach.events'] }],
    });
    expect(items).toHaveLength(figures['outreach.events'] as number);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(items.every((i) => i.kind === 'outreach' && String((i as RecordView).date).startsWith(String(year)))).toBe(true);
    const listed = await stack.call<RecordPage>('records', { action: 'list', kind: 'outreach', period: String(year), limit: 100 }, DEMO.admin);
    // The list shows every event of the year; planned (计划) ones count in no figure, so the drill-down leaves them out.
    const held = listed.items.filter((i) => (i as RecordView).status !== PLANNED);
    expect(held.length).toBeLessThan(listed.items.length);
    expect(new Set(items.map((i) => i.id))).toEqual(new Set(held.map((i) => i.id)));
  });

  it('should drill down from mediation.accepted to the disputes accepted in the year, masked for the county viewer', async () => {
    const figures = await figuresOf(String(year));
    const { first, items } = await drillAll('mediation.accepted', String(year), 0, 100);
    expect(first.total).toBe(figures['mediation.accepted']);
    expect(items).toHaveLength(figures['mediation.accepted'] as number);
    expect(items.every((i) => i.kind === 'dispute' && String((i as RecordView).acceptDate).startsWith(String(year)))).toBe(true);
    expect(items.every((i) => (i as RecordView).masked === false)).toBe(true);
    const county = await consoleCall<DrillAnswer>({ action: 'records', period: String(year), figure: 'mediation.accepted', limit: 5 }, DEMO.county);
    expect(county.items.every((i) => (i as RecordView).masked === true)).toBe(true);
  });

  it('should list a rate’s numerator and denominator records, and say what a manual figure is', async () => {
    const figures = await figuresOf(String(year));
    const rate = await consoleCall<DrillAnswer>({ action: 'records', period: String(year), figure: 'mediation.success_rate', limit: 1 });
    expect(rate.parts.map((p) => p.total)).toEqual([figures['mediation.succeeded'], figures['mediation.closed']]);
    expect(rate.message).toContain('比率');
    const manual = await consoleCall<DrillAnswer>({ action: 'records', period: String(year), figure: 'enforcement.permits' });
    expect(manual.parts[0].kind).toBe('manualFigure');
    expect(manual.message).toContain('其他指标');
    const roster = await drillAll('roster.legal_understanding', String(year), 0, 100);
    expect(roster.items).toHaveLength(figures['roster.legal_understanding'] as number);
    expect(roster.items.every((i) => i.kind === 'person')).toBe(true);
    expect(await consoleCall({ action: 'records', period: String(year), figure: 'no.such.figure' })).toMatchObject({ error: { code: 'UNKNOWN_FIGURE' } });
  });

  it('should warn about a village that closed more disputes than it accepted, and about overdue petitions', async () => {
    const db = await stack.db();
    const before = await consoleCall<ByVillageAnswer>({ action: 'byVillage', year, ids: ['mediation.accepted', 'mediation.closed'] });
    const village = before.units.find((u) => u.org.code === VILLAGE)!;
    const extra = Math.max(0, (village.figures['mediation.accepted'] ?? 0) - (village.figures['mediation.closed'] ?? 0)) + 2;
    for (let i = 0; i < extra; i += 1) {
      await db.collection('disputes').add({
        ...meta(`QA-CLOSED-${i}`, VILLAGE),
        acceptDate: `${year - 1}-12-2${i % 9}`,
        disputeType: '邻里',
        source: '排查发现',
        state: '调解成功',
        closeDate: `${year}-01-1${i % 9}`,
      });
    }
    for (const [i, due] of [addDays(today, -10), addDays(today, -40)].entries()) {
      await db.collection('petitions').add({
        ...meta(`QA-OVERDUE-${i}`, VILLAGE),
        registerDate: addDays(due, -60),
        channel: '来访',
        category: '土地权属',
        dueDate: due,
        state: '办理中',
      });
    }

    // Written straight into the database, past the record store: the summaries are rebuilt, as after any such load.
    await rebuildSummaries(db);
    const answer = await consoleCall<QualityAnswer>({ action: 'quality', year });
    const closedOver = answer.warnings.find((w) => w.id === `closed_over_accepted:${VILLAGE}`);
    expect(closedOver).toMatchObject({ level: 'warning', target: { page: 'records', org: VILLAGE, figure: 'mediation.closed' } });
    expect(closedOver?.message).toMatch(/办结矛盾纠纷\d+件，多于受理的\d+件/);
    expect(answer.overduePetitions).toBeGreaterThanOrEqual(2);
    expect(answer.overduePetitionIds).toEqual(expect.arrayContaining(['QA-OVERDUE-0', 'QA-OVERDUE-1']));
    const overdue = answer.warnings.find((w) => w.rule === 'overdue_petitions');
    expect(overdue?.message).toContain(`${answer.overduePetitions}件信访事项已超过办理期限`);
    expect(answer.asOf).toBe(today);

    const drill = await consoleCall<DrillAnswer>({ action: 'records', check: 'overdue_petitions', limit: 100 });
    expect(drill.total).toBe(answer.overduePetitions);
    expect(drill.items.map((i) => i.id)).toEqual(expect.arrayContaining(['QA-OVERDUE-0', 'QA-OVERDUE-1']));
    expect(drill.items.every((i) => i.kind === 'petition' && String((i as RecordView).dueDate) < today)).toBe(true);
  });

  it('should keep the township’s report texts per year and build the preview from them', async () => {
    const empty = await consoleCall<ReportTextsAnswer>({ action: 'reportTexts', year });
    expect(empty).toMatchObject({ version: 0, texts: {} });
    const shortcomings = '一是少数干部依法行政意识不强；二是法治宣传的针对性还不够。';
    const saved = await consoleCall<ReportTextsAnswer>({ action: 'saveReportTexts', year, texts: { shortcomings }, baseVersion: 0 });
    expect(saved).toMatchObject({ version: 1, texts: { shortcomings }, updatedBy: expect.any(String) });
    // An edit made on the old version is refused, not silently overwritten.
    expect(await consoleCall({ action: 'saveReportTexts', year, texts: { shortcomings: '别的' }, baseVersion: 0 })).toMatchObject({
      error: { code: 'CONFLICT', currentVersion: 1 },
    });
    expect((await consoleCall<ReportTextsAnswer>({ action: 'reportTexts', year: year - 1 })).version).toBe(0);

    const preview = await consoleCall<ReportPreviewAnswer>({ action: 'reportPreview', year });
    const text = reportPlainText(preview.model);
    expect(text).toContain(shortcomings);
    expect(text).toContain('共受理各类矛盾纠纷');
    expect(text).toContain(`白土乡${year}年度法治政府建设情况报告`);
    const yu = await consoleCall<ReportPreviewAnswer>({ action: 'reportPreview', year, yu: true });
    expect(yu.yu).toBe(true);
    expect(reportPlainText(yu.model)).toMatch(/\d+余份/);

    const db = await stack.db();
    const history = await db
      .collection('history')
      .where({ collection: 'report_texts', recordId: `${TOWNSHIP}:${year}` })
      .get();
    expect(history.data).toHaveLength(1);
  });

  it('should remember the township’s choice of 余 per figure for the year and print by it', async () => {
    const current = await consoleCall<ReportTextsAnswer>({ action: 'reportTexts', year });
    const figures = await figuresOf(String(year));
    const choices = { 'mediation.accepted': true, 'outreach.materials': false };
    const saved = await consoleCall<ReportTextsAnswer>({
      action: 'saveReportTexts',
      year,
      texts: current.texts,
      settings: { yuChoices: choices },
      baseVersion: current.version,
    });
    expect(saved.settings.yuChoices).toEqual(choices);
    // Saving texts alone keeps the choice; another year has none.
    const again = await consoleCall<ReportTextsAnswer>({
      action: 'saveReportTexts',
      year,
      texts: { ...current.texts, nextYear: '一是抓好重点。' },
      baseVersion: saved.version,
    });
    expect(again.settings.yuChoices).toEqual(choices);
    expect((await consoleCall<ReportTextsAnswer>({ action: 'reportTexts', year: year - 1 })).settings).toEqual({});

    const preview = await consoleCall<ReportPreviewAnswer>({ action: 'reportPreview', year, yu: true });
    const text = reportPlainText(preview.model);
    const accepted = Number(figures['mediation.accepted']);
    expect(accepted).toBeGreaterThanOrEqual(20);
    expect(text).toContain(`共受理各类矛盾纠纷${formatFigure(accepted, '件', { yu: true, withUnit: true })}`);
    expect(text).toContain(`发放宣传资料${figures['outreach.materials']}份`);
    expect(preview.model.printed.find((f) => f.id === 'mediation.accepted')?.yu).toBe(true);
    // Without 余 every figure prints exactly, whatever was chosen.
    const exact = reportPlainText((await consoleCall<ReportPreviewAnswer>({ action: 'reportPreview', year })).model);
    expect(exact).toContain(`共受理各类矛盾纠纷${accepted}件`);
  });

  it('should put the .docx in storage and answer a download address that serves it', async () => {
    const answer = await consoleCall<ReportDocxAnswer>({ action: 'reportDocx', year, yu: true });
    expect(answer.fileName).toBe(`白土乡${year}年度法治政府建设情况报告.docx`);
    const res = await fetch(answer.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('should refuse 法律明白人 and residents every console action', async () => {
    const actions: Record<string, unknown>[] = [
      { action: 'overview', year },
      { action: 'byVillage', year, ids: ['outreach.events'] },
      { action: 'byMonth', year, ids: ['outreach.events'] },
      { action: 'trend', year, ids: ['outreach.events'] },
      { action: 'records', period: String(year), figure: 'outreach.events' },
      { action: 'records', check: 'overdue_petitions' },
      { action: 'quality', year },
      { action: 'reportTexts', year },
      { action: 'saveReportTexts', year, texts: { opening: 'x' } },
      { action: 'reportPreview', year },
      { action: 'reportDocx', year },
      { action: 'closeState', year },
      { action: 'close', year },
      { action: 'reopen', year },
    ];
    for (const data of actions) {
      expect([data.action, await consoleCall(data, DEMO.villageWorker)]).toEqual([data.action, { error: expect.objectContaining({ code: 'FORBIDDEN' }) }]);
      expect([data.action, await consoleCall(data, '')]).toEqual([data.action, { error: expect.objectContaining({ code: 'NOT_BOUND' }) }]);
    }
  });

  it('should let the county viewer read but not write', async () => {
    expect(await consoleCall<QualityAnswer>({ action: 'quality', org: TOWNSHIP, year }, DEMO.county)).toMatchObject({ org: { code: TOWNSHIP } });
    expect(await consoleCall<ReportPreviewAnswer>({ action: 'reportPreview', org: TOWNSHIP, year }, DEMO.county)).toMatchObject({ year });
    const countyOwn = await consoleCall<ByVillageAnswer>({ action: 'byVillage', year, ids: ['outreach.events'] }, DEMO.county);
    expect(countyOwn.units.filter((u) => !u.own).map((u) => u.org.code)).toEqual([TOWNSHIP]);
    for (const data of [
      { action: 'saveReportTexts', org: TOWNSHIP, year, texts: { opening: '县里写的' } },
      { action: 'close', org: TOWNSHIP, year },
      { action: 'reopen', org: TOWNSHIP, year },
    ]) {
      expect(await consoleCall(data, DEMO.county)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
  });

  it('should close a year with its figures frozen, and reopen it', async () => {
    const before = await consoleCall<OverviewAnswer>({ action: 'overview', year });
    // Mid-year the villages' later months are not reported yet: closing anyway takes a reason.
    const closed = await consoleCall<CloseAnswer>({ action: 'close', year, reason: '年中测试结账' });
    expect(closed.state).toMatchObject({ year, closed: true, closedBy: expect.any(String), closeReason: '年中测试结账' });
    expect((await consoleCall<CloseAnswer>({ action: 'close', year })).already).toBe(true);

    // A record slipped in behind the lock (as an import gone wrong might) does not move frozen figures.
    const db = await stack.db();
    await db.collection('outreach').add({
      ...meta('QA-LATE-EVENT', VILLAGE),
      date: `${year}-03-03`,
      type: '院坝会',
      venue: '乡村',
      attendees: 10,
      materials: 5,
      banners: 0,
      consultations: 0,
    });
    await rebuildSummaries(db);
    const frozen = await consoleCall<OverviewAnswer>({ action: 'overview', year });
    expect(frozen.closed).toBe(true);
    expect(frozen.figures).toEqual(before.figures);
    expect((await consoleCall<ReportPreviewAnswer>({ action: 'reportPreview', year })).closed).toBe(true);

    const reopened = await consoleCall<CloseAnswer>({ action: 'reopen', year });
    expect(reopened.state).toMatchObject({ closed: false, reopenedBy: expect.any(String) });
    const after = await consoleCall<OverviewAnswer>({ action: 'overview', year });
    expect(after.figures['outreach.events']).toBe((before.figures['outreach.events'] ?? 0) + 1);
    expect(await consoleCall({ action: 'reopen', year })).toMatchObject({ error: { code: 'PERIOD_NOT_CLOSED' } });
  });
});
