/**
 * Ledger export: a unit's scope and period, one sheet per table in the format's columns, photos and
 * narratives as extra columns — and an export imported into an empty system gives the same records
 * and figures, also when a table holds more than the 1000 documents one CloudBase read returns.
 */
import { Workbook } from 'exceljs';
import { exportLedger, ledgerSheets } from '../../../cloudfunctions/lib/ledger/export';
import { importLedger } from '../../../cloudfunctions/lib/ledger/import';
import { readWorkbook } from '../../../cloudfunctions/lib/ledger/xlsx';
import { readAll, PAGE } from '../../../cloudfunctions/lib/ledger/read';
import { insertMany } from '../../../cloudfunctions/lib/bulk';
import { rebuildSummaries } from '../../../cloudfunctions/lib/summaries/rebuild';
import { computeFigures } from '../../../cloudfunctions/lib/figures/compute';
import { mustParsePeriod } from '../../../src/domain/period';
import { exportHeaderOf } from '../../../src/domain/ledger/export';
import { TABLES } from '../../../src/domain/ledger/tables';
import { EXPECTED, OPERATOR, TOWNSHIP, counts, fixtureSheets, localStack, type LocalStack } from './stack';

const VILLAGE = '500114213201';
const Y2023 = mustParsePeriod('2023');
let stack: LocalStack;

beforeAll(async () => {
  stack = await localStack();
  await stack.run((db) => importLedger(db, fixtureSheets(), OPERATOR));
}, 180000);
afterAll(() => stack?.close());

type AnySheet = { name: string; rows: ReadonlyArray<ReadonlyArray<unknown>> };
const sheetNamed = (sheets: readonly AnySheet[], name: string) => {
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
};
const column = (sheet: AnySheet, name: string) => sheet.rows.slice(1).map((r) => r[sheet.rows[0].indexOf(name)]);

