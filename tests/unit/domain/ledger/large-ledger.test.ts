/**
 * Issue 12, item 9: a valid 130,000-row ledger failed with "Maximum call stack size exceeded" — the
 * sheets' results were joined with `push(...rows)`, which passes every row as an argument. Parsing
 * 200,000 rows takes the better part of a minute, so the join is tested here with 200,000 parsed
 * rows, and a whole file end to end in tests/integration/ledger/large-import.test.ts.
 */
import { mergeSheet, type LedgerParse } from '../../../../src/domain/ledger/ledger';
import type { LedgerDoc, ParseResult } from '../../../../src/domain/ledger/parse';

const ROWS = 200_000;

describe('joining the sheets of a 200,000-row ledger', () => {
  it('should keep every record, problem and warning without overflowing the stack', () => {
    const records: LedgerDoc[] = Array.from({ length: ROWS }, (_, i) => ({ _id: `PF${i}`, orgPath: ['500114'] }) as LedgerDoc);
    const problems = Array.from({ length: ROWS }, (_, i) => ({ sheet: '普法活动', row: i + 2, column: '日期', message: '不是有效日期' }));
    const sheet: ParseResult = { collection: 'outreach', records, problems, warnings: problems };
    const result: LedgerParse = { records: { outreach: [{ _id: 'PF-first', orgPath: ['500114'] } as LedgerDoc] }, problems: [], warnings: [] };
    mergeSheet(result, sheet);
    expect(result.records.outreach).toHaveLength(ROWS + 1);
    expect(result.records.outreach?.[ROWS]._id).toBe(`PF${ROWS - 1}`);
    expect(result.problems).toHaveLength(ROWS);
    expect(result.warnings).toHaveLength(ROWS);
  });
});
