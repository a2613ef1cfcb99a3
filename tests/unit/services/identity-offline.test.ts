import { taro } from './taro-mock';

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: require('./taro-mock').taro }));

import { whoamiOrLast } from '../../../src/services/api';

const me = { personId: 'p1', name: '张三', role: '法律明白人', org: { code: '520000000001', name: '大寨村', level: '村' } };

beforeAll(() => {
  process.env.TARO_ENV = 'h5';
});
beforeEach(() => taro.storage.clear());

describe('who am I without a signal', () => {
  it('should remember the identity while online and use it when the network is gone', async () => {
    taro.storage.set('fazhi.dev.openid', 'o-1');
    taro.request.mockResolvedValueOnce({ statusCode: 200, data: { result: { me } } });
    await expect(whoamiOrLast()).resolves.toEqual({ me, offline: false });
    taro.request.mockRejectedValueOnce(new Error('net::ERR_INTERNET_DISCONNECTED'));
    await expect(whoamiOrLast()).resolves.toEqual({ me, offline: true });
  });

  it('should not lend one dev identity the remembered identity of another', async () => {
    taro.storage.set('fazhi.dev.openid', 'o-1');
    taro.request.mockResolvedValueOnce({ statusCode: 200, data: { result: { me } } });
    await whoamiOrLast();
    taro.storage.set('fazhi.dev.openid', 'o-2');
    taro.request.mockRejectedValueOnce(new Error('offline'));
    await expect(whoamiOrLast()).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('should not hide a server error behind the remembered identity', async () => {
    taro.request.mockResolvedValueOnce({ statusCode: 200, data: { result: { me } } });
    await whoamiOrLast();
    taro.request.mockResolvedValueOnce({ statusCode: 200, data: { result: { error: { code: 'NOT_BOUND', message: '未绑定' } } } });
    await expect(whoamiOrLast()).rejects.toMatchObject({ code: 'NOT_BOUND' });
  });
});
