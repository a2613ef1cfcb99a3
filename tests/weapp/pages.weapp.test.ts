/**
 * Every page of the production mini-program, opened by each role that uses it, renders its main
 * content with no error (no console error, no unknown wx API, no failed setData, no view warning).
 * Pages that need a record (a case, an article, a figure's records) are opened the way a person gets
 * there, by tapping, in the same run.
 */
import { DEMO } from '../helpers/app-stack';
import { weappStackForFile } from './helpers';

const env = weappStackForFile();
const RESIDENT = 'o-weapp-resident-1';
const BAITU_VILLAGE = '500114213201';

/** [who, page, query, text that shows the page's main content]. */
const PAGES: [string, string, Record<string, string>, string][] = [
  [RESIDENT, 'pages/home/index', {}, '白土村'],
  [RESIDENT, 'pages/village/index', { code: BAITU_VILLAGE }, '我要调解'],
  [RESIDENT, 'resident/ask/index', { code: BAITU_VILLAGE }, '我要调解'],
  [RESIDENT, 'resident/mine/index', {}, '您还没有提交过咨询或调解申请'],
  [DEMO.villageWorker, 'pages/home/index', {}, '登记普法活动'],
  [DEMO.villageWorker, 'field/outreach/index', {}, '活动类型'],
  [DEMO.villageWorker, 'field/consultation/index', {}, '咨询类别'],
  [DEMO.villageWorker, 'field/dispute/index', {}, '纠纷类型'],
  [DEMO.cadre, 'field/study/index', {}, '学法类型'],
  [DEMO.villageWorker, 'field/mine/index', {}, '已提交的记录'],
  [DEMO.mediator, 'field/petition/index', {}, '信访渠道'],
  [DEMO.mediator, 'field/todo/index', {}, '件未办结'],
  [DEMO.admin, 'pages/home/index', {}, '开展普法宣传活动'],
  [DEMO.admin, 'field/reception/index', {}, '接访日期'],
  [DEMO.admin, 'console/index/index', {}, '分村/分月图表'],
  [DEMO.admin, 'console/charts/index', {}, '三塘村'],
  [DEMO.admin, 'console/quality/index', {}, '条提示'],
  [DEMO.admin, 'console/report/index', {}, '开头段落'],
  [DEMO.admin, 'console/close/index', {}, '结账'],
  [DEMO.admin, 'console/people/index', {}, '人员名册'],
  [DEMO.admin, 'console/units/index', {}, '下辖村'],
  [DEMO.admin, 'console/invites/index', {}, '工作身份'],
  [DEMO.admin, 'resident/queue/index', {}, '待处理'],
  [DEMO.admin, 'resident/manage/index', {}, '联系人公开'],
  [DEMO.admin, 'resident/codes/index', {}, '选择村，生成二维码'],
  [DEMO.admin, 'pages/bind/index', {}, '绑定工作身份'],
  [DEMO.county, 'console/index/index', {}, '分村/分月图表'],
];

test.each(PAGES)('%s opens %s %j and sees "%s"', async (openid, path, query, text) => {
  const app = await env.launch({ openid, path, query });
  // Figures by village are computed on opening: slow on a busy machine.
  await app.waitForText(text, 30000);
  expect(app.text()).not.toMatch(/出错|失败|不能进行此操作/);
});

test('a mediator opens a case from 我的待办, a resident an article, an admin the records of a figure', async () => {
  const mediator = await env.launch({ openid: DEMO.mediator, path: 'field/todo/index' });
  await mediator.waitForText('件未办结');
  await mediator.tap('调解中');
  await mediator.waitForRoute('field/case/index');
  await mediator.waitForText('受理日期');

  const resident = await env.launch({ openid: RESIDENT, path: 'pages/village/index', query: { code: BAITU_VILLAGE } });
  await resident.waitForText('法律知识');
  await resident.tap('离婚有30天冷静期，哪些情况不适用？');
  await resident.waitForRoute('resident/article/index');
  await resident.waitForText('冷静期');
  await resident.waitFor(
    () => resident.text().length > 100,
    () => 'the article text',
  );

  const admin = await env.launch({ openid: DEMO.admin, path: 'console/index/index' });
  await admin.waitForText('开展普法宣传活动');
  await admin.tap('开展普法宣传活动');
  await admin.waitForRoute('console/records/index');
  await admin.waitForText(/共 \d+ 条/);
}, 60000);
