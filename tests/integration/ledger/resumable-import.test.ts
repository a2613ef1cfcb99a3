/**
 * An import that stops part-way is completed by running it again (README "How an import writes"): the
 * database is killed (kill -9) while an import writes its rows; after the restart, what is there is
 * whole batches, and importing the same file again writes exactly the rest — every row once, with one
 * history entry each.
 */
import { startGatewayProcess, type GatewayProcess } from '../../helpers/gateway';
import { withLocalSdk } from '../../../scripts/local-sdk';
import { ensureCollections } from '../../../cloudfunctions/lib/collections';
import { importLedger } from '../../../cloudfunctions/lib/ledger/import';
import { readAll } from '../../../cloudfunctions/lib/ledger/read';
import { IMPORT_BATCH } from '../../../cloudfunctions/lib/store/import';
import type { Database } from '../../../cloudfunctions/lib/cloudbase';
import type { LedgerSheet } from '../../../src/domain/ledger/ledger';
import { OPERATOR, TOWNSHIP, fixtureSheets } from './stack';

let gateway: GatewayProcess;
const run = <T>(work: (db: Database) => Promise<T>) => withLocalSdk(gateway.url, work);

const ORGS = () => fixtureSheets().find((s) => s.name === '组织机构') as LedgerSheet;
const ROWS = 6 * IMPORT_BATCH;

/** ROWS 普法活动 rows of the township, made from the fixture's first row. */
function outreach(): LedgerSheet {
  const [header, sample] = (fixtureSheets().find((s) => s.name === '普法活动') as LedgerSheet).rows as string[][];
  const rows = Array.from({ length: ROWS }, (_, i) => [`RS${String(i).padStart(5, '0')}`, TOWNSHIP, ...sample.slice(2)]);
  return { name: '普法活动', rows: [header, ...rows] };
}

const outreachCount = () => run(async (db) => (await db.collection('outreach').count()).total);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  gateway = await startGatewayProcess({ envId: 'fazhi-local' });
  await run(ensureCollections);
  const report = await run((db) => importLedger(db, [ORGS()], OPERATOR));
  expect(report.problems).toEqual([]);
}, 60000);
afterAll(() => gateway?.dispose());

describe('an import cut short', () => {
  it('should leave whole batches, and write exactly the rest when run again', async () => {
    const importing = run((db) => importLedger(db, [ORGS(), outreach()], OPERATOR)).then(
      () => 'finished',
      (error: unknown) => error,
    );
    // Some rows are in, not all: the database goes away mid-import.
    while ((await outreachCount()) < 3 * IMPORT_BATCH) await sleep(5);
    await gateway.kill9();
    expect(await importing).not.toBe('finished');
    await gateway.restart();

    const partial = await outreachCount();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(ROWS);
    // Each batch is one transaction: written whole or not at all, with its history entries.
    expect(partial % IMPORT_BATCH).toBe(0);
    expect((await run((db) => readAll(db, 'history', { collection: 'outreach' }))).length).toBe(partial);

    const again = await run((db) => importLedger(db, [ORGS(), outreach()], OPERATOR));
    expect(again.problems).toEqual([]);
    expect(again.sheets.find((s) => s.sheet === '普法活动')).toMatchObject({ added: ROWS - partial, updated: 0, unchanged: partial });

    const records = await run((db) => readAll(db, 'outreach'));
    expect(records).toHaveLength(ROWS);
    expect(records.every((r) => r.version === 1 && r.deleted === false)).toBe(true);
    const history = await run((db) => readAll(db, 'history', { collection: 'outreach' }));
    expect(history.map((h) => `${String(h.recordId)}:${String(h.version)}:${String(h.action)}`).sort()).toEqual(records.map((r) => `${r._id}:1:import`).sort());
  }, 120000);
});
