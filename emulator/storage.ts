/**
 * Cloud storage on local files: `<data>/storage/<cloudPath>`.
 *
 * The SDK uploads in two steps — `storage.getUploadMetadata` answers a URL with an `authorization`
 * and a `token`, then the SDK PUTs the bytes there with both as headers and treats 200 with an empty
 * body as success — so the URL points back at this gateway (`/__cos/<path>`), which also serves
 * downloads. As on COS, both are signed and expire: a PUT needs the authorization issued for that
 * path (valid 10 minutes), a GET needs `?sign=…&t=<expiry>` as getTempFileURL answers it. A PUT is
 * streamed to a temporary file, refused once it passes 50 MB, fsynced and renamed, so a file is
 * either absent or complete after a crash. Downloads say `nosniff`; only photos (by their bytes) are
 * served inline, everything else as an attachment named after the path. fileIDs look like
 * CloudBase's (`cloud://<env>.<bucket>/<path>`); only the path after the bucket matters locally.
 */
import { createReadStream, createWriteStream, promises as fsp } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Codes, GatewayError, invalidParam } from './errors';
import { mimeOf, sendText } from './http-util';
import { HEAD_BYTES, photoTypeOf } from './photo-kind';

export const COS_PREFIX = '/__cos/';
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** How long an upload authorization lives (COS's default for getUploadMetadata is of this order). */
const UPLOAD_SECONDS = 600;
/** getTempFileURL's max_age when none is given, and the longest allowed. */
const DOWNLOAD_SECONDS = 86400;
const MAX_DOWNLOAD_SECONDS = 7 * 86400;

export interface UploadLimits {
  /** Refused (EntityTooLarge) as soon as more bytes than this have arrived, whatever was declared. */
  maxBytes: number;
  /** Called with the first bytes; false refuses the upload (NOT_A_PHOTO). */
  acceptHead?: (head: Buffer) => boolean;
}

/** Counts the bytes going through and fails the stream past the limit or on a refused head. */
class UploadGuard extends Transform {
  private size = 0;
  private head: Buffer = Buffer.alloc(0);
  private headChecked: boolean;

  constructor(private readonly limits: UploadLimits) {
    super();
    this.headChecked = !limits.acceptHead;
  }

  _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.limits.maxBytes) return done(new GatewayError('EntityTooLarge', `upload exceeds ${this.limits.maxBytes} bytes`));
    if (!this.headChecked) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length >= HEAD_BYTES && !this.checkHead()) return done(this.notAPhoto());
    }
    done(null, chunk);
  }

  _flush(done: TransformCallback): void {
    if (!this.headChecked && !this.checkHead()) return done(this.notAPhoto());
    done();
  }

  private checkHead(): boolean {
    this.headChecked = true;
    return (this.limits.acceptHead as (head: Buffer) => boolean)(this.head);
  }

  private notAPhoto(): GatewayError {
    return new GatewayError('NOT_A_PHOTO', 'photos must be JPEG, PNG, WebP or HEIC');
  }
}

/**
 * Streams bytes into `file` so that it is either absent or complete after a crash: a temp file,
 * fsynced, renamed over the target, and the directory fsynced so the rename itself survives. With
 * `limits`, the stream is cut as soon as it breaks them and nothing is kept.
 */
