/**
 * The console's ledger actions through the real SDK on the local stack (demo township 白土乡): 其他指标
 * entered per year (catalogue and custom codes, versions and history kept, reaching the figures), the
 * ledger exported to storage, and a ledger file uploaded and imported — dry run by sheet, row and column
 * first, then for real — through the command line's import, limited to the admin's own unit.
 */
import { Workbook } from 'exceljs';
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { beijingDate } from '../../../src/domain/dates';
import type { FiguresAnswer } from '../../../src/domain/api';
import type { LedgerFileAnswer, LedgerImportAnswer, ManualFiguresAnswer } from '../../../src/domain/console/ledger-api';

const TOWNSHIP = '500114213';
const now = new Date();
const year = Number(beijingDate(now).slice(0, 4));

let stack: AppStack;
beforeAll(async () => {
  stack = await startAppStack(now);
}, 60000);
afterAll(() => stack?.stop());

const consoleCall = <T>(data: Record<string, unknown>, openid: string = DEMO.admin) => stack.call<T>('console', data, openid);
const figuresOf = async (period: string) => (await stack.call<FiguresAnswer>('figures', { action: 'get', period }, DEMO.admin)).figures;

/** Uploads bytes as the H5 app does (POST /api/upload), answering the fileID. */
async function upload(path: string, bytes: Buffer, openid: string = DEMO.admin): Promise<string> {
  const res = await fetch(`${stack.gateway.url}/api/upload?path=${encodeURIComponent(path)}`, {
    method: 'POST',
    headers: { 'x-fazhi-openid': openid },
    body: new Uint8Array(bytes),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { fileID: string }).fileID;
}

async function exported(): Promise<Buffer> {
  const file = await consoleCall<LedgerFileAnswer>({ action: 'exportLedger', period: String(year) });
  expect(file.fileName).toBe(`白土乡${year}年台账.xlsx`);
  const res = await fetch(file.url);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** The 编号 of a sheet's first record. */
async function firstId(bytes: Buffer, sheetName: string): Promise<string> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(sheetName);
  const header = (sheet?.getRow(1).values as unknown[] | undefined)?.map(String) ?? [];
  return String(sheet?.getRow(2).getCell(header.indexOf('编号')).value);
}

/** The workbook with one cell of a sheet changed, found by its column name and the row's 编号. */
async function changed(bytes: Buffer, sheetName: string, id: string, column: string, value: string | number): Promise<{ bytes: Buffer; row: number }> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no ${sheetName}`);
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  let row = 0;
  sheet.eachRow((r, n) => {
    if (r.getCell(header.indexOf('编号')).value === id) row = n;
  });
  if (!row) throw new Error(`no ${id}`);
  sheet.getRow(row).getCell(header.indexOf(column)).value = value;
  return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), row };
}

describe('其他指标 in the console', () => {
  it('should save catalogue and custom codes for the year, keep versions and history, and reach the figures', async () => {
    const first = await consoleCall<ManualFiguresAnswer>({ action: 'saveManualFigure', year, code: 'enforcement.permits', value: '228' });
    expect(first.entries.find((e) => e.code === 'enforcement.permits')).toMatchObject({
      label: '行政许可',
      unit: '件',
      value: 228,
      catalogue: true,
      version: 1,
    });
    expect(first.catalogue.map((c) => c.id)).toContain('manual.disclosure_coverage');
    const second = await consoleCall<ManualFiguresAnswer>({ action: 'saveManualFigure', year, code: 'enforcement.permits', value: '230' });
    expect(second.entries.find((e) => e.code === 'enforcement.permits')).toMatchObject({ value: 230, version: 2 });
    const db = await stack.db();
    const history = await db
      .collection('history')
      .where({ collection: 'manual_figures', recordId: `${TOWNSHIP}:${year}:enforcement.permits` })
      .get();
    // The demo's year already holds 228, so the first save changed nothing; the second wrote one entry
    // with only the value it changed.
    expect(history.data.map((h: { version: number; before: unknown; after: unknown }) => [h.version, h.before, h.after])).toEqual([
      [2, { value: 228 }, { value: 230 }],
    ]);

    const custom = await consoleCall<ManualFiguresAnswer>({
      action: 'saveManualFigure',
      year,
      code: 'x.birth_permits',
      label: '办理生育证',
      unit: '人次',
      value: '160',
    });
    expect(custom.entries.find((e) => e.code === 'x.birth_permits')).toMatchObject({ label: '办理生育证', unit: '人次', value: 160, catalogue: false });
    await consoleCall({ action: 'saveManualFigure', year, code: 'manual.disclosure_coverage', value: '98%' });
    const figures = await figuresOf(String(year));
    expect(figures).toMatchObject({ 'enforcement.permits': 230, 'x.birth_permits': 160, 'manual.disclosure_coverage': 0.98 });
    // Each year keeps its own: last year's list keeps the demo's figures of last year, untouched by this year's.
    const lastYear = new Map((await consoleCall<ManualFiguresAnswer>({ action: 'manualFigures', year: year - 1 })).entries.map((e) => [e.code, e.value]));
    expect(lastYear.get('enforcement.permits')).toBe(999);
    expect(lastYear.has('x.birth_permits')).toBe(false);
    expect(lastYear.has('manual.disclosure_coverage')).toBe(false);
  });

  it('should refuse a bad entry with the problem beside its field, writing nothing', async () => {
    const before = await consoleCall<ManualFiguresAnswer>({ action: 'manualFigures', year });
    const noLabel = await consoleCall({ action: 'saveManualFigure', year, code: 'x.emergency_team', value: '30' });
    expect(noLabel).toEqual({
      error: expect.objectContaining({ code: 'INVALID_FORM', problems: expect.arrayContaining([expect.objectContaining({ field: 'label' })]) }),
    });
    const notNumber = await consoleCall({ action: 'saveManualFigure', year, code: 'enforcement.penalties', value: '七十' });
    expect(notNumber).toEqual({
      error: expect.objectContaining({
        code: 'INVALID_FORM',
        problems: [expect.objectContaining({ field: 'value', message: expect.stringContaining('不是数字') })],
      }),
    });
    const computed = await consoleCall({ action: 'saveManualFigure', year, code: 'outreach.events', value: '3' });
    expect(computed).toEqual({ error: expect.objectContaining({ code: 'INVALID_FORM', message: expect.stringContaining('自动统计') }) });
    expect(await consoleCall<ManualFiguresAnswer>({ action: 'manualFigures', year })).toEqual(before);
  });

  it('should let only the township admin write, for their own unit', async () => {
    const entry = { action: 'saveManualFigure', year, code: 'enforcement.penalties', value: '1' };
    expect(await consoleCall({ ...entry, org: TOWNSHIP }, DEMO.county)).toEqual({ error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    expect(await consoleCall(entry, DEMO.villageWorker)).toEqual({ error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    expect(await consoleCall<ManualFiguresAnswer>({ action: 'manualFigures', org: TOWNSHIP, year }, DEMO.county)).toMatchObject({ canWrite: false });
    for (const data of [
      { action: 'manualFigures', year },
      { action: 'importLedger', fileID: `cloud://fazhi-local.bucket/imports/${TOWNSHIP}/x.xlsx`, dryRun: true },
      { action: 'exportLedger', period: String(year) },
    ]) {
      expect([data.action, await consoleCall(data, DEMO.villageWorker)]).toEqual([data.action, { error: expect.objectContaining({ code: 'FORBIDDEN' }) }]);
      expect([data.action, await consoleCall(data, '')]).toEqual([data.action, { error: expect.objectContaining({ code: 'NOT_BOUND' }) }]);
    }
  });
});

