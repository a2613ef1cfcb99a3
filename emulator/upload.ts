/**
 * The H5 app's stand-in for `wx.cloud.uploadFile` / `getTempFileURL` (the browser build has no SDK,
 * and a function call is no way to carry bytes: its body is limited to 100 KB). Both need the caller's
 * identity (header `x-fazhi-openid`), as the mini-program client SDK needs a signed-in user:
 *   POST /api/upload?path=photos/…   raw bytes → `200 {"fileID"}`: photos only (JPEG, PNG, WebP or HEIC
 *                                    by their bytes), 10 MB at most counted while streaming, and a path
 *                                    belongs to whoever uploaded it first (CloudBase's default storage
 *                                    rule "creator writes"): another person gets 403 and the photo stays.
 *   POST /api/upload?path=imports/…  the same for a ledger file (.xlsx, a zip by its bytes) to import
 *                                    from the console.
 *   POST /api/file {"fileList": [fileID…]}
 *                                    → `{"fileList": [{fileID, tempFileURL, code}]}`, signed URLs that
 *                                    expire, as getTempFileURL answers (storage.ts serves them).
 * Files land in the same storage the SDK's storage actions use, written durably (storage.ts writeDurably).
 */
import { promises as fsp } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { GatewayError } from './errors';
import { readBody, sendJson } from './http-util';
import { photoTypeOf } from './photo-kind';
import { writeDurably, type FileStorage } from './storage';

export const UPLOAD_ROUTE = '/api/upload';
export const FILE_ROUTE = '/api/file';
const MAX_BYTES = 10 * 1024 * 1024;
const OPENID = /^[A-Za-z0-9_-]{1,128}$/;
/** A photo's URL lives two hours: long enough to look at a case, short enough not to travel far. */
const URL_SECONDS = 2 * 3600;
const MAX_FILES = 50;

/** The folders the app may upload to, and what each takes by the file's first bytes. */
const FOLDERS: ReadonlyArray<{ prefix: string; accepts: (head: Buffer) => boolean }> = [
  { prefix: 'photos/', accepts: (head) => photoTypeOf(head) !== undefined },
  // An .xlsx workbook is a zip archive: it starts with a local file header.
  { prefix: 'imports/', accepts: (head) => head.length >= 4 && head.readUInt32LE(0) === 0x04034b50 },
];

/** Answers an error; true, as the route was handled. */
function fail(res: ServerResponse, status: number, code: string, message: string): true {
  sendJson(res, status, { error: { code, message } });
  return true;
}

/** Who uploaded each path through this route: `<data>/storage-owners/<path>` holds the openid. */
class Owners {
  constructor(private readonly root: string) {}

  /** True when `openid` owns `cloudPath` now (claimed if it had no owner and no file). */
  async claim(cloudPath: string, openid: string, fileExists: boolean): Promise<boolean> {
    const file = join(this.root, ...cloudPath.split('/'));
    await fsp.mkdir(dirname(file), { recursive: true });
    // A file put there by the server (SDK) has no owner and is nobody's to overwrite from the app.
    if (!fileExists) {
      try {
        await fsp.writeFile(file, openid, { flag: 'wx' });
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    return (await fsp.readFile(file, 'utf8').catch(() => '')) === openid;
  }
}

function identityOf(req: IncomingMessage): string | undefined {
  const openid = req.headers['x-fazhi-openid'];
  return typeof openid === 'string' && OPENID.test(openid) ? openid : undefined;
}

/** Handles the two routes; answers false for any other request. */
export async function handleUploadRoutes(files: FileStorage, envId: string, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
  if (pathname !== UPLOAD_ROUTE && pathname !== FILE_ROUTE) return false;
  if (req.method !== 'POST') return fail(res, 405, 'INVALID_PARAM', 'use POST');
  const openid = identityOf(req);
  if (!openid) return fail(res, 401, 'NOT_BOUND', 'sign in first');
  return pathname === FILE_ROUTE ? tempUrls(files, req, res) : upload(files, envId, req, res, openid);
}

async function tempUrls(files: FileStorage, req: IncomingMessage, res: ServerResponse): Promise<true> {
  let list: unknown;
  try {
    list = (JSON.parse((await readBody(req, 64 * 1024)).toString('utf8')) as { fileList?: unknown }).fileList;
  } catch {
    return fail(res, 400, 'INVALID_PARAM', 'body must be JSON {"fileList": [fileID…]}');
  }
  if (!Array.isArray(list) || list.length > MAX_FILES) return fail(res, 400, 'INVALID_PARAM', `fileList must be an array of at most ${MAX_FILES} fileIDs`);
  const file_list = list.map((fileid: unknown) => ({ fileid, max_age: URL_SECONDS }));
  const { download_list } = (await files.batchGetDownloadUrl({ file_list })) as { download_list: unknown[] };
  sendJson(res, 200, { fileList: download_list });
  return true;
}

async function upload(files: FileStorage, envId: string, req: IncomingMessage, res: ServerResponse, openid: string): Promise<true> {
  const query = new URL(req.url ?? '/', 'http://local').searchParams;
  const path = (query.get('path') ?? '').replace(/^\/+/, '');
  const folder = FOLDERS.find((f) => path.startsWith(f.prefix));
  if (!folder) return fail(res, 400, 'INVALID_PARAM', 'path must be under photos/ or imports/');
  if (Number(req.headers['content-length'] ?? 0) > MAX_BYTES) return fail(res, 413, 'PAYLOAD_TOO_LARGE', 'file too large');
  let fileId: string;
  let file: string;
  try {
    // Validates the path (no `..`, no escapes) the same way the SDK's upload does.
    fileId = String(files.getUploadMetadata({ path }, envId).fileId);
    file = files.fileOf(path);
  } catch {
    return fail(res, 400, 'INVALID_PARAM', 'invalid path');
  }
  const exists = await fsp.stat(file).then(
    () => true,
    () => false,
  );
  const owners = new Owners(resolve(files.root, '..', 'storage-owners'));
  if (!(await owners.claim(path, openid, exists))) return fail(res, 403, 'NOT_OWNER', 'this photo was uploaded by someone else');
  try {
    await writeDurably(req, file, { maxBytes: MAX_BYTES, acceptHead: folder.accepts });
  } catch (error) {
    const code = error instanceof GatewayError ? error.code : '';
    res.setHeader('connection', 'close');
    if (code === 'EntityTooLarge') return fail(res, 413, 'PAYLOAD_TOO_LARGE', 'file too large');
    if (code === 'NOT_A_PHOTO')
      return fail(res, 415, 'NOT_A_PHOTO', folder.prefix === 'photos/' ? 'photos must be JPEG, PNG, WebP or HEIC' : 'ledger files must be .xlsx');
    throw error;
  }
  sendJson(res, 200, { fileID: fileId });
  return true;
}
