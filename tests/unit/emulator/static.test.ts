/**
 * The H5 app's files over HTTP (emulator/static.ts): text files go compressed by the encoding the
 * browser accepts, with the headers a cache needs, and always decompress to the file as it is now.
 */
import { mkdtempSync, rmSync, writeFileSync, utimesSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding, serveStatic } from '../../../emulator/static';

let root: string;
let server: Server;
let port: number;
const SCRIPT = `console.log(${JSON.stringify('法治台账 '.repeat(400))});\n`;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'static-'));
  writeFileSync(join(root, 'index.html'), `<!doctype html><title>法治台账</title>${'<p>村</p>'.repeat(200)}`);
  writeFileSync(join(root, 'app.js'), SCRIPT);
  writeFileSync(join(root, 'tiny.js'), 'console.log(1)');
  writeFileSync(join(root, 'photo.png'), Buffer.alloc(4096, 7));
  server = createServer((req, res) => void serveStatic(root, req, res, new URL(req.url ?? '/', 'http://x').pathname));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(root, { recursive: true, force: true });
});

/** A raw GET (fetch would decompress behind our back): status, headers and the bytes as sent. */
function get(path: string, acceptEncoding?: string, method = 'GET'): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serveStatic compression', () => {
  it('should send a script gzipped to a browser that accepts gzip, decompressing to the file', async () => {
    const { headers, body } = await get('/app.js', 'gzip, deflate');
    expect(headers['content-encoding']).toBe('gzip');
    expect(headers.vary).toBe('Accept-Encoding');
    expect(Number(headers['content-length'])).toBe(body.length);
    expect(body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 4);
    expect(gunzipSync(body).toString()).toBe(SCRIPT);
  });

  it('should prefer brotli when the browser accepts it', async () => {
    const { headers, body } = await get('/app.js', 'gzip, deflate, br');
    expect(headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(body).toString()).toBe(SCRIPT);
  });

  it('should compress the page itself, the client-side routes falling back to it too', async () => {
    const { headers, body } = await get('/pages/records/list', 'gzip');
    expect(headers['content-encoding']).toBe('gzip');
    expect(headers['cache-control']).toBe('no-cache');
    expect(gunzipSync(body).toString()).toContain('法治台账');
  });

  it('should send the file as it is to a browser that accepts no encoding, still saying it varies', async () => {
    for (const accept of [undefined, 'identity', 'gzip;q=0, br;q=0']) {
      const { headers, body } = await get('/app.js', accept);
      expect(headers['content-encoding']).toBeUndefined();
      expect(headers.vary).toBe('Accept-Encoding');
      expect(body.toString()).toBe(SCRIPT);
    }
  });

  it('should answer HEAD with the compressed length and no body', async () => {
    const full = await get('/app.js', 'gzip');
    const head = await get('/app.js', 'gzip', 'HEAD');
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(head.headers['content-length']).toBe(String(full.body.length));
    expect(head.body.length).toBe(0);
  });

  it('should not compress images or files too small to gain', async () => {
    for (const path of ['/photo.png', '/tiny.js']) {
      const { headers } = await get(path, 'gzip, br');
      expect(headers['content-encoding']).toBeUndefined();
    }
  });

  it('should compress a rebuilt file anew, never sending the copy of its old version', async () => {
    const path = join(root, 'rebuilt.js');
    writeFileSync(path, SCRIPT);
    expect(gunzipSync((await get('/rebuilt.js', 'gzip')).body).toString()).toBe(SCRIPT);
    const next = SCRIPT.replace('console.log', 'console.info');
    writeFileSync(path, next);
    // Same length, and a time a coarse file system might not tell apart: set it apart explicitly.
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    expect(gunzipSync((await get('/rebuilt.js', 'gzip')).body).toString()).toBe(next);
  });
});

describe('chooseEncoding', () => {
  it('should follow the q-values, * included', () => {
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*, br;q=0')).toBe('gzip');
    expect(chooseEncoding('deflate')).toBeUndefined();
    expect(chooseEncoding('')).toBeUndefined();
  });
});
