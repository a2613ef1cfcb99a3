/**
 * Serves a built H5 app (`--static <dir>`) so browser tests and the dev page use one origin with the
 * gateway. Unknown paths fall back to index.html (client-side routing); hashed assets may be cached,
 * index.html never is.
 * Text files (scripts, styles, the page) go compressed when the browser accepts it — brotli, else
 * gzip — as a township's slow mobile link would need: each file is compressed once, on its first
 * request, and kept in memory until the file changes (a rebuild writes new files or new times).
 */
import { createReadStream, promises as fsp } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { mimeOf, sendText } from './http-util';

export type Encoding = 'br' | 'gzip';

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|image\/svg\+xml)/;
// Smaller than this, the headers weigh more than the bytes saved.
const MIN_COMPRESS = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The encoding to answer with, from an Accept-Encoding header: brotli before gzip, never one refused with q=0. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (name: Encoding) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return undefined;
}

type Compressed = { mtimeMs: number; size: number; body: Promise<Buffer> };
const compressedFiles = new Map<string, Compressed>();

/** The file's compressed bytes, made once per version of the file (path, time and size). */
function compressedBody(file: string, stat: { mtimeMs: number; size: number }, encoding: Encoding): Promise<Buffer> {
  const key = `${encoding}:${file}`;
  const cached = compressedFiles.get(key);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.body;
  const body = fsp
    .readFile(file)
    .then((raw) =>
      encoding === 'br'
        ? brotli(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : gzipAsync(raw, { level: 9 }),
    );
  // A failed read is not remembered: the next request tries again.
  body.catch(() => compressedFiles.delete(key));
  compressedFiles.set(key, { mtimeMs: stat.mtimeMs, size: stat.size, body });
  return body;
}

export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'method not allowed', 'text/plain');
    return;
  }
  const base = resolve(root);
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    rel = '/';
  }
  let file = join(base, rel);
  if (file !== base && !file.startsWith(base + sep)) file = base;
  let stat = await fsp.stat(file).catch(() => undefined);
  if (stat?.isDirectory()) {
    file = join(file, 'index.html');
    stat = await fsp.stat(file).catch(() => undefined);
  }
  if (!stat?.isFile()) {
    file = join(base, 'index.html');
    stat = await fsp.stat(file).catch(() => undefined);
    if (!stat?.isFile()) {
      sendText(res, 404, 'not found', 'text/plain');
      return;
    }
  }
  const isIndex = file.endsWith(`${sep}index.html`);
  const contentType = mimeOf(file);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'cache-control': isIndex ? 'no-cache' : 'public, max-age=300',
  };
  const compressible = COMPRESSIBLE.test(contentType) && stat.size >= MIN_COMPRESS;
  // A cache in between must keep one copy per encoding, whichever this request gets.
  if (compressible) headers.vary = 'Accept-Encoding';
  const encoding = compressible ? chooseEncoding(req.headers['accept-encoding']) : undefined;
  if (encoding) {
    const body = await compressedBody(file, stat, encoding);
    res.writeHead(200, { ...headers, 'content-encoding': encoding, 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': String(stat.size) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(createReadStream(file), res);
}
