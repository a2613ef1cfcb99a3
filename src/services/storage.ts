/**
 * Small typed wrapper over Taro's key-value storage (WeChat storage on weapp, localStorage on H5).
 * Storage failures are never fatal for the app: reads fall back, writes are best-effort.
 */
import Taro from '@tarojs/taro';
import type { KeyValueStore } from './outbox/kv';

export const STORAGE_KEYS = {
  devIdentity: 'fazhi.dev.openid',
  outreachDraft: 'fazhi.draft.outreach',
  outreachLastType: 'fazhi.outreach.lastType',
  /** The last known identity, so the forms open without a signal. */
  lastMe: 'fazhi.me',
} as const;

/** The draft of a record form, kept as the person types. */
export const draftKey = (kind: string): string => `fazhi.draft.${kind}`;
/** Choices last saved with a form of this kind (type, category …), the next form's defaults. */
export const lastUsedKey = (kind: string): string => `fazhi.last.${kind}`;

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

/**
 * The platform storage as the outbox's adapter. Unlike the helpers above, writes throw: the outbox
 * must know when a record was not kept. WeChat reports its own usage (KB); the browser does not.
 */
export const platformStore: KeyValueStore = {
  get(key) {
    const value = Taro.getStorageSync(key);
    return value === '' || value === null ? undefined : value;
  },
  set(key, value) {
    Taro.setStorageSync(key, value);
  },
  remove(key) {
    Taro.removeStorageSync(key);
  },
  keys() {
    try {
      return Taro.getStorageInfoSync().keys;
    } catch {
      return [];
    }
  },
  usedBytes() {
    try {
      const kb = Taro.getStorageInfoSync().currentSize;
      return typeof kb === 'number' && Number.isFinite(kb) ? kb * 1024 : undefined;
    } catch {
      return undefined;
    }
  },
};
