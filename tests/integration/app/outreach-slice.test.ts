/**
 * The walking skeleton through every layer: a 法律明白人 logs a 普法活动 through the records function
 * (real SDK → local gateway), it is scope-checked, stored once however often it is resent, listed in
 * 我的记录, and the township admin's figures grow by its numbers.
 */
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { addDays, beijingDate } from '../../../src/domain/dates';
import type { FiguresAnswer, OutreachView, SessionAnswer } from '../../../src/domain/api';

let stack: AppStack;
const year = beijingDate(new Date()).slice(0, 4);

beforeAll(async () => {
  stack = await startAppStack();
}, 60000);
afterAll(() => stack?.stop());

async function me(openid?: string) {
  return (await stack.call<SessionAnswer>('session', { action: 'whoami' }, openid)).me;
}

async function figures(openid: string, org?: string) {
  return stack.call<FiguresAnswer>('figures', { action: 'get', period: year, org, ids: ['outreach.events', 'outreach.materials'] }, openid);
}

function event(id: string, orgCode: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    orgCode,
    date: beijingDate(new Date()),
    type: '赶集日集中宣传',
    venue: '集市',
    topic: '民法典进乡村',
    attendees: 86,
    materials: 240,
    banners: 2,
    consultations: 11,
    ...overrides,
  };
}

