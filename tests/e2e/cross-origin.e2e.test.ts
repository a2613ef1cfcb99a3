/**
 * An attack on a running local stack from a web page, in real Chromium (issue 12 item 7). The stack
 * runs as `npm run dev` has it (dev mode, demo township); the hostile page is served from another
 * loopback origin (another port), as any site the operator has open could be, and a second one
 * reaches the gateway's own port under a name that resolves to 127.0.0.1 (DNS rebinding). Neither
 * can read an answer, list the dev sign-in's openids, call a function, or plant an account.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { DEMO, startAppStack, type AppStack } from '../helpers/app-stack';
import { launchBrowser } from './helpers/browser';

const REBOUND = 'fazhi-rebind.test';
let stack: AppStack;
let browser: Browser;
let evil: Server;
let evilOrigin: string;

beforeAll(async () => {
  stack = await startAppStack(new Date(), { functions: 'gateway' });
  browser = await launchBrowser([`--host-resolver-rules=MAP ${REBOUND} 127.0.0.1`]);
  evil = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>抽奖</title><p>恭喜中奖</p>');
  });
  await new Promise<void>((ok) => evil.listen(0, '127.0.0.1', ok));
  evilOrigin = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
}, 60000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await new Promise((ok) => evil?.close(ok));
});

interface Attempt {
  name: string;
  /** What the page could read of the answer; null when the browser kept it from the page. */
  read: string | null;
}

/** Runs the page's attacks against `target` and answers what each could read. */
async function attack(page: Page, target: string, admin: string): Promise<Attempt[]> {
  return page.evaluate(
    async ({ target, admin }) => {
      const tryRead = async (name: string, url: string, init?: RequestInit) => {
        try {
          const res = await fetch(url, init);
          return { name, read: `${res.status} ${await res.text()}` };
        } catch {
          return { name, read: null };
        }
      };
      const plant = JSON.stringify({
        action: 'database.insertDocument',
        collectionName: 'accounts',
        data: [JSON.stringify({ _id: 'o-attacker', role: '乡镇管理员', orgCode: '500114213', name: '攻击者', active: true })],
      });
      const out = [
        await tryRead('list openids', `${target}/api/dev/people`),
        await tryRead('resident function, simple request', `${target}/api/fn/public`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({ data: { action: 'villages' } }),
        }),
        await tryRead('function as the township admin', `${target}/api/fn/records`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-fazhi-openid': admin },
          body: JSON.stringify({ data: { action: 'list', kind: 'dispute' } }),
        }),
        await tryRead('plant an account, readable', `${target}/admin`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: plant }),
      ];
      // Fire-and-forget: no-cors requests go out whatever CORS says; their answers are opaque.
      await fetch(`${target}/admin`, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: plant }).catch(() => undefined);
      await fetch(`${target}/api/fn/admin`, {
        method: 'POST',
        mode: 'no-cors',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ data: { action: 'bindInvite', code: 'AAAA-BBBB' } }),
      }).catch(() => undefined);
      return out;
    },
    { target, admin },
  );
}

async function plantedAccount(): Promise<number> {
  const db = await stack.db();
  return (await db.collection('accounts').where({ _id: 'o-attacker' }).get()).data.length;
}

test('a page on another loopback origin can read nothing, call nothing and plant nothing', async () => {
  const page = await browser.newPage();
  await page.goto(`${evilOrigin}/`);
  const attempts = await attack(page, stack.gateway.url, DEMO.admin);
  expect(attempts).toEqual([
    { name: 'list openids', read: null },
    { name: 'resident function, simple request', read: null },
    { name: 'function as the township admin', read: null },
    { name: 'plant an account, readable', read: null },
  ]);
  expect(await plantedAccount()).toBe(0);
  await page.close();
});

test('a page that rebinds its own name to 127.0.0.1 is refused by the Host check', async () => {
  const page = await browser.newPage();
  const rebound = stack.gateway.url.replace('127.0.0.1', REBOUND);
  // The page is now same-origin with the gateway as far as the browser knows.
  const landing = await page.goto(`${rebound}/api/health`);
  expect(landing?.status()).toBe(421);
  const attempts = await attack(page, rebound, DEMO.admin);
  for (const a of attempts) expect({ name: a.name, refused: a.read === null || a.read.startsWith('421 ') }).toEqual({ name: a.name, refused: true });
  expect(attempts.map((a) => a.read ?? '').join('\n')).not.toContain(DEMO.admin);
  expect(await plantedAccount()).toBe(0);
  await page.close();
});

test('the app itself, on the gateway origin, still signs in and calls functions', async () => {
  const page = await browser.newPage();
  await page.goto(`${stack.gateway.url}/api/health`);
  const people = await page.evaluate(async () => ((await (await fetch('/api/dev/people')).json()) as { people: { openid: string }[] }).people.length);
  expect(people).toBeGreaterThan(3);
  const whoami = await page.evaluate(async (admin) => {
    const res = await fetch('/api/fn/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fazhi-openid': admin },
      body: JSON.stringify({ data: { action: 'whoami' } }),
    });
    return JSON.stringify(await res.json());
  }, DEMO.admin);
  expect(whoami).toContain('乡镇管理员');
  await page.close();
});
