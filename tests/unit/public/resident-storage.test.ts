// jest.mock is hoisted above imports, so the stand-in must be required inside it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: require('../services/taro-mock').taro }));

import { taro } from '../services/taro-mock';
import {
  MAX_KEPT_KEYS,
  PUBLIC_STORAGE_KEYS,
  isElderMode,
  keptRequestKeys,
  myRequests,
  rememberVillage,
  rememberedVillage,
  requirePrivacyConsent,
  setElderMode,
  submitRequest,
  withKey,
} from '../../../src/services/public';

beforeEach(() => {
  taro.storage.clear();
  taro.request.mockReset();
});

describe('what a resident phone remembers', () => {
  it('should remember the village and 长辈模式', () => {
    expect(rememberedVillage()).toBeUndefined();
    rememberVillage({ code: '500114213201', name: '白土村' });
    expect(rememberedVillage()).toEqual({ code: '500114213201', name: '白土村' });
    expect(isElderMode()).toBe(false);
    setElderMode(true);
    expect(isElderMode()).toBe(true);
    setElderMode(false);
    expect(isElderMode()).toBe(false);
  });

  it('should keep request keys newest first, without repeats, up to a limit', () => {
    const keys = Array.from({ length: MAX_KEPT_KEYS + 5 }, (_, i) => `key-${String(i).padStart(20, '0')}`);
    const kept = keys.reduce<string[]>((list, key) => withKey(list, key), []);
    expect(kept).toHaveLength(MAX_KEPT_KEYS);
    expect(kept[0]).toBe(keys[keys.length - 1]);
    expect(withKey(['b', 'a'], 'a')).toEqual(['a', 'b']);
  });

  it('should keep the key before sending, so a lost answer still shows in 我的求助', async () => {
    const key = 'abcdefghij0123456789klmn';
    taro.request.mockRejectedValueOnce(new Error('offline'));
    await expect(
      submitRequest({ key, kind: '咨询', villageCode: '500114213201', name: '李四', phone: '13900001111', description: '想咨询一下。', consent: true }),
    ).rejects.toMatchObject({ code: 'NETWORK' });
    expect(keptRequestKeys()).toEqual([key]);

    taro.request.mockResolvedValueOnce({ statusCode: 200, data: { result: { items: [] } } });
    await myRequests();
    expect(taro.request.mock.calls[1][0].data).toEqual({ data: { action: 'mine', keys: [key] } });
  });

  it('should ignore whatever else is stored under the keys entry', () => {
    taro.storage.set(PUBLIC_STORAGE_KEYS.requestKeys, ['ok-key-0123456789abcdef', 42, 'bad key']);
    expect(keptRequestKeys()).toEqual(['ok-key-0123456789abcdef']);
  });
});

describe("WeChat's privacy agreement", () => {
  const privacy = taro as unknown as { requirePrivacyAuthorize?: jest.Mock };
  afterEach(() => delete privacy.requirePrivacyAuthorize);

  it('should open the form only once the resident agreed', async () => {
    privacy.requirePrivacyAuthorize = jest.fn(({ success }: { success: () => void }) => success());
    await expect(requirePrivacyConsent()).resolves.toBe(true);
    privacy.requirePrivacyAuthorize = jest.fn(({ fail }: { fail: () => void }) => fail());
    await expect(requirePrivacyConsent()).resolves.toBe(false);
  });
});
