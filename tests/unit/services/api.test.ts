import { taro } from './taro-mock';

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: require('./taro-mock').taro }));

import { getFigures, listMine, saveRecord, whoami } from '../../../src/services/api';

function answer(result: unknown) {
  taro.request.mockResolvedValueOnce({ statusCode: 200, data: { result } });
}
const sent = () => taro.request.mock.calls.at(-1)[0];

beforeAll(() => {
  process.env.TARO_ENV = 'h5';
});

describe('api', () => {
  it('should ask the session function who the caller is', async () => {
    const me = { personId: 'p1', name: '张三', role: '法律明白人', org: { code: '520000000001', name: '大寨村', level: '村' } };
    answer({ me });
    await expect(whoami()).resolves.toEqual(me);
    expect(sent()).toMatchObject({ url: '/api/fn/session', data: { data: { action: 'whoami' } } });
  });

  it('should treat a caller with no identity as a resident (null)', async () => {
    answer({ me: null });
    await expect(whoami()).resolves.toBeNull();
  });

  it('should create a record through the records function', async () => {
    const record = {
      id: 'abcdefabcdefabcdefabcdef',
      orgCode: '520000000001',
      date: '2024-03-05',
      type: '赶集日集中宣传' as const,
      venue: '集市' as const,
      attendees: 120,
      materials: 300,
      banners: 2,
      consultations: 15,
    };
    answer({ record: { ...record, orgName: '大寨村', recordedBy: '张三', recordedAt: 'x', version: 1 } });
    await expect(saveRecord('outreach', record)).resolves.toMatchObject({ id: record.id, version: 1 });
    expect(sent().data).toEqual({ data: { action: 'create', kind: 'outreach', record } });
  });

  it('should edit a record on the version it was made on', async () => {
    const record = { id: 'abcdefabcdefabcdefabcdef', orgCode: '520000000001', date: '2024-03-05' };
    answer({ record: { ...record, orgName: '大寨村', recordedBy: '张三', recordedAt: 'x', version: 3 } });
    await expect(saveRecord('outreach', record, 2)).resolves.toMatchObject({ version: 3 });
    expect(sent().data).toEqual({ data: { action: 'update', kind: 'outreach', record, baseVersion: 2 } });
  });

  it('should list my records of a kind', async () => {
    answer({ items: [] });
    await expect(listMine('outreach')).resolves.toEqual([]);
    expect(sent().data).toEqual({ data: { action: 'listMine', kind: 'outreach' } });
  });

  it('should ask the figures function for a period', async () => {
    answer({ org: '520000000', period: '2024', figures: { 'outreach.events': 21 } });
    const request = { action: 'get' as const, period: '2024', ids: ['outreach.events'] };
    await expect(getFigures(request)).resolves.toMatchObject({ figures: { 'outreach.events': 21 } });
    expect(sent()).toMatchObject({ url: '/api/fn/figures', data: { data: request } });
  });
});
