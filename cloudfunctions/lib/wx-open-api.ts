/**
 * WeChat's server API over HTTPS with an access token: the mini-program codes of the villages and
 * subscribe messages. Documented route (developers.weixin.qq.com, 服务端 API): `POST /cgi-bin/stable_token`
 * for the token, `POST /wxa/getwxacodeunlimit?access_token=` for a code image,
 * `POST /cgi-bin/message/subscribe/send?access_token=` for a message. The base URL, appid and secret come
 * from the function's configuration (cloudbaserc.json envVariables; DEPLOY.md), never from the repo;
 * locally the gateway stands in for api.weixin.qq.com (emulator/wx-open-api.ts).
 *
 * The token lives in the database (`wx_tokens`, one document per appid) so every function instance
 * shares it: stable_token in its normal mode hands back the same token while it is valid, so two
 * instances refreshing at once do not invalidate each other.
 */
import { readOne, type Database } from './cloudbase';
import { AppError } from './errors';

export interface WxApiConfig {
  baseUrl: string;
  appId: string;
  secret: string;
  /** Which version of the mini-program a code opens: release (default), trial or develop. */
  envVersion: 'release' | 'trial' | 'develop';
}

const ENV_VERSIONS = ['release', 'trial', 'develop'] as const;

/**
 * The subscribe-message templates (小程序后台「订阅消息」; DEPLOY.md): '' when not configured, and then
 * the app offers no subscription and nothing is sent.
 */
export interface SubscribeTemplates {
  /** To a resident: the answer to their request. */
  answer: string;
  /** To a handler: a petition's deadline is near or past. */
  deadline: string;
}

export function subscribeTemplates(env: NodeJS.ProcessEnv = process.env): SubscribeTemplates {
  return { answer: env.FAZHI_WX_TEMPLATE_ANSWER?.trim() ?? '', deadline: env.FAZHI_WX_TEMPLATE_DEADLINE?.trim() ?? '' };
}

/** The configuration from the function's environment; a Chinese error naming what is missing. */
export function wxApiConfig(env: NodeJS.ProcessEnv = process.env): WxApiConfig {
  const missing = ['FAZHI_WX_API_BASE', 'FAZHI_WX_APPID', 'FAZHI_WX_SECRET'].filter((name) => !env[name]?.trim());
  if (missing.length) {
    throw new AppError('WX_NOT_CONFIGURED', `小程序接口未配置：云函数缺少环境变量 ${missing.join('、')}，请管理员按 DEPLOY.md 配置后重试`);
  }
  const envVersion = (env.FAZHI_WX_ENV_VERSION?.trim() || 'release') as WxApiConfig['envVersion'];
  if (!ENV_VERSIONS.includes(envVersion)) {
    throw new AppError('WX_NOT_CONFIGURED', `小程序接口配置有误：FAZHI_WX_ENV_VERSION 只能是 ${ENV_VERSIONS.join('、')}`);
  }
  return {
    baseUrl: (env.FAZHI_WX_API_BASE as string).trim().replace(/\/+$/, ''),
    appId: (env.FAZHI_WX_APPID as string).trim(),
    secret: (env.FAZHI_WX_SECRET as string).trim(),
    envVersion,
  };
}

interface TokenDoc {
  _id: string;
  accessToken: string;
  /** ms since epoch */
  expiresAt: number;
}

/** A token is renewed this long before WeChat says it expires (clock skew, slow calls). */
const RENEW_BEFORE_MS = 5 * 60 * 1000;
/** errcodes of a token WeChat no longer accepts: renew once and retry. */
const TOKEN_REJECTED = new Set([40001, 42001, 40014]);

interface WxError {
  errcode?: number;
  errmsg?: string;
}

function wxFailure(what: string, answer: WxError): AppError {
  console.error(`WeChat ${what} failed`, answer.errcode, answer.errmsg);
  return new AppError('WX_API_FAILED', `微信接口调用失败（${what}，错误码 ${answer.errcode ?? '无'}），请稍后重试；如果一直失败，请管理员核对小程序配置`);
}

