import { taro } from './taro-mock';

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: require('./taro-mock').taro }));

import { ApiError, NETWORK_MESSAGE } from '../../../src/services/errors';
import { clearDevIdentity, setDevIdentity } from '../../../src/services/identity';
import { callFunction, initTransport, NO_CLOUD_ENV_MESSAGE } from '../../../src/services/transport';

const ORIGINAL_ENV = process.env.TARO_ENV;

beforeEach(() => {
  jest.clearAllMocks();
  taro.storage.clear();
});
afterAll(() => {
  process.env.TARO_ENV = ORIGINAL_ENV;
});

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected a rejection');
}

describe('transport on weapp', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
    process.env.FAZHI_CLOUD_ENV = 'fazhi-county-1a2b';
  });
  afterAll(() => {
    delete process.env.FAZHI_CLOUD_ENV;
  });

  it('should initialise CloudBase once at start, on the environment named at build time', () => {
    initTransport();
    expect(taro.cloud.init).toHaveBeenCalledWith(expect.objectContaining({ env: 'fazhi-county-1a2b' }));
  });

  it('should not fall back to some environment when the build named none, and say so on every call', async () => {
    delete process.env.FAZHI_CLOUD_ENV;
    initTransport();
    expect(taro.cloud.init).not.toHaveBeenCalled();
    const error = await caught(callFunction('session', { action: 'whoami' }));
    expect(error).toMatchObject({ code: 'NO_CLOUD_ENV', message: NO_CLOUD_ENV_MESSAGE });
    expect(taro.cloud.callFunction).not.toHaveBeenCalled();
  });

  it('should call the cloud function and answer its result', async () => {
    taro.cloud.callFunction.mockResolvedValue({ result: { me: null } });
    await expect(callFunction('session', { action: 'whoami' })).resolves.toEqual({ me: null });
    expect(taro.cloud.callFunction).toHaveBeenCalledWith({ name: 'session', data: { action: 'whoami' } });
    expect(taro.request).not.toHaveBeenCalled();
  });

  it('should turn an error answer into an ApiError with its code, message and problems', async () => {
    const problems = [{ field: 'attendees', message: '受众人数不能小于0' }];
    taro.cloud.callFunction.mockResolvedValue({ result: { error: { code: 'INVALID', message: '请按提示修改', problems } } });
    const error = await caught(callFunction('records', { action: 'todo' }));
    expect(error).toMatchObject({ code: 'INVALID', message: '请按提示修改', problems });
  });

  it('should keep the current version a conflict answer carries, to edit again from it', async () => {
    taro.cloud.callFunction.mockResolvedValue({ result: { error: { code: 'CONFLICT', message: '已被别人修改', currentVersion: 4 } } });
    const error = await caught(callFunction('records', { action: 'update', kind: 'outreach', record: {}, baseVersion: 3 }));
    expect(error).toMatchObject({ code: 'CONFLICT', currentVersion: 4 });
  });

  it('should report a failed call as a network problem in Chinese', async () => {
    taro.cloud.callFunction.mockRejectedValue({ errMsg: 'cloud.callFunction:fail timeout' });
    const error = await caught(callFunction('session', { action: 'whoami' }));
    expect(error).toMatchObject({ code: 'NETWORK', message: NETWORK_MESSAGE });
  });
});

describe('transport on h5 (the local stack)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
  });

  it('should not initialise CloudBase', () => {
    initTransport();
    expect(taro.cloud.init).not.toHaveBeenCalled();
  });

  it('should POST to the gateway with the dev identity and answer the result', async () => {
    setDevIdentity('dev-openid-1');
    taro.request.mockResolvedValue({ statusCode: 200, data: { result: { items: [] } } });
    await expect(callFunction('records', { action: 'listMine', kind: 'outreach' })).resolves.toEqual({ items: [] });
    const options = taro.request.mock.calls[0][0];
    expect(options).toMatchObject({
      url: '/api/fn/records',
      method: 'POST',
      data: { data: { action: 'listMine', kind: 'outreach' } },
    });
    expect(options.header['x-fazhi-openid']).toBe('dev-openid-1');
    expect(taro.cloud.callFunction).not.toHaveBeenCalled();
  });

  it('should send no identity header for a resident', async () => {
    clearDevIdentity();
    taro.request.mockResolvedValue({ statusCode: 200, data: { result: { me: null } } });
    await callFunction('session', { action: 'whoami' });
    expect(taro.request.mock.calls[0][0].header).not.toHaveProperty('x-fazhi-openid');
  });

  it('should turn an error answer into an ApiError', async () => {
    taro.request.mockResolvedValue({
      statusCode: 200,
      data: { result: { error: { code: 'FORBIDDEN', message: '没有权限' } } },
    });
    const error = await caught(callFunction('records', { action: 'todo' }));
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: '没有权限', problems: [] });
  });

  it('should throw when the gateway answers an error body', async () => {
    taro.request.mockResolvedValue({ statusCode: 500, data: { error: 'TypeError: x is undefined' } });
    const error = await caught(callFunction('records', { action: 'todo' }));
    expect(error.code).toBe('SERVER');
    expect(error.message).not.toContain('TypeError');
  });

  it('should report an unreachable gateway as a network problem in Chinese', async () => {
    taro.request.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = await caught(callFunction('session', { action: 'whoami' }));
    expect(error).toMatchObject({ code: 'NETWORK', message: '网络不可用，请稍后重试' });
  });
});
