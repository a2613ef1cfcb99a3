/**
 * Storage as CloudBase guards it (issue 12 item 8): upload authorizations and download URLs are signed
 * and expire, a photo path belongs to whoever uploaded it first, the size limit holds while streaming,
 * the app's photos are only JPEG/PNG/WebP/HEIC (by their bytes), and nothing stored is rendered by the
 * browser as a page: `nosniff` always, everything that is not a photo as an attachment.
 */
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { sdkApp, startGatewayProcess, type GatewayProcess } from '../../helpers/gateway';

let gw: GatewayProcess;
let app: ReturnType<typeof sdkApp>;
const MB = 1024 * 1024;
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]), Buffer.alloc(2000, 7)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 3)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 1, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(500, 2)]);
const HEIC = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(500, 1)]);
const HTML = Buffer.from('<html><script>fetch("/api/dev/people")</script></html>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');

beforeAll(async () => {
  gw = await startGatewayProcess({ args: ['--workers', '0:1'] });
  app = sdkApp(gw.url);
});

afterAll(async () => {
  await gw?.dispose();
});

const stored = (path: string) => join(gw.dataDir, 'storage', ...path.split('/'));

function h5Upload(path: string, body: Buffer, openid?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'image/jpeg' };
  if (openid) headers['x-fazhi-openid'] = openid;
  return fetch(`${gw.url}/api/upload?path=${encodeURIComponent(path)}`, { method: 'POST', headers, body: new Uint8Array(body) });
}

async function h5TempUrl(fileID: string, openid?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (openid) headers['x-fazhi-openid'] = openid;
  return fetch(`${gw.url}/api/file`, { method: 'POST', headers, body: JSON.stringify({ fileList: [fileID] }) });
}

/**
 * Streams `total` bytes in 1 MB chunks with no Content-Length (chunked), stopping when the server
 * answers or drops the connection. Answers the status (0: no answer) and the bytes sent.
 */
function chunkedPut(url: string, method: string, headers: Record<string, string>, total: number): Promise<{ status: number; sent: number }> {
  const u = new URL(url);
  return new Promise((done) => {
    let sent = 0;
    let status = 0;
    let over = false;
    const finish = () => {
      if (over) return;
      over = true;
      done({ status, sent });
    };
    const req = request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method, headers: { ...headers, 'transfer-encoding': 'chunked' } },
      (res) => {
        status = res.statusCode ?? 0;
        res.resume();
        res.on('end', finish);
      },
    );
    req.on('error', finish);
    const chunk = Buffer.concat([JPEG, Buffer.alloc(MB - JPEG.length, 9)]);
    const pump = () => {
      while (!over && status === 0 && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (sent >= total) req.end();
    };
    pump();
  });
}

