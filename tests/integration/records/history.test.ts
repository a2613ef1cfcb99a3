/**
 * The history of a record (DESIGN.md "Records": edits keep who, when, before and after): each change
 * in order, with the fields it changed, readable by the township admin and nobody else.
 */
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { UNIT, must, recordOf, seed, type Answer } from '../../helpers/records-world';
import type { HistoryView } from '../../../src/domain/api';

let stack: AppStack;

beforeAll(async () => {
  stack = await startAppStack();
}, 60000);
afterAll(() => stack?.stop());

const history = (openid: string | undefined, kind: string, id: unknown) => stack.call<Answer>('records', { action: 'history', kind, id }, openid);

describe('the history of a record', () => {
  it('should show a record edited three times as four entries with who, when, before and after, in order', async () => {
    const record = recordOf('outreach', UNIT.santangVillage, { attendees: 40 });
    await seed(stack, DEMO.villageWorker, 'outreach', record);
    await must(stack, DEMO.villageWorker, { action: 'update', kind: 'outreach', record: { ...record, attendees: 45 }, baseVersion: 1 });
    await must(stack, DEMO.admin, { action: 'update', kind: 'outreach', record: { ...record, attendees: 45, topic: '民法典婚姻家庭编' }, baseVersion: 2 });
    await must(stack, DEMO.villageWorker, {
      action: 'update',
      kind: 'outreach',
      record: { ...record, attendees: 52, topic: '民法典婚姻家庭编' },
      baseVersion: 3,
    });

    const answer = await history(DEMO.admin, 'outreach', record.id);
    const entries = answer.history as HistoryView[];
    expect(entries.map((entry) => [entry.action, entry.version, entry.by])).toEqual([
      ['create', 1, '沈金小'],
      ['update', 2, '沈金小'],
      ['update', 3, '周海燕'],
      ['update', 4, '沈金小'],
    ]);
    // When: real instants, in order.
    const times = entries.map((entry) => Date.parse(entry.at));
    expect(times.every((t) => Number.isFinite(t))).toBe(true);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // Before and after: the create has no before and the whole record after; each edit only what it changed.
    expect(entries[0].before).toBeNull();
    expect(entries[0].after).toMatchObject({ attendees: 40, topic: '民法典进院坝', deleted: false });
    expect(entries.slice(1).map((entry) => [entry.before, entry.after])).toEqual([
      [{ attendees: 40 }, { attendees: 45 }],
      [{ topic: '民法典进院坝' }, { topic: '民法典婚姻家庭编' }],
      [{ attendees: 45 }, { attendees: 52 }],
    ]);
    // Only the record's content travels: no openids, no internal fields.
    expect(JSON.stringify(entries)).not.toMatch(/o-demo-|recordedBy|orgPath|_id/);
  });

  it('should record a deletion and a restore in the history, too', async () => {
    const record = recordOf('dispute', UNIT.baituVillage, { parties: [{ name: '张建明', phone: '13812345678' }] });
    await seed(stack, DEMO.mediator, 'dispute', record);
    await must(stack, DEMO.mediator, { action: 'remove', kind: 'dispute', id: record.id, baseVersion: 1 });
    await must(stack, DEMO.admin, { action: 'restore', kind: 'dispute', id: record.id, baseVersion: 2 });
    const entries = (await history(DEMO.admin, 'dispute', record.id)).history as HistoryView[];
    expect(entries.map((entry) => [entry.action, entry.by, entry.after?.deleted])).toEqual([
      ['create', '许志红', false],
      ['delete', '许志红', true],
      ['restore', '周海燕', false],
    ]);
    // The township admin handles every case of the township: the history shows parties in full.
    expect(entries[0].after?.parties).toEqual([{ name: '张建明', phone: '13812345678' }]);
  });

  it('should refuse the history to a 法律明白人, even of their own record, and to other roles', async () => {
    const record = recordOf('outreach', UNIT.santangVillage);
    await seed(stack, DEMO.villageWorker, 'outreach', record);
    const refused = await history(DEMO.villageWorker, 'outreach', record.id);
    expect(refused).toEqual({ error: { code: 'FORBIDDEN', message: expect.stringContaining('乡镇管理员') } });
    expect((await history(DEMO.county, 'outreach', record.id)).error?.code).toBe('FORBIDDEN');
    expect((await history(undefined, 'outreach', record.id)).error?.code).toBe('NOT_BOUND');
    expect((await history(DEMO.admin, 'outreach', 'no-such-record')).error?.code).toBe('NOT_FOUND');
  });
});
