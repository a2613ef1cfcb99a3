/**
 * A cheap call never queues behind heavy ones (issue 12 item 14: 16 concurrent county
 * `console.byMonth` calls pushed other people's `whoami` to seconds). The heavy calls here are the
 * fixture `sleepy` (a second each, once it is known to be slow), the cheap one `whoami`; asserted by
 * the order in which answers arrive, not by absolute times.
 */
import { join } from 'node:path';
import { startGatewayProcess, type GatewayProcess } from '../../helpers/gateway';

const HEAVY_MS = 1000;
let gw: GatewayProcess;

beforeAll(async () => {
  // Four warm workers, as the attack found it (the default pool grows to four).
  gw = await startGatewayProcess({ functionsDir: join(__dirname, 'fixtures', 'functions'), args: ['--workers', '4:4'] });
  // Each kind of call once, so the host has seen how long each takes.
  await Promise.all([call('sleepy', { ms: HEAVY_MS }, 'o-warm'), call('whoami', {}, 'o-warm')]);
}, 30000);

afterAll(async () => {
  await gw?.dispose();
});

async function call(name: string, data: unknown, openid: string): Promise<void> {
  const res = await fetch(`${gw.url}/api/fn/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fazhi-openid': openid },
    body: JSON.stringify({ data }),
  });
  expect(res.status).toBe(200);
  await res.json();
}

/** 16 heavy calls from `callers`, then a cheap one from someone else: where its answer lands among theirs. */
async function cheapAnswerPosition(callers: (i: number) => string): Promise<number> {
  const order: string[] = [];
  const heavy = Array.from({ length: 16 }, (_, i) => call('sleepy', { ms: HEAVY_MS }, callers(i)).then(() => order.push('heavy')));
  await new Promise((ok) => setTimeout(ok, 150));
  const cheap = call('whoami', {}, 'o-villager').then(() => order.push('cheap'));
  await Promise.all([...heavy, cheap]);
  expect(order).toHaveLength(17);
  return order.indexOf('cheap');
}

test('whoami answers before the first heavy wave ends when one county viewer sends 16 heavy calls', async () => {
  expect(await cheapAnswerPosition(() => 'o-county')).toBeLessThan(4);
}, 60000);

test('whoami answers before the first heavy wave ends when 16 viewers send one heavy call each', async () => {
  expect(await cheapAnswerPosition((i) => `o-county-${i}`)).toBeLessThan(4);
}, 60000);
