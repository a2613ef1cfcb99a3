/**
 * Lists past CloudBase's 1000-documents-per-get limit, and soft delete / restore as lists and figures
 * see them: a deleted record leaves both and comes back with its restore.
 */
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { UNIT, WORLD, buildWorld, must, recordOf, seed, thisYear, type Answer } from '../../helpers/records-world';
import { addDays } from '../../../src/domain/dates';
import type { FiguresAnswer, RecordPage } from '../../../src/domain/api';

let stack: AppStack;
const BULK = 1100;

beforeAll(async () => {
  stack = await startAppStack();
  await buildWorld(stack);
}, 60000);
afterAll(() => stack?.stop());

const list = (openid: string, query: Record<string, unknown>) =>
  stack.call<RecordPage & Answer>('records', { action: 'list', kind: 'outreach', ...query }, openid);

describe('listing more records than one database read returns', () => {
  const year = thisYear();
  const ids = new Set<string>();

  beforeAll(async () => {
    // A year of market-day outreach in 其他村, loaded the way setup loads ledgers: in bulk, with meta.
    const db = await stack.db();
    const stamp = new Date().toISOString();
    const docs = Array.from({ length: BULK }, (_, i) => {
      const { id, ...fields } = recordOf('outreach', UNIT.otherVillage, { date: addDays(`${year}-01-01`, i % 300), attendees: 10 + (i % 7) });
      ids.add(String(id));
      return {
        _id: id,
        ...fields,
        orgPath: [UNIT.county, UNIT.otherTownship, UNIT.otherVillage],
        recordedBy: 'import:bulk',
        recorderName: '批量导入',
        recordedAt: stamp,
        updatedAt: stamp,
        version: 1,
        deleted: false,
      };
    });
    for (let start = 0; start < docs.length; start += 200) await db.collection('outreach').add(docs.slice(start, start + 200));
  }, 60000);

  it('should page through all 1100 records 100 at a time, each exactly once, with the right total', async () => {
    const seen: string[] = [];
    let total = -1;
    for (let offset = 0; ; offset += 100) {
      const page = await list(WORLD.otherAdmin, { org: UNIT.otherVillage, offset, limit: 100 });
      expect(page.error).toBeUndefined();
      expect(page).toMatchObject({ offset, limit: 100 });
      total = page.total;
      seen.push(...page.items.map((item) => item.id));
      if (page.items.length < 100) break;
    }
    expect(total).toBe(BULK);
    expect(seen).toHaveLength(BULK);
    expect(new Set(seen)).toEqual(ids);
  });

  it('should order pages newest first and answer an empty page past the end', async () => {
    const first = await list(WORLD.otherAdmin, { org: UNIT.otherTownship, limit: 100 });
    const dates = first.items.map((item) => String(item.date));
    expect([...dates].sort().reverse()).toEqual(dates);
    const last = await list(WORLD.otherAdmin, { org: UNIT.otherTownship, offset: 1050, limit: 100 });
    expect(last.items).toHaveLength(50);
    const past = await list(WORLD.otherAdmin, { org: UNIT.otherTownship, offset: 5000, limit: 100 });
    expect(past).toMatchObject({ items: [], total: BULK });
  });

  it('should count only a period when asked, and cap a page at 100', async () => {
    const january = await list(WORLD.otherAdmin, { org: UNIT.otherVillage, period: `${year}-01`, limit: 100 });
    // Day i % 300 from 1 January: days 0–30 are January, 1100 / 300 rounds give 4 of days 0–199, 3 of the rest.
    expect(january.total).toBe(31 * 4);
    expect((await list(WORLD.otherAdmin, { org: UNIT.otherVillage, limit: 500 })).error?.code).toBe('INVALID_REQUEST');
  });
});

