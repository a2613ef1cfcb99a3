/**
 * A stand-in for @tarojs/taro with the few APIs the services use, storage backed by a Map.
 * Use: jest.mock('@tarojs/taro', () => ({ __esModule: true, default: require('./taro-mock').taro }))
 */
const storage = new Map<string, unknown>();

export const taro = {
  storage,
  request: jest.fn(),
  cloud: { init: jest.fn(), callFunction: jest.fn() },
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, value)),
  removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
};
