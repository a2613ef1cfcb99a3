/**
 * cloudbaserc.json as deployed: every function on CloudBase's Node.js 20 runtime (what the bundles
 * target), with a time limit and memory of its own, and each time limit above the SDK's request
 * timeout, so a hung database call fails with an answer instead of the function being killed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SDK_REQUEST_TIMEOUT_MS } from '../../../cloudfunctions/lib/cloudbase';
import { functionNames } from '../../../scripts/functions-list';

interface FunctionConfig {
  name: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  envVariables?: Record<string, string>;
}
const rc = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'cloudbaserc.json'), 'utf8')) as { envId: string; functions: FunctionConfig[] };

describe('cloudbaserc.json', () => {
  it('should name no environment of its own: ENV_ID decides at deploy time', () => {
    expect(rc.envId).toBe('{{env.ENV_ID}}');
  });

  it.each(functionNames())('%s: Node.js 20, its own memory, a time limit above the SDK request timeout', (name) => {
    const fn = rc.functions.find((f) => f.name === name) as FunctionConfig;
    expect(fn.runtime).toBe('Nodejs20.19');
    expect([128, 256, 512, 1024, 2048]).toContain(fn.memorySize);
    expect(fn.timeout).toBeLessThanOrEqual(60);
    expect(fn.timeout * 1000).toBeGreaterThanOrEqual(2 * SDK_REQUEST_TIMEOUT_MS);
  });

  it("should give the functions that call WeChat's server API its address, and the secret only from .env.local", () => {
    const requests = rc.functions.find((f) => f.name === 'requests') as FunctionConfig;
    expect(requests.envVariables).toEqual({
      FAZHI_WX_API_BASE: 'https://api.weixin.qq.com',
      FAZHI_WX_APPID: '{{env.FAZHI_WEAPP_APPID}}',
      FAZHI_WX_SECRET: '{{env.FAZHI_WX_SECRET}}',
      FAZHI_WX_ENV_VERSION: 'release',
    });
  });
});