describe('logging an outreach event end to end', () => {
  it('should tell each demo person who they are, and a resident that they are not bound', async () => {
    const worker = await me(DEMO.villageWorker);
    expect(worker?.role).toBe('法律明白人');
    expect(worker?.org.level).toBe('村');
    expect((await me(DEMO.admin))?.role).toBe('乡镇管理员');
    expect(await me(undefined)).toBeNull();
  });

  it('should store the event once, list it, and grow the admin figures by its numbers', async () => {
    const worker = (await me(DEMO.villageWorker))!;
    const before = await figures(DEMO.admin);
    expect(before.figures['outreach.events']).toBeGreaterThan(0);

    const record = event('slice-event-0001', worker.org.code);
    const created = await stack.call<{ record: OutreachView }>('records', { action: 'create', kind: 'outreach', record }, DEMO.villageWorker);
    expect(created.record).toMatchObject({ id: record.id, materials: 240, orgName: worker.org.name, recordedBy: worker.name, version: 1 });

    // A resend on a bad network: the same answer, no second record.
    for (let i = 0; i < 3; i += 1) {
      const again = await stack.call<{ record: OutreachView }>('records', { action: 'create', kind: 'outreach', record }, DEMO.villageWorker);
      expect(again.record.id).toBe(record.id);
    }
    const mine = await stack.call<{ items: OutreachView[] }>('records', { action: 'listMine', kind: 'outreach' }, DEMO.villageWorker);
    expect(mine.items.filter((item) => item.id === record.id)).toHaveLength(1);

    const after = await figures(DEMO.admin);
    expect(after.figures['outreach.events']).toBe((before.figures['outreach.events'] ?? 0) + 1);
    expect(after.figures['outreach.materials']).toBe((before.figures['outreach.materials'] ?? 0) + 240);
    expect(after).toMatchObject({ org: '500114213', period: year });
  });

  it('should refuse an event for another village and write nothing', async () => {
    const other = (await me(DEMO.otherVillageWorker))!;
    const worker = (await me(DEMO.villageWorker))!;
    expect(other.org.code).not.toBe(worker.org.code);
    const answer = await stack.call('records', { action: 'create', kind: 'outreach', record: event('slice-event-0002', other.org.code) }, DEMO.villageWorker);
    expect(answer).toEqual({ error: { code: 'OUT_OF_SCOPE', message: expect.stringContaining('本单位') } });
    const db = await stack.db();
    expect((await db.collection('outreach').doc('slice-event-0002').get()).data).toHaveLength(0);
  });

  it('should answer field problems in Chinese for an invalid event and write nothing', async () => {
    const worker = (await me(DEMO.villageWorker))!;
    const bad = event('slice-event-0003', worker.org.code, { type: '广场舞', materials: -5, date: '2026-02-30' });
    const answer = await stack.call<{ error: { code: string; problems: { field: string; message: string }[] } }>(
      'records',
      { action: 'create', kind: 'outreach', record: bad },
      DEMO.villageWorker,
    );
    expect(answer.error.code).toBe('INVALID_RECORD');
    expect(answer.error.problems.map((p) => p.field).sort()).toEqual(['date', 'materials', 'type']);
    expect(answer.error.problems.find((p) => p.field === 'type')?.message).toContain('赶集日集中宣传');
    const db = await stack.db();
    expect((await db.collection('outreach').doc('slice-event-0003').get()).data).toHaveLength(0);
  });

  it('should treat a resend with different content and no base version as a conflict, not a second record', async () => {
    const worker = (await me(DEMO.villageWorker))!;
    const record = event('slice-event-0004', worker.org.code);
    await stack.call('records', { action: 'create', kind: 'outreach', record }, DEMO.villageWorker);
    const changed = await stack.call('records', { action: 'create', kind: 'outreach', record: { ...record, materials: 999 } }, DEMO.villageWorker);
    expect(changed).toMatchObject({ error: { code: 'CONFLICT', currentVersion: 1 } });
    const db = await stack.db();
    const stored = (await db.collection('outreach').doc(record.id).get()).data[0];
    expect(stored.materials).toBe(240);
  });

  it('should count a 计划 event in no figure until it is confirmed held, and refuse a held event after today', async () => {
    const worker = (await me(DEMO.villageWorker))!;
    const today = beijingDate(new Date());
    const tomorrow = addDays(today, 1);
    const before = await figures(DEMO.admin);

    const held = await stack.call(
      'records',
      { action: 'create', kind: 'outreach', record: event('slice-plan-0001', worker.org.code, { date: tomorrow }) },
      DEMO.villageWorker,
    );
    expect(held).toMatchObject({ error: { code: 'INVALID_RECORD', problems: [{ field: 'date', message: expect.stringContaining('计划') }] } });

    const coming = event('slice-plan-0002', worker.org.code, { date: tomorrow, status: '计划', materials: 0 });
    expect(await stack.call('records', { action: 'create', kind: 'outreach', record: coming }, DEMO.villageWorker)).toMatchObject({
      record: { status: '计划' },
    });
    const planned = event('slice-plan-0003', worker.org.code, { status: '计划', materials: 500 });
    await stack.call('records', { action: 'create', kind: 'outreach', record: planned }, DEMO.villageWorker);
    expect((await figures(DEMO.admin)).figures).toEqual(before.figures);
    // Confirming tomorrow's event as held is refused; today's, with its numbers, counts.
    const early = await stack.call(
      'records',
      { action: 'update', kind: 'outreach', record: { ...coming, status: '已举办' }, baseVersion: 1 },
      DEMO.villageWorker,
    );
    expect(early).toMatchObject({ error: { code: 'INVALID_RECORD' } });
    await stack.call('records', { action: 'update', kind: 'outreach', record: { ...planned, status: '已举办' }, baseVersion: 1 }, DEMO.villageWorker);
    const after = await figures(DEMO.admin);
    expect(after.figures['outreach.events']).toBe(Number(before.figures['outreach.events']) + 1);
    expect(after.figures['outreach.materials']).toBe(Number(before.figures['outreach.materials']) + 500);
    const db = await stack.db();
    expect((await db.collection('outreach').doc('slice-plan-0001').get()).data).toHaveLength(0);
  });

  it('should keep residents and county viewers from logging, and residents from figures', async () => {
    const worker = (await me(DEMO.villageWorker))!;
    expect(await stack.call('records', { action: 'create', kind: 'outreach', record: event('slice-event-0005', worker.org.code) })).toMatchObject({
      error: { code: 'NOT_BOUND' },
    });
    expect(await stack.call('records', { action: 'create', kind: 'outreach', record: event('slice-event-0006', worker.org.code) }, DEMO.county)).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await stack.call('figures', { action: 'get', period: year })).toMatchObject({ error: { code: 'NOT_BOUND' } });
  });

  it('should let the county viewer read the township but not a village worker read the township', async () => {
    const county = await figures(DEMO.county, '500114213');
    expect(county.figures['outreach.events']).toBeGreaterThan(0);
    expect(await figures(DEMO.villageWorker, '500114213')).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});
