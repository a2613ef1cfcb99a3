/**
 * Year-end close: closing freezes a unit's figures for the year, no record dated in it can change
 * (imports included) until the year is reopened, and reopening, editing and closing again gives new
 * frozen figures — every step in the history.
 */
import { closeYear, reopenYear, frozenFigures, figuresWithClose, assertOpen, closeOf, touchedDates } from '../../../cloudfunctions/lib/period-close';
import { importLedger } from '../../../cloudfunctions/lib/ledger/import';
import { readAll } from '../../../cloudfunctions/lib/ledger/read';
import { computeFigures } from '../../../cloudfunctions/lib/figures/compute';
import { rebuildSummaries } from '../../../cloudfunctions/lib/summaries/rebuild';
import { historyOf } from '../../../cloudfunctions/lib/history';
import { ERRORS } from '../../../cloudfunctions/lib/errors';
import { mustParsePeriod } from '../../../src/domain/period';
import { EXPECTED, OPERATOR, TOWNSHIP, counts, fixtureSheets, localStack, withCell, type LocalStack } from '../ledger/stack';

const VILLAGE = '500114213202';
const ADMIN = { by: 'o-admin', byName: '周海燕' };
const Y2023 = mustParsePeriod('2023');
let stack: LocalStack;

beforeAll(async () => {
  stack = await localStack();
  await stack.run((db) => importLedger(db, fixtureSheets(), OPERATOR));
}, 180000);
afterAll(() => stack?.close());

const importRows = (sheets: ReturnType<typeof fixtureSheets>) => stack.run((db) => importLedger(db, sheets, OPERATOR));
const withRow = (sheet: string, row: string[]) => fixtureSheets().map((s) => (s.name === sheet ? { ...s, rows: [...s.rows, row] } : s));

