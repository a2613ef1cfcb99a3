/**
 * The app-stack suites call the functions in the test process (tests/helpers/in-process-functions.ts)
 * instead of through the gateway's POST /api/fn: that is only sound while both give the same answers
 * to the same callers — also when calls overlap, as they do in a pool of workers, where each call
 * must still run as its own caller.
 */
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import type { SessionAnswer } from '../../../src/domain/api';

let stack: AppStack;

beforeAll(async () => {
  stack = await startAppStack();
}, 60000);
afterAll(() => stack?.stop());

/** As the H5 app calls a function: the gateway runs it in one of its worker processes. */
async function throughGateway<T>(name: string, data: unknown, openid?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (openid) headers['x-fazhi-openid'] = openid;
  const res = await fetch(`${stack.gateway.url}/api/fn/${name}`, { method: 'POST', headers, body: JSON.stringify({ data }) });
  return ((await res.json()) as { result: T }).result;
}

const CALLERS = [DEMO.admin, undefined, DEMO.cadre, DEMO.mediator, DEMO.villageWorker, DEMO.county, 'o-nobody-bound'];

it('should answer overlapping calls each as its own caller, as the gateway does', async () => {
  const expected = await Promise.all(CALLERS.map((openid) => throughGateway<SessionAnswer>('session', { action: 'whoami' }, openid)));
  expect(new Set(expected.map((answer) => JSON.stringify(answer))).size).toBe(CALLERS.length - 1);
  const rounds = Array.from({ length: 4 }, () => CALLERS).flat();
  const answers = await Promise.all(rounds.map((openid) => stack.call<SessionAnswer>('session', { action: 'whoami' }, openid)));
  expect(answers).toEqual(rounds.map((_, i) => expected[i % CALLERS.length]));
});

it('should answer errors and an empty event as the gateway does', async () => {
  for (const [name, data, openid] of [
    ['records', { action: 'nonsense' }, DEMO.admin],
    ['records', { action: 'todo' }, undefined],
    ['session', undefined, DEMO.cadre],
    ['figures', { action: 'get', period: 'not a period' }, DEMO.admin],
  ] as const) {
    expect(await stack.call(name, data, openid)).toEqual(await throughGateway(name, data, openid));
  }
});
