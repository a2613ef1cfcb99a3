/**
 * Case workflows as the people who work them see them: a dispute from 受理 through 调解中 to 调解成功
 * with its 回访; states that may not follow; 法律明白人 handing clues over; a petition's default due
 * date; and the deadline marks of 我的待办.
 */
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { UNIT, must, recordOf, seed, stored, thisYear, today, type Answer } from '../../helpers/records-world';
import { addDays } from '../../../src/domain/dates';
import type { FiguresAnswer, RecordView, TodoItem } from '../../../src/domain/api';

let stack: AppStack;

beforeAll(async () => {
  stack = await startAppStack();
}, 60000);
afterAll(() => stack?.stop());

const records = (data: Record<string, unknown>, openid?: string) => stack.call<Answer>('records', data, openid);
const todo = async (openid: string) => (await must<{ todo: TodoItem[] }>(stack, openid, { action: 'todo' })).todo;
const mediationFigures = async () =>
  (
    await stack.call<FiguresAnswer>(
      'figures',
      { action: 'get', org: UNIT.baituVillage, period: String(thisYear()), ids: ['mediation.closed', 'mediation.succeeded', 'mediation.amount'] },
      DEMO.admin,
    )
  ).figures;

describe('a dispute from acceptance to a successful mediation', () => {
  it('should move 受理 → 调解中 → 调解成功 with a closing date and a 回访, leave 我的待办 and count as a success', async () => {
    const before = await mediationFigures();
    const accepted = recordOf('dispute', UNIT.baituVillage, {
      acceptDate: addDays(today(), -10),
      source: '当事人申请',
      parties: [{ name: '张建明' }, { name: '李秀英' }],
      description: '两家因排水沟走向发生争执',
    });
    await seed(stack, DEMO.mediator, 'dispute', accepted);
    expect((await todo(DEMO.mediator)).find((item) => item.id === accepted.id)).toMatchObject({ state: '受理', since: accepted.acceptDate });

    const mediating = { ...accepted, state: '调解中', mediatorName: '许志红' };
    expect((await records({ action: 'update', kind: 'dispute', record: mediating, baseVersion: 1 }, DEMO.mediator)).record).toMatchObject({
      state: '调解中',
      version: 2,
    });
    expect((await todo(DEMO.mediator)).find((item) => item.id === accepted.id)).toMatchObject({ state: '调解中', version: 2 });

    const settled = {
      ...mediating,
      state: '调解成功',
      closeDate: today(),
      amount: 3000,
      agreementForm: '书面',
      followUps: [{ date: today(), result: '双方已按协议改好排水沟，关系和睦' }],
    };
    const closed = await records({ action: 'update', kind: 'dispute', record: settled, baseVersion: 2 }, DEMO.mediator);
    expect(closed.record).toMatchObject({ state: '调解成功', closeDate: settled.closeDate, amount: 3000, followUps: settled.followUps, version: 3 });
    expect((await todo(DEMO.mediator)).map((item) => item.id)).not.toContain(accepted.id);

    const after = await mediationFigures();
    expect(after['mediation.closed']).toBe((before['mediation.closed'] ?? 0) + 1);
    expect(after['mediation.succeeded']).toBe((before['mediation.succeeded'] ?? 0) + 1);
    expect(after['mediation.amount']).toBe((before['mediation.amount'] ?? 0) + 3000);
  });

  it('should refuse to reopen a successful mediation with INVALID_TRANSITION and keep it closed', async () => {
    const record = recordOf('dispute', UNIT.baituVillage, { state: '调解成功', closeDate: today() });
    await seed(stack, DEMO.mediator, 'dispute', record);
    const reopened = await records(
      { action: 'update', kind: 'dispute', record: { ...record, state: '调解中', closeDate: undefined }, baseVersion: 1 },
      DEMO.mediator,
    );
    expect(reopened.error).toEqual({ code: 'INVALID_TRANSITION', message: expect.stringMatching(/调解成功.*调解中/) });
    expect(await stored(await stack.db(), 'dispute', String(record.id))).toMatchObject({ state: '调解成功', version: 1 });
    // Correcting a closed case is an edit of its fields, not a state change.
    const corrected = await records({ action: 'update', kind: 'dispute', record: { ...record, mediatorName: '许志红' }, baseVersion: 1 }, DEMO.mediator);
    expect(corrected.record).toMatchObject({ state: '调解成功', mediatorName: '许志红', version: 2 });
  });

  it('should refuse with INVALID_RECORD a case closed before it was accepted, or closed without a date', async () => {
    const record = recordOf('dispute', UNIT.baituVillage, { acceptDate: today() });
    await seed(stack, DEMO.mediator, 'dispute', record);
    const early = await records(
      { action: 'update', kind: 'dispute', record: { ...record, state: '调解成功', closeDate: addDays(today(), -1) }, baseVersion: 1 },
      DEMO.mediator,
    );
    expect(early.error).toMatchObject({ code: 'INVALID_RECORD', problems: [{ field: 'closeDate', message: '办结日期不能早于受理日期' }] });
    const undated = await records({ action: 'update', kind: 'dispute', record: { ...record, state: '终止' }, baseVersion: 1 }, DEMO.mediator);
    expect(undated.error).toMatchObject({ code: 'INVALID_RECORD', problems: [{ field: 'closeDate', message: expect.stringContaining('须填写办结日期') }] });
    const visitBefore = await records(
      { action: 'create', kind: 'dispute', record: { ...recordOf('dispute', UNIT.baituVillage), followUps: [{ date: addDays(today(), -3), result: '回访' }] } },
      DEMO.mediator,
    );
    expect(visitBefore.error).toMatchObject({ code: 'INVALID_RECORD', problems: [{ field: 'followUps.0.date' }] });
    expect(await stored(await stack.db(), 'dispute', String(record.id))).toMatchObject({ state: '受理', version: 1 });
  });
});