async function postJson(url: string, body: unknown): Promise<Response> {
  try {
    return await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch (error) {
    console.error('WeChat API unreachable', url.split('?')[0], error);
    throw new AppError('WX_API_FAILED', '连接微信接口失败，请稍后重试');
  }
}

export class WxOpenApi {
  constructor(
    private readonly db: Database,
    readonly config: WxApiConfig,
    private readonly now: () => number = Date.now,
  ) {}

  /** The shared access token, fetched from stable_token when none is stored or it is about to expire. */
  async accessToken(renew = false): Promise<string> {
    const tokens = this.db.collection('wx_tokens');
    if (!renew) {
      const stored = await readOne<TokenDoc>(this.db, 'wx_tokens', this.config.appId);
      if (stored && stored.expiresAt - RENEW_BEFORE_MS > this.now()) return stored.accessToken;
    }
    const res = await postJson(`${this.config.baseUrl}/cgi-bin/stable_token`, {
      grant_type: 'client_credential',
      appid: this.config.appId,
      secret: this.config.secret,
      force_refresh: false,
    });
    const answer = (await res.json()) as WxError & { access_token?: string; expires_in?: number };
    if (!answer.access_token || !answer.expires_in) throw wxFailure('获取接口凭证', answer);
    const doc = { accessToken: answer.access_token, expiresAt: this.now() + answer.expires_in * 1000 };
    await tokens.doc(this.config.appId).set(doc);
    return doc.accessToken;
  }

  /** POST with the token; a rejected token is renewed once. Answers the raw response. */
  private async withToken(path: string, body: unknown): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken(attempt > 0);
      const res = await postJson(`${this.config.baseUrl}${path}?access_token=${encodeURIComponent(token)}`, body);
      if (attempt === 0 && (res.headers.get('content-type') ?? '').includes('json')) {
        const answer = (await res.clone().json()) as WxError;
        if (answer.errcode && TOKEN_REJECTED.has(answer.errcode)) continue;
      }
      return res;
    }
  }

  /**
   * wxacode.getUnlimited: a mini-program code opening `page` with `scene`. WeChat answers the image
   * bytes, or JSON with errcode on failure.
   */
  async unlimitedCode(input: { scene: string; page: string; width: number }): Promise<Buffer> {
    const res = await this.withToken('/wxa/getwxacodeunlimit', {
      scene: input.scene,
      page: input.page,
      // An unreleased version's pages are not known to WeChat yet: only release can be checked.
      check_path: this.config.envVersion === 'release',
      env_version: this.config.envVersion,
      width: input.width,
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    if ((res.headers.get('content-type') ?? '').includes('json') || !res.ok) {
      let answer: WxError = {};
      try {
        answer = JSON.parse(bytes.toString('utf8')) as WxError;
      } catch {
        answer = { errmsg: `HTTP ${res.status}` };
      }
      throw wxFailure('生成小程序码', answer);
    }
    return bytes;
  }

  /**
   * subscribeMessage.send: one message of a template the user accepted. Answers WeChat's errcode
   * (0 sent; 43101 the user's acceptance was used up or refused) rather than throwing, so a run of
   * reminders goes on with the next one.
   */
  async sendSubscribeMessage(message: { touser: string; templateId: string; page: string; data: Record<string, { value: string }> }): Promise<number> {
    const res = await this.withToken('/cgi-bin/message/subscribe/send', {
      touser: message.touser,
      template_id: message.templateId,
      page: message.page,
      data: message.data,
      miniprogram_state: MINIPROGRAM_STATE[this.config.envVersion],
      lang: 'zh_CN',
    });
    const answer = (await res.json()) as WxError;
    if (answer.errcode) console.error('WeChat subscribe message not sent', answer.errcode, answer.errmsg);
    return answer.errcode ?? 0;
  }
}

/** subscribeMessage.send names the versions differently from getwxacodeunlimit. */
const MINIPROGRAM_STATE: Record<WxApiConfig['envVersion'], string> = { release: 'formal', trial: 'trial', develop: 'developer' };
