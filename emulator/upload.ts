/**
 * The H5 app's stand-in for `wx.cloud.uploadFile` / `getTempFileURL` (the browser build has no SDK,
 * and a function call is no way to carry bytes: its body is limited to 100 KB):
 *   POST /api/upload?path=<cloudPath>   raw bytes → `200 {"fileID"}` (identity header required,
 *                                        paths under `photos/` only, 10 MB at most)
 *   GET  /api/file?fileID=<fileID>      the stored bytes (404 when absent)
 * Files land in the same storage the SDK's storage actions use, written durably (storage.ts writeDurably),
 * so an upload is either absent or complete; re-uploading a path replaces the file.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { CORS_HEADERS, sendJson } from './http-util';
import { writeDurably, type FileStorage } from './storage';

export const UPLOAD_ROUTE = '/api/upload';
export const FILE_ROUTE = '/api/file';
const MAX_BYTES = 10 * 1024 * 1024;
const OPENID = /^[A-Za-z0-9_-]{1,128}$/;

/** Answers an error; true, as the route was handled. */
function fail(res: ServerResponse, status: number, code: string, message: string): true {
  sendJson(res, status, { error: { code, message } }, CORS_HEADERS);
  return true;
}

/** Handles the two routes; answers false for any other request. */
export async function handleUploadRoutes(files: FileStorage, envId: string, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
  if (pathname !== UPLOAD_ROUTE && pathname !== FILE_ROUTE) return false;
  const query = new URL(req.url ?? '/', 'http://local').searchParams;
  if (pathname === FILE_ROUTE) {
    const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(query.get('fileID') ?? '');
    if (req.method !== 'GET' && req.method !== 'HEAD') fail(res, 405, 'INVALID_PARAM', 'use GET');
    else if (!m) fail(res, 400, 'INVALID_PARAM', 'fileID is required');
    else await files.handleCos(req, res, m[1].split('/').map(encodeURIComponent).join('/'));
    return true;
  }
  if (req.method !== 'POST') return fail(res, 405, 'INVALID_PARAM', 'use POST');
  const openid = req.headers['x-fazhi-openid'];
  if (typeof openid !== 'string' || !OPENID.test(openid)) return fail(res, 401, 'NOT_BOUND', 'sign in first');
  const path = (query.get('path') ?? '').replace(/^\/+/, '');
  if (!path.startsWith('photos/')) return fail(res, 400, 'INVALID_PARAM', 'path must be under photos/');
  if (Number(req.headers['content-length'] ?? 0) > MAX_BYTES) return fail(res, 413, 'PAYLOAD_TOO_LARGE', 'file too large');
  let fileId: string;
  try {
    // Validates the path (no `..`, no escapes) the same way the SDK's upload does.
    fileId = String(files.getUploadMetadata({ path }, envId).fileId);
  } catch {
    return fail(res, 400, 'INVALID_PARAM', 'invalid path');
  }
  const file = join(files.root, ...path.split('/'));
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BYTES) req.destroy(new Error('too large'));
  });
  // A 'data' listener starts the flow at once; hold it until writeDurably pipes the request, or the
  // bytes that arrive while it prepares the directory are lost.
  req.pause();
  try {
    await writeDurably(req, file);
  } catch {
    return res.headersSent || fail(res, size > MAX_BYTES ? 413 : 400, 'UPLOAD_FAILED', 'upload failed');
  }
  sendJson(res, 200, { fileID: fileId }, CORS_HEADERS);
  return true;
}
