/** Township admins manage their units: a new village counts at once, a rename keeps its place. */
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { beijingDate } from '../../../src/domain/dates';
import type { FiguresAnswer } from '../../../src/domain/api';

let stack: AppStack;
const year = beijingDate(new Date()).slice(0, 4);
const NEW_VILLAGE = '500114213208';

beforeAll(async () => {
  stack = await startAppStack();
}, 60000);
afterAll(() => stack?.stop());

const saveOrg = (org: unknown, openid?: string) => stack.call('admin', { action: 'saveOrg', org }, openid);
const villages = async () =>
  (await stack.call<FiguresAnswer>('figures', { action: 'get', period: year, ids: ['org.villages'] }, DEMO.admin)).figures['org.villages'];

describe('managing units', () => {
  it('should let the township admin add a village that counts in the township at once', async () => {
    const before = await villages();
    const answer = await saveOrg({ code: NEW_VILLAGE, name: '新建村', level: '村', parentCode: '500114213' }, DEMO.admin);
    expect(answer).toEqual({ org: { code: NEW_VILLAGE, name: '新建村', level: '村' } });
    expect(await villages()).toBe((before ?? 0) + 1);
    const stored = (await (await stack.db()).collection('orgs').doc(NEW_VILLAGE).get()).data[0];
    expect(stored.path).toEqual(['500114', '500114213', NEW_VILLAGE]);
  });

  it('should rename a village, keep its place, and keep the change in history', async () => {
    await saveOrg({ code: NEW_VILLAGE, name: '新建社区', level: '村', parentCode: '500114213' }, DEMO.admin);
    const db = await stack.db();
    expect((await db.collection('orgs').doc(NEW_VILLAGE).get()).data[0].name).toBe('新建社区');
    const history = (await db.collection('history').where({ collection: 'orgs', recordId: NEW_VILLAGE }).get()).data;
    expect(history.map((entry: { action: string }) => entry.action).sort()).toEqual(['create', 'update']);
  });

  it('should refuse moving a unit out of the township, a village under a village, and units out of scope', async () => {
    expect(await saveOrg({ code: NEW_VILLAGE, name: '新建社区', level: '村', parentCode: '500114' }, DEMO.admin)).toMatchObject({
      error: { code: 'OUT_OF_SCOPE' },
    });
    expect(await saveOrg({ code: '500114213299', name: '错层村', level: '村', parentCode: '500114213201' }, DEMO.admin)).toMatchObject({
      error: { code: 'INVALID_RECORD' },
    });
    expect(await saveOrg({ code: '500114299201', name: '外乡村', level: '村', parentCode: '500114' }, DEMO.admin)).toMatchObject({
      error: { code: 'OUT_OF_SCOPE' },
    });
    const db = await stack.db();
    expect((await db.collection('orgs').doc(NEW_VILLAGE).get()).data[0].parentCode).toBe('500114213');
    expect((await db.collection('orgs').doc('500114213299').get()).data).toHaveLength(0);
    expect((await db.collection('orgs').doc('500114299201').get()).data).toHaveLength(0);
  });

  it('should leave units to township admins alone', async () => {
    for (const openid of [DEMO.villageWorker, DEMO.mediator, DEMO.cadre, DEMO.county]) {
      expect(await saveOrg({ code: '500114213277', name: '某村', level: '村', parentCode: '500114213' }, openid)).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(await saveOrg({ code: '500114213277', name: '某村', level: '村', parentCode: '500114213' })).toMatchObject({ error: { code: 'NOT_BOUND' } });
  });
});
