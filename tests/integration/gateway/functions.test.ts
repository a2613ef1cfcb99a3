/**
 * The function host: SDK invokeFunction (server-to-server, no identity), the H5 endpoint
 * POST /api/fn/<name> with identity from `x-fazhi-openid` only, overlapping invocations with
 * different callers, errors, the time limit, CORS, health and the static H5 app.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sdkApp, startGatewayProcess, tempDir, type GatewayProcess } from '../../helpers/gateway';

const FUNCTIONS = join(__dirname, 'fixtures', 'functions');
let gw: GatewayProcess;
let app: ReturnType<typeof sdkApp>;
let staticDir: string;

interface UserInfo {
  openId: string;
  appId: string;
  uid: string;
}
interface WhoAmI {
  before: UserInfo;
  after: UserInfo;
  event: unknown;
  fn: string;
  pid: number;
}

beforeAll(async () => {
  staticDir = tempDir('h5-');
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>法治台账</title>');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  gw = await startGatewayProcess({ functionsDir: FUNCTIONS, staticDir, args: ['--workers', '2:4', '--fn-timeout', '2500'] });
  app = sdkApp(gw.url);
  await app.database().createCollection('notes');
});

afterAll(async () => {
  await gw?.dispose();
  rmSync(staticDir, { recursive: true, force: true });
});

async function callHttp(
  name: string,
  body: unknown,
  openid?: string,
): Promise<{ status: number; json: { result?: WhoAmI; error?: { code: string; message: string } } }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (openid) headers['x-fazhi-openid'] = openid;
  const res = await fetch(`${gw.url}/api/fn/${name}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

test('SDK callFunction runs the function with no caller identity', async () => {
  const r = await app.callFunction({ name: 'whoami', data: { a: 1, s: '中文' } });
  const res = r.result as WhoAmI;
  expect(res.event).toEqual({ a: 1, s: '中文' });
  expect(res.fn).toBe('whoami');
  expect(res.before.openId).toBe('');
});

test('overlapping HTTP invocations each see their own openid; no header means anonymous', async () => {
  const [a, b, anon] = await Promise.all([
    callHttp('whoami', { data: { sleepMs: 300 } }, 'oAAAA1111'),
    callHttp('whoami', { data: { sleepMs: 300 } }, 'oBBBB2222'),
    callHttp('whoami', { data: { sleepMs: 300 } }),
  ]);
  expect(a.status).toBe(200);
  expect(a.json.result?.before.openId).toBe('oAAAA1111');
  expect(a.json.result?.after.openId).toBe('oAAAA1111');
  expect(a.json.result?.before.appId).toMatch(/^wx/);
  expect(a.json.result?.before.uid).not.toBe('');
  expect(b.json.result?.before.openId).toBe('oBBBB2222');
  expect(b.json.result?.after.openId).toBe('oBBBB2222');
  expect(a.json.result?.pid).not.toBe(b.json.result?.pid);
  expect(anon.json.result?.before.openId).toBe('');
  expect(anon.json.result?.after.openId).toBe('');
});

test('identity never comes from the body', async () => {
  const r = await callHttp('whoami', { data: { openid: 'oEVIL', WX_OPENID: 'oEVIL' }, openid: 'oEVIL', WX_OPENID: 'oEVIL' });
  expect(r.json.result?.before.openId).toBe('');
  expect(r.json.result?.event).toEqual({ openid: 'oEVIL', WX_OPENID: 'oEVIL' });
});

test('a function using the SDK inside: writes with the caller openid, calls another function server-to-server', async () => {
  const r = await callHttp('relay', { data: { text: 'hi' } }, 'oRELAY123');
  expect(r.status).toBe(200);
  const res = r.json.result as unknown as { openId: string; id: string; stored: { _openid: string; text: string }; inner: WhoAmI };
  expect(res.openId).toBe('oRELAY123');
  expect(res.stored).toMatchObject({ _openid: 'oRELAY123', text: 'hi' });
  expect(res.inner.before.openId).toBe('');
  expect(res.inner.event).toEqual({ from: 'relay' });
  const stored = await app.database().collection('notes').doc(res.id).get();
  expect(stored.data[0].at).toBeInstanceOf(Date);
});

test('a throwing function answers an error and its worker survives', async () => {
  const r = await callHttp('boom', { data: { message: 'kaboom' } }, 'oX1');
  expect(r.status).toBe(500);
  // The H5 answer names the code only; what the function threw is in the gateway's log.
  expect(r.json.error?.code).toBe('FUNCTIONS_EXECUTE_FAIL');
  expect(r.json.error?.message).not.toContain('kaboom');
  expect(gw.output()).toContain('kaboom');
  await expect(app.callFunction({ name: 'boom', data: { message: 'via sdk' } })).rejects.toMatchObject({ code: 'FUNCTIONS_EXECUTE_FAIL', message: 'via sdk' });
  expect((await callHttp('whoami', { data: {} }, 'oX1')).status).toBe(200);
});

test('unknown functions and lib are not found', async () => {
  expect((await callHttp('nope', { data: {} })).status).toBe(404);
  expect((await callHttp('lib', { data: {} })).json.error?.code).toBe('FUNCTIONS_NOT_FOUND');
  await expect(app.callFunction({ name: 'nope', data: {} })).rejects.toMatchObject({ code: 'FUNCTIONS_NOT_FOUND' });
});

test('the time limit kills the invocation; the next call works', async () => {
  const slow = await callHttp('sleepy', { data: { ms: 6000 } });
  expect(slow.status).toBe(500);
  expect(slow.json.error?.code).toBe('FUNCTIONS_TIME_LIMIT_EXCEEDED');
  const ok = await callHttp('sleepy', { data: { ms: 10 } });
  expect(ok.status).toBe(200);
});

test('bad requests: oversized body, invalid JSON', async () => {
  expect((await callHttp('whoami', { data: 'x'.repeat(150 * 1024) })).status).toBe(413);
  const res = await fetch(`${gw.url}/api/fn/whoami`, { method: 'POST', body: '{nope' });
  expect(res.status).toBe(400);
});

test('CORS preflight, health, and the static H5 app with index.html fallback', async () => {
  // CORS for the gateway's own origin under another loopback name; other origins: access.test.ts.
  const origin = gw.url.replace('127.0.0.1', 'localhost');
  const pre = await fetch(`${gw.url}/api/fn/whoami`, { method: 'OPTIONS', headers: { origin, 'access-control-request-headers': 'x-fazhi-openid' } });
  expect(pre.status).toBe(204);
  expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
  expect(pre.headers.get('access-control-allow-headers')).toContain('x-fazhi-openid');
  expect(await (await fetch(`${gw.url}/api/health`)).json()).toMatchObject({ ok: true });
  const index = await fetch(`${gw.url}/`);
  expect(index.headers.get('content-type')).toContain('text/html');
  expect(await index.text()).toContain('法治台账');
  expect(await (await fetch(`${gw.url}/assets/app.js`)).text()).toBe('console.log(1)');
  expect(await (await fetch(`${gw.url}/pages/records/list?id=1`)).text()).toContain('法治台账');
});
