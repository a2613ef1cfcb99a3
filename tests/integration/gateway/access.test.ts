/**
 * Who may drive a running local stack (issue 12 item 7), from outside a browser: SDK actions need the
 * data directory's credentials, the Host header must be a loopback name, CORS names only the app's
 * origins, and the dev sign-in's list of accounts exists only in dev mode. The browser side (a page on
 * another origin) is tests/e2e/cross-origin.e2e.test.ts.
 */
import { statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import * as tcb from '@cloudbase/node-sdk';
import { sdkApp, startGatewayProcess, type GatewayProcess } from '../../helpers/gateway';

const APP_ORIGIN = 'http://127.0.0.1:10086';
let gw: GatewayProcess;
let dev: GatewayProcess;

beforeAll(async () => {
  [gw, dev] = await Promise.all([
    startGatewayProcess({ args: ['--workers', '0:1'] }),
    startGatewayProcess({ args: ['--workers', '0:1', '--dev', '--app-origin', APP_ORIGIN] }),
  ]);
  await sdkApp(gw.url).database().createCollection('accounts');
});

afterAll(async () => {
  await Promise.all([gw?.dispose(), dev?.dispose()]);
});

/** A raw HTTP request, so the Host header can be anything. */
function raw(
  url: string,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
  body = '',
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  const { port } = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

describe('SDK actions need the credentials of the data directory', () => {
  test('the real SDK with the generated pair works; any other pair is refused and writes nothing', async () => {
    const creds = join(gw.dataDir, 'credentials.json');
    expect(statSync(creds).mode & 0o077).toBe(0);
    const stranger = tcb.init({ env: gw.envId, serviceUrl: `${gw.url}/admin`, secretId: 'local-secret-id', secretKey: 'local-secret-key', timeout: 5000 });
    await expect(stranger.database().collection('accounts').add({ _id: 'o-evil', role: 'township_admin' })).rejects.toMatchObject({
      code: 'SIGN_PARAM_INVALID',
    });
    const own = sdkApp(gw.url).database();
    expect((await own.collection('accounts').where({ _id: 'o-evil' }).get()).data).toHaveLength(0);
    await own.collection('accounts').add({ _id: 'o-fine', role: 'village_worker' });
    expect((await own.collection('accounts').doc('o-fine').get()).data).toHaveLength(1);
  });

  test('an unsigned text/plain POST (what a web page can send without a preflight) plants nothing', async () => {
    const body = JSON.stringify({ action: 'database.insertDocument', collectionName: 'accounts', data: ['{"_id":"o-planted","role":"township_admin"}'] });
    const r = await raw(gw.url, '/admin', { host: new URL(gw.url).host, 'content-type': 'text/plain' }, 'POST', body);
    expect(JSON.parse(r.text)).toMatchObject({ code: 'SIGN_PARAM_INVALID' });
    expect((await sdkApp(gw.url).database().collection('accounts').where({ _id: 'o-planted' }).get()).data).toHaveLength(0);
  });

  test('the pair survives a restart: the same credentials sign for the same data directory', async () => {
    const before = statSync(join(gw.dataDir, 'credentials.json')).mtimeMs;
    await gw.stop();
    await gw.restart();
    expect(statSync(join(gw.dataDir, 'credentials.json')).mtimeMs).toBe(before);
    expect((await sdkApp(gw.url).database().collection('accounts').doc('o-fine').get()).data).toHaveLength(1);
  });
});

test('the Host header must be a loopback name (DNS rebinding)', async () => {
  const { port } = new URL(gw.url);
  for (const host of [`attacker.example:${port}`, `192.168.1.20:${port}`, `127.0.0.1.nip.io:${port}`]) {
    const r = await raw(gw.url, '/api/health', { host });
    expect({ host, status: r.status }).toEqual({ host, status: 421 });
    expect(r.text).not.toContain('envId');
  }
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `fazhi.localhost:${port}`]) {
    expect({ host, status: (await raw(gw.url, '/api/health', { host })).status }).toEqual({ host, status: 200 });
  }
});

test('CORS names the app origins only; a foreign origin is refused outright', async () => {
  const host = new URL(dev.url).host;
  const preflight = (origin: string) =>
    raw(
      dev.url,
      '/api/fn/records',
      { host, origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-fazhi-openid' },
      'OPTIONS',
    );
  const foreign = await preflight('http://127.0.0.1:8000');
  expect(foreign.status).toBe(403);
  expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  for (const origin of [APP_ORIGIN, 'http://localhost:10086', dev.url, dev.url.replace('127.0.0.1', 'localhost')]) {
    const ok = await preflight(origin);
    expect({ origin, status: ok.status, allow: ok.headers['access-control-allow-origin'] }).toEqual({ origin, status: 204, allow: origin });
    expect(String(ok.headers['access-control-allow-headers'])).toContain('x-fazhi-openid');
  }
  // A simple cross-origin POST (no preflight) is refused before the function runs.
  const simple = await raw(dev.url, '/api/fn/records', { host, origin: 'http://localhost:8000', 'content-type': 'text/plain' }, 'POST', '{"data":{}}');
  expect(simple.status).toBe(403);
  expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  expect((await raw(dev.url, '/api/health', { host })).headers['x-content-type-options']).toBe('nosniff');
});

test('the dev sign-in list of accounts exists in dev mode only', async () => {
  await sdkApp(dev.url).database().createCollection('accounts');
  await sdkApp(dev.url).database().collection('accounts').add({ _id: 'o-demo-admin', name: '管理员', role: 'township_admin', orgCode: '1' });
  const listed = await fetch(`${dev.url}/api/dev/people`);
  expect(((await listed.json()) as { people: { openid: string }[] }).people.map((p) => p.openid)).toEqual(['o-demo-admin']);
  const notDev = await fetch(`${gw.url}/api/dev/people`);
  expect(notDev.status).toBe(404);
  expect(await notDev.text()).not.toContain('o-fine');
});
