/**
 * Serves a built H5 app (`--static <dir>`) so browser tests and the dev page use one origin with the
 * gateway. Unknown paths fall back to index.html (client-side routing); hashed assets may be cached,
 * index.html never is.
 */
import { createReadStream, promises as fsp } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { mimeOf, sendText } from './http-util';

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
  res.writeHead(200, {
    'content-type': mimeOf(file),
    'content-length': String(stat.size),
    'cache-control': isIndex ? 'no-cache' : 'public, max-age=300',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(createReadStream(file), res);
}
