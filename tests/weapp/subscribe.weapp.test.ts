/**
 * Subscribe messages in the production mini-program: a resident who sent a request taps 受理后微信通知我
 * (WeChat's subscribe dialog, accepted) and gets one message when the mediator accepts it; a mediator
 * subscribes to deadline reminders from 我的待办. The local gateway stands in for WeChat's server API.
 */
import { DEMO } from '../helpers/app-stack';
import type { WxApiCall } from '../../emulator/wx-open-api';
import { weappStackForFile, sendMediationRequest } from './helpers';

const env = weappStackForFile();
const VILLAGE = '500114213201';
const RESIDENT = 'o-weapp-resident-subscribe';

async function messagesTo(openid: string): Promise<WxApiCall[]> {
  const { calls } = (await (await fetch(`${env.stack.gateway.url}/wxapi/dev/calls`)).json()) as { calls: WxApiCall[] };
  return calls.filter((c) => c.api === 'subscribe_send' && c.body.touser === openid && c.errcode === 0);
}

test('a resident subscribes to the answer and hears once when the mediator accepts the request', async () => {
  const app = await env.launch({ openid: RESIDENT, path: 'pages/village/index', query: { code: VILLAGE } });
  await app.waitForText('白土村');
  await app.tap('ask-mediate');
  await sendMediationRequest(app);
  await app.waitForText('受理后微信通知我');
  const ref = /TJ-\d{8}-\d{4}/.exec(app.text())?.[0] as string;
  await app.tap('sent-subscribe');
  await app.waitForText('已订阅');
  expect(app.callsTo('requestSubscribeMessage')).toEqual([expect.objectContaining({ tmplIds: ['local-template-answer'] })]);

  const mediator = await env.launch({ openid: DEMO.mediator, path: 'resident/queue/index' });
  await mediator.waitForText(ref);
  await mediator.tap(`accept-${ref}`);
  let messages: WxApiCall[] = [];
  for (let i = 0; i < 50 && messages.length === 0; i++) {
    await mediator.settle(200);
    messages = await messagesTo(RESIDENT);
  }
  expect(messages).toHaveLength(1);
  expect(messages[0].body).toMatchObject({ template_id: 'local-template-answer', data: { character_string1: { value: ref } } });
}, 60000);

test('a mediator subscribes to deadline reminders from 我的待办', async () => {
  const app = await env.launch({ openid: DEMO.mediator, path: 'field/todo/index' });
  await app.waitForText('信访到期、纠纷回访到期、乡镇催报时微信提醒我');
  await app.tap('todo-subscribe');
  await app.waitForText('已订阅');
  const db = await env.stack.db();
  expect((await db.collection('subscriptions').doc(`${DEMO.mediator}:local-template-deadline`).get()).data[0]).toMatchObject({ credits: 1 });
}, 60000);
