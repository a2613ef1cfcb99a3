/**
 * Gateway failures answer a structured code and a generic message; the details (absolute paths of the
 * server, "URI malformed", what a function threw) go to the gateway's log only (issue 12 item 12).
 * The inputs are the ones that leaked.
 */
import { sdkApp, startGatewayProcess, type GatewayProcess } from '../../helpers/gateway';

let gw: GatewayProcess;
let app: ReturnType<typeof sdkApp>;
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);

beforeAll(async () => {
  gw = await startGatewayProcess({ args: ['--workers', '0:1'] });
  app = sdkApp(gw.url);
});

afterAll(async () => {
  await gw?.dispose();
});

/** What a client learns from an error answer: nothing about the server's insides. */
function expectNoInternals(text: string): void {
  expect(text).not.toContain(gw.dataDir);
  expect(text).not.toMatch(/EISDIR|ENOENT|URI malformed|\/tmp\/|at .*\.ts:\d+/);
}

/** The gateway's stderr arrives on its own pipe, possibly just after the answer. */
async function logged(detail: string): Promise<void> {
  const deadline = Date.now() + 3000;
  while (!gw.output().includes(detail) && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 50));
  expect(gw.output()).toContain(detail);
}

test('an upload onto a directory (EISDIR) answers a code, and the path is only in the log', async () => {
  await app.uploadFile({ cloudPath: 'docs/dir/inside.txt', fileContent: Buffer.from('x') });
  const meta = (await app.getUploadMetadata({ cloudPath: 'docs/dir' })) as unknown as { data: { url: string; token: string; authorization: string } };
  const res = await fetch(meta.data.url, {
    method: 'PUT',
    headers: { authorization: meta.data.authorization, 'x-cos-security-token': meta.data.token },
    body: Buffer.from('onto a directory'),
  });
  const text = await res.text();
  expect(res.status).toBe(500);
  expect(JSON.parse(text)).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  expectNoInternals(text);
  await logged('EISDIR');
});

test('an H5 photo upload onto a directory answers a code only', async () => {
  const put = (path: string) =>
    fetch(`${gw.url}/api/upload?path=${encodeURIComponent(path)}`, {
      method: 'POST',
      headers: { 'x-fazhi-openid': 'o-uploader', 'content-type': 'image/jpeg' },
      body: JPEG,
    });
  expect((await put('photos/case/1/1.jpg')).status).toBe(200);
  const res = await put('photos/case/1');
  const text = await res.text();
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(JSON.parse(text).error.code).toEqual(expect.any(String));
  expectNoInternals(text);
});

test('a malformed URI in a function name answers a code, not the runtime message', async () => {
  const res = await fetch(`${gw.url}/api/fn/%E0%A4%A`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"data":{}}' });
  const text = await res.text();
  expect([400, 404]).toContain(res.status);
  expect(JSON.parse(text).error.code).toEqual(expect.any(String));
  expectNoInternals(text);
});
