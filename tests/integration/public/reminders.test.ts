/**
 * Subscribe messages through the real functions (real SDK → local gateway, whose /wxapi stands in for
 * WeChat's server API): the `reminders` function, invoked as CloudBase's timer invokes it, sends a
 * subscribed handler each petition's "due in 3 days" and "overdue" reminder exactly once however often
 * it runs, and only as many messages as the handler accepted, and a settled dispute's 回访 due and
 * overdue the same way; a resident who subscribed hears once
 * that their request was taken up.
 */
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { cloudApp } from '../../../cloudfunctions/lib/cloudbase';
import { addDays, beijingDate } from '../../../src/domain/dates';
import type { SubmitAnswer } from '../../../src/domain/public/types';
import type { WxApiCall } from '../../../emulator/wx-open-api';
import { main as cli } from '../../../scripts/cli';

let stack: AppStack;
const now = new Date();
const today = beijingDate(now);
const HANDLER = 'o-itest-handler';
const DAY = 24 * 3600 * 1000;
const VILLAGE = '500114213201';

beforeAll(async () => {
  // The timer and the command line invoke the function through the gateway, as CloudBase does.
  stack = await startAppStack(now, { functions: 'gateway' });
  const db = await stack.db();
  await db.collection('accounts').doc(HANDLER).set({ name: '测试调解员', role: '人民调解员', orgCode: VILLAGE });
  const petition = (dueDate: string, state = '办理中') => ({
    orgCode: VILLAGE,
    orgPath: ['500114', '500114213', VILLAGE],
    registerDate: addDays(today, -50),
    dueDate,
    state,
    channel: '来访',
    recordedBy: HANDLER,
    handlerIds: ['o-itest-unsubscribed'],
    deleted: false,
  });
  await db
    .collection('petitions')
    .doc('itest-pet-later')
    .set(petition(addDays(today, 5)));
  await db
    .collection('petitions')
    .doc('itest-pet-soon')
    .set(petition(addDays(today, 2)));
  await db
    .collection('petitions')
    .doc('itest-pet-late')
    .set(petition(addDays(today, -1), '登记'));
  await db
    .collection('petitions')
    .doc('itest-pet-done')
    .set(petition(addDays(today, -1), '办结'));
}, 60000);
afterAll(() => stack?.stop());

/** As CloudBase's timer trigger invokes a function: server to server, no WeChat user. */
async function runTimer(at: Date): Promise<Record<string, number>> {
  await stack.db();
  const res = await cloudApp().callFunction({ name: 'reminders', data: { Type: 'Timer', TriggerName: 'daily0800', Time: at.toISOString() } });
  const result = res.result as { counts?: Record<string, number>; error?: unknown };
  if (!result.counts) throw new Error(`reminders failed: ${JSON.stringify(result)}`);
  return result.counts;
}

async function sent(touser: string): Promise<WxApiCall[]> {
  const { calls } = (await (await fetch(`${stack.gateway.url}/wxapi/dev/calls`)).json()) as { calls: WxApiCall[] };
  return calls.filter((c) => c.api === 'subscribe_send' && c.body.touser === touser && c.errcode === 0);
}

const reminderOf = (call: WxApiCall) => {
  const data = call.body.data as Record<string, { value: string }>;
  return `${data.date2.value} ${data.thing3.value}`;
};

describe('deadline reminders', () => {
  it('should send each petition and threshold once across repeated timer runs, within what the handler accepted', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await stack.call('public', { action: 'subscribe', template: 'deadline' }, HANDLER)).toEqual({ credits: i + 1 });
    }
    await runTimer(now);
    await runTimer(now);
    await runTimer(new Date(now.getTime() + 3600_000));
    expect((await sent(HANDLER)).map(reminderOf).sort()).toEqual([`${addDays(today, -1)} 信访事项已超过办理期限`, `${addDays(today, 2)} 信访事项3天内到期`]);
    expect((await sent(HANDLER))[0].body).toMatchObject({ template_id: 'local-template-deadline', page: 'field/todo/index', miniprogram_state: 'developer' });
    // Nobody who did not subscribe gets anything; a closed petition reminds nobody.
    expect(await sent('o-itest-unsubscribed')).toEqual([]);

    // Three days on: the later one is due soon, the soon one is overdue; one acceptance is left for two.
    const later = new Date(now.getTime() + 3 * DAY);
    const counts = await runTimer(later);
    expect(counts).toMatchObject({ sent: 1 });
    expect(await sent(HANDLER)).toHaveLength(3);

    // Accepting once more lets the waiting one go out, once.
    await stack.call('public', { action: 'subscribe', template: 'deadline' }, HANDLER);
    await runTimer(later);
    await runTimer(later);
    expect((await sent(HANDLER)).map(reminderOf).sort()).toEqual(
      [
        `${addDays(today, -1)} 信访事项已超过办理期限`,
        `${addDays(today, 2)} 信访事项3天内到期`,
        `${addDays(today, 2)} 信访事项已超过办理期限`,
        `${addDays(today, 5)} 信访事项3天内到期`,
      ].sort(),
    );
    const db = await stack.db();
    expect((await db.collection('notices').doc('petition:itest-pet-done:overdue:o-itest-handler').get()).data).toEqual([]);
  }, 60000);

  it('should run on demand from the command line, sending nothing twice', async () => {
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), env: { FAZHI_DATA_DIR: stack.gateway.dataDir }, cwd: process.cwd() };
    expect(await cli(['reminders'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/^已发送 0 条提醒；之前已发过 [1-9]\d* 条/);
  });

  it('should refuse a run asked for from the app', async () => {
    expect(await stack.call('reminders', { Type: 'Timer', TriggerName: 'daily0800', Time: now.toISOString() }, DEMO.mediator)).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await stack.call('public', { action: 'subscribe', template: 'deadline' }, 'o-itest-stranger')).toMatchObject({ error: { code: 'NOT_BOUND' } });
    expect(await stack.call('public', { action: 'subscribe', template: 'answer' })).toMatchObject({ error: { code: 'NEEDS_WECHAT' } });
  });
});

