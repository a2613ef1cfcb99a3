/**
 * The residents' side of the demo township 白土乡: service hours for each village's 法律顾问, phones for
 * part of the roster — some published with the person's consent, some kept private (so the privacy
 * tests have something to find, or rather not to find) — the township's legal knowledge articles, and a
 * few outreach events coming up after today. Run by load-demo.ts after the roster is in.
 */
import type { Database } from '../../cloudfunctions/lib/cloudbase';
import { insertMany } from '../../cloudfunctions/lib/bulk';
import { addDays, beijingDate } from '../../src/domain/dates';

const COUNTY = '500114';
const TOWNSHIP = '500114213';
const VILLAGE_PATH = (code: string) => [COUNTY, TOWNSHIP, code];

/** Demo numbers: 138 2313 + the roster number, so a test can tell whose phone leaked. */
export const demoPhone = (personId: string) => `1382313${personId.slice(-4)}`;

interface ContactSeed {
  id: string;
  publish: boolean;
  serviceHours?: string;
}

const HOURS = ['每周二上午 9:00–12:00（村便民服务中心）', '每周四下午 14:00–17:00（村便民服务中心）', '每月逢5、15、25日上午（村委会办公室）'];

/**
 * Each village's 法律顾问 (all with phones; 中元村's keeps it private), both mediators (the first
 * publishes, the second does not) and a few 法律明白人 (odd roster numbers publish, even do not).
 */
export const CONTACT_SEEDS: ContactSeed[] = [
  ...['RY00038', 'RY00040', 'RY00042', 'RY00044', 'RY00046', 'RY00048', 'RY00050'].map((id, i) => ({
    id,
    publish: id !== 'RY00044',
    serviceHours: HOURS[i % HOURS.length],
  })),
  ...['RY00023', 'RY00024', 'RY00025', 'RY00026', 'RY00027', 'RY00028', 'RY00029'].map((id) => ({ id, publish: true })),
  ...['RY00030', 'RY00031', 'RY00032', 'RY00033', 'RY00034', 'RY00035', 'RY00036'].map((id) => ({ id, publish: false })),
  ...['RY00001', 'RY00004', 'RY00007', 'RY00008', 'RY00009', 'RY00011', 'RY00012', 'RY00019', 'RY00020'].map((id) => ({
    id,
    publish: Number(id.slice(-1)) % 2 === 1,
  })),
];

export async function seedPublicDemo(db: Database, now: Date): Promise<string> {
  const today = beijingDate(now);
  const stamp = now.toISOString();
  for (const seed of CONTACT_SEEDS) {
    const change: Record<string, unknown> = { phone: demoPhone(seed.id), publishPhone: seed.publish };
    if (seed.serviceHours) change.serviceHours = seed.serviceHours;
    await db.collection('people').doc(seed.id).update(change);
  }
  const meta = { recordedBy: 'demo', recorderName: '演示数据', recordedAt: stamp, updatedAt: stamp, version: 1 };
  const articles = ARTICLES.map((a, i) => ({
    _id: `demo-article-${String(i + 1).padStart(2, '0')}`,
    orgCode: TOWNSHIP,
    orgPath: [COUNTY, TOWNSHIP],
    title: a.title,
    category: a.category,
    date: addDays(today, -a.daysAgo),
    body: a.body,
    published: a.published,
    ...meta,
  }));
  await insertMany(db, 'articles', articles);
  const events = COMING.map((e, i) => ({
    _id: `demo-coming-${String(i + 1).padStart(2, '0')}`,
    orgCode: e.orgCode,
    orgPath: e.orgCode === TOWNSHIP ? [COUNTY, TOWNSHIP] : VILLAGE_PATH(e.orgCode),
    date: addDays(today, e.inDays),
    type: e.type,
    venue: e.venue,
    topic: e.topic,
    // Coming events are planned: they count in no figure until someone confirms them held.
    status: '计划',
    attendees: 0,
    materials: 0,
    banners: 0,
    consultations: 0,
    ...meta,
    deleted: false,
  }));
  await insertMany(db, 'outreach', events);
  return `联系人 ${CONTACT_SEEDS.length}，文章 ${articles.length}，近期活动 ${events.length}`;
}

const COMING = [
  { orgCode: '500114213201', inDays: 4, type: '院坝会', venue: '乡村', topic: '民法典进院坝：宅基地与相邻关系' },
  { orgCode: TOWNSHIP, inDays: 9, type: '赶集日集中宣传', venue: '集市', topic: '防范电信网络诈骗' },
  { orgCode: '500114213202', inDays: 16, type: '法治讲座', venue: '乡村', topic: '土地经营权流转合同怎么签' },
];

