import { wxApiConfig } from '../../../cloudfunctions/lib/wx-open-api';
import { AppError } from '../../../cloudfunctions/lib/errors';

describe("the WeChat server API's configuration", () => {
  const full = { FAZHI_WX_API_BASE: 'https://api.weixin.qq.com/', FAZHI_WX_APPID: 'wx0123456789abcdef', FAZHI_WX_SECRET: 's' };

  it('should name every missing variable in Chinese, and make no call', () => {
    expect(() => wxApiConfig({ FAZHI_WX_API_BASE: 'https://api.weixin.qq.com' })).toThrow(
      new AppError('WX_NOT_CONFIGURED', '小程序接口未配置：云函数缺少环境变量 FAZHI_WX_APPID、FAZHI_WX_SECRET，请管理员按 DEPLOY.md 配置后重试'),
    );
    expect(() => wxApiConfig({ ...full, FAZHI_WX_SECRET: '  ' })).toThrow(/FAZHI_WX_SECRET/);
  });

  it('should open the released version unless told otherwise, and refuse an unknown version', () => {
    expect(wxApiConfig(full)).toEqual({ baseUrl: 'https://api.weixin.qq.com', appId: 'wx0123456789abcdef', secret: 's', envVersion: 'release' });
    expect(wxApiConfig({ ...full, FAZHI_WX_ENV_VERSION: 'trial' }).envVersion).toBe('trial');
    expect(() => wxApiConfig({ ...full, FAZHI_WX_ENV_VERSION: 'beta' })).toThrow(/FAZHI_WX_ENV_VERSION/);
  });
});