describe('clues logged by a 法律明白人', () => {
  it('should let a 法律明白人 log and describe a clue but leave taking the case further to others', async () => {
    const clue = recordOf('dispute', UNIT.santangVillage, { parties: [{ name: '王大山' }] });
    expect((await records({ action: 'create', kind: 'dispute', record: { ...clue, state: '调解中' } }, DEMO.villageWorker)).error?.code).toBe('FORBIDDEN');
    await seed(stack, DEMO.villageWorker, 'dispute', clue);

    // Creating the clue and then moving it on would get round the rule: refused too.
    const moved = await records({ action: 'update', kind: 'dispute', record: { ...clue, state: '调解中' }, baseVersion: 1 }, DEMO.villageWorker);
    expect(moved.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('受理') });
    const described = { ...clue, description: '山林界址不清，双方争吵' };
    expect((await records({ action: 'update', kind: 'dispute', record: described, baseVersion: 1 }, DEMO.villageWorker)).record).toMatchObject({ version: 2 });

    // The township takes it up; the 法律明白人 may still add what they learn, but not close it.
    const taken = { ...described, state: '调解中', mediatorName: '许志红' };
    expect((await records({ action: 'update', kind: 'dispute', record: taken, baseVersion: 2 }, DEMO.admin)).record).toMatchObject({
      state: '调解中',
      version: 3,
    });
    const more = { ...taken, description: '山林界址不清，双方争吵；已找到老地契' };
    expect((await records({ action: 'update', kind: 'dispute', record: more, baseVersion: 3 }, DEMO.villageWorker)).record).toMatchObject({
      state: '调解中',
      version: 4,
    });
    const close = await records(
      { action: 'update', kind: 'dispute', record: { ...more, state: '调解成功', closeDate: today() }, baseVersion: 4 },
      DEMO.villageWorker,
    );
    expect(close.error?.code).toBe('FORBIDDEN');
    expect(await stored(await stack.db(), 'dispute', String(clue.id))).toMatchObject({ state: '调解中', version: 4 });
  });
});

