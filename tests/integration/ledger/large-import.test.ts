/**
 * Large ledgers (issue 12, item 9): a valid 130,000-row workbook failed with "Maximum call stack size
 * exceeded". The join that failed is tested with 200,000 rows in tests/unit/domain/ledger; here a
 * generated workbook goes the whole way (xlsx → parse → database), and a file beyond the ceiling is
 * refused with a message that says what to do, writing nothing.
 */
import { Workbook } from 'exceljs';
import { importLedger, MAX_LEDGER_ROWS } from '../../../cloudfunctions/lib/ledger/import';
import { readWorkbook } from '../../../cloudfunctions/lib/ledger/xlsx';
import type { LedgerSheet } from '../../../src/domain/ledger/ledger';
import { OPERATOR, TOWNSHIP, counts, fixtureSheets, localStack, type LocalStack } from './stack';

let stack: LocalStack;

beforeAll(async () => {
  stack = await localStack();
}, 60000);
afterAll(() => stack?.close());

const ORGS = () => fixtureSheets().find((s) => s.name === '组织机构') as LedgerSheet;
const OUTREACH = () => fixtureSheets().find((s) => s.name === '普法活动') as LedgerSheet;

function outreachRows(n: number): string[][] {
  const [header, sample] = OUTREACH().rows as string[][];
  const rows = [header];
  for (let i = 0; i < n; i += 1) rows.push([`BIG${String(i).padStart(7, '0')}`, TOWNSHIP, ...sample.slice(2)]);
  return rows;
}

describe('a large ledger', () => {
  it('should import a generated 5,000-row workbook completely', async () => {
    const workbook = new Workbook();
    for (const sheet of [ORGS(), { name: '普法活动', rows: outreachRows(5_000) }]) {
      const ws = workbook.addWorksheet(sheet.name);
      for (const row of sheet.rows) ws.addRow(row as string[]);
    }
    const sheets = await readWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    const report = await stack.run((db) => importLedger(db, sheets, OPERATOR));
    expect(report.problems).toEqual([]);
    expect(report.sheets.find((s) => s.sheet === '普法活动')).toMatchObject({ added: 5_000 });
    expect((await stack.run(counts)).outreach).toBe(5_000);
  }, 600000);

  it(`should refuse a file of more than ${MAX_LEDGER_ROWS} rows with a clear message, writing nothing`, async () => {
    const before = await stack.run(counts);
    const rows = outreachRows(MAX_LEDGER_ROWS + 1);
    const report = await stack.run((db) => importLedger(db, [ORGS(), { name: '普法活动', rows }], OPERATOR));
    expect(report).toMatchObject({ ok: false, written: false });
    expect(report.problems).toEqual([expect.objectContaining({ message: expect.stringContaining('请分成几个文件') })]);
    expect(report.problems[0].message).toContain(String(MAX_LEDGER_ROWS));
    expect(await stack.run(counts)).toEqual(before);
  });
});
