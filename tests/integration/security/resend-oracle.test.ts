/**
 * The resend oracle (issue 12, item 3): `records.create` with an existing case's id used to answer OK
 * for identical content before checking permission and FORBIDDEN otherwise, so a 村干部 who does not
 * handle a case recovered a party's phone behind 138****5678 by trying every number. Now someone who
 * may not write a record gets the same refusal whatever the content, and refused writes are limited
 * per caller (counted in the database, so every function instance sees the same count).
 */
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { UNIT, buildWorld, recordOf, seed, type Answer } from '../../helpers/records-world';
import { REFUSED_WRITES } from '../../../cloudfunctions/lib/records/refusals';

let stack: AppStack;

beforeAll(async () => {
  stack = await startAppStack();
  await buildWorld(stack);
}, 60000);
afterAll(() => stack?.stop());

const PHONE = '13812345678';
const guess = (record: Record<string, unknown>, phone: string) => ({ ...record, parties: [{ name: '张建明', phone }] });
const create = (record: Record<string, unknown>, openid: string) => stack.call<Answer>('records', { action: 'create', kind: 'dispute', record }, openid);

describe('a 村干部 guessing the phone of a case he does not handle', () => {
  it('should answer the right guess exactly as a wrong one, and stop him after the limit of refused writes', async () => {
    const record = recordOf('dispute', UNIT.baituVillage, { parties: [{ name: '张建明', phone: PHONE }], description: '宅基地边界争执' });
    await seed(stack, DEMO.mediator, 'dispute', record);
    const seen = await stack.call<Answer>('records', { action: 'get', kind: 'dispute', id: record.id }, DEMO.cadre);
    expect(seen.record).toMatchObject({ masked: true, parties: [{ phone: '138****5678' }] });

    const right = await create(guess(record, PHONE), DEMO.cadre);
    const wrong = await create(guess(record, '13812340000'), DEMO.cadre);
    expect(right.error?.code).toBe('FORBIDDEN');
    expect(right).toEqual(wrong);

    // Guessing on: after the limit every write of his is refused, the right guess as the wrong ones.
    const answers: Answer[] = [];
    for (let i = 0; i < REFUSED_WRITES.max; i += 1) answers.push(await create(guess(record, `1381234${String(i).padStart(4, '0')}`), DEMO.cadre));
    const codes = answers.map((answer) => answer.error?.code);
    expect(codes.filter((code) => code === 'FORBIDDEN')).toHaveLength(REFUSED_WRITES.max - 2);
    expect(codes.slice(-2)).toEqual(['TOO_MANY_ATTEMPTS', 'TOO_MANY_ATTEMPTS']);
    const late = await create(guess(record, PHONE), DEMO.cadre);
    expect(late.error).toEqual(answers[answers.length - 1].error);
    expect(late.error?.message).toMatch(/太多|稍后|小时/);
    // Even his own new records wait until the hour is over; other people are not affected.
    expect((await create(recordOf('dispute', UNIT.baituVillage), DEMO.cadre)).error?.code).toBe('TOO_MANY_ATTEMPTS');
    expect((await create(recordOf('dispute', UNIT.baituVillage), DEMO.mediator)).error).toBeUndefined();

    // The case is as the mediator left it.
    const db = await stack.db();
    const stored = (await db.collection('disputes').doc(String(record.id)).get()).data[0];
    expect(stored).toMatchObject({ version: 1, parties: [{ name: '张建明', phone: PHONE }] });
  });
});
