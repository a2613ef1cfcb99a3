/**
 * A resident scans the village's mini-program code: WeChat opens the village page with the launch
 * query `scene=<village code>`. 我要调解 asks for WeChat's privacy authorization before any personal
 * field shows; once agreed, the request lands in the village mediator's queue.
 */
import { DEMO } from '../helpers/app-stack';
import { weappStackForFile, sendMediationRequest } from './helpers';

const env = weappStackForFile();
const VILLAGE = '500114213201';

test('a resident opens a village from its code and sends 我要调解 after the privacy authorization', async () => {
  // Scene 1047: a scanned mini-program code; the code's scene is the village code.
  const app = await env.launch({ openid: 'o-weapp-resident-2', path: 'pages/village/index', query: { scene: VILLAGE }, scene: 1047, privacy: 'disagree' });
  await app.waitForText('白土村');
  await app.tap('ask-mediate');
  await app.waitForRoute('resident/ask/index');

  // Refused at first: nothing personal is asked for.
  await app.waitForText('需要您同意《隐私保护指引》');
  expect(app.text()).not.toContain('您的姓名');
  expect(app.callsTo('requirePrivacyAuthorize')).toHaveLength(1);

  // Agreed on the second ask.
  app.privacy = 'agree';
  await app.tap('privacy-retry');
  await sendMediationRequest(app);
  await app.waitForText(/TJ-\d{8}-\d{4}/);
  const ref = /TJ-\d{8}-\d{4}/.exec(app.text())?.[0] as string;
  expect(app.callsTo('requirePrivacyAuthorize')).toHaveLength(2);

  // The village's mediator finds it in the queue, in full.
  const mediator = await env.launch({ openid: DEMO.mediator, path: 'resident/queue/index' });
  await mediator.waitForText(ref);
  expect(mediator.text()).toContain('王秀兰');
  expect(mediator.text()).toContain('13908123456');
}, 60000);