describe('a ledger file in the console', () => {
  it('should export the year and import it back unchanged', async () => {
    const bytes = await exported();
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const fileID = await upload(`imports/${TOWNSHIP}/same.xlsx`, bytes);
    const report = await consoleCall<LedgerImportAnswer>({ action: 'importLedger', fileID, dryRun: true });
    expect(report).toMatchObject({ ok: true, dryRun: true, written: false, problems: [], warnings: [] });
    expect(report.sheets.every((s) => s.added === 0 && s.updated === 0)).toBe(true);
  });

  it('should report a bad cell by sheet, row and column and write nothing, dry run or not', async () => {
    const source = await exported();
    const { bytes, row } = await changed(source, '领导接访', await firstId(source, '领导接访'), '接待群众人次', 'abc');
    const fileID = await upload(`imports/${TOWNSHIP}/bad.xlsx`, bytes);
    const before = await figuresOf(String(year));
    for (const dryRun of [true, false]) {
      const report = await consoleCall<LedgerImportAnswer>({ action: 'importLedger', fileID, dryRun });
      expect(report).toMatchObject({ ok: false, written: false });
      expect(report.problems).toEqual([
        expect.objectContaining({ sheet: '领导接访', row, column: '接待群众人次', message: expect.stringContaining('不是数字') }),
      ]);
    }
    expect(await figuresOf(String(year))).toEqual(before);
  });

  it('should show the change in a dry run, then make it when confirmed', async () => {
    const source = await exported();
    const { bytes } = await changed(source, '领导接访', await firstId(source, '领导接访'), '接待群众人次', 999);
    const fileID = await upload(`imports/${TOWNSHIP}/change.xlsx`, bytes);
    const before = await figuresOf(String(year));
    const dry = await consoleCall<LedgerImportAnswer>({ action: 'importLedger', fileID, dryRun: true });
    expect(dry).toMatchObject({ ok: true, written: false });
    expect(dry.sheets.find((s) => s.sheet === '领导接访')).toMatchObject({ added: 0, updated: 1 });
    expect(await figuresOf(String(year))).toEqual(before);
    const done = await consoleCall<LedgerImportAnswer>({ action: 'importLedger', fileID, dryRun: false });
    expect(done).toMatchObject({ ok: true, written: true });
    expect((await figuresOf(String(year)))['petition.received_people']).toBeGreaterThan(Number(before['petition.received_people']));
  });

  it('should take only a file put in the unit’s folder, and only changes within the unit', async () => {
    const bytes = await exported();
    const others = await upload(`imports/500114/x.xlsx`, bytes, DEMO.county);
    expect(await consoleCall({ action: 'importLedger', fileID: others, dryRun: true })).toEqual({ error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    expect(await consoleCall({ action: 'importLedger', fileID: others, dryRun: true }, DEMO.county)).toEqual({
      error: expect.objectContaining({ code: 'FORBIDDEN' }),
    });
    // Renaming the county above the township is outside the township admin's unit.
    const workbook = new Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const orgs = workbook.getWorksheet('组织机构');
    if (!orgs) throw new Error('no 组织机构');
    orgs.getRow(2).getCell(3).value = '改名的区';
    const fileID = await upload(`imports/${TOWNSHIP}/county.xlsx`, Buffer.from(await workbook.xlsx.writeBuffer()));
    const report = await consoleCall<LedgerImportAnswer>({ action: 'importLedger', fileID, dryRun: true });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ sheet: '组织机构', row: 2, message: expect.stringContaining('本单位以外') })]);
    // A zip's first bytes (what the storage lets into imports/) but no workbook after them.
    const notExcel = await upload(`imports/${TOWNSHIP}/note.xlsx`, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not a workbook')]));
    expect(await consoleCall({ action: 'importLedger', fileID: notExcel, dryRun: true })).toEqual({
      error: expect.objectContaining({ code: 'INVALID_FORM', message: expect.stringContaining('不是有效的 Excel') }),
    });
  });
});
