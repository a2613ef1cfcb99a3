/**
 * Safe resends and the version rule (DESIGN.md "Records"): the same submission sent again and again is
 * one record; an edit made on an old version is a CONFLICT that says the current version; two people
 * editing the same case at once never lose an update.
 */
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { UNIT, WORLD, buildWorld, idOf, must, recordOf, seed, stored, storedHistory, type Answer } from '../../helpers/records-world';
import type { RecordKind } from '../../../src/domain/records/kinds';
import type { RecordPage, RecordView } from '../../../src/domain/api';

let stack: AppStack;

beforeAll(async () => {
  stack = await startAppStack();
  await buildWorld(stack);
}, 60000);
afterAll(() => stack?.stop());

const records = (data: Record<string, unknown>, openid?: string) => stack.call<Answer>('records', data, openid);

/** Sends `times` copies, `wave` at a time, as an outbox flushing on a flaky network would. */
async function sendRepeatedly(times: number, wave: number, send: () => Promise<Answer>): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let sent = 0; sent < times; sent += wave) {
    answers.push(...(await Promise.all(Array.from({ length: Math.min(wave, times - sent) }, send))));
  }
  return answers;
}

describe('resending the same submission', () => {
  it('should keep one record at version 1 with one history entry when the same outreach is sent 100 times', async () => {
    const record = recordOf('outreach', UNIT.santangVillage);
    const listed = async () =>
      ((await records({ action: 'list', kind: 'outreach', org: UNIT.santangVillage, limit: 1 }, DEMO.villageWorker)) as unknown as RecordPage).total;
    const before = await listed();

    const answers = await sendRepeatedly(100, 20, () => records({ action: 'create', kind: 'outreach', record }, DEMO.villageWorker));

    for (const answer of answers) expect(answer).toEqual({ record: expect.objectContaining({ id: record.id, version: 1, materials: 60 }) });
    const db = await stack.db();
    expect((await db.collection('outreach').where({ _id: record.id }).count()).total).toBe(1);
    expect(await stored(db, 'outreach', String(record.id))).toMatchObject({ version: 1, deleted: false });
    expect((await storedHistory(db, 'outreach', String(record.id))).map((entry) => entry.action)).toEqual(['create']);
    expect(await listed()).toBe(before + 1);
  });

  it.each<[RecordKind, string, Record<string, unknown>]>([
    ['dispute', DEMO.mediator, { parties: [{ name: '张建明', phone: '13812345678' }], description: '宅基地边界争执' }],
    // A petition without a due date gets the default (+60 days) on every send: still the same content.
    ['petition', DEMO.mediator, {}],
    ['manualFigure', DEMO.admin, {}],
  ])('should treat 20 resends of a %s as one record', async (kind, openid, overrides) => {
    const record = recordOf(kind, kind === 'manualFigure' ? UNIT.township : UNIT.baituVillage, overrides);
    const id = idOf(kind, record);
    const answers = await sendRepeatedly(20, 10, () => records({ action: 'create', kind, record }, openid));
    for (const answer of answers) expect(answer.record).toMatchObject({ id, version: 1 });
    const db = await stack.db();
    expect(await stored(db, kind, id)).toMatchObject({ version: 1 });
    expect(await storedHistory(db, kind, id)).toHaveLength(1);
  });

  it('should answer a resent edit that already happened as a success that changes nothing', async () => {
    const record = recordOf('outreach', UNIT.santangVillage);
    await seed(stack, DEMO.villageWorker, 'outreach', record);
    const edit = { action: 'update', kind: 'outreach', record: { ...record, attendees: 120 }, baseVersion: 1 };
    const first = await records(edit, DEMO.villageWorker);
    const again = await records(edit, DEMO.villageWorker);
    expect(first.record).toMatchObject({ attendees: 120, version: 2 });
    expect(again.record).toMatchObject({ attendees: 120, version: 2 });
    expect(await storedHistory(await stack.db(), 'outreach', String(record.id))).toHaveLength(2);
  });
});

