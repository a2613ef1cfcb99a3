/**
 * The year-close race for ledger imports (issue 12, item 5): an import writes its rows in bulk, so a
 * close landing in the middle froze figures without the rows written after it. An import and a close
 * of the same year now exclude each other: the import holds the year while it writes, and a close
 * then is refused with a message saying to wait; an import after the close is refused as before.
 * Whatever the interleaving, a closed year's frozen figures equal a recount.
 */
import { importLedger } from '../../../cloudfunctions/lib/ledger/import';
import { closeYear, frozenFigures } from '../../../cloudfunctions/lib/period-close';
import { computeFigures } from '../../../cloudfunctions/lib/figures/compute';
import { mustParsePeriod } from '../../../src/domain/period';
import type { LedgerSheet } from '../../../src/domain/ledger/ledger';
import { OPERATOR, TOWNSHIP, fixtureSheets, localStack, type LocalStack } from '../ledger/stack';
import { IMPORT_LEASE_MINUTES, holdForImport, releaseImport } from '../../../cloudfunctions/lib/year-guards';

let stack: LocalStack;

beforeAll(async () => {
  stack = await localStack();
  await stack.run((db) =>
    importLedger(
      db,
      fixtureSheets().filter((s) => s.name === '组织机构'),
      OPERATOR,
    ),
  );
}, 60000);
afterAll(() => stack?.close());

const ROUNDS = 6;
const ROWS = 600;

function outreachOf(year: number): LedgerSheet[] {
  const sheet = fixtureSheets().find((s) => s.name === '普法活动') as LedgerSheet;
  const [header, sample] = sheet.rows as string[][];
  const rows = [header];
  for (let i = 0; i < ROWS; i += 1) rows.push([`RACE${year}-${i}`, TOWNSHIP, `${year}-04-25`, ...sample.slice(3)]);
  return [{ name: '普法活动', rows }];
}

describe('an import holding its year', () => {
  const ADMIN = { by: 'o-admin', byName: '周海燕' };

  it('should make a close of that year wait with a plain message, and let it through once released', async () => {
    const year = 1999;
    const held = [{ orgCode: '500114213202', year }];
    await stack.run((db) => holdForImport(db, held, OPERATOR.by, new Date(), async () => undefined));
    await expect(stack.run((db) => closeYear(db, { orgCode: TOWNSHIP, year, ...ADMIN }))).rejects.toMatchObject({
      code: 'PERIOD_BUSY',
      message: expect.stringContaining('请导入完成后再结账'),
    });
    expect(await stack.run((db) => frozenFigures(db, TOWNSHIP, year))).toBeNull();
    await stack.run((db) => releaseImport(db, held, OPERATOR.by));
    expect((await stack.run((db) => closeYear(db, { orgCode: TOWNSHIP, year, ...ADMIN }))).close.closed).toBe(true);
    // And the import that comes after the close is refused, naming the close.
    const report = await stack.run((db) => importLedger(db, outreachOf(year), OPERATOR));
    expect(report).toMatchObject({ ok: false, written: false });
    expect(report.problems[0].message).toContain('1999年度已由白土乡结账');
  });

  it('should stop holding after the lease, so a crashed import does not block the close for ever', async () => {
    const year = 1998;
    const crashedAt = new Date(Date.now() - (IMPORT_LEASE_MINUTES + 1) * 60000);
    await stack.run((db) => holdForImport(db, [{ orgCode: TOWNSHIP, year }], 'import:crashed', crashedAt, async () => undefined));
    expect((await stack.run((db) => closeYear(db, { orgCode: TOWNSHIP, year, ...ADMIN }))).close.closed).toBe(true);
  });
});

describe('importing a year while it is being closed', () => {
  it(`should freeze figures equal to a recount in each of ${ROUNDS} rounds`, async () => {
    const mismatches: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const year = 2001 + round;
      const importing = stack.run((db) => importLedger(db, outreachOf(year), OPERATOR));
      // The close lands at a different moment of the import each round.
      const closing = new Promise((resolve) => setTimeout(resolve, 20 + round * 60)).then(() =>
        stack
          .run((db) => closeYear(db, { orgCode: TOWNSHIP, year, by: 'o-admin', byName: '周海燕' }))
          .catch((error: { code?: string; message?: string }) => error),
      );
      const [report, close] = await Promise.all([importing, closing]);
      const frozen = await stack.run((db) => frozenFigures(db, TOWNSHIP, year));
      const recount = await stack.run((db) => computeFigures(db, TOWNSHIP, mustParsePeriod(String(year))));
      if (!('close' in (close as object))) {
        expect(close).toMatchObject({ code: 'PERIOD_BUSY', message: expect.stringContaining('导入') });
      } else if (frozen?.['outreach.events'] !== recount['outreach.events']) {
        mismatches.push(`${year}: frozen ${frozen?.['outreach.events']}, recount ${recount['outreach.events']}, import ok ${report.ok}`);
      }
      if (!report.ok) expect(report.problems[0].message).toContain('结账');
    }
    expect(mismatches).toEqual([]);
  }, 120000);
});
