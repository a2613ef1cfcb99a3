/**
 * Batched sync (issue 14 item 4): one records call carries up to 20 writes, each saved through the
 * same path as a single write and answered on its own; and the app's outbox, driven against the real
 * records function, sends its queue 20 records a call (tests/unit/services/outbox: 200 in at most 10).
 */
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { UNIT, buildWorld, recordOf, stored, storedHistory, type Answer } from '../../helpers/records-world';
import { MAX_BATCH_WRITES, type RecordsAnswers, type RecordWrite } from '../../../src/domain/contract/records';
import { ERRORS } from '../../../src/domain/errors';
import { isErrorAnswer } from '../../../src/domain/api';
import { Outbox, type SendAnswer } from '../../../src/services/outbox/outbox';
import { OutboxRepo } from '../../../src/services/outbox/repo';
import { MemoryStore } from '../../../src/services/outbox/kv';
import { ApiError } from '../../../src/services/errors';
import type { OutboxEntry } from '../../../src/services/outbox/types';

let stack: AppStack;

beforeAll(async () => {
  stack = await startAppStack();
  await buildWorld(stack);
}, 60000);
afterAll(() => stack?.stop());

const batch = (writes: RecordWrite[], openid = DEMO.villageWorker) =>
  stack.call<RecordsAnswers['batch'] & Answer>('records', { action: 'batch', writes }, openid);

describe('a batch of writes', () => {
  it('should answer each write on its own: a refused one does not sink the others', async () => {
    const first = recordOf('outreach', UNIT.santangVillage);
    const invalid = recordOf('outreach', UNIT.santangVillage, { attendees: -5 });
    const outOfScope = recordOf('outreach', UNIT.otherVillage);
    const last = recordOf('outreach', UNIT.santangVillage);
    const answer = await batch([first, invalid, outOfScope, last].map((record) => ({ action: 'create', kind: 'outreach', record })));

    expect(answer.results).toEqual([
      { record: expect.objectContaining({ id: first.id, version: 1 }) },
      { error: expect.objectContaining({ code: 'INVALID_RECORD', problems: expect.arrayContaining([expect.objectContaining({ field: 'attendees' })]) }) },
      { error: expect.objectContaining({ code: 'OUT_OF_SCOPE' }) },
      { record: expect.objectContaining({ id: last.id, version: 1 }) },
    ]);
    const db = await stack.db();
    for (const saved of [first, last]) {
      expect(await stored(db, 'outreach', String(saved.id))).toMatchObject({ version: 1 });
      expect((await storedHistory(db, 'outreach', String(saved.id))).map((h) => h.action)).toEqual(['create']);
    }
    for (const refused of [invalid, outOfScope]) expect(await stored(db, 'outreach', String(refused.id))).toBeUndefined();
  });

  it('should go through the single write path: a resend changes nothing, an edit follows the version rule', async () => {
    const record = recordOf('outreach', UNIT.santangVillage);
    await batch([{ action: 'create', kind: 'outreach', record }]);
    const answer = await batch([
      { action: 'create', kind: 'outreach', record },
      { action: 'update', kind: 'outreach', record: { ...record, attendees: 40 }, baseVersion: 1 },
      { action: 'update', kind: 'outreach', record: { ...record, attendees: 41 }, baseVersion: 1 },
    ]);
    expect(answer.results).toEqual([
      { record: expect.objectContaining({ version: 1, attendees: 36 }) },
      { record: expect.objectContaining({ version: 2, attendees: 40 }) },
      { error: expect.objectContaining({ code: 'CONFLICT', currentVersion: 2 }) },
    ]);
    const db = await stack.db();
    expect((await storedHistory(db, 'outreach', String(record.id))).map((h) => h.action)).toEqual(['create', 'update']);
  });

  it(`should refuse more than ${MAX_BATCH_WRITES} writes as a whole, saying so, and save none`, async () => {
    const records = Array.from({ length: MAX_BATCH_WRITES + 1 }, () => recordOf('outreach', UNIT.santangVillage));
    const answer = await batch(records.map((record) => ({ action: 'create', kind: 'outreach', record })));
    expect(answer).toEqual({ error: { code: 'BATCH_TOO_LARGE', message: ERRORS.BATCH_TOO_LARGE } });
    const db = await stack.db();
    expect(await stored(db, 'outreach', String(records[0].id))).toBeUndefined();
  });
});

describe('the outbox against the records function', () => {
  it('should send 60 queued records in 3 calls, each saved once', async () => {
    let calls = 0;
    const outbox = new Outbox({
      repo: new OutboxRepo(new MemoryStore()),
      send: async (entries: OutboxEntry[]): Promise<SendAnswer[]> => {
        calls++;
        const answer = await batch(entries.map((e) => ({ action: 'create', kind: e.kind, record: e.record })));
        if (isErrorAnswer(answer)) throw new ApiError(answer.error.code, answer.error.message);
        return answer.results.map((r) => ('error' in r ? { error: new ApiError(r.error.code, r.error.message) } : { version: r.record.version }));
      },
      upload: async () => 'unused',
      forgetPhoto: async () => undefined,
      owner: () => null,
      now: () => Date.now(),
    });
    const records = Array.from({ length: 60 }, () => recordOf('outreach', UNIT.santangVillage));
    for (const record of records) outbox.add({ kind: 'outreach', action: 'create', record });

    expect(await outbox.flush()).toEqual({ sent: 60, kept: 0, retrying: 0 });
    expect(calls).toBe(3);
    const db = await stack.db();
    expect(
      (
        await db
          .collection('outreach')
          .where({ _id: db.command.in(records.map((r) => String(r.id))) })
          .count()
      ).total,
    ).toBe(60);
  }, 120000);
});