export async function writeDurably(source: NodeJS.ReadableStream, file: string, limits?: UploadLimits): Promise<void> {
  await fsp.mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(6).toString('hex')}.part`;
  try {
    if (limits) {
      // Piped by hand rather than by pipeline(): a refused upload must not destroy the request, so
      // that the caller can still answer 413 before closing the connection.
      const guard = new UploadGuard(limits);
      source.once('error', (err: Error) => guard.destroy(err));
      source.once('close', () => (source as Readable).readableEnded || guard.destroy(new Error('upload aborted')));
      source.pipe(guard);
      await pipeline(guard, createWriteStream(tmp));
    } else await pipeline(source, createWriteStream(tmp));
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

/** Types a browser would run or render as a page: never served as themselves. */
const ACTIVE_TYPES = /^(text\/html|image\/svg|text\/xml|application\/xml|text\/javascript|application\/javascript)/;

/** `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<name>` (RFC 6266 / RFC 5987). */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

const BUCKET = 'local-bucket';

export class FileStorage {
  readonly root: string;

  constructor(
    dataDir: string,
    private readonly baseUrl: () => string,
    /** Signs upload authorizations and download URLs (credentials.ts storageKeyOf). */
    private readonly signingKey: Buffer,
    private readonly maxUploadBytes = MAX_UPLOAD_BYTES,
  ) {
    this.root = resolve(dataDir, 'storage');
  }

  private sign(op: 'get' | 'put', cloudPath: string, expires: number): string {
    return createHmac('sha256', this.signingKey).update(`${op}\n${cloudPath}\n${expires}`).digest('hex');
  }

  private signatureValid(op: 'get' | 'put', cloudPath: string, sign: unknown, expires: unknown): boolean {
    const t = Number(expires);
    if (typeof sign !== 'string' || !/^[0-9a-f]{64}$/.test(sign) || !Number.isInteger(t) || t * 1000 < Date.now()) return false;
    return timingSafeEqual(Buffer.from(this.sign(op, cloudPath, t), 'hex'), Buffer.from(sign, 'hex'));
  }

  /** A temporary download URL as getTempFileURL answers it: the path unencoded (the SDK encodes it), `sign` and `t` (expiry, s). */
  downloadUrl(cloudPath: string, maxAgeSeconds = DOWNLOAD_SECONDS): string {
    const age = Math.min(Math.max(1, Math.floor(maxAgeSeconds) || DOWNLOAD_SECONDS), MAX_DOWNLOAD_SECONDS);
    const t = Math.floor(Date.now() / 1000) + age;
    return `${this.baseUrl()}${COS_PREFIX}${cloudPath}?sign=${this.sign('get', cloudPath, t)}&t=${t}`;
  }

  /** The stored file of a cloud path, validated (throws INVALID_PARAM); for routes that write it themselves. */
  fileOf(cloudPath: string): string {
    return this.fileFor(cloudPath);
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
    const expires = Math.floor(Date.now() / 1000) + UPLOAD_SECONDS;
    return {
      url,
      // The SDK sends these back as `x-cos-security-token` and `authorization` on its PUT.
      token: String(expires),
      authorization: this.sign('put', path, expires),
      fileId: `cloud://${envId}.${BUCKET}/${path}`,
      cosFileId: `local-${randomBytes(8).toString('hex')}`,
      download_url: this.downloadUrl(path, UPLOAD_SECONDS),
    };
  }

  async batchGetDownloadUrl(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (!Array.isArray(body.file_list)) throw invalidParam('file_list must be an array');
    const download_list = [];
    for (const item of body.file_list as Array<{ fileid?: unknown; max_age?: unknown }>) {
      const path = FileStorage.pathOfFileId(item?.fileid);
      const ok = path !== undefined && (await this.exists(path).catch(() => false));
      // Unencoded like COS: the SDK's downloadFile applies encodeURI itself.
      download_list.push(
        ok
          ? { fileID: item.fileid, tempFileURL: this.downloadUrl(path, Number(item.max_age)), code: 'SUCCESS' }
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

  /** GET/HEAD/PUT on `/__cos/<percent-encoded path>`; PUT needs the upload authorization, GET/HEAD a signed URL. */
  async handleCos(req: IncomingMessage, res: ServerResponse, encodedPath: string): Promise<void> {
    let cloudPath: string;
    let file: string;
    try {
      cloudPath = decodeURIComponent(encodedPath).replace(/^\/+/, '');
      file = this.fileFor(cloudPath);
    } catch {
      return cosError(res, 400, 'InvalidURI', 'Invalid key.');
    }
    if (req.method === 'PUT') {
      if (!this.signatureValid('put', cloudPath, req.headers.authorization, req.headers['x-cos-security-token'])) {
        return cosError(res, 403, 'AccessDenied', 'Access Denied.');
      }
      return this.put(req, res, file);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return cosError(res, 405, 'MethodNotAllowed', 'Method not allowed.');
    const query = new URL(req.url ?? '/', 'http://local').searchParams;
    if (!this.signatureValid('get', cloudPath, query.get('sign'), query.get('t')))
      return cosError(res, 403, 'AccessDenied', 'Request has expired or is not signed.');
    await this.serve(req, res, file);
  }

  /** The bytes: a photo inline as the image it is, anything else as an attachment named after the path. */
  private async serve(req: IncomingMessage, res: ServerResponse, file: string): Promise<void> {
    const stat = await fsp.stat(file).catch(() => undefined);
    if (!stat?.isFile()) return cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
    const head = Buffer.alloc(HEAD_BYTES);
    const fh = await fsp.open(file, 'r');
    const { bytesRead } = await fh.read(head, 0, HEAD_BYTES, 0).finally(() => fh.close());
    const photo = photoTypeOf(head.subarray(0, bytesRead));
    const declared = mimeOf(file);
    const headers: Record<string, string> = photo
      ? { 'content-type': photo }
      : { 'content-type': ACTIVE_TYPES.test(declared) ? 'application/octet-stream' : declared, 'content-disposition': attachmentDisposition(basename(file)) };
    res.writeHead(200, { ...headers, 'content-length': String(stat.size) });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await pipeline(createReadStream(file), res);
  }

  private async put(req: IncomingMessage, res: ServerResponse, file: string): Promise<void> {
    if (Number(req.headers['content-length'] ?? 0) > this.maxUploadBytes)
      return cosError(res, 413, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.', true);
    try {
      await writeDurably(req, file, { maxBytes: this.maxUploadBytes });
    } catch (error) {
      if (error instanceof GatewayError && error.code === 'EntityTooLarge') {
        return cosError(res, 413, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.', true);
      }
      throw error;
    }
    res.writeHead(200, { 'content-type': 'application/xml', 'content-length': '0', etag: `"${randomBytes(8).toString('hex')}"` });
    res.end();
  }
}

/** COS answers errors as XML; `close` ends the connection when the client may still be sending. */
function cosError(res: ServerResponse, status: number, code: string, message: string, close = false): void {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  sendText(res, status, xml, 'application/xml', close ? { connection: 'close' } : {});
}
