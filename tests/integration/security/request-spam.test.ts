/**
 * Anonymous request spam (issue 12, item 6): 400 anonymous `public.submit` were accepted and the
 * handlers' queue showed only the newest 200, so a genuine earlier request disappeared. Now submits
 * are limited per caller and per village per hour with a Chinese message, the queue pages and
 * filters, and the same phone + text again within a day is flagged as a repeat.
 */
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import type { Answer } from '../../helpers/records-world';
import type { QueueItem, SubmitAnswer } from '../../../src/domain/public/types';
import { SUBMITS_PER_CALLER, SUBMITS_PER_VILLAGE } from '../../../cloudfunctions/lib/public/submit-limits';

let stack: AppStack;

beforeAll(async () => {
  stack = await startAppStack();
}, 60000);
afterAll(() => stack?.stop());

let keys = 0;
const key = () => `spamtestkey${String(Date.now()).slice(-8)}${String(++keys).padStart(6, '0')}`;
const form = (villageCode: string, overrides: Record<string, unknown> = {}) => ({
  key: key(),
  kind: '调解',
  villageCode,
  name: '王秀兰',
  phone: `139${String(10000000 + keys).slice(-8)}`,
  description: `第${keys}件事：邻居家修房子把排水沟堵了`,
  consent: true,
  ...overrides,
});
const submit = (request: Record<string, unknown>, openid?: string) => stack.call<SubmitAnswer & Answer>('public', { action: 'submit', request }, openid);
interface Page {
  items: QueueItem[];
  total: number;
  offset: number;
  limit: number;
}
const queue = (query: Record<string, unknown>, openid = DEMO.admin) => stack.call<Page & Answer>('requests', { action: 'queue', ...query }, openid);

describe('a flood of anonymous requests to one village', () => {
  const VILLAGE = '500114213202';
  let genuine = '';

  it('should accept the village its hourly share, then refuse with a Chinese message naming 12348', async () => {
    genuine = (await submit(form(VILLAGE, { name: '刘真实', description: '我家承包地被占了，想请调解员帮忙' }))).request.ref;
    const answers: Answer[] = [];
    for (let i = 0; i < SUBMITS_PER_VILLAGE.max + 5; i += 1) answers.push(await submit(form(VILLAGE)));
    const refused = answers.filter((answer) => answer.error);
    expect(refused).toHaveLength(6);
    for (const answer of refused) {
      expect(answer.error?.code).toBe('TOO_MANY_ATTEMPTS');
      expect(answer.error?.message).toContain('12348');
    }
    // Another village is not affected.
    expect((await submit(form('500114213203'))).error).toBeUndefined();
  });

  it('should let the handler page through the queue and filter it, finding the genuine request', async () => {
    const first = await queue({ village: VILLAGE, limit: 10 });
    expect(first.total).toBe(SUBMITS_PER_VILLAGE.max);
    expect(first.items).toHaveLength(10);
    const seen: QueueItem[] = [];
    for (let offset = 0; offset < first.total; offset += 10) seen.push(...(await queue({ village: VILLAGE, offset, limit: 10 })).items);
    expect(new Set(seen.map((item) => item.ref)).size).toBe(first.total);
    expect(seen.map((item) => item.ref)).toContain(genuine);
    expect(seen.every((item) => item.villageCode === VILLAGE)).toBe(true);
    const consults = await queue({ kind: '咨询' });
    expect(consults.items.every((item) => item.kind === '咨询')).toBe(true);
    const waiting = await queue({ state: '待处理', village: VILLAGE, limit: 100 });
    expect(waiting.total).toBe(first.total);
  });
});

describe('one caller sending many requests', () => {
  it('should refuse an openid after its hourly share', async () => {
    const answers: Answer[] = [];
    for (let i = 0; i < SUBMITS_PER_CALLER.max + 2; i += 1) answers.push(await submit(form('500114213204'), 'o-spam-resident'));
    expect(answers.map((answer) => answer.error?.code ?? 'ok')).toEqual([
      ...Array(SUBMITS_PER_CALLER.max).fill('ok'),
      'TOO_MANY_ATTEMPTS',
      'TOO_MANY_ATTEMPTS',
    ]);
    // A resend of an accepted request is the same request, not a new one: still answered.
    const again = await submit(form('500114213205'), 'o-other-resident');
    expect(again.error).toBeUndefined();
  });
});

describe('the same phone and text again within a day', () => {
  it('should be flagged as a repeat of the first in the queue', async () => {
    const text = { phone: '13700001111', description: '同一件事又来问一次：排水沟堵了' };
    const one = await submit(form('500114213206', text));
    const two = await submit(form('500114213206', text));
    const other = await submit(form('500114213206', { phone: '13700001111', description: '另一件事：宅基地界线' }));
    const { items } = await queue({ village: '500114213206', limit: 100 });
    const byRef = new Map(items.map((item) => [item.ref, item]));
    expect(byRef.get(two.request.ref)?.repeatOf).toBe(one.request.ref);
    expect(byRef.get(one.request.ref)?.repeatOf).toBeUndefined();
    expect(byRef.get(other.request.ref)?.repeatOf).toBeUndefined();
  });
});
