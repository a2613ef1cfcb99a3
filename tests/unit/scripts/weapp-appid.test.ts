import { appidConfig } from '../../../scripts/weapp-appid';

describe('the appid of a weapp build', () => {
  it('should stay touristappid when no appid is given (local preview)', () => {
    const outcome = appidConfig({}, {});
    expect(outcome).toMatchObject({ ok: true, config: null });
    expect(outcome.message).toContain('touristappid');
  });

  it('should write the appid over the private config, keeping its other settings', () => {
    const outcome = appidConfig({ FAZHI_WEAPP_APPID: 'wx0123456789abcdef', FAZHI_CLOUD_ENV: 'fazhi-1a2b' }, { setting: { compileHotReLoad: true } });
    expect(outcome).toEqual({
      ok: true,
      config: { setting: { compileHotReLoad: true }, appid: 'wx0123456789abcdef' },
      message: expect.stringContaining('fazhi-1a2b'),
    });
  });

  it('should refuse a malformed appid, and a release build without a cloud environment', () => {
    expect(appidConfig({ FAZHI_WEAPP_APPID: 'touristappid', FAZHI_CLOUD_ENV: 'x' }, {})).toMatchObject({ ok: false });
    expect(appidConfig({ FAZHI_WEAPP_APPID: 'wx0123456789abcdef' }, {})).toMatchObject({ ok: false, message: expect.stringContaining('FAZHI_CLOUD_ENV') });
  });
});
