/**
 * The local stand-in for WeChat's server API (api.weixin.qq.com), under /wxapi:
 *   POST /wxapi/cgi-bin/stable_token          {grant_type, appid, secret} → {access_token, expires_in}
 *   POST /wxapi/wxa/getwxacodeunlimit?access_token=…  {scene, page, …} → a scannable PNG QR of the scene
 *   POST /wxapi/cgi-bin/message/subscribe/send?access_token=…  {touser, template_id, page, data, …}
 *                                             → {errcode: 0, msgid}; the message is kept with the calls
 *   GET  /wxapi/dev/calls                     what was asked of it (tests, the dev console)
 * Answers as WeChat documents them: JSON {errcode, errmsg} on failure (wrong secret 40125, a missing
 * token 41001, an unknown one 40001), image bytes on success. Tokens live in memory, so after a gateway
 * restart a stored token is refused as WeChat refuses an expired one. Calls are kept in
 * `<data dir>/wx-open-api.jsonl`. The functions reach it through FAZHI_WX_API_BASE (wxOpenApiEnv).
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PNG } from 'pngjs';
import qrcode from 'qrcode-generator';
import { readBody, sendJson } from './http-util';

export const WX_API_PREFIX = '/wxapi';
/** The secret of the local test mini-program (the appid is the gateway's own). */
export const LOCAL_WX_SECRET = 'local-test-appsecret';
const TOKEN_SECONDS = 7200;
/** Template ids of the local test mini-program's subscribe messages. */
export const LOCAL_TEMPLATES = { answer: 'local-template-answer', deadline: 'local-template-deadline' };

/** Function configuration pointing the functions' WeChat client at this stand-in. */
export function wxOpenApiEnv(gatewayUrl: string, appId: string): Record<string, string> {
  return {
    FAZHI_WX_API_BASE: `${gatewayUrl}${WX_API_PREFIX}`,
    FAZHI_WX_APPID: appId,
    FAZHI_WX_SECRET: LOCAL_WX_SECRET,
    FAZHI_WX_ENV_VERSION: 'develop',
    FAZHI_WX_TEMPLATE_ANSWER: LOCAL_TEMPLATES.answer,
    FAZHI_WX_TEMPLATE_DEADLINE: LOCAL_TEMPLATES.deadline,
  };
}

export interface WxApiCall {
  api: 'stable_token' | 'getwxacodeunlimit' | 'subscribe_send';
  at: string;
  body: Record<string, unknown>;
  errcode: number;
}

/** A PNG of a QR code of `text`, about `width` px square with a 4-module quiet zone. */
export function qrPng(text: string, width: number): Buffer {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const modules = qr.getModuleCount();
  const cell = Math.max(2, Math.floor(width / (modules + 8)));
  const side = cell * (modules + 8);
  const png = new PNG({ width: side, height: side, colorType: 0, inputColorType: 0, bitDepth: 8 });
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / cell) - 4;
      const my = Math.floor(y / cell) - 4;
      const dark = mx >= 0 && my >= 0 && mx < modules && my < modules && qr.isDark(my, mx);
      const i = (y * side + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = dark ? 0 : 255;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

export class WxOpenApiStandIn {
  private readonly tokens = new Set<string>();
  private readonly logFile: string;

  constructor(
    dataDir: string,
    private readonly appId: string,
  ) {
    this.logFile = join(dataDir, 'wx-open-api.jsonl');
  }

  calls(): WxApiCall[] {
    if (!existsSync(this.logFile)) return [];
    return readFileSync(this.logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as WxApiCall);
  }

  private record(api: WxApiCall['api'], body: Record<string, unknown>, errcode: number): void {
    const kept = { ...body };
    if ('secret' in kept) kept.secret = '***';
    appendFileSync(this.logFile, `${JSON.stringify({ api, at: new Date().toISOString(), body: kept, errcode })}\n`);
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const [route, query = ''] = path.split('?');
    if (req.method === 'GET' && route === '/dev/calls') return sendJson(res, 200, { calls: this.calls() });
    if (req.method !== 'POST') return sendJson(res, 404, { errcode: 404, errmsg: `no route ${req.method} ${route}` });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return sendJson(res, 200, { errcode: 47001, errmsg: 'data format error' });
    }
    if (route === '/cgi-bin/stable_token') return this.stableToken(res, body);
    const token = new URLSearchParams(query).get('access_token');
    if (route === '/wxa/getwxacodeunlimit') return this.unlimitedCode(res, body, token);
    if (route === '/cgi-bin/message/subscribe/send') return this.subscribeSend(res, body, token);
    sendJson(res, 404, { errcode: 404, errmsg: `no route ${route}` });
  }

  private stableToken(res: ServerResponse, body: Record<string, unknown>): void {
    const errcode = body.grant_type !== 'client_credential' ? 40002 : body.appid !== this.appId ? 40013 : body.secret !== LOCAL_WX_SECRET ? 40125 : 0;
    this.record('stable_token', body, errcode);
    if (errcode) return sendJson(res, 200, { errcode, errmsg: 'invalid credential' });
    const token = `local-${randomBytes(12).toString('hex')}`;
    this.tokens.add(token);
    sendJson(res, 200, { access_token: token, expires_in: TOKEN_SECONDS });
  }

  private unlimitedCode(res: ServerResponse, body: Record<string, unknown>, token: string | null): void {
    const scene = typeof body.scene === 'string' ? body.scene : '';
    const width = typeof body.width === 'number' ? Math.min(1280, Math.max(280, body.width)) : 430;
    // scene: at most 32 visible characters of a documented set.
    const errcode = !token ? 41001 : !this.tokens.has(token) ? 40001 : !/^[0-9A-Za-z!#$&'()*+,/:;=?@._~-]{1,32}$/.test(scene) ? 40169 : 0;
    this.record('getwxacodeunlimit', body, errcode);
    if (errcode) return sendJson(res, 200, { errcode, errmsg: 'invalid request' });
    const image = qrPng(scene, width);
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(image.length) });
    res.end(image);
  }

  private subscribeSend(res: ServerResponse, body: Record<string, unknown>, token: string | null): void {
    const known = Object.values(LOCAL_TEMPLATES).includes(body.template_id as string);
    const dataOk =
      typeof body.data === 'object' &&
      body.data !== null &&
      Object.values(body.data).every((v) => typeof v === 'object' && v !== null && typeof (v as { value?: unknown }).value === 'string');
    // 40003 bad openid, 40037 unknown template, 47003 data not as the template wants.
    const errcode = !token
      ? 41001
      : !this.tokens.has(token)
        ? 40001
        : typeof body.touser !== 'string' || !body.touser
          ? 40003
          : !known
            ? 40037
            : !dataOk
              ? 47003
              : 0;
    this.record('subscribe_send', body, errcode);
    sendJson(res, 200, errcode ? { errcode, errmsg: 'invalid request' } : { errcode: 0, errmsg: 'ok', msgid: Date.now() });
  }
}
