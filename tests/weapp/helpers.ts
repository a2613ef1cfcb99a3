/**
 * One local stack (gateway with the real functions, demo township) per test file, and the mini-
 * programs a test launches on it. After each test every mini-program is killed, and anything it
 * logged as an error, threw, left unhandled or touched outside the runtime's `wx` fails the test.
 */
import { startAppStack, type AppStack } from '../helpers/app-stack';
import { MiniProgram, type LaunchOptions } from './runtime/mini-program';

export interface WeappEnv {
  stack: AppStack;
  launch(options: Omit<LaunchOptions, 'gatewayUrl'>): Promise<MiniProgram>;
}

export function weappStackForFile(): WeappEnv {
  let apps: MiniProgram[] = [];
  const env = {
    stack: undefined as unknown as AppStack,
    async launch(options: Omit<LaunchOptions, 'gatewayUrl'>) {
      const app = await MiniProgram.launch({ gatewayUrl: env.stack.gateway.url, ...options });
      apps.push(app);
      return app;
    },
  };
  beforeAll(async () => {
    env.stack = await startAppStack(new Date(), { functions: 'gateway' });
  }, 60000);
  afterAll(async () => {
    await env.stack?.stop();
  });
  afterEach(() => {
    const errors = apps.flatMap((app) => {
      app.kill();
      return app.errors;
    });
    apps = [];
    expect(errors).toEqual([]);
  });
  return env;
}

/** The outbox entries as the app keeps them in WeChat storage. */
export function outboxEntries(app: MiniProgram): { id: string; kind: string; status: string }[] {
  return [...app.device.storage]
    .filter(([key]) => key.startsWith('fazhi.outbox.e.'))
    .map(([, value]) => JSON.parse(value) as { id: string; kind: string; status: string; createdAt: number })
    .sort((a, b) => a.createdAt - b.createdAt);
}

/** A resident's 我要调解 as a person fills it in: name, phone, what happened, consent, send. */
export async function sendMediationRequest(app: MiniProgram): Promise<void> {
  await app.waitForText('您的姓名');
  await app.type('ask-name', '王秀兰');
  await app.type('ask-phone', '13908123456');
  await app.type('ask-description', '邻居修房子把排水沟堵了，下雨就淹到我家院坝。');
  await app.tap('ask-consent');
  await app.tap('ask-submit');
}
