/**
 * Cloud storage on local files: `<data>/storage/<cloudPath>`.
 *
 * The SDK uploads in two steps — `storage.getUploadMetadata` answers a URL, then the SDK PUTs the
 * bytes there and treats 200 with an empty body as success — so the URL points back at this gateway
 * (`/__cos/<path>`), which also serves downloads. A PUT is written to a temporary file, fsynced and
 * renamed, so a file is either absent or complete after a crash. fileIDs look like CloudBase's
 * (`cloud://<env>.<bucket>/<path>`); only the path after the bucket matters locally. Temp URLs are
 * plain, unsigned and do not expire (a difference from COS, noted in the README).
 */
import { createReadStream, createWriteStream, promises as fsp } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Codes, GatewayError, invalidParam } from './errors';
import { CORS_HEADERS, mimeOf, sendText } from './http-util';

export const COS_PREFIX = '/__cos/';

/**
 * Streams bytes into `file` so that it is either absent or complete after a crash: a temp file,
 * fsynced, renamed over the target, and the directory fsynced so the rename itself survives.
 */
export async function writeDurably(source: NodeJS.ReadableStream, file: string): Promise<void> {
  await fsp.mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(6).toString('hex')}.part`;
  try {
    await pipeline(source, createWriteStream(tmp));
    const fh = await fsp.open(tmp, 'r+');
    await fh.sync();
    await fh.close();
    await fsp.rename(tmp, file);
    const dir = await fsp.open(dirname(file), 'r');
    await dir.sync().catch(() => undefined);
    await dir.close();
  } catch (err) {
    await fsp.unlink(tmp).catch(() => undefined);
    throw err;
  }
}
const BUCKET = 'local-bucket';
const NO_SUCH_KEY =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>';

export class FileStorage {
  readonly root: string;

  constructor(
    dataDir: string,
    private readonly baseUrl: () => string,
    private readonly maxUploadBytes = 50 * 1024 * 1024,
  ) {
    this.root = resolve(dataDir, 'storage');
  }

  /** Validates a cloud path and maps it inside the storage root (no `..`, no absolute escapes). */
  private fileFor(cloudPath: string): string {
    const clean = cloudPath.replace(/^\/+/, '');
    const parts = clean.split('/');
    if (!clean || clean.includes('\0') || clean.includes('\\') || parts.some((p) => p === '' || p === '.' || p === '..')) {
      throw invalidParam(`invalid cloud path: ${cloudPath}`);
    }
    const file = join(this.root, ...parts);
    if (!file.startsWith(this.root + sep)) throw invalidParam(`invalid cloud path: ${cloudPath}`);
    return file;
  }

  private static pathOfFileId(fileId: unknown): string | undefined {
    if (typeof fileId !== 'string') return undefined;
    const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
    return m?.[1];
  }

  private async exists(cloudPath: string): Promise<boolean> {
    try {
      return (await fsp.stat(this.fileFor(cloudPath))).isFile();
    } catch {
      return false;
    }
  }

  getUploadMetadata(body: Record<string, unknown>, envId: string): Record<string, unknown> {
    if (typeof body.path !== 'string') throw invalidParam('path is required');
    const path = body.path.replace(/^\/+/, '');
    this.fileFor(path);
    const url = `${this.baseUrl()}${COS_PREFIX}${path.split('/').map(encodeURIComponent).join('/')}`;
    return {
      url,
      token: 'local-token',
      authorization: 'local-auth',
      fileId: `cloud://${envId}.${BUCKET}/${path}`,
      cosFileId: `local-${randomBytes(8).toString('hex')}`,
      download_url: url,
    };
  }

  async batchGetDownloadUrl(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (!Array.isArray(body.file_list)) throw invalidParam('file_list must be an array');
    const download_list = [];
    for (const item of body.file_list as Array<{ fileid?: unknown }>) {
      const path = FileStorage.pathOfFileId(item?.fileid);
      const ok = path !== undefined && (await this.exists(path).catch(() => false));
      // Unencoded like COS: the SDK's downloadFile applies encodeURI itself.
      download_list.push(
        ok
          ? { fileID: item.fileid, tempFileURL: `${this.baseUrl()}${COS_PREFIX}${path}`, code: 'SUCCESS' }
          : { fileID: item?.fileid, tempFileURL: '', code: Codes.STORAGE_FILE_NONEXIST },
      );
    }
    return { download_list };
  }

  async batchDeleteFile(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (!Array.isArray(body.fileid_list)) throw invalidParam('fileid_list must be an array');
    const delete_list = [];
    for (const fileID of body.fileid_list as unknown[]) {
      const path = FileStorage.pathOfFileId(fileID);
      let code: string = Codes.STORAGE_FILE_NONEXIST;
      if (path !== undefined) {
        try {
          await fsp.unlink(this.fileFor(path));
          code = 'SUCCESS';
        } catch {
          /* absent or invalid → STORAGE_FILE_NONEXIST */
        }
      }
      delete_list.push({ fileID, code });
    }
    return { delete_list };
  }

  /** GET/HEAD/PUT on `/__cos/<percent-encoded path>`. */
  async handleCos(req: IncomingMessage, res: ServerResponse, encodedPath: string): Promise<void> {
    let file: string;
    try {
      file = this.fileFor(decodeURIComponent(encodedPath));
    } catch {
      sendText(res, 400, '', 'application/xml', CORS_HEADERS);
      return;
    }
    if (req.method === 'PUT') return this.put(req, res, file);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, '', 'application/xml', CORS_HEADERS);
      return;
    }
    const stat = await fsp.stat(file).catch(() => undefined);
    if (!stat?.isFile()) {
      sendText(res, 404, NO_SUCH_KEY, 'application/xml', CORS_HEADERS);
      return;
    }
    res.writeHead(200, { ...CORS_HEADERS, 'content-type': mimeOf(file), 'content-length': String(stat.size) });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await pipeline(createReadStream(file), res);
  }

  private async put(req: IncomingMessage, res: ServerResponse, file: string): Promise<void> {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > this.maxUploadBytes) throw new GatewayError('EntityTooLarge', 'upload too large');
    await writeDurably(req, file);
    res.writeHead(200, { ...CORS_HEADERS, 'content-type': 'application/xml', 'content-length': '0', etag: `"${randomBytes(8).toString('hex')}"` });
    res.end();
  }
}
