/**
 * Ledger import through the real SDK against the local gateway: the fixture ledger gives the figures
 * of its expected.json, importing it again changes nothing, a changed row is a versioned edit with
 * history, and a bad file — or a dry run — writes nothing at all.
 */
import { Workbook } from 'exceljs';
import { importLedger } from '../../../cloudfunctions/lib/ledger/import';
import { readWorkbook } from '../../../cloudfunctions/lib/ledger/xlsx';
import { readAll } from '../../../cloudfunctions/lib/ledger/read';
import { computeFigures } from '../../../cloudfunctions/lib/figures/compute';
import { historyOf } from '../../../cloudfunctions/lib/history';
import { mustParsePeriod } from '../../../src/domain/period';
import type { LedgerSheet } from '../../../src/domain/ledger/ledger';
import { EXPECTED, OPERATOR, TOWNSHIP, cellAt, counts, fixtureSheets, localStack, stamps, withCell, type LocalStack } from './stack';

const Y2023 = mustParsePeriod('2023');
let stack: LocalStack;

beforeAll(async () => {
  stack = await localStack();
  const report = await stack.run((db) => importLedger(db, fixtureSheets(), OPERATOR));
  expect(report.problems).toEqual([]);
}, 180000);
afterAll(() => stack?.close());

describe('importing the fixture ledger', () => {
  it('should give every figure of expected.json exactly', async () => {
    const figures = await stack.run((db) => computeFigures(db, TOWNSHIP, Y2023));
    expect(figures).toMatchObject(EXPECTED);
  });

  it('should store records with their meta: version 1, not deleted, recorded by the importer', async () => {
    const [event] = await stack.run((db) => readAll(db, 'outreach', { _id: 'PF00052' }));
    expect(event).toMatchObject({
      orgCode: TOWNSHIP,
      orgPath: ['500114', TOWNSHIP],
      version: 1,
      deleted: false,
      recordedBy: OPERATOR.by,
      recorderName: '谭平志',
    });
    const [person] = await stack.run((db) => readAll(db, 'people', { _id: 'RY00001' }));
    expect(person).toMatchObject({ orgLevel: '村', version: 1, recorderName: OPERATOR.byName });
  });

  it('should change nothing when the same file is imported again', async () => {
    const before = await stack.run(async (db) => ({
      counts: await counts(db),
      outreach: await stamps(db, 'outreach'),
      disputes: await stamps(db, 'disputes'),
    }));
    const report = await stack.run((db) => importLedger(db, fixtureSheets(), OPERATOR));
    expect(report.ok).toBe(true);
    for (const sheet of report.sheets) expect(sheet).toMatchObject({ added: 0, updated: 0 });
    const records = 51 + 23 + 12 + 224 + 60 + 300 + 22 + 4;
    expect(report.sheets.reduce((n, s) => n + s.unchanged, 0)).toBe(before.counts.orgs + records);
    const after = await stack.run(async (db) => ({ counts: await counts(db), outreach: await stamps(db, 'outreach'), disputes: await stamps(db, 'disputes') }));
    expect(after).toEqual(before);
    // The first import wrote one history entry per record it created; the second wrote none.
    expect(after.counts.history).toBe(records);
  });

  it('should update a differing row as an edit: version + 1 and a history entry of the changed field', async () => {
    const changed = withCell(fixtureSheets(), '普法活动', 2, '发放资料份数', '250');
    const report = await stack.run((db) => importLedger(db, changed, OPERATOR));
    expect(report.sheets.find((s) => s.sheet === '普法活动')).toMatchObject({ added: 0, updated: 1, unchanged: 22 });
    const [event] = await stack.run((db) => readAll(db, 'outreach', { _id: 'PF00052' }));
    expect(event).toMatchObject({ materials: 250, version: 2, recordedBy: OPERATOR.by });
    const history = await stack.run((db) => historyOf(db, 'outreach', 'PF00052'));
    // The import that created it, then the edit: only the field that changed, not the whole record.
    expect(history.map((entry) => [entry.action, entry.version, entry.by])).toEqual([
      ['import', 1, OPERATOR.by],
      ['import', 2, OPERATOR.by],
    ]);
    expect(history[0]).toMatchObject({ before: null, after: { materials: 150, deleted: false } });
    expect(history[1]).toMatchObject({ before: { materials: 150 }, after: { materials: 250 } });
    expect(Object.keys(history[1].after ?? {})).toEqual(['materials']);
    const figures = await stack.run((db) => computeFigures(db, TOWNSHIP, Y2023, ['outreach.materials']));
    expect(figures['outreach.materials']).toBe(EXPECTED['outreach.materials'] + 100);

    // Importing the original file puts it back, as a third version.
    await stack.run((db) => importLedger(db, fixtureSheets(), OPERATOR));
    const [restored] = await stack.run((db) => readAll(db, 'outreach', { _id: 'PF00052' }));
    expect(restored).toMatchObject({ materials: 150, version: 3 });
  });

  it('should write nothing for a file with a bad vocabulary cell and a bad date, naming sheet, row and column', async () => {
    let sheets = withCell(fixtureSheets(), '普法活动', 3, '类型', '赶大集');
    sheets = withCell(sheets, '矛盾纠纷', 10, '受理日期', '2023-02-30');
    // Rows that would otherwise be written: a new record and an edit.
    sheets = withCell(sheets, '领导接访', 2, '接待群众人次', '99');
    sheets = sheets.map((s) => (s.name === '法律咨询' ? { ...s, rows: [...s.rows, ['ZX-NEW-1', TOWNSHIP, '2023-03-01', '其他', '2', '']] } : s));
    const before = await stack.run(counts);
    const report = await stack.run((db) => importLedger(db, sheets, OPERATOR));
    expect(report.ok).toBe(false);
    expect(report.written).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ sheet: '普法活动', row: 3, column: '类型', message: expect.stringContaining('只能填') }),
      expect.objectContaining({ sheet: '矛盾纠纷', row: 10, column: '受理日期', message: expect.stringContaining('不是有效日期') }),
    ]);
    expect(await stack.run(counts)).toEqual(before);
    const [reception] = await stack.run((db) => readAll(db, 'receptions', { _id: String(cellAt(sheets, '领导接访', 2, '编号')) }));
    expect(reception.people).toBe(Number(cellAt(fixtureSheets(), '领导接访', 2, '接待群众人次')));
  });

  it('should refuse a held 普法活动 dated after the day of import, and take it as 计划', async () => {
    const future = withCell(fixtureSheets(), '普法活动', 2, '日期', '2099-05-01');
    const report = await stack.run((db) => importLedger(db, future, { ...OPERATOR, dryRun: true, now: new Date('2026-11-29T04:00:00Z') }));
    expect(report.problems).toEqual([expect.objectContaining({ sheet: '普法活动', row: 2, column: '日期', message: expect.stringContaining('计划') })]);
    const planned = future.map((s) => (s.name === '普法活动' ? { ...s, rows: s.rows.map((r, i) => [...r, i === 0 ? '状态' : i === 1 ? '计划' : '']) } : s));
    const ok = await stack.run((db) => importLedger(db, planned, { ...OPERATOR, dryRun: true, now: new Date('2026-11-29T04:00:00Z') }));
    expect(ok).toMatchObject({ ok: true, problems: [] });
  });

  it('should refuse a file that moves a village under another township, naming the row, and write nothing', async () => {
    // Issue 12, item 10: the import re-parented 沙坝村 and left its records on the old path, so 白土乡
    // was refused on its own village. A unit keeps its place; a file may not move it.
    const sheets = fixtureSheets().map((s) => {
      if (s.name !== '组织机构') return s;
      const rows = s.rows.map((cells) => (cells[0] === '500114213202' ? ['500114213202', '沙坝村', '村', '500114299'] : cells));
      return { ...s, rows: [...rows, ['500114299', '新建乡', '乡镇', '500114']] };
    });
    const movedRow = sheets.find((s) => s.name === '组织机构')!.rows.findIndex((cells) => cells[0] === '500114213202') + 1;
    const before = await stack.run(counts);
    const report = await stack.run((db) => importLedger(db, sheets, OPERATOR));
    expect(report).toMatchObject({ ok: false, written: false });
    expect(report.problems).toEqual([
      expect.objectContaining({ sheet: '组织机构', row: movedRow, column: '上级代码', message: expect.stringContaining('不能改变上级单位') }),
    ]);
    expect(report.problems[0].message).toContain('白土乡');
    expect(await stack.run(counts)).toEqual(before);
    const [village] = await stack.run((db) => readAll(db, 'orgs', { _id: '500114213202' }));
    expect(village).toMatchObject({ parentCode: TOWNSHIP, path: ['500114', TOWNSHIP, '500114213202'] });
  });

  it('should report in a dry run what an import would do, and write nothing', async () => {
    const sheets = withCell(fixtureSheets(), '领导接访', 2, '接待群众人次', '99').map((s) =>
      s.name === '法律咨询' ? { ...s, rows: [...s.rows, ['ZX-NEW-2', TOWNSHIP, '2023-03-01', '其他', '2', '']] } : s,
    );
    const before = await stack.run(async (db) => ({ counts: await counts(db), receptions: await stamps(db, 'receptions') }));
    const report = await stack.run((db) => importLedger(db, sheets, { ...OPERATOR, dryRun: true }));
    expect(report).toMatchObject({ ok: true, dryRun: true, written: false });
    expect(report.sheets.find((s) => s.sheet === '领导接访')).toMatchObject({ updated: 1 });
    expect(report.sheets.find((s) => s.sheet === '法律咨询')).toMatchObject({ added: 1 });
    expect(await stack.run(async (db) => ({ counts: await counts(db), receptions: await stamps(db, 'receptions') }))).toEqual(before);
  });

  it('should not bring back a record that was deleted in the app, and say so', async () => {
    await stack.run((db) => db.collection('consultations').doc('ZX00073').update({ deleted: true }));
    const report = await stack.run((db) => importLedger(db, fixtureSheets(), OPERATOR));
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([expect.objectContaining({ sheet: '法律咨询', row: 2, message: expect.stringContaining('已被删除') })]);
    const [doc] = await stack.run((db) => readAll(db, 'consultations', { _id: 'ZX00073' }));
    expect(doc.deleted).toBe(true);
    await stack.run((db) => db.collection('consultations').doc('ZX00073').update({ deleted: false }));
  });
});

