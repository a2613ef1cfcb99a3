// jest.mock is hoisted above imports, so the stand-in must be required inside it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: require('../services/taro-mock').taro }));

import { taro } from '../services/taro-mock';
import { subscribeTemplate } from '../../../src/services/public';

describe('subscribe messages outside WeChat', () => {
  it('should offer no subscription in the browser build and ask nothing of the server', async () => {
    expect(process.env.TARO_ENV).not.toBe('weapp');
    taro.request.mockReset();
    expect(await subscribeTemplate('answer')).toBe('');
    expect(await subscribeTemplate('deadline')).toBe('');
    expect(taro.request).not.toHaveBeenCalled();
  });
});