describe('closing a year', () => {
  it('should freeze the unit’s figures as they stand and record the close in the history', async () => {
    const { close, already } = await stack.run((db) => closeYear(db, { orgCode: TOWNSHIP, year: 2023, ...ADMIN }));
    expect(already).toBe(false);
    expect(close).toMatchObject({ closed: true, orgName: '白土乡', closedBy: ADMIN.by, version: 1 });
    const frozen = await stack.run((db) => frozenFigures(db, TOWNSHIP, 2023));
    expect(frozen).toEqual(await stack.run((db) => computeFigures(db, TOWNSHIP, Y2023)));
    expect(frozen).toMatchObject(EXPECTED);
    const history = await stack.run((db) => historyOf(db, 'period_closes', `${TOWNSHIP}:2023`));
    expect(history).toEqual([expect.objectContaining({ action: 'close', by: ADMIN.by, version: 1, before: null })]);
  });

  it('should answer a second close as already done, changing nothing', async () => {
    const again = await stack.run((db) => closeYear(db, { orgCode: TOWNSHIP, year: 2023, ...ADMIN }));
    expect(again).toMatchObject({ already: true, close: { version: 1 } });
    await expect(stack.run((db) => closeYear(db, { orgCode: '999999', year: 2023, ...ADMIN }))).rejects.toMatchObject({ code: 'ORG_NOT_FOUND' });
    await expect(stack.run((db) => reopenYear(db, { orgCode: TOWNSHIP, year: 2022, ...ADMIN }))).rejects.toMatchObject({ code: 'PERIOD_NOT_CLOSED' });
  });

  it('should refuse an import that changes a record of the closed year, naming the row, and write nothing', async () => {
    const before = await stack.run(counts);
    const report = await importRows(withCell(fixtureSheets(), '普法活动', 2, '发放资料份数', '250'));
    expect(report).toMatchObject({ ok: false, written: false });
    expect(report.problems).toEqual([expect.objectContaining({ sheet: '普法活动', row: 2, message: expect.stringContaining('2023年度已由白土乡结账') })]);
    expect(report.problems[0].message).toContain('如需修改请由乡镇管理员先反结账');
    expect(await stack.run(counts)).toEqual(before);
    expect(await stack.run((db) => figuresWithClose(db, TOWNSHIP, Y2023))).toMatchObject(EXPECTED);
  });

  it('should refuse new records dated in the closed year and accept those of the next', async () => {
    const refused = await importRows(withRow('法律咨询', ['ZX-2023-NEW', VILLAGE, '2023-05-01', '其他', '1', '']));
    expect(refused.problems).toEqual([expect.objectContaining({ sheet: '法律咨询', row: 14 })]);
    const accepted = await importRows(withRow('法律咨询', ['ZX-2024-NEW', VILLAGE, '2024-01-03', '其他', '1', '']));
    expect(accepted).toMatchObject({ ok: true, written: true });
  });

  it('should let a case accepted in the closed year be closed in the next, but not have its type changed', async () => {
    // TJ00308 was accepted on 2023-12-11 and settled on 2024-01-06: its outcome belongs to 2024.
    const outcome = await importRows(withCell(fixtureSheets(), '矛盾纠纷', 223, '协议金额', '5000'));
    expect(outcome.problems).toEqual([]);
    expect((await stack.run((db) => readAll(db, 'disputes', { _id: 'TJ00308' })))[0]).toMatchObject({ amount: 5000, version: 2 });
    const retyped = await importRows(withCell(withCell(fixtureSheets(), '矛盾纠纷', 223, '协议金额', '5000'), '矛盾纠纷', 223, '纠纷类型', '合同'));
    expect(retyped.problems).toEqual([expect.objectContaining({ sheet: '矛盾纠纷', row: 223 })]);
  });

  it('should let the roster change only where it leaves the closed year’s end-of-year snapshot as it was', async () => {
    // RY00001 served through 2023: ending the service in 2024 does not change who served on 2023-12-31.
    const ended = await importRows(withCell(fixtureSheets(), '人员名册', 2, '结束日期', '2024-06-30'));
    expect(ended.problems).toEqual([]);
    // RY00021 left on 2023-06-30: moving that to 2024 would add a 法律明白人 to 2023's figures.
    const extended = await importRows(withCell(withCell(fixtureSheets(), '人员名册', 2, '结束日期', '2024-06-30'), '人员名册', 22, '结束日期', '2024-03-01'));
    expect(extended.problems).toEqual([expect.objectContaining({ sheet: '人员名册', row: 22 })]);
    const manual = await importRows(withCell(withCell(fixtureSheets(), '人员名册', 2, '结束日期', '2024-06-30'), '其他指标', 2, '数值', '300'));
    expect(manual.problems).toEqual([expect.objectContaining({ sheet: '其他指标', row: 2 })]);
  });

  it('should guard every path below the closing unit, for every date of the closed year', async () => {
    const path = ['500114', TOWNSHIP, VILLAGE];
    await expect(stack.run((db) => assertOpen(db, path, ['2023-07-01']))).rejects.toMatchObject({ code: 'PERIOD_CLOSED' });
    await expect(stack.run((db) => assertOpen(db, path, ['2024-01-01', '2023-12-31']))).rejects.toMatchObject({ code: 'PERIOD_CLOSED' });
    await expect(stack.run((db) => assertOpen(db, path, ['2024-01-01', '2022-12-31']))).resolves.toBeUndefined();
    await expect(stack.run((db) => assertOpen(db, ['500114', '500114999'], ['2023-07-01']))).resolves.toBeUndefined();
    expect(ERRORS.PERIOD_CLOSED).toContain('已结账');
  });

  it('should keep answering the frozen figures for the year even if a record is changed behind the rules', async () => {
    // Behind the rules: past the record store, and the summaries rebuilt from the changed record.
    await stack.run(async (db) => {
      await db.collection('outreach').doc('PF00053').update({ materials: 1159 });
      await rebuildSummaries(db);
    });
    expect((await stack.run((db) => computeFigures(db, TOWNSHIP, Y2023)))['outreach.materials']).toBe(EXPECTED['outreach.materials'] + 1000);
    expect(await stack.run((db) => figuresWithClose(db, TOWNSHIP, Y2023))).toMatchObject(EXPECTED);
    const asRange = await stack.run((db) => figuresWithClose(db, TOWNSHIP, mustParsePeriod('2023-01-01..2023-12-31'), ['outreach.materials']));
    expect(asRange).toEqual({ 'outreach.materials': EXPECTED['outreach.materials'] });
    await stack.run(async (db) => {
      await db.collection('outreach').doc('PF00053').update({ materials: 159 });
      await rebuildSummaries(db);
    });
  });
});