const ARTICLES: { title: string; category: string; daysAgo: number; published: boolean; body: string }[] = [
  {
    title: '邻里之间通行、排水、采光起了争执，民法典怎么说？',
    category: '民法典',
    daysAgo: 3,
    published: true,
    body: [
      '农村邻里纠纷里，最常见的是走路、排水、修房子挡光这几类。民法典物权编专门规定了“相邻关系”。',
      '第二百八十八条：不动产的相邻权利人应当按照有利生产、方便生活、团结互助、公平合理的原则，正确处理相邻关系。',
      '第二百九十一条：不动产权利人对相邻权利人因通行等必须利用其土地的，应当提供必要的便利。',
      '第二百九十三条：建造建筑物，不得违反国家有关工程建设标准，不得妨碍相邻建筑物的通风、采光和日照。',
      '遇到这类事，先心平气和地商量；商量不成，可以找村里的人民调解员免费调解，调解达成的协议具有法律约束力。',
    ].join('\n'),
  },
  {
    title: '离婚有30天冷静期，哪些情况不适用？',
    category: '婚姻家庭',
    daysAgo: 20,
    published: true,
    body: [
      '民法典第一千零七十七条规定：自婚姻登记机关收到离婚登记申请之日起三十日内，任何一方不愿意离婚的，可以向婚姻登记机关撤回离婚登记申请。期限届满后三十日内，双方应当亲自到婚姻登记机关申请发给离婚证；未申请的，视为撤回离婚登记申请。',
      '冷静期只适用于到民政部门协议离婚。通过法院起诉离婚的，不适用冷静期。',
      '遭受家庭暴力的，可以向公安机关报警，也可以向人民法院申请人身安全保护令。',
      '民法典第一千零四十二条还规定：禁止借婚姻索取财物。彩礼纠纷可以先找村调委会调解。',
    ].join('\n'),
  },
  {
    title: '土地经营权流转，合同要写清楚这几件事',
    category: '土地承包',
    daysAgo: 45,
    published: true,
    body: [
      '民法典第三百三十二条：耕地的承包期为三十年。承包期限届满，由土地承包经营权人依照农村土地承包的法律规定继续承包。',
      '第三百三十九条：土地承包经营权人可以自主决定依法采取出租、入股或者其他方式向他人流转土地经营权。',
      '第三百四十一条：流转期限为五年以上的土地经营权，自流转合同生效时设立。当事人可以向登记机构申请土地经营权登记；未经登记，不得对抗善意第三人。',
      '签合同时请写明：地块位置和面积、流转期限、价款和支付时间、土地用途（不得改变农业用途）、到期后地上附着物怎么处理、违约责任。拿不准的，可以请村法律顾问帮忙看一看。',
    ].join('\n'),
  },
  {
    title: '在外务工被拖欠工资，怎么维权？',
    category: '劳动就业',
    daysAgo: 70,
    published: true,
    body: [
      '第一步，保存好证据：劳动合同、工牌、考勤记录、工资条、转账记录、和老板的聊天记录都有用。',
      '第二步，可以向用工所在地的劳动保障监察机构投诉，也可以拨打12333咨询。',
      '第三步，申请劳动仲裁。劳动争议调解仲裁法第二十七条规定，申请仲裁的时效期间为一年；劳动关系存续期间因拖欠劳动报酬发生争议的，不受这一年的限制，但劳动关系终止的，应当自终止之日起一年内提出。',
      '经济困难的，可以拨打12348申请法律援助。',
    ].join('\n'),
  },
  {
    title: '“安全账户”都是骗局：防范电信网络诈骗',
    category: '反诈防骗',
    daysAgo: 100,
    published: true,
    body: [
      '公安、检察院、法院不会通过电话、微信办案，更不会让您把钱转到所谓“安全账户”。',
      '不点陌生链接，不下载陌生人发来的软件，不把银行卡、手机卡借给别人使用。出租、出借、出售银行卡和手机卡，本身就可能违法。',
      '反电信网络诈骗法自2022年12月1日起施行。遇到可疑电话，先挂断，再拨打96110或110核实。',
    ].join('\n'),
  },
  {
    title: '（草稿）自己写遗嘱要注意什么',
    category: '民法典',
    daysAgo: 1,
    published: false,
    body: '民法典第一千一百三十四条：自书遗嘱由遗嘱人亲笔书写，签名，注明年、月、日。（草稿，尚未发布）',
  },
];
