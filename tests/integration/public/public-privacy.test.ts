/**
 * The privacy scan of the issue: every answer of every `public` action, for every village of the demo
 * township — as an anonymous browser and as a WeChat resident — is searched for what must never be in
 * a public answer: parties' data (another resident's request, a case's parties), phones their owners
 * did not agree to publish, internal ids of people (roster ids), openids, and request keys or their
 * hashes. A positive control makes sure the scan would see a phone if one leaked.
 */
import { startAppStack, type AppStack } from '../../helpers/app-stack';
import type { VillageAnswer, TownshipsAnswer, SubmitAnswer } from '../../../src/domain/public/types';

let stack: AppStack;

beforeAll(async () => {
  stack = await startAppStack();
}, 60000);
afterAll(() => stack?.stop());

const OTHER = {
  key: 'privacyscan-other-resident-key-0001',
  name: '隐私测试甲',
  phone: '13711112222',
  description: '这是另一位村民的纠纷经过，绝不能出现在别人的答复里。',
};
const SCANNER = { key: 'privacyscan-scanner-key-000000001', openid: 'o-resident-scanner' };

/** Every answer a resident can get from `public`, for the whole township. */
async function collectAnswers(): Promise<{ label: string; answer: unknown }[]> {
  const answers: { label: string; answer: unknown }[] = [];
  const call = async (label: string, data: unknown, openid?: string) => {
    const answer = await stack.call<unknown>('public', data, openid);
    answers.push({ label, answer });
    return answer;
  };
  for (const openid of [undefined, SCANNER.openid]) {
    const who = openid ? 'wechat' : 'anonymous';
    const { townships } = (await call(`${who} townships`, { action: 'townships' }, openid)) as TownshipsAnswer;
    for (const village of townships.flatMap((t) => t.villages)) {
      const page = (await call(`${who} village ${village.code}`, { action: 'village', code: village.code }, openid)) as VillageAnswer;
      for (const article of page.articles) await call(`${who} article ${article.id}`, { action: 'article', id: article.id }, openid);
    }
    await call(`${who} unpublished article`, { action: 'article', id: 'demo-article-06' }, openid);
    await call(`${who} unknown village`, { action: 'village', code: '500114213299' }, openid);
    await call(`${who} mine`, { action: 'mine', keys: [SCANNER.key] }, openid);
    await call(`${who} mine, a guessed key`, { action: 'mine', keys: ['privacyscan-guessed-key-0000000001'] }, openid);
    await call(
      `${who} invalid submit`,
      { action: 'submit', request: { key: SCANNER.key, kind: '咨询', villageCode: '500114213201', name: '', phone: '1', description: '', consent: false } },
      openid,
    );
  }
  const submitted = (await call(
    'submit',
    {
      action: 'submit',
      request: {
        key: SCANNER.key,
        kind: '咨询',
        villageCode: '500114213202',
        name: '扫描者',
        phone: '13600001111',
        description: '想问问土地流转合同的事。',
        consent: true,
      },
    },
    SCANNER.openid,
  )) as SubmitAnswer;
  expect(submitted.request.ref).toMatch(/^ZX-/);
  await call('resend', {
    action: 'submit',
    request: {
      key: OTHER.key,
      kind: '调解',
      villageCode: '500114213201',
      name: '别人',
      phone: '13600002222',
      description: '用别人的编号重发不同的内容。',
      consent: true,
    },
  });
  await call('mine after submit', { action: 'mine', keys: [SCANNER.key] }, SCANNER.openid);
  return answers;
}

it('should let no party data, unpublished phone, person id, openid or request key out of any public answer', async () => {
  // Another resident asks for mediation, and a mediator turns it into a case with the resident as party.
  const other = await stack.call<SubmitAnswer>(
    'public',
    { action: 'submit', request: { ...OTHER, kind: '调解', villageCode: '500114213201', consent: true } },
    'o-resident-other',
  );
  await stack.call('requests', { action: 'convert', ref: other.request.ref }, 'o-demo-mediator');

  const db = await stack.db();
  const people = (await db.collection('people').limit(1000).get()).data as { _id: string; phone?: string; publishPhone?: boolean }[];
  const accounts = (await db.collection('accounts').limit(1000).get()).data as { _id: string }[];
  const requests = (await db.collection('requests').limit(1000).get()).data as { _id: string; tokenHash: string }[];
  const unpublishedPhones = people.filter((p) => p.phone && p.publishPhone !== true).map((p) => p.phone as string);
  const publishedPhones = people.filter((p) => p.phone && p.publishPhone === true).map((p) => p.phone as string);
  expect(unpublishedPhones.length).toBeGreaterThan(5);
  expect(publishedPhones.length).toBeGreaterThan(5);

  const forbidden: [string, string][] = [
    ...people.map((p): [string, string] => ['roster id', p._id]),
    ...unpublishedPhones.map((phone): [string, string] => ['unpublished phone', phone]),
    ...accounts.map((a): [string, string] => ['openid', a._id]),
    ['openid', 'o-resident-other'],
    ['openid', SCANNER.openid],
    ['party name', OTHER.name],
    ['party phone', OTHER.phone],
    ['party account', OTHER.description],
    ['request key', OTHER.key],
    ['request key', SCANNER.key],
    ...requests.map((r): [string, string] => ['key hash', r.tokenHash]),
  ];
  const FORBIDDEN_FIELDS = [
    '_id',
    'openid',
    'submitterOpenid',
    'tokenHash',
    'personId',
    'recordedBy',
    'handledBy',
    'handlerIds',
    'parties',
    'orgPath',
    'description',
  ];

  const answers = await collectAnswers();
  expect(answers.length).toBeGreaterThan(40);
  const leaks: string[] = [];
  for (const { label, answer } of answers) {
    const text = JSON.stringify(answer);
    for (const [what, value] of forbidden) if (text.includes(value)) leaks.push(`${label}: ${what} ${value}`);
    for (const field of FORBIDDEN_FIELDS) if (text.includes(`"${field}":`)) leaks.push(`${label}: field ${field}`);
  }
  expect(leaks).toEqual([]);

  // Positive control: the scan sees published phones, so it would see a leaked one.
  const everything = answers.map((a) => JSON.stringify(a.answer)).join('\n');
  expect(publishedPhones.some((phone) => everything.includes(phone))).toBe(true);
});