describe('reopening a year', () => {
  it('should record the reopen, let the edit through with its history, and freeze the new figures at the next close', async () => {
    await stack.run((db) => reopenYear(db, { orgCode: TOWNSHIP, year: 2023, ...ADMIN }));
    expect(await stack.run((db) => frozenFigures(db, TOWNSHIP, 2023))).toBeNull();

    const edit = await importRows(withCell(fixtureSheets(), '普法活动', 2, '发放资料份数', '250'));
    expect(edit.problems).toEqual([]);
    expect(edit.sheets.find((s) => s.sheet === '普法活动')).toMatchObject({ updated: 1 });
    expect(await stack.run((db) => historyOf(db, 'outreach', 'PF00052'))).toEqual([
      expect.objectContaining({ action: 'import', version: 1, before: null }),
      expect.objectContaining({ action: 'import', version: 2, before: { materials: 150 }, after: { materials: 250 } }),
    ]);

    const { close } = await stack.run((db) => closeYear(db, { orgCode: TOWNSHIP, year: 2023, ...ADMIN }));
    expect(close.version).toBe(3);
    const figures = await stack.run((db) => figuresWithClose(db, TOWNSHIP, Y2023));
    expect(figures['outreach.materials']).toBe(EXPECTED['outreach.materials'] + 100);
    expect(figures['outreach.events']).toBe(EXPECTED['outreach.events']);

    const history = await stack.run((db) => historyOf(db, 'period_closes', `${TOWNSHIP}:2023`));
    expect(history.map((h) => [h.action, h.version, h.by])).toEqual([
      ['close', 1, ADMIN.by],
      ['reopen', 2, ADMIN.by],
      ['close', 3, ADMIN.by],
    ]);
    expect(await stack.run((db) => closeOf(db, TOWNSHIP, 2023))).toMatchObject({ closed: true, reopenedBy: ADMIN.by });
  });
});

describe('which dates a change touches', () => {
  const dispute = { orgCode: VILLAGE, acceptDate: '2023-12-11', disputeType: '合同', state: '调解中', version: 1 };

  it('should place a case’s opening in its acceptance year and its outcome in its closing year', () => {
    const settled = { ...dispute, state: '调解成功', closeDate: '2024-01-06', version: 2 };
    expect(touchedDates('disputes', dispute, settled)).toEqual(['2024-01-06']);
    expect(touchedDates('disputes', dispute, { ...dispute, disputeType: '邻里' })).toEqual(['2023-12-11', '2023-12-11']);
    expect(touchedDates('disputes', null, dispute)).toEqual(['2023-12-11']);
    expect(touchedDates('disputes', dispute, { ...dispute, deleted: true })).toEqual(['2023-12-11', '2023-12-11']);
  });

  it('should see no change in bookkeeping alone', () => {
    expect(touchedDates('outreach', { date: '2023-05-01', version: 1 }, { date: '2023-05-01', version: 2, updatedAt: 'x' })).toEqual([]);
    expect(touchedDates('outreach', { date: '2023-05-01' }, { date: '2024-05-01' })).toEqual(['2023-05-01', '2024-05-01']);
  });
});
