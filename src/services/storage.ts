/**
 * Small typed wrapper over Taro's key-value storage (WeChat storage on weapp, localStorage on H5).
 * Storage failures are never fatal for the app: reads fall back, writes are best-effort.
 */
import Taro from '@tarojs/taro';

export const STORAGE_KEYS = {
  devIdentity: 'fazhi.dev.openid',
  outreachDraft: 'fazhi.draft.outreach',
  outreachLastType: 'fazhi.outreach.lastType',
} as const;

export function readStored<T>(key: string): T | undefined {
  try {
    const value = Taro.getStorageSync(key);
    return value === '' || value === null || value === undefined ? undefined : (value as T);
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // Best effort: a full storage must not stop the person from working.
  }
}

export function removeStored(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // Nothing to do.
  }
}
