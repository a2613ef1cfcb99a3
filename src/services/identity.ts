/**
 * The dev identity of the local stack (H5 only). In production WeChat establishes who the caller is;
 * locally the sign-in page picks a seeded person and the transport sends their openid in a header.
 */
import Taro from '@tarojs/taro';
import type { AppRole } from '../domain/vocab';
import { ApiError, NETWORK_MESSAGE, SERVER_MESSAGE } from './errors';
import { STORAGE_KEYS, readStored, removeStored, writeStored } from './storage';

/** True in the browser build of the local stack: the dev sign-in page exists there only. */
export const DEV_SIGNIN_AVAILABLE = process.env.FAZHI_LOCAL_STACK === 'true';

export const DEV_SIGNIN_URL = '/pages/signin/index';

export function getDevIdentity(): string | undefined {
  const openid = readStored<string>(STORAGE_KEYS.devIdentity);
  return typeof openid === 'string' && openid !== '' ? openid : undefined;
}

export function setDevIdentity(openid: string): void {
  writeStored(STORAGE_KEYS.devIdentity, openid);
}

/** Browsing as a resident means having no identity at all. */
export function clearDevIdentity(): void {
  removeStored(STORAGE_KEYS.devIdentity);
}

export interface DevPerson {
  openid: string;
  name: string;
  role: AppRole;
  orgName: string;
}

/** GET /api/dev/people from the local gateway: the seeded people one may sign in as. */
export async function listDevPeople(): Promise<DevPerson[]> {
  let res: Taro.request.SuccessCallbackResult<{ people?: DevPerson[] }>;
  try {
    res = await Taro.request<{ people?: DevPerson[] }>({ url: '/api/dev/people', method: 'GET', dataType: 'json' });
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE);
  }
  if (res.statusCode !== 200 || !res.data || !Array.isArray(res.data.people)) {
    throw new ApiError('SERVER', SERVER_MESSAGE);
  }
  return res.data.people;
}
