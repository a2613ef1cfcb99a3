/**
 * Residents' legal services through the real functions (real SDK → local gateway, demo township):
 * a resident finds a village's people and coming events without signing in, asks for help, and follows
 * the request's state; the village's handlers see it in their queue and turn it into a case; nobody
 * outside the village does.
 */
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { beijingDate } from '../../../src/domain/dates';
import type { ConvertAnswer, MineAnswer, QueueAnswer, QueueItemAnswer, SubmitAnswer, TownshipsAnswer, VillageAnswer } from '../../../src/domain/public/types';
import type { SessionAnswer } from '../../../src/domain/api';

let stack: AppStack;
const today = beijingDate(new Date());
const BAITU_VILLAGE = '500114213201';
const MEDIATOR_2 = 'o-demo-mediator-2';

beforeAll(async () => {
  stack = await startAppStack();
}, 60000);
afterAll(() => stack?.stop());

let keyCount = 0;
/** A request key as the app makes it: random-looking, 24 characters. */
const newKey = () => `itestkey${String(Date.now()).slice(-8)}${String(++keyCount).padStart(8, '0')}`;

function form(overrides: Record<string, unknown> = {}) {
  return {
    key: newKey(),
    kind: '调解',
    villageCode: BAITU_VILLAGE,
    name: '王秀兰',
    phone: '139 0812 3456',
    description: '邻居家修房子把排水沟堵了，下雨就淹到我家院坝，商量了几次没有结果。',
    consent: true,
    ...overrides,
  };
}

const submit = (request: Record<string, unknown>, openid?: string) => stack.call<SubmitAnswer>('public', { action: 'submit', request }, openid);
const mine = (keys: string[], openid?: string) => stack.call<MineAnswer>('public', { action: 'mine', keys }, openid);
const queue = (openid: string) => stack.call<QueueAnswer>('requests', { action: 'queue' }, openid);