describe('SDK storage: signed, expiring URLs', () => {
  test('a PUT without the upload authorization of its path is refused and stores nothing', async () => {
    const bare = await fetch(`${gw.url}/__cos/photos/planted.jpg`, { method: 'PUT', body: new Uint8Array(JPEG) });
    expect(bare.status).toBe(403);
    const meta = (await app.getUploadMetadata({ cloudPath: 'docs/mine.txt' })) as unknown as { data: { authorization: string; token: string } };
    const borrowed = await fetch(`${gw.url}/__cos/photos/planted.jpg`, {
      method: 'PUT',
      headers: { authorization: meta.data.authorization, 'x-cos-security-token': meta.data.token },
      body: new Uint8Array(JPEG),
    });
    expect(borrowed.status).toBe(403);
    expect(existsSync(stored('photos/planted.jpg'))).toBe(false);
  });

  test('temp URLs carry a signature and an expiry as CloudBase answers them; unsigned, altered or expired ones are refused', async () => {
    const { fileID } = await app.uploadFile({ cloudPath: 'photos/s/1.jpg', fileContent: JPEG });
    const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge: 1 }] });
    const url = fileList[0].tempFileURL;
    expect(url).toMatch(/\/__cos\/photos\/s\/1\.jpg\?sign=[0-9a-f]{64}&t=\d+$/);
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).equals(JPEG)).toBe(true);
    expect((await fetch(url.split('?')[0])).status).toBe(403);
    expect((await fetch(url.replace('/1.jpg', '/2.jpg'))).status).toBe(403);
    expect((await fetch(url.replace(/t=(\d+)/, (_m, t: string) => `t=${Number(t) + 3600}`))).status).toBe(403);
    await new Promise((ok) => setTimeout(ok, 2100));
    expect((await fetch(url)).status).toBe(403);
    // The SDK's own download still works: it asks for a fresh URL.
    expect(((await app.downloadFile({ fileID })).fileContent as Buffer).equals(JPEG)).toBe(true);
  });

  test('a chunked 60 MB upload is refused at 50 MB, and nothing is kept', async () => {
    const meta = (await app.getUploadMetadata({ cloudPath: 'docs/huge.bin' })) as unknown as { data: { url: string; authorization: string; token: string } };
    const r = await chunkedPut(meta.data.url, 'PUT', { authorization: meta.data.authorization, 'x-cos-security-token': meta.data.token }, 60 * MB);
    // Refused (413) once 50 MB have arrived, before the end of the stream.
    expect(r.status).toBe(413);
    expect(existsSync(stored('docs/huge.bin'))).toBe(false);
    expect((await fetch(`${gw.url}/api/health`)).status).toBe(200);
  }, 60000);

  test('only photos are served inline; anything else is an attachment, never a page, always nosniff', async () => {
    for (const [path, bytes] of [
      ['docs/page.html', HTML],
      ['docs/logo.svg', SVG],
      ['docs/报告.docx', Buffer.from('PK\u0003\u0004docx')],
      ['photos/x/fake.jpg', HTML],
    ] as const) {
      const { fileID } = await app.uploadFile({ cloudPath: path, fileContent: bytes });
      const { fileList } = await app.getTempFileURL({ fileList: [fileID] });
      const res = await fetch(encodeURI(fileList[0].tempFileURL));
      expect(res.status).toBe(200);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-type')).not.toMatch(/^(text\/html|image\/svg|text\/xml|application\/xml)/);
      const name = path.split('/').pop() as string;
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
    }
    const { fileID } = await app.uploadFile({ cloudPath: 'photos/x/real.jpg', fileContent: JPEG });
    const res = await fetch((await app.getTempFileURL({ fileList: [fileID] })).fileList[0].tempFileURL);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-disposition')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('H5 photos: identity, ownership, kind and size', () => {
  test('a photo path belongs to its first uploader: another person cannot overwrite it', async () => {
    expect((await h5Upload('photos/outreach/r1/1.jpg', JPEG, 'o-owner')).status).toBe(200);
    const other = await h5Upload('photos/outreach/r1/1.jpg', PNG, 'o-intruder');
    expect(other.status).toBe(403);
    expect(readFileSync(stored('photos/outreach/r1/1.jpg')).equals(JPEG)).toBe(true);
    // The owner's own resend (the outbox retrying) replaces it.
    expect((await h5Upload('photos/outreach/r1/1.jpg', PNG, 'o-owner')).status).toBe(200);
    expect(readFileSync(stored('photos/outreach/r1/1.jpg')).equals(PNG)).toBe(true);
    // A file the server put there belongs to nobody in the app.
    await app.uploadFile({ cloudPath: 'photos/outreach/r2/1.jpg', fileContent: JPEG });
    expect((await h5Upload('photos/outreach/r2/1.jpg', PNG, 'o-owner')).status).toBe(403);
  });

  test('photos only as JPEG, PNG, WebP or HEIC by their bytes; no identity, no upload', async () => {
    expect((await h5Upload('photos/k/anon.jpg', JPEG)).status).toBe(401);
    for (const [name, bytes] of [
      ['a.png', PNG],
      ['a.webp', WEBP],
      ['a.heic', HEIC],
    ] as const) {
      expect({ name, status: (await h5Upload(`photos/k/${name}`, bytes, 'o-k')).status }).toEqual({ name, status: 200 });
    }
    for (const [name, bytes] of [
      ['page.jpg', HTML],
      ['logo.jpg', SVG],
      ['tiny.jpg', Buffer.from([0xff])],
    ] as const) {
      expect({ name, status: (await h5Upload(`photos/k/${name}`, bytes, 'o-k')).status }).toEqual({ name, status: 415 });
      expect(existsSync(stored(`photos/k/${name}`))).toBe(false);
    }
  });

  test('the 10 MB limit holds for a chunked upload too', async () => {
    const r = await chunkedPut(`${gw.url}/api/upload?path=photos%2Fbig%2F1.jpg`, 'POST', { 'x-fazhi-openid': 'o-big' }, 40 * MB);
    expect(r.status).toBe(413);
    expect(existsSync(stored('photos/big/1.jpg'))).toBe(false);
  });

  test('/api/file answers signed temp URLs to a signed-in person only', async () => {
    const up = (await (await h5Upload('photos/v/1.jpg', JPEG, 'o-v')).json()) as { fileID: string };
    expect((await h5TempUrl(up.fileID)).status).toBe(401);
    expect((await fetch(`${gw.url}/api/file?fileID=${encodeURIComponent(up.fileID)}`)).status).not.toBe(200);
    const answer = (await (await h5TempUrl(up.fileID, 'o-someone')).json()) as { fileList: { fileID: string; tempFileURL: string; code: string }[] };
    expect(answer.fileList[0]).toMatchObject({ fileID: up.fileID, code: 'SUCCESS' });
    const res = await fetch(answer.fileList[0].tempFileURL);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await res.arrayBuffer()).equals(JPEG)).toBe(true);
  });
});