describe("a resident's answer", () => {
  it('should reach the resident who subscribed once, when the request is taken up', async () => {
    const RESIDENT = 'o-itest-resident-sub';
    const form = {
      key: `itestsubkey${String(Date.now()).slice(-8)}00001`,
      kind: '调解',
      villageCode: VILLAGE,
      name: '王秀兰',
      phone: '13908123456',
      description: '邻居家修房子把排水沟堵了。',
      consent: true,
    };
    const { request } = await stack.call<SubmitAnswer>('public', { action: 'submit', request: form }, RESIDENT);
    expect(await stack.call('public', { action: 'templates' })).toEqual({
      templates: { answer: 'local-template-answer', deadline: 'local-template-deadline' },
    });
    await stack.call('public', { action: 'subscribe', template: 'answer' }, RESIDENT);
    await stack.call('public', { action: 'subscribe', template: 'answer' }, RESIDENT);

    await stack.call('requests', { action: 'accept', ref: request.ref }, DEMO.mediator);
    await stack.call('requests', { action: 'accept', ref: request.ref }, DEMO.mediator);
    await stack.call('requests', { action: 'close', ref: request.ref }, DEMO.mediator);
    const messages = await sent(RESIDENT);
    expect(messages).toHaveLength(1);
    expect(messages[0].body).toMatchObject({
      template_id: 'local-template-answer',
      page: 'resident/mine/index',
      data: { character_string1: { value: request.ref }, phrase2: { value: '已受理' } },
    });
    // The message names no one: only the reference, the state and the time.
    expect(JSON.stringify(messages[0].body)).not.toMatch(/王秀兰|1390812/);
  });
});

describe('回访 reminders', () => {
  it('should remind a settled dispute’s handler of its 回访 three days ahead and when overdue, once each, and not once visited', async () => {
    const MEDIATOR = 'o-itest-followup';
    const db = await stack.db();
    await db.collection('accounts').doc(MEDIATOR).set({ name: '回访调解员', role: '人民调解员', orgCode: VILLAGE });
    const dispute = (closeDate: string, patch: Record<string, unknown> = {}) => ({
      orgCode: VILLAGE,
      orgPath: ['500114', '500114213', VILLAGE],
      acceptDate: addDays(closeDate, -5),
      closeDate,
      state: '调解成功',
      disputeType: '邻里',
      source: '排查发现',
      recordedBy: MEDIATOR,
      deleted: false,
      ...patch,
    });
    // Settled 28 days ago: the 回访 is due in 2 days; 31 days ago: overdue by a day.
    await db
      .collection('disputes')
      .doc('itest-fu-soon')
      .set(dispute(addDays(today, -28)));
    await db
      .collection('disputes')
      .doc('itest-fu-late')
      .set(dispute(addDays(today, -31)));
    await db
      .collection('disputes')
      .doc('itest-fu-visited')
      .set(dispute(addDays(today, -31), { followUps: [{ date: addDays(today, -2), result: '协议已履行' }] }));
    await db
      .collection('disputes')
      .doc('itest-fu-failed')
      .set(dispute(addDays(today, -31), { state: '调解不成功' }));
    for (let i = 0; i < 4; i++) await stack.call('public', { action: 'subscribe', template: 'deadline' }, MEDIATOR);

    await runTimer(now);
    await runTimer(now);
    expect((await sent(MEDIATOR)).map(reminderOf).sort()).toEqual([`${addDays(today, -1)} 纠纷回访已超过期限`, `${addDays(today, 2)} 纠纷回访3天内到期`]);
    const late = (await sent(MEDIATOR)).find((c) => reminderOf(c).startsWith(addDays(today, -1)));
    expect(late?.body).toMatchObject({
      page: 'field/case/index?kind=dispute&id=itest-fu-late',
      data: { thing1: { value: `${addDays(today, -31)}调解成功的纠纷` } },
    });

    // Three days on the soon one is overdue: one more message, however often the timer runs.
    const later = new Date(now.getTime() + 3 * DAY);
    await runTimer(later);
    await runTimer(later);
    expect((await sent(MEDIATOR)).map(reminderOf).sort()).toEqual(
      [`${addDays(today, -1)} 纠纷回访已超过期限`, `${addDays(today, 2)} 纠纷回访3天内到期`, `${addDays(today, 2)} 纠纷回访已超过期限`].sort(),
    );
  }, 60000);
});