describe('edits made on an old version', () => {
  it('should refuse a stale edit with CONFLICT carrying the current version, and keep the newer content', async () => {
    const record = recordOf('outreach', UNIT.santangVillage);
    await seed(stack, DEMO.villageWorker, 'outreach', record);
    await must(stack, DEMO.villageWorker, { action: 'update', kind: 'outreach', record: { ...record, materials: 100 }, baseVersion: 1 });
    await must(stack, DEMO.villageWorker, { action: 'update', kind: 'outreach', record: { ...record, materials: 150 }, baseVersion: 2 });

    const stale = await records({ action: 'update', kind: 'outreach', record: { ...record, materials: 999 }, baseVersion: 1 }, DEMO.villageWorker);
    expect(stale).toEqual({ error: { code: 'CONFLICT', message: expect.stringContaining('刷新'), currentVersion: 3 } });
    const ahead = await records({ action: 'update', kind: 'outreach', record: { ...record, materials: 999 }, baseVersion: 7 }, DEMO.villageWorker);
    expect(ahead.error).toMatchObject({ code: 'CONFLICT', currentVersion: 3 });
    const resentCreate = await records({ action: 'create', kind: 'outreach', record: { ...record, materials: 999 } }, DEMO.villageWorker);
    expect(resentCreate.error).toMatchObject({ code: 'CONFLICT', currentVersion: 3 });

    const db = await stack.db();
    expect(await stored(db, 'outreach', String(record.id))).toMatchObject({ materials: 150, version: 3 });
    expect(await storedHistory(db, 'outreach', String(record.id))).toHaveLength(3);
    // Editing again from the version the conflict named works.
    const retried = await records({ action: 'update', kind: 'outreach', record: { ...record, materials: 999 }, baseVersion: 3 }, DEMO.villageWorker);
    expect(retried.record).toMatchObject({ materials: 999, version: 4 });
  });

  it('should refuse people who may not edit the record before telling them about versions', async () => {
    // A case of 白土村 at version 2, edited by its handler.
    const record = recordOf('dispute', UNIT.baituVillage);
    await seed(stack, DEMO.admin, 'dispute', record);
    await must(stack, DEMO.admin, { action: 'update', kind: 'dispute', record: { ...record, state: '调解中' }, baseVersion: 1 });
    const stale = { ...record, description: '改动' };

    // Someone of the village who does not handle it: FORBIDDEN, whatever version they hold.
    expect((await records({ action: 'update', kind: 'dispute', record: stale, baseVersion: 1 }, DEMO.cadre)).error).toEqual({
      code: 'FORBIDDEN',
      message: expect.any(String),
    });
    // Someone of another township sending the same id: OUT_OF_SCOPE, and no version given away.
    const foreign = await records({ action: 'create', kind: 'dispute', record: { ...stale, orgCode: UNIT.otherVillage } }, WORLD.otherAdmin);
    expect(foreign.error).toEqual({ code: 'OUT_OF_SCOPE', message: expect.any(String) });
    // A deleted record: only those who may restore it learn that it is deleted.
    await must(stack, DEMO.admin, { action: 'remove', kind: 'dispute', id: record.id, baseVersion: 2 });
    expect((await records({ action: 'update', kind: 'dispute', record: stale, baseVersion: 3 }, DEMO.cadre)).error?.code).toBe('FORBIDDEN');
    expect((await records({ action: 'update', kind: 'dispute', record: stale, baseVersion: 3 }, DEMO.admin)).error?.code).toBe('RECORD_DELETED');

    const db = await stack.db();
    expect(await stored(db, 'dispute', String(record.id))).toMatchObject({ orgCode: UNIT.baituVillage, version: 3, deleted: true });
    // None of the refused edits reached the record.
    expect((await stored(db, 'dispute', String(record.id)))?.description).toBe(record.description);
  });
});

describe('two handlers editing the same case at once', () => {
  it('should let exactly one of two simultaneous edits win and lose no update, round after round', async () => {
    const record = recordOf('dispute', UNIT.baituVillage, { handlerIds: [DEMO.mediator], parties: [{ name: '张建明' }] });
    await seed(stack, DEMO.admin, 'dispute', record);
    const db = await stack.db();

    for (let version = 1; version <= 4; version += 1) {
      const edits = {
        [DEMO.admin]: { ...record, description: `乡镇管理员第${version}次补充情况` },
        [DEMO.mediator]: { ...record, description: `调解员第${version}次补充情况` },
      };
      const [byAdmin, byMediator] = await Promise.all(
        [DEMO.admin, DEMO.mediator].map((openid) => records({ action: 'update', kind: 'dispute', record: edits[openid], baseVersion: version }, openid)),
      );
      const outcomes = [byAdmin, byMediator];
      const winners = outcomes.filter((answer) => !answer.error);
      const losers = outcomes.filter((answer) => answer.error);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(losers[0].error).toMatchObject({ code: 'CONFLICT', currentVersion: version + 1 });

      const winner = winners[0].record as RecordView;
      const winnerId = winner === byAdmin.record ? DEMO.admin : DEMO.mediator;
      expect(winner.version).toBe(version + 1);
      expect(await stored(db, 'dispute', String(record.id))).toMatchObject({ version: version + 1, description: edits[winnerId].description });
      const history = await storedHistory(db, 'dispute', String(record.id));
      expect(history.map((entry) => entry.action)).toEqual(['create', ...Array<string>(version).fill('update')]);
      expect(history[version]).toMatchObject({
        by: winnerId,
        version: version + 1,
        after: expect.objectContaining({ description: edits[winnerId].description }),
      });
    }
  });

  it('should keep both changes when the loser edits again from the version the conflict named', async () => {
    const record = recordOf('dispute', UNIT.baituVillage, { handlerIds: [DEMO.mediator] });
    await seed(stack, DEMO.admin, 'dispute', record);
    const [a, b] = await Promise.all([
      records({ action: 'update', kind: 'dispute', record: { ...record, mediatorName: '许志红' }, baseVersion: 1 }, DEMO.admin),
      records({ action: 'update', kind: 'dispute', record: { ...record, description: '双方愿意调解' }, baseVersion: 1 }, DEMO.mediator),
    ]);
    const loser = a.error ? { openid: DEMO.admin, answer: a } : { openid: DEMO.mediator, answer: b };
    expect(loser.answer.error).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    // The loser reloads the record and makes their change on it.
    const fresh = (await must(stack, loser.openid, { action: 'get', kind: 'dispute', id: record.id })).record;
    const { kind: _kind, id: _id, orgName: _o, recordedBy: _r, recordedAt: _ra, updatedAt: _u, version, deleted: _d, masked: _m, ...fields } = fresh;
    const merged = { ...fields, id: record.id, mediatorName: '许志红', description: '双方愿意调解' };
    const saved = await records({ action: 'update', kind: 'dispute', record: merged, baseVersion: version }, loser.openid);
    expect(saved.record).toMatchObject({ mediatorName: '许志红', description: '双方愿意调解', version: 3 });
  });
});
