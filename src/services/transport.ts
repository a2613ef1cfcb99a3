/**
 * How the app calls a cloud function. This is the ONE place that knows which platform the app runs on:
 * - weapp: Taro.cloud.callFunction against CloudBase, which establishes the caller from WeChat;
 * - h5 (the local stack): POST /api/fn/<name> to the local gateway, with the dev identity as a header.
 * Either way a caller gets the function's answer, or an ApiError with a Chinese message.
 */
import Taro from '@tarojs/taro';
import { isErrorAnswer, type ErrorAnswer } from '../domain/api';
import type { ActionOf, AnswerOf, FunctionName, RequestOf } from '../domain/contract';
import { ApiError, NETWORK_MESSAGE, SERVER_MESSAGE } from './errors';
import { getDevIdentity } from './identity';

export const IDENTITY_HEADER = 'x-fazhi-openid';

export const NO_CLOUD_ENV_MESSAGE = '本小程序构建时没有指定云开发环境（FAZHI_CLOUD_ENV），无法连接服务器，请联系管理员重新构建';

/**
 * Called once at app start, before any page calls a function. The environment is the one named at
 * build time (FAZHI_CLOUD_ENV, DEPLOY.md); there is no default to fall back on silently, so a build
 * without one fails every call with a message saying so.
 */
export function initTransport(): void {
  if (process.env.TARO_ENV === 'weapp' && process.env.FAZHI_CLOUD_ENV) {
    Taro.cloud.init({ env: process.env.FAZHI_CLOUD_ENV, traceUser: true });
  }
}

/**
 * Calls one action of a function: the request is checked against the function's schema and the
 * answer is the one the contract gives that action (src/domain/contract), so no caller names a type.
 */
export async function callFunction<N extends FunctionName, A extends ActionOf<N>>(name: N, data: RequestOf<N> & { action: A }): Promise<AnswerOf<N, A>> {
  const answer = process.env.TARO_ENV === 'weapp' ? await callCloud(name, data) : await callGateway(name, data);
  // The one place an answer gets its type: the function's handler is typed to return exactly this.
  return unwrapAnswer(answer) as AnswerOf<N, A>;
}

/** A function's own error answer becomes an ApiError; anything else is the result. */
export function unwrapAnswer(answer: unknown): unknown {
  if (isErrorAnswer(answer)) throw apiErrorOf(answer);
  return answer;
}

/** The ApiError of an error answer (a whole call's, or one write's in a batch). */
export function apiErrorOf(answer: ErrorAnswer): ApiError {
  const { code, message, problems, currentVersion } = answer.error;
  return new ApiError(code, message || SERVER_MESSAGE, problems ?? [], currentVersion);
}

// CloudBase's code for "the function threw" (as opposed to the call not getting through).
const CLOUD_FUNCTION_FAILED = -404011;

async function callCloud(name: string, data: unknown): Promise<unknown> {
  if (!process.env.FAZHI_CLOUD_ENV) throw new ApiError('NO_CLOUD_ENV', NO_CLOUD_ENV_MESSAGE);
  try {
    const res = await Taro.cloud.callFunction({ name, data: data as TaroGeneral.IAnyObject });
    return res.result;
  } catch (error) {
    const errCode = (error as { errCode?: number } | null)?.errCode;
    if (errCode === CLOUD_FUNCTION_FAILED) throw new ApiError('SERVER', SERVER_MESSAGE);
    throw new ApiError('NETWORK', NETWORK_MESSAGE);
  }
}

interface GatewayBody {
  result?: unknown;
  error?: unknown;
}

async function callGateway(name: string, data: unknown): Promise<unknown> {
  const header: Record<string, string> = { 'content-type': 'application/json' };
  const openid = getDevIdentity();
  if (openid) header[IDENTITY_HEADER] = openid;

  let res: Taro.request.SuccessCallbackResult<GatewayBody>;
  try {
    res = await Taro.request<GatewayBody>({
      url: `/api/fn/${encodeURIComponent(name)}`,
      method: 'POST',
      header,
      data: { data },
      dataType: 'json',
    });
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE);
  }
  const body: GatewayBody | null | undefined = res.data;
  if (res.statusCode === 502 || res.statusCode === 503 || res.statusCode === 504) {
    // The dev server's proxy could not reach the gateway: to a person that is the network.
    throw new ApiError('NETWORK', NETWORK_MESSAGE);
  }
  if (body && typeof body === 'object' && body.error === undefined && 'result' in body) {
    return body.result;
  }
  // The gateway could not run the function (it threw, or is missing): nothing a person can fix,
  // and its details are not for the screen.
  throw new ApiError('SERVER', SERVER_MESSAGE);
}