describe('soft delete and restore', () => {
  const year = String(thisYear());
  const figures = async () =>
    (
      await stack.call<FiguresAnswer>(
        'figures',
        { action: 'get', org: UNIT.township, period: year, ids: ['outreach.events', 'outreach.materials'] },
        DEMO.admin,
      )
    ).figures;
  const listedIds = async (openid: string, query: Record<string, unknown> = {}) =>
    (await list(openid, { org: UNIT.santangVillage, limit: 100, ...query })).items.map((item) => item.id);

  it('should take a deleted record out of lists and figures and bring it back on restore', async () => {
    const record = recordOf('outreach', UNIT.santangVillage, { materials: 333 });
    await seed(stack, DEMO.villageWorker, 'outreach', record);
    const withIt = await figures();
    expect(await listedIds(DEMO.villageWorker)).toContain(record.id);

    const removed = await must(stack, DEMO.villageWorker, { action: 'remove', kind: 'outreach', id: record.id, baseVersion: 1 });
    expect(removed.record).toMatchObject({ deleted: true, version: 2 });
    expect(await listedIds(DEMO.villageWorker)).not.toContain(record.id);
    expect(await listedIds(DEMO.admin)).not.toContain(record.id);
    expect((await stack.call<Answer>('records', { action: 'listMine', kind: 'outreach' }, DEMO.villageWorker)).items).not.toContainEqual(
      expect.objectContaining({ id: record.id }),
    );
    const without = await figures();
    expect(without['outreach.events']).toBe((withIt['outreach.events'] ?? 0) - 1);
    expect(without['outreach.materials']).toBe((withIt['outreach.materials'] ?? 0) - 333);
    // The admin can still find it among the deleted; a colleague cannot open it any more.
    expect(await listedIds(DEMO.admin, { includeDeleted: true })).toContain(record.id);
    expect(await listedIds(DEMO.villageWorker, { includeDeleted: true })).not.toContain(record.id);
    expect((await stack.call<Answer>('records', { action: 'get', kind: 'outreach', id: record.id }, DEMO.otherVillageWorker)).error?.code).toBe('OUT_OF_SCOPE');
    expect((await stack.call<Answer>('records', { action: 'get', kind: 'outreach', id: record.id }, DEMO.county)).error?.code).toBe('NOT_FOUND');

    // Deleting again (a resend) changes nothing.
    expect((await must(stack, DEMO.villageWorker, { action: 'remove', kind: 'outreach', id: record.id, baseVersion: 1 })).record).toMatchObject({ version: 2 });

    const restored = await must(stack, DEMO.villageWorker, { action: 'restore', kind: 'outreach', id: record.id, baseVersion: 2 });
    expect(restored.record).toMatchObject({ deleted: false, version: 3 });
    expect(await listedIds(DEMO.villageWorker)).toContain(record.id);
    expect(await figures()).toEqual(withIt);
  });

  it('should take a deleted case out of 我的待办 and out of the township figures', async () => {
    const record = recordOf('dispute', UNIT.baituVillage);
    await seed(stack, DEMO.mediator, 'dispute', record);
    const accepted = async () =>
      (await stack.call<FiguresAnswer>('figures', { action: 'get', org: UNIT.township, period: year, ids: ['mediation.accepted'] }, DEMO.admin)).figures[
        'mediation.accepted'
      ];
    const todoIds = async () => ((await stack.call<Answer>('records', { action: 'todo' }, DEMO.mediator)).todo as { id: string }[]).map((item) => item.id);
    const before = await accepted();
    expect(await todoIds()).toContain(record.id);
    await must(stack, DEMO.mediator, { action: 'remove', kind: 'dispute', id: record.id, baseVersion: 1 });
    expect(await todoIds()).not.toContain(record.id);
    expect(await accepted()).toBe((before ?? 0) - 1);
    await must(stack, DEMO.admin, { action: 'restore', kind: 'dispute', id: record.id, baseVersion: 2 });
    expect(await todoIds()).toContain(record.id);
    expect(await accepted()).toBe(before);
  });
});