describe('exporting a ledger', () => {
  it('should write 指标汇总, one sheet per table with the format’s columns in the format’s order, then 月报', async () => {
    const sheets = await stack.run((db) => ledgerSheets(db, TOWNSHIP, Y2023));
    // The period's figures, the tables, then the villages' 月报 (supervision): import ignores the first and last.
    expect(sheets.map((s) => s.name)).toEqual(['指标汇总', ...TABLES.map((t) => t.sheet), '月报']);
    for (const table of TABLES) expect(sheetNamed(sheets, table.sheet).rows[0]).toEqual(exportHeaderOf(table));
  });

  it('should write a workbook an inspector can read and print: 序号, unit names, date cells, print titles, filters', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await stack.run((db) => exportLedger(db, TOWNSHIP, Y2023))) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['指标汇总', ...TABLES.map((t) => t.sheet), '月报']);

    const outreach = workbook.getWorksheet('普法活动');
    if (!outreach) throw new Error('no 普法活动');
    const header = (outreach.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['序号', '编号', '单位代码', '单位名称', '日期']);
    const first = outreach.getRow(2);
    expect(first.getCell(1).value).toBe(1);
    expect(outreach.getRow(3).getCell(1).value).toBe(2);
    expect(first.getCell(4).value).toMatch(/乡|村/);
    const date = first.getCell(5);
    expect(date.value).toBeInstanceOf(Date);
    expect((date.value as Date).toISOString()).toMatch(/^2023-\d\d-\d\dT00:00:00\.000Z$/);
    expect(date.numFmt).toBe('yyyy-mm-dd');
    for (const sheet of workbook.worksheets) {
      const headerRow = sheet.name === '指标汇总' ? 4 : 1;
      expect([sheet.name, sheet.pageSetup.printTitlesRow]).toEqual([sheet.name, `${headerRow}:${headerRow}`]);
      expect([sheet.name, sheet.autoFilter]).toEqual([sheet.name, expect.objectContaining({})]);
      expect([sheet.name, sheet.views[0]]).toMatchObject([sheet.name, { state: 'frozen', ySplit: headerRow }]);
    }

    const summary = workbook.getWorksheet('指标汇总');
    if (!summary) throw new Error('no 指标汇总');
    expect((summary.getRow(1).values as unknown[]).slice(1)).toEqual(['单位', `白土乡（${TOWNSHIP}）`]);
    expect((summary.getRow(2).values as unknown[]).slice(1)).toEqual(['期间', '2023年']);
    expect((summary.getRow(4).values as unknown[]).slice(1)).toEqual(['序号', '分组', '指标代码', '指标名称', '数值', '单位']);
    const lines = new Map<string, unknown[]>();
    summary.eachRow((row, n) => {
      if (n > 4) lines.set(String(row.getCell(3).value), (row.values as unknown[]).slice(4));
    });
    expect(lines.get('outreach.events')).toEqual(['开展普法宣传活动', EXPECTED['outreach.events'], '次']);
    expect(lines.get('enforcement.permits')).toEqual(['行政许可', 228, '件']);

    const manual = workbook.getWorksheet('其他指标');
    if (!manual) throw new Error('no 其他指标');
    const names = (manual.getRow(1).values as unknown[]).slice(1);
    const penalties = (manual.getRow(2).values as unknown[]).slice(1);
    expect([penalties[names.indexOf('指标代码')], penalties[names.indexOf('指标名称')], penalties[names.indexOf('单位')]]).toEqual([
      'enforcement.penalties',
      '行政处罚',
      '件',
    ]);
  });

  it('should keep to the period: cases accepted or closed in it, the year’s 其他指标, the roster serving in it', async () => {
    const sheets = await stack.run((db) => ledgerSheets(db, TOWNSHIP, Y2023));
    const disputes = sheetNamed(sheets, '矛盾纠纷');
    // TJ00087 was accepted in December 2022 and closed in January 2023: it counts in 2023's 办结.
    expect(column(disputes, '编号')).toContain('TJ00087');
    expect(column(sheetNamed(sheets, '其他指标'), '年度')).toEqual([2023, 2023, 2023]);
    expect(column(sheetNamed(sheets, '普法活动'), '日期').every((d) => d instanceof Date && d.toISOString().startsWith('2023-'))).toBe(true);
    // RY00021 served until 2023-06-30; RY00022 started in 2024.
    const roster = column(sheetNamed(sheets, '人员名册'), '编号');
    expect(roster).toContain('RY00021');
    expect(roster).not.toContain('RY00022');
    const y2022 = await stack.run((db) => ledgerSheets(db, TOWNSHIP, mustParsePeriod('2022')));
    expect(column(sheetNamed(y2022, '其他指标'), '数值')).toEqual([999]);
    expect(column(sheetNamed(y2022, '矛盾纠纷'), '编号')).toContain('TJ00087');
  });

  it('should keep to the unit: a village’s export holds its own records and the units above it', async () => {
    const sheets = await stack.run((db) => ledgerSheets(db, VILLAGE, Y2023));
    expect(column(sheetNamed(sheets, '组织机构'), '代码')).toEqual(['500114', TOWNSHIP, VILLAGE]);
    expect(new Set(column(sheetNamed(sheets, '普法活动'), '单位名称'))).toEqual(new Set([column(sheetNamed(sheets, '组织机构'), '名称')[2]]));
    for (const name of ['人员名册', '普法活动', '法律咨询', '矛盾纠纷', '信访事项']) {
      const units = column(sheetNamed(sheets, name), '单位代码');
      expect(units.length).toBeGreaterThan(0);
      expect(new Set(units)).toEqual(new Set([VILLAGE]));
    }
    expect(sheetNamed(sheets, '领导接访').rows).toHaveLength(1);
  });

  it('should add 照片 links and 情况说明 where records have them, which import then ignores', async () => {
    await stack.run(async (db) => {
      await db
        .collection('outreach')
        .doc('PF00052')
        .update({ photos: ['cloud://fazhi-local.bucket/photos/a.jpg'] });
      await db
        .collection('disputes')
        .doc('TJ00088')
        .update({ photos: ['cloud://x/b.jpg', 'cloud://x/c.jpg'], description: '两户因林界发生争执。' });
    });
    const links = async (ids: string[]) => new Map(ids.map((id) => [id, `https://example.test/${id.split('/').pop()}`]));
    const buffer = await stack.run((db) => exportLedger(db, TOWNSHIP, Y2023, { photoLinks: links }));
    const sheets = await readWorkbook(buffer);
    const outreach = sheetNamed(sheets, '普法活动');
    expect(outreach.rows[0].slice(-1)).toEqual(['照片']);
    expect(outreach.rows.find((r) => r[1] === 'PF00052')?.slice(-1)).toEqual(['https://example.test/a.jpg']);
    const disputes = sheetNamed(sheets, '矛盾纠纷');
    expect(disputes.rows[0].slice(-2)).toEqual(['照片', '情况说明']);
    expect(disputes.rows.find((r) => r[1] === 'TJ00088')?.slice(-2)).toEqual([
      'https://example.test/b.jpg\nhttps://example.test/c.jpg',
      '两户因林界发生争执。',
    ]);
    expect(sheetNamed(sheets, '法律咨询').rows[0]).not.toContain('照片');

    const report = await stack.run((db) => importLedger(db, sheets, OPERATOR));
    expect(report).toMatchObject({ ok: true, warnings: [] });
    expect(report.sheets.every((s) => s.added === 0 && s.updated === 0)).toBe(true);
    const [dispute] = await stack.run((db) => readAll(db, 'disputes', { _id: 'TJ00088' }));
    expect(dispute).toMatchObject({ photos: ['cloud://x/b.jpg', 'cloud://x/c.jpg'], description: '两户因林界发生争执。', version: 1 });
  });
});

