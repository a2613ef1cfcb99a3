/**
 * The ledger export's sheet 月报 (village, month, state, submitted by/at) and its import: the sheet
 * travels in the .xlsx and an import of that file ignores it — no warning, nothing written for it.
 */
import { exportLedger, ledgerSheets } from '../../../cloudfunctions/lib/ledger/export';
import { importLedger } from '../../../cloudfunctions/lib/ledger/import';
import { readWorkbook } from '../../../cloudfunctions/lib/ledger/xlsx';
import { findOrg } from '../../../cloudfunctions/lib/orgs';
import { submitMonth } from '../../../cloudfunctions/lib/supervision/reports';
import type { Caller } from '../../../cloudfunctions/lib/caller';
import { mustParsePeriod } from '../../../src/domain/period';
import { OPERATOR, TOWNSHIP, counts, fixtureSheets, localStack, type LocalStack } from '../ledger/stack';

let stack: LocalStack;
const SANTANG = '500114213203';
const SHABA = '500114213202';

beforeAll(async () => {
  stack = await localStack();
  await stack.run((db) => importLedger(db, fixtureSheets(), OPERATOR));
  await stack.run(async (db) => {
    const village = await findOrg(db, SANTANG);
    const reporter: Caller = { openid: 'o-santang', name: '冉秀英', role: '法律明白人', org: village! };
    await submitMonth(db, reporter, '2023-01', new Date('2023-02-03T09:00:00+08:00'));
    await submitMonth(db, reporter, '2023-02', new Date('2023-03-20T09:00:00+08:00'));
  });
}, 180000);
afterAll(() => stack?.close());

describe('the 月报 sheet of the ledger export', () => {
  it('should list every village month with its state and who submitted it when', async () => {
    const sheets = await stack.run((db) => ledgerSheets(db, TOWNSHIP, mustParsePeriod('2023Q1')));
    const sheet = sheets.find((s) => s.name === '月报');
    expect(sheet?.rows[0]).toEqual(['村（社区）代码', '村（社区）', '月份', '状态', '报送人', '报送时间']);
    const row = (village: string, month: string) => sheet?.rows.find((r) => r[0] === village && r[2] === month);
    // Every 2023 month is past its due date by now.
    expect(sheet?.rows).toHaveLength(1 + 7 * 3);
    expect(row(SANTANG, '2023-01')).toEqual([SANTANG, '三塘村', '2023-01', expect.stringMatching(/^(零报告|已报)$/), '冉秀英', '2023-02-03 09:00']);
    expect(row(SANTANG, '2023-02')?.[3]).toMatch(/^(零报告|已报)（迟报）$/);
    expect(row(SANTANG, '2023-03')?.slice(3)).toEqual(['逾期', '', '']);
    expect(row(SHABA, '2023-01')?.[3]).toBe('逾期');
  });

  it('should be ignored by import, without a warning', async () => {
    const file = await stack.run((db) => exportLedger(db, TOWNSHIP, mustParsePeriod('2023')));
    const sheets = await readWorkbook(file);
    expect(sheets.map((s) => s.name)).toContain('月报');
    const before = await stack.run(counts);
    const report = await stack.run((db) => importLedger(db, sheets, OPERATOR));
    expect(report.problems).toEqual([]);
    expect(report.warnings.filter((w) => JSON.stringify(w).includes('月报'))).toEqual([]);
    expect(report.sheets.map((s) => s.sheet)).not.toContain('月报');
    expect(await stack.run(counts)).toEqual(before);
  });
});