describe('petitions and 我的待办', () => {
  it('should give a petition without a due date one 60 days after its registration, and keep a given one', async () => {
    const registered = addDays(today(), -5);
    const petition = recordOf('petition', UNIT.baituVillage, { registerDate: registered });
    const created = (await must(stack, DEMO.mediator, { action: 'create', kind: 'petition', record: petition })).record;
    expect(created.dueDate).toBe(addDays(registered, 60));
    expect(await stored(await stack.db(), 'petition', String(petition.id))).toMatchObject({ dueDate: addDays(registered, 60) });

    const given = recordOf('petition', UNIT.baituVillage, { registerDate: registered, dueDate: addDays(registered, 15) });
    expect((await must(stack, DEMO.mediator, { action: 'create', kind: 'petition', record: given })).record.dueDate).toBe(addDays(registered, 15));
    const early = await records(
      { action: 'create', kind: 'petition', record: recordOf('petition', UNIT.baituVillage, { dueDate: addDays(today(), -1) }) },
      DEMO.mediator,
    );
    expect(early.error).toMatchObject({ code: 'INVALID_RECORD', problems: [{ field: 'dueDate' }] });
  });

  it('should mark overdue and due-soon petitions in 我的待办, overdue first, and drop closed ones', async () => {
    const make = async (daysAgo: number, overrides: Record<string, unknown> = {}) => {
      const record = recordOf('petition', UNIT.baituVillage, { registerDate: addDays(today(), -daysAgo), ...overrides });
      await seed(stack, DEMO.mediator, 'petition', record);
      return String(record.id);
    };
    const overdue = await make(61); // due yesterday
    const dueToday = await make(60); // due today: still due soon, not overdue
    const dueSoon = await make(55); // due in 5 days
    const fresh = await make(0); // due in 60 days
    const handling = await make(70, { state: '办理中' });
    const closed = await make(70, { state: '办结', closeDate: addDays(today(), -1) });

    const items = await todo(DEMO.mediator);
    const find = (id: string) => items.find((item) => item.id === id) as TodoItem;
    expect(find(overdue)).toMatchObject({ kind: 'petition', mark: 'overdue', dueDate: addDays(today(), -1), state: '登记' });
    expect(find(handling)).toMatchObject({ mark: 'overdue', state: '办理中' });
    expect(find(dueToday)).toMatchObject({ mark: 'dueSoon', dueDate: today() });
    expect(find(dueSoon)).toMatchObject({ mark: 'dueSoon' });
    expect(find(fresh)).toMatchObject({ mark: null, dueDate: addDays(today(), 60) });
    expect(find(closed)).toBeUndefined();

    const position = (id: string) => items.findIndex((item) => item.id === id);
    const lastOverdue = Math.max(...items.map((item, i) => (item.mark === 'overdue' ? i : -1)));
    const firstDueSoon = items.findIndex((item) => item.mark === 'dueSoon');
    const firstUnmarked = items.findIndex((item) => item.mark === null);
    expect(lastOverdue).toBeLessThan(firstDueSoon);
    expect(firstDueSoon).toBeLessThan(firstUnmarked);
    expect(position(handling)).toBeLessThan(position(overdue)); // oldest first within a mark
  });

  it('should follow a petition from 登记 through 办理中 to 办结 and refuse to reopen it', async () => {
    const petition = recordOf('petition', UNIT.baituVillage);
    const created = (await must(stack, DEMO.cadre, { action: 'create', kind: 'petition', record: petition })).record as RecordView;
    const handling = { ...petition, dueDate: created.dueDate, state: '办理中' };
    await must(stack, DEMO.cadre, { action: 'update', kind: 'petition', record: handling, baseVersion: 1 });
    const done = { ...handling, state: '办结', closeDate: today() };
    expect((await must(stack, DEMO.cadre, { action: 'update', kind: 'petition', record: done, baseVersion: 2 })).record).toMatchObject({
      state: '办结',
      version: 3,
    });
    const reopened = await records({ action: 'update', kind: 'petition', record: { ...handling }, baseVersion: 3 }, DEMO.cadre);
    expect(reopened.error?.code).toBe('INVALID_TRANSITION');
    expect((await todo(DEMO.cadre)).map((item) => item.id)).not.toContain(petition.id);
  });
});
