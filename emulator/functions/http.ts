/**
 * `POST /api/fn/<name>` — the H5 app's stand-in for `wx.cloud.callFunction`.
 *
 * Body `{"data": <any>}`; the caller is identified ONLY by the `x-fazhi-openid` header (set by the dev
 * sign-in page), never by anything in the body, exactly as a real function can trust WX_OPENID and
 * nothing the client sends. No header = anonymous (no WX_OPENID). Answers `200 {"result": …}`, or
 * `{"error": {code, message}}` with 500 when the function threw (404 unknown function, 400/413 bad
 * request). A 500 names the code only, with a generic message: what the function threw (paths, stack
 * details) goes to the gateway's log. The body limit mirrors callFunction's 100 KB for text payloads.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Codes, INTERNAL_MESSAGE } from '../errors';
import { readBody, sendJson, sendText } from '../http-util';
import type { FunctionHost } from './host';

export const FN_PREFIX = '/api/fn/';
const OPENID_HEADER = 'x-fazhi-openid';

export interface FnHttpOptions {
  appId: string;
  bodyLimit: number;
}

function fail(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message } });
}

export async function handleFnHttp(host: FunctionHost, opts: FnHttpOptions, req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
  if (req.method !== 'POST') return fail(res, 405, Codes.INVALID_PARAM, 'use POST');
  const rawOpenid = req.headers[OPENID_HEADER];
  const openid = typeof rawOpenid === 'string' ? rawOpenid.trim() : '';
  if (openid && !/^[A-Za-z0-9_-]{1,128}$/.test(openid)) return fail(res, 400, Codes.INVALID_PARAM, `invalid ${OPENID_HEADER}`);
  let raw: Buffer;
  try {
    raw = await readBody(req, opts.bodyLimit);
  } catch {
    return fail(res, 413, 'PAYLOAD_TOO_LARGE', `request body exceeds ${opts.bodyLimit} bytes`);
  }
  let data: unknown = {};
  if (raw.length > 0) {
    try {
      const parsed = JSON.parse(raw.toString('utf8')) as { data?: unknown } | null;
      data = parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : {};
    } catch {
      return fail(res, 400, Codes.INVALID_PARAM, 'body must be JSON {"data": …}');
    }
  }
  let fnName: string;
  try {
    fnName = decodeURIComponent(name);
  } catch {
    return fail(res, 400, Codes.INVALID_PARAM, 'invalid function name');
  }
  const identity = openid ? { openid, appid: opts.appId, clientIp: req.socket.remoteAddress } : undefined;
  // Residents have no openid: their calls are told apart by address for fair scheduling.
  const caller = openid || `anon:${req.socket.remoteAddress ?? ''}`;
  const r = await host.invoke(fnName, JSON.stringify(data ?? null), identity, caller);
  if (r.ok) return sendText(res, 200, `{"result":${r.json}}`, 'application/json; charset=utf-8');
  if (r.code === Codes.FUNCTION_NOT_FOUND) return fail(res, 404, r.code, r.message);
  console.error(`[gateway] /api/fn/${fnName} → ${r.code}: ${r.message}`);
  fail(res, 500, r.code, INTERNAL_MESSAGE);
}