describe('personal data in an exported ledger', () => {
  it('should mask the parties’ names, phones and ID numbers in 情况说明 and in free-text columns', async () => {
    const party = { name: '王小明', phone: '13812345678', idNumber: '500114199001011234' };
    await stack.run(async (db) => {
      await db
        .collection('disputes')
        .doc('TJ00089')
        .update({
          parties: [party],
          description: '王小明（电话13812345678，身份证500114199001011234）与邻居李四因林界争执，邻居电话13987654321。',
        });
      await db
        .collection('petitions')
        .doc('XF00311')
        .update({ parties: [party], category: '王小明反映土地问题，13812345678' });
    });
    const sheets = await readWorkbook(await stack.run((db) => exportLedger(db, TOWNSHIP, Y2023)));
    const text = JSON.stringify(sheets);
    for (const secret of ['王小明', '13812345678', '500114199001011234', '13987654321']) expect(text).not.toContain(secret);
    const disputes = sheetNamed(sheets, '矛盾纠纷');
    const narrative = disputes.rows.find((r) => r[1] === 'TJ00089')?.[disputes.rows[0].indexOf('情况说明')];
    expect(narrative).toBe('王*明（电话138****5678，身份证**************1234）与邻居李四因林界争执，邻居电话139****4321。');
    const petitions = sheetNamed(sheets, '信访事项');
    expect(petitions.rows.find((r) => r[1] === 'XF00311')?.[petitions.rows[0].indexOf('事项类别')]).toBe('王*明反映土地问题，138****5678');
  });
});

describe('an export imported into an empty system', () => {
  let empty: LocalStack;
  beforeAll(async () => {
    empty = await localStack();
  });
  afterAll(() => empty?.close());

  it('should give back the same records and figures, beyond one page of 1000', async () => {
    const many = Array.from({ length: PAGE + 350 }, (_, i) => ({
      _id: `JF-BULK-${String(i).padStart(5, '0')}`,
      orgCode: VILLAGE,
      orgPath: ['500114', TOWNSHIP, VILLAGE],
      date: `2023-${String((i % 12) + 1).padStart(2, '0')}-15`,
      leader: '测试领导',
      people: 1,
      recordedBy: 'test',
      recorderName: '测试',
      recordedAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
      version: 1,
      deleted: false,
    }));
    // Written in bulk past the record store: the summaries the figures read are rebuilt from them.
    await stack.run(async (db) => {
      await insertMany(db, 'receptions', many);
      await rebuildSummaries(db);
    });
    const source = await stack.run(async (db) => ({
      figures: await computeFigures(db, TOWNSHIP, Y2023),
      receptions: (await readAll(db, 'receptions')).length,
    }));
    expect(source.receptions).toBe(300 + many.length);
    expect(source.figures['petition.receptions']).toBe(EXPECTED['petition.receptions'] + many.length);

    const buffer = await stack.run((db) => exportLedger(db, TOWNSHIP, Y2023));
    const sheets = await readWorkbook(buffer);
    expect(sheetNamed(sheets, '领导接访').rows).toHaveLength(1 + 299 + many.length);

    const report = await empty.run((db) => importLedger(db, sheets, OPERATOR));
    expect(report.problems).toEqual([]);
    expect(report.sheets.find((s) => s.sheet === '领导接访')).toMatchObject({ added: 299 + many.length });
    const copy = await empty.run(async (db) => ({ figures: await computeFigures(db, TOWNSHIP, Y2023), counts: await counts(db) }));
    expect(copy.figures).toEqual(source.figures);
    expect(copy.counts.receptions).toBe(299 + many.length);

    // And importing the export again over the copy changes nothing, however many rows it has.
    const again = await empty.run((db) => importLedger(db, sheets, OPERATOR));
    expect(again.sheets.every((s) => s.added === 0 && s.updated === 0)).toBe(true);
  }, 300000);
});