/** The fixture as an XLSX workbook, as a township would keep it: dates of one sheet as Excel date cells. */
async function fixtureWorkbook(sheets: readonly LedgerSheet[]): Promise<Buffer> {
  const workbook = new Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((cells, i) => {
      const row = cells.map((c, j) => {
        const column = String(sheet.rows[0][j]);
        if (i > 0 && sheet.name === '普法活动' && column === '日期') return new Date(`${String(c)}T00:00:00Z`);
        if (i > 0 && /人数|份数|幅数|人次|数值/.test(column) && c !== '') return Number(c);
        return c;
      });
      ws.addRow(row);
    });
    if (sheet.name === '普法活动') ws.getColumn(sheet.rows[0].indexOf('日期') + 1).numFmt = 'yyyy/m/d';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('importing an XLSX workbook', () => {
  let fresh: LocalStack;
  beforeAll(async () => {
    fresh = await localStack();
  });
  afterAll(() => fresh?.close());

  it('should read Excel date cells as the day typed and give the same figures as the CSV folder', async () => {
    const sheets = await readWorkbook(await fixtureWorkbook(fixtureSheets()));
    const dateCell = cellAt(sheets, '普法活动', 2, '日期');
    expect(dateCell).toBeInstanceOf(Date);
    expect((dateCell as Date).toISOString().slice(0, 10)).toBe('2023-04-25');

    const report = await fresh.run((db) => importLedger(db, sheets, OPERATOR));
    expect(report.problems).toEqual([]);
    const figures = await fresh.run((db) => computeFigures(db, TOWNSHIP, Y2023));
    expect(figures).toMatchObject(EXPECTED);
    const [event] = await fresh.run((db) => readAll(db, 'outreach', { _id: 'PF00052' }));
    expect(event.date).toBe('2023-04-25');
  }, 180000);

  it('should say a file that is not a workbook cannot be read', async () => {
    await expect(readWorkbook(Buffer.from('编号,单位代码\n'))).rejects.toThrow('不是有效的 Excel');
  });
});