describe('the village page, without signing in', () => {
  it('should list every township with its villages', async () => {
    const { townships } = await stack.call<TownshipsAnswer>('public', { action: 'townships' });
    const baitu = townships.find((t) => t.code === '500114213');
    expect(baitu?.name).toBe('白土乡');
    expect(baitu?.villages.map((v) => v.name)).toEqual(['白土村', '沙坝村', '三塘村', '中元村', '金溪村', '石门村', '冯家村']);
  });

  it('should show the adviser with service hours and phone, published phones only, the hotline, coming events and articles', async () => {
    const page = await stack.call<VillageAnswer>('public', { action: 'village', code: BAITU_VILLAGE });
    expect(page.village).toEqual({ code: BAITU_VILLAGE, name: '白土村' });
    expect(page.township).toEqual({ code: '500114213', name: '白土乡' });
    expect(page.hotline).toBe('12348');
    expect(page.advisers).toEqual([{ name: '龚丽光', phone: '13823130038', serviceHours: expect.stringContaining('每周') }]);
    expect(page.mediators).toContainEqual({ name: '许志红', phone: '13823130023' });
    expect(page.mediators).toContainEqual({ name: '刘芳春' });
    expect(page.events.length).toBeGreaterThanOrEqual(2);
    for (const event of page.events) expect(event.date >= today).toBe(true);
    expect(page.events.map((e) => e.place)).toEqual(expect.arrayContaining(['白土村 · 乡村', '白土乡 · 集市']));
    expect(page.articles).toHaveLength(5);
    expect(page.articles.map((a) => a.title).join()).not.toContain('草稿');
  });

  it('should keep an adviser phone private when it is not published', async () => {
    const page = await stack.call<VillageAnswer>('public', { action: 'village', code: '500114213204' });
    expect(page.advisers).toEqual([{ name: '高海兰', serviceHours: expect.any(String) }]);
  });

  it('should answer a plain message for a code that is not a village, and hide unpublished articles', async () => {
    expect(await stack.call('public', { action: 'village', code: '500114213299' })).toMatchObject({ error: { code: 'VILLAGE_NOT_FOUND' } });
    expect(await stack.call('public', { action: 'village', code: '500114213' })).toMatchObject({ error: { code: 'VILLAGE_NOT_FOUND' } });
    const article = await stack.call<{ article: { title: string; body: string } }>('public', { action: 'article', id: 'demo-article-01' });
    expect(article.article.body).toContain('第二百八十八条');
    expect(await stack.call('public', { action: 'article', id: 'demo-article-06' })).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});

describe('asking for help', () => {
  it('should give a reference number and keep only a hash of the key', async () => {
    const request = form();
    const answer = await submit(request);
    expect(answer.request).toEqual({
      ref: expect.stringMatching(new RegExp(`^TJ-${today.replace(/-/g, '')}-\\d{4}$`)),
      kind: '调解',
      villageName: '白土村',
      state: '待处理',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const db = await stack.db();
    const { data } = await db.collection('requests').where({ ref: answer.request.ref }).get();
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ phone: '13908123456', consentAt: expect.any(String), orgPath: ['500114', '500114213', BAITU_VILLAGE] });
    expect(JSON.stringify(data[0])).not.toContain(request.key as string);
  });

  it('should make one request however often the same form is resent, and refuse the key with other content', async () => {
    const request = form({ kind: '咨询' });
    const first = await submit(request);
    const again = await submit(request);
    expect(again.request.ref).toBe(first.request.ref);
    expect(first.request.ref).toMatch(/^ZX-/);
    expect(await submit({ ...request, description: '换了一件事情来问问。' })).toMatchObject({ error: { code: 'DUPLICATE_ID' } });
    const db = await stack.db();
    expect((await db.collection('requests').where({ ref: first.request.ref }).get()).data).toHaveLength(1);
  });

  it('should number requests sent at the same moment one after another, and keep racing resends to one', async () => {
    const forms = Array.from({ length: 5 }, () => form({ kind: '咨询', villageCode: '500114213203' }));
    const answers = await Promise.all(forms.map((f) => submit(f)));
    const numbers = answers.map((a) => Number(a.request.ref.slice(-4))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(5);
    expect(numbers[4] - numbers[0]).toBe(4);

    const racing = form({ villageCode: '500114213203' });
    const resends = await Promise.all([submit(racing), submit(racing), submit(racing)]);
    expect(new Set(resends.map((a) => a.request.ref)).size).toBe(1);
  });

  it('should refuse a form without consent or with a wrong phone, naming the fields in Chinese', async () => {
    const answer = await submit(form({ phone: '2345', consent: false, name: ' ' }));
    expect(answer).toMatchObject({ error: { code: 'INVALID_FORM' } });
    const problems = (answer as unknown as { error: { problems: { field: string; message: string }[] } }).error.problems;
    expect(problems.map((p) => p.field).sort()).toEqual(['consent', 'name', 'phone']);
    expect(problems.find((p) => p.field === 'phone')?.message).toContain('11位');
    expect(await submit(form({ villageCode: '500114213' }))).toMatchObject({ error: { code: 'VILLAGE_NOT_FOUND' } });
  });

  it('should show a resident their own requests, by key or by openid, and nobody else', async () => {
    const byKey = form();
    const { request: keyed } = await submit(byKey);
    const { request: wechat } = await submit(form(), 'o-resident-wechat');

    expect((await mine([byKey.key as string])).items.map((i) => i.ref)).toEqual([keyed.ref]);
    expect((await mine([], 'o-resident-wechat')).items.map((i) => i.ref)).toEqual([wechat.ref]);
    expect((await mine([byKey.key as string], 'o-resident-wechat')).items.map((i) => i.ref).sort()).toEqual([keyed.ref, wechat.ref].sort());
    expect((await mine([newKey()])).items).toEqual([]);
    expect((await mine([], 'o-resident-other')).items).toEqual([]);
    expect(Object.keys((await mine([byKey.key as string])).items[0]).sort()).toEqual(['createdAt', 'kind', 'ref', 'state', 'updatedAt', 'villageName']);
  });
});

describe("the village's queue", () => {
  it('should show a request to its village mediator, cadre and township admin, not to another village', async () => {
    const { request } = await submit(form());
    const seen = async (openid: string) => (await queue(openid)).items.some((i) => i.ref === request.ref);
    expect(await seen(DEMO.mediator)).toBe(true);
    expect(await seen(DEMO.cadre)).toBe(true);
    expect(await seen(DEMO.admin)).toBe(true);
    expect(await seen(MEDIATOR_2)).toBe(false);
    const item = (await queue(DEMO.mediator)).items.find((i) => i.ref === request.ref);
    expect(item).toMatchObject({ name: '王秀兰', phone: '13908123456', villageName: '白土村', state: '待处理' });
    expect(await queue(DEMO.villageWorker)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await queue(DEMO.county)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await stack.call('requests', { action: 'queue' })).toMatchObject({ error: { code: 'NOT_BOUND' } });
  });

  it('should turn a mediation request into one 矛盾纠纷 case however often it is asked, and the resident should see it', async () => {
    const resident = form();
    const { request } = await submit(resident);
    const mediator = (await stack.call<SessionAnswer>('session', { action: 'whoami' }, DEMO.mediator)).me!;

    expect(await stack.call('requests', { action: 'convert', ref: request.ref }, MEDIATOR_2)).toMatchObject({ error: { code: 'OUT_OF_SCOPE' } });
    const accepted = await stack.call<QueueItemAnswer>('requests', { action: 'accept', ref: request.ref }, DEMO.mediator);
    expect(accepted.item.state).toBe('已受理');
    expect((await mine([resident.key as string])).items[0].state).toBe('已受理');

    const converted = await stack.call<ConvertAnswer>('requests', { action: 'convert', ref: request.ref, disputeType: '邻里' }, DEMO.mediator);
    const caseId = converted.case.id;
    expect(converted.case).toEqual({ kind: 'dispute', id: expect.stringMatching(/^REQ-[0-9a-f]{32}$/) });
    expect(converted.item).toMatchObject({ state: '已转为案件', caseKind: 'dispute', caseId, handlerName: mediator.name });
    const twice = await stack.call<ConvertAnswer>('requests', { action: 'convert', ref: request.ref, as: 'consultation' }, DEMO.mediator);
    expect(twice.case).toEqual(converted.case);

    const db = await stack.db();
    const disputes = (await db.collection('disputes').where({ _id: caseId }).get()).data;
    expect(disputes).toHaveLength(1);
    expect(disputes[0]).toMatchObject({
      orgCode: BAITU_VILLAGE,
      acceptDate: today,
      disputeType: '邻里',
      source: '当事人申请',
      state: '受理',
      parties: [{ name: '王秀兰', phone: '13908123456' }],
      recordedBy: DEMO.mediator,
      version: 1,
      deleted: false,
    });
    expect((await db.collection('consultations').where({ _id: caseId }).get()).data).toHaveLength(0);
    const history = (await db.collection('history').where({ collection: 'disputes', recordId: caseId }).get()).data;
    expect(history).toHaveLength(1);

    // A case like any other: the records function lets its handler read it in full.
    const record = await stack.call<{ record: Record<string, unknown> }>('records', { action: 'get', kind: 'dispute', id: caseId }, DEMO.mediator);
    expect(record.record).toMatchObject({ state: '受理', masked: false });

    expect((await mine([resident.key as string])).items[0].state).toBe('已转为案件');
    const closed = await stack.call<QueueItemAnswer>('requests', { action: 'close', ref: request.ref }, DEMO.mediator);
    expect(closed.item.state).toBe('已办结');
    expect(await stack.call('requests', { action: 'accept', ref: request.ref }, DEMO.mediator)).toMatchObject({ error: { code: 'REQUEST_STATE_CHANGED' } });
  });

  it('should turn a consultation request into a 法律咨询 answered by the converter', async () => {
    const { request } = await submit(form({ kind: '咨询' }));
    const converted = await stack.call<ConvertAnswer>('requests', { action: 'convert', ref: request.ref, category: '邻里关系' }, DEMO.cadre);
    expect(converted.case.kind).toBe('consultation');
    const db = await stack.db();
    const [record] = (await db.collection('consultations').where({ _id: converted.case.id }).get()).data;
    expect(record).toMatchObject({ date: today, category: '邻里关系', people: 1, answeredBy: expect.any(String), orgCode: BAITU_VILLAGE });
  });
});

describe("the township admin's published information", () => {
  it('should publish a phone only when the admin turns it on, and write the change to the history', async () => {
    const contacts = await stack.call<{ items: { personId: string; name: string; phone?: string; publishPhone: boolean }[] }>(
      'requests',
      { action: 'contacts' },
      DEMO.admin,
    );
    const liu = contacts.items.find((c) => c.name === '刘芳春')!;
    expect(liu).toMatchObject({ phone: '13823130030', publishPhone: false });

    await stack.call('requests', { action: 'setContact', personId: liu.personId, publishPhone: true }, DEMO.admin);
    let page = await stack.call<VillageAnswer>('public', { action: 'village', code: BAITU_VILLAGE });
    expect(page.mediators).toContainEqual({ name: '刘芳春', phone: '13823130030' });

    await stack.call('requests', { action: 'setContact', personId: liu.personId, publishPhone: false }, DEMO.admin);
    page = await stack.call<VillageAnswer>('public', { action: 'village', code: BAITU_VILLAGE });
    expect(page.mediators).toContainEqual({ name: '刘芳春' });

    const db = await stack.db();
    const history = (await db.collection('history').where({ collection: 'people', recordId: liu.personId }).get()).data;
    expect(history.length).toBe(2);
    expect(await stack.call('requests', { action: 'setContact', personId: liu.personId, publishPhone: true }, DEMO.mediator)).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });

  it('should publish an article to every village of the township, and version its edits', async () => {
    const article = {
      id: 'itest-article-0001',
      orgCode: '500114213',
      title: '赡养老人是子女的法定义务',
      category: '婚姻家庭',
      date: today,
      body: '民法典第一千零六十七条……',
      published: true,
    };
    const saved = await stack.call<{ item: { version: number } }>('requests', { action: 'saveArticle', article }, DEMO.admin);
    expect(saved.item.version).toBe(1);
    expect((await stack.call<{ item: { version: number } }>('requests', { action: 'saveArticle', article }, DEMO.admin)).item.version).toBe(1);
    const page = await stack.call<VillageAnswer>('public', { action: 'village', code: '500114213205' });
    expect(page.articles[0]).toEqual({ id: article.id, title: article.title, category: '婚姻家庭', date: today });

    const edited = await stack.call<{ item: { version: number } }>(
      'requests',
      { action: 'saveArticle', article: { ...article, published: false } },
      DEMO.admin,
    );
    expect(edited.item.version).toBe(2);
    expect(await stack.call('public', { action: 'article', id: article.id })).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await stack.call('requests', { action: 'saveArticle', article }, DEMO.cadre)).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});
