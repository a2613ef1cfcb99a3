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

  const WX_API = {
    FAZHI_WX_API_BASE: 'https://api.weixin.qq.com',
    FAZHI_WX_APPID: '{{env.FAZHI_WEAPP_APPID}}',
    FAZHI_WX_SECRET: '{{env.FAZHI_WX_SECRET}}',
    FAZHI_WX_ENV_VERSION: 'release',
  };
  const TEMPLATES = { FAZHI_WX_TEMPLATE_ANSWER: '{{env.FAZHI_WX_TEMPLATE_ANSWER}}', FAZHI_WX_TEMPLATE_DEADLINE: '{{env.FAZHI_WX_TEMPLATE_DEADLINE}}' };

  it.each([
    ['requests', { ...WX_API, ...TEMPLATES }],
    ['reminders', { ...WX_API, ...TEMPLATES }],
    // A township's reminder (催报) is also a subscribe message to the village's people.
    ['supervision', { ...WX_API, ...TEMPLATES }],
    ['public', TEMPLATES],
  ])("%s: WeChat's server API and the templates from configuration, the secret only from .env.local", (name, expected) => {
    expect((rc.functions.find((f) => f.name === name) as FunctionConfig).envVariables).toEqual(expected);
  });

  it('reminders: run by a timer daily at 08:00 (CloudBase cron: 7 fields, Beijing time)', () => {
    const fn = rc.functions.find((f) => f.name === 'reminders') as FunctionConfig & { triggers?: unknown };
    expect(fn.triggers).toEqual([{ name: 'daily0800', type: 'timer', config: '0 0 8 * * * *' }]);
  });
});
