/* eslint-disable @typescript-eslint/no-explicit-any -- the options and answers cross into untyped mini-program code */
/**
 * The `wx` object of the test runtime: ONLY the APIs the app uses, each with WeChat's semantics and
 * limits. Touching any other `wx` (or `wx.cloud`, file system) member is recorded as a failure: a new
 * API must be added here, with its WeChat behaviour, before the app may use it.
 */
import type { Device } from './device';
import { createCanvasApi } from './canvas';

export interface WxHost {
  device: Device;
  /** Records a failure of the run (the test fails on it). */
  fail(message: string): void;
  /** Plain data made in the mini-program's realm. */
  fromHost<T>(value: T): T;
  online(): boolean;
  /** The caller's openid as WeChat establishes it for cloud calls. */
  openid: string;
  gatewayUrl: string;
  /** The CloudBase environment the build must initialise. */
  cloudEnv: string;
  platform: string;
  privacy: 'agree' | 'disagree';
  /** What a person answers WeChat's subscribe-message dialog (default: accept). */
  subscribeAnswer?: 'accept' | 'reject';
  /** Answer a person gives to a modal. */
  modalAnswer: boolean;
  record(api: string, options: unknown): void;
  navigate(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'navigateBack', options: any): void;
  callFunction(name: string, data: unknown): Promise<{ ok: true; result: unknown } | { ok: false }>;
  uploadFile(cloudPath: string, bytes: Buffer): Promise<string>;
  tempFileUrls(fileIDs: string[]): Promise<{ fileID: string; tempFileURL: string }[]>;
  requiredPrivateInfos: readonly string[];
  setTimer(fn: () => void, ms: number): void;
}

/** Names JavaScript itself looks up on any object (await, JSON, module interop): not API use. */
const LANGUAGE_PROBES = new Set(['then', 'toJSON', 'constructor', '__esModule', 'default', 'hasOwnProperty', 'valueOf', 'toString']);

/** Slots the bundler keeps on `wx` itself (webpack's chunk list): the app's own data, not an API. */
const APP_SLOTS = new Set(['webpackJsonp']);

/** An object whose unknown members fail the run when touched. */
export function strict<T extends object>(name: string, api: T, host: Pick<WxHost, 'fail'>): T {
  return new Proxy(api, {
    get(target, key, receiver) {
      if (typeof key === 'symbol' || key in target || LANGUAGE_PROBES.has(key) || APP_SLOTS.has(key)) return Reflect.get(target, key, receiver);
      host.fail(`${name}.${key} is not provided by the weapp test runtime: add it to tests/weapp/runtime with WeChat's behaviour`);
      return undefined;
    },
  });
}

const STORAGE_LIMIT = 10 * 1024 * 1024;
const ITEM_LIMIT = 1024 * 1024;

/** WeChat's callback style; without callbacks the API answers a promise (base library ≥ 2.10.2). */
function asyncApi(host: WxHost, name: string, run: (options: any) => Promise<Record<string, unknown>> | Record<string, unknown>) {
  return (options: any = {}) => {
    host.record(name, options);
    const settle = Promise.resolve()
      .then(() => run(options))
      .then(
        (res) => host.fromHost({ ...res, errMsg: `${name}:ok` }),
        (error: Error & { errCode?: number }) => {
          throw host.fromHost({ errMsg: `${name}:fail ${error.message}`, ...(error.errCode !== undefined ? { errCode: error.errCode } : {}) });
        },
      );
    const usesCallbacks = ['success', 'fail', 'complete'].some((k) => typeof options[k] === 'function');
    if (!usesCallbacks) return settle;
    settle.then(
      (res) => {
        options.success?.(res);
        options.complete?.(res);
      },
      (err) => {
        options.fail?.(err);
        options.complete?.(err);
      },
    );
    return undefined;
  };
}

function failure(message: string, errCode?: number): Error & { errCode?: number } {
  return Object.assign(new Error(message), errCode !== undefined ? { errCode } : {});
}

export function createWx(host: WxHost): Record<string, unknown> {
  const { device } = host;
  const networkListeners = new Set<(res: unknown) => void>();
  const appShowListeners = new Set<(res: unknown) => void>();
  let initialised = false;
  const requireNetwork = () => {
    if (!host.online()) throw failure('request:fail net::ERR_INTERNET_DISCONNECTED', -1);
  };

  const storageSize = (skip?: string) =>
    [...device.storage].reduce((sum, [key, value]) => (key === skip ? sum : sum + Buffer.byteLength(key) + Buffer.byteLength(value)), 0);

  const fileSystem = strict(
    'wx.getFileSystemManager()',
    {
      saveFileSync(tempFilePath: string, filePath?: string) {
        const bytes = device.files.get(tempFilePath);
        if (!bytes) throw new Error(`saveFileSync:fail no such file or directory, open "${tempFilePath}"`);
        const target = filePath ?? `wxfile://usr/store-${device.files.size}`;
        device.files.set(target, bytes);
        return target;
      },
      accessSync(path: string) {
        if (!device.files.has(path)) throw new Error(`accessSync:fail no such file or directory, access "${path}"`);
      },
      copyFileSync(srcPath: string, destPath: string) {
        const bytes = device.files.get(srcPath);
        if (!bytes) throw new Error(`copyFileSync:fail no such file or directory, copyFile "${srcPath}" -> "${destPath}"`);
        if (!String(destPath).startsWith('wxfile://usr/')) throw new Error(`copyFileSync:fail permission denied, copyFile "${srcPath}" -> "${destPath}"`);
        device.files.set(destPath, bytes);
      },
      unlinkSync(path: string) {
        if (!device.files.delete(path)) throw new Error(`unlinkSync:fail no such file or directory, open "${path}"`);
      },
    },
    host,
  );

  const cloud = strict(
    'wx.cloud',
    {
      init(options: { env?: string }) {
        host.record('cloud.init', options);
        if (options?.env !== host.cloudEnv) host.fail(`wx.cloud.init with env ${String(options?.env)}: the build was made for ${host.cloudEnv}`);
        initialised = true;
      },
      callFunction: asyncApi(host, 'cloud.callFunction', async ({ name, data }) => {
        if (!initialised) throw failure('please call wx.cloud.init first');
        requireNetwork();
        const answer = await host.callFunction(name, data ?? {});
        // CloudBase's code when the function itself failed.
        if (!answer.ok) throw failure(`Error: errCode: -404011 cloud function execution error | errMsg: function ${name} failed`, -404011);
        return { result: answer.result, requestId: `req-${Date.now()}` };
      }),
      uploadFile: asyncApi(host, 'cloud.uploadFile', async ({ cloudPath, filePath }) => {
        requireNetwork();
        const bytes = device.files.get(filePath);
        if (!bytes) throw failure(`uploadFile:fail file not found ${filePath}`);
        return { fileID: await host.uploadFile(cloudPath, bytes), statusCode: 204 };
      }),
      getTempFileURL: asyncApi(host, 'cloud.getTempFileURL', async ({ fileList }) => {
        requireNetwork();
        return { fileList: await host.tempFileUrls(fileList) };
      }),
    },
    host,
  );

  const canvas = createCanvasApi(host);

  const wx: Record<string, unknown> = {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    cloud,

    // ---- storage: 10 MB in all, 1 MB per key, as WeChat counts them -------------------------
    setStorageSync(key: string, data: unknown) {
      if (typeof key !== 'string' || key === '') throw new Error('setStorageSync:fail parameter error: parameter.key should be String instead of Undefined;');
      const value = JSON.stringify(data === undefined ? '' : data);
      if (Buffer.byteLength(value) > ITEM_LIMIT) throw new Error('setStorageSync:fail exceed storage item max length');
      if (storageSize(key) + Buffer.byteLength(key) + Buffer.byteLength(value) > STORAGE_LIMIT) {
        throw new Error('setStorageSync:fail exceed storage max size 10MB');
      }
      device.storage.set(key, value);
    },
    getStorageSync(key: string) {
      const value = device.storage.get(key);
      return value === undefined ? '' : host.fromHost(JSON.parse(value));
    },
    removeStorageSync(key: string) {
      device.storage.delete(key);
    },
    getStorageInfoSync() {
      return host.fromHost({ keys: [...device.storage.keys()], currentSize: Math.ceil(storageSize() / 1024), limitSize: STORAGE_LIMIT / 1024 });
    },

    // ---- navigation and interface --------------------------------------------------------------
    navigateTo: asyncApi(host, 'navigateTo', (options) => (host.navigate('navigateTo', options), {})),
    redirectTo: asyncApi(host, 'redirectTo', (options) => (host.navigate('redirectTo', options), {})),
    reLaunch: asyncApi(host, 'reLaunch', (options) => (host.navigate('reLaunch', options), {})),
    navigateBack: asyncApi(host, 'navigateBack', (options) => (host.navigate('navigateBack', options), {})),
    showToast: asyncApi(host, 'showToast', () => ({})),
    showModal: asyncApi(host, 'showModal', () => ({ confirm: host.modalAnswer, cancel: !host.modalAnswer })),
    setNavigationBarTitle: asyncApi(host, 'setNavigationBarTitle', () => ({})),
    stopPullDownRefresh: asyncApi(host, 'stopPullDownRefresh', () => ({})),
    setClipboardData: asyncApi(host, 'setClipboardData', () => ({})),
    makePhoneCall: asyncApi(host, 'makePhoneCall', () => ({})),

    // ---- app and network events ----------------------------------------------------------------
    onAppShow(listener: (res: unknown) => void) {
      appShowListeners.add(listener);
    },
    onNetworkStatusChange(listener: (res: unknown) => void) {
      networkListeners.add(listener);
    },
    offNetworkStatusChange(listener?: (res: unknown) => void) {
      if (listener) networkListeners.delete(listener);
      else networkListeners.clear();
    },
    getNetworkType: asyncApi(host, 'getNetworkType', () => ({ networkType: host.online() ? 'wifi' : 'none' })),

    // ---- device ----------------------------------------------------------------------------------
    getDeviceInfo() {
      return host.fromHost({ platform: host.platform, system: host.platform === 'ios' ? 'iOS 12.5' : 'Android 8.1', brand: 'test', model: 'test' });
    },
    getLocation: asyncApi(host, 'getLocation', ({ type }) => {
      if (!host.requiredPrivateInfos.includes('getLocation')) {
        throw failure('the api need to be declared in the requiredPrivateInfos field in app.json/ext.json');
      }
      if (host.privacy !== 'agree') throw failure('privacy permission is not authorized', 104);
      // A point in 白土乡 (Chongqing); gcj02 is what maps in China expect, wgs84 is the default.
      if (type !== 'gcj02') host.fail(`getLocation without type 'gcj02' (got ${String(type)}): the point would be off on Chinese maps`);
      return { latitude: 29.530021, longitude: 108.789432, accuracy: 30, speed: -1, altitude: 0 };
    }),
    requirePrivacyAuthorize: asyncApi(host, 'requirePrivacyAuthorize', () => {
      if (host.privacy !== 'agree') throw failure('privacy permission is not authorized', 104);
      return {};
    }),
    chooseMedia: asyncApi(host, 'chooseMedia', ({ count }) => {
      if (host.privacy !== 'agree') throw failure('privacy permission is not authorized', 104);
      const tempFiles = Array.from({ length: Math.min(count ?? 9, 1) }, (_, i) => {
        const tempFilePath = `http://tmp/photo-${device.files.size}-${i}.jpg`;
        device.files.set(tempFilePath, TINY_JPEG);
        return { tempFilePath, size: TINY_JPEG.length, fileType: 'image' };
      });
      return { tempFiles, type: 'image' };
    }),
    compressImage: asyncApi(host, 'compressImage', ({ src }) => {
      const bytes = device.files.get(src);
      if (!bytes) throw failure(`file not found ${src}`);
      const tempFilePath = `http://tmp/compressed-${device.files.size}.jpg`;
      device.files.set(tempFilePath, bytes);
      return { tempFilePath };
    }),
    getFileSystemManager: () => fileSystem,
    downloadFile: asyncApi(host, 'downloadFile', async ({ url, filePath }) => {
      requireNetwork();
      const res = await fetch(url);
      const bytes = Buffer.from(await res.arrayBuffer());
      // With `filePath` WeChat saves under that user-data path and answers it instead of a temp path.
      if (filePath !== undefined) {
        if (!String(filePath).startsWith('wxfile://usr/')) throw failure(`permission denied, open ${filePath}`);
        device.files.set(filePath, bytes);
        return { filePath, statusCode: res.status };
      }
      const tempFilePath = `http://tmp/download-${device.files.size}${/\.[a-z]+$/i.exec(new URL(url).pathname)?.[0] ?? ''}`;
      device.files.set(tempFilePath, bytes);
      return { tempFilePath, statusCode: res.status };
    }),
    openDocument: asyncApi(host, 'openDocument', ({ filePath }) => {
      if (host.platform === 'windows' || host.platform === 'mac') throw failure('not supported on PC');
      if (!device.files.has(filePath)) throw failure(`file not found ${filePath}`);
      return {};
    }),
    requestSubscribeMessage: asyncApi(host, 'requestSubscribeMessage', ({ tmplIds }) => {
      // WeChat's checks: 1–3 template ids of one-time subscriptions in one dialog.
      if (!Array.isArray(tmplIds) || tmplIds.length === 0 || tmplIds.length > 3 || tmplIds.some((t) => typeof t !== 'string' || !t)) {
        throw failure('Templates count out of max bounds', 20003);
      }
      return Object.fromEntries(tmplIds.map((t: string) => [t, host.subscribeAnswer ?? 'accept']));
    }),
    previewImage: asyncApi(host, 'previewImage', ({ urls, current }) => {
      // WeChat's checks: a non-empty list of addresses; `current` is one of them.
      if (!Array.isArray(urls) || urls.length === 0 || urls.some((u) => typeof u !== 'string'))
        throw failure('parameter error: urls should be a non-empty Array of String');
      if (current !== undefined && !urls.includes(current)) throw failure('parameter error: current should be one of urls');
      return {};
    }),
    // ---- canvas: an offscreen 2d canvas drawn in Node (canvas.ts) and its export to a temp PNG ----
    createOffscreenCanvas: canvas.createOffscreenCanvas,
    canvasToTempFilePath: asyncApi(host, 'canvasToTempFilePath', (options) => canvas.toTempFile(options)),
    saveFileToDisk: asyncApi(host, 'saveFileToDisk', ({ filePath }) => {
      // PC WeChat only: the "save as" dialog of Windows/Mac.
      if (host.platform !== 'windows' && host.platform !== 'mac') throw failure('saveFileToDisk is only supported on PC');
      if (!device.files.has(filePath)) throw failure(`file not found ${filePath}`);
      return {};
    }),
  };

  Object.defineProperty(wx, '__emit', {
    enumerable: false,
    value: {
      network(online: boolean) {
        const res = host.fromHost({ isConnected: online, networkType: online ? 'wifi' : 'none' });
        for (const listener of [...networkListeners]) listener(res);
      },
      appShow(options: unknown) {
        for (const listener of [...appShowListeners]) listener(host.fromHost(options));
      },
    },
  });
  return wx;
}

export interface WxEvents {
  network(online: boolean): void;
  appShow(options: unknown): void;
}

export const eventsOf = (wx: Record<string, unknown>): WxEvents => (wx as unknown as { __emit: WxEvents }).__emit;

/** A 1×1 JPEG: what the camera gives in the test. */
const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////2wBDAf//////////////////////////////////////////////////////////////////////////////////////wAARCAABAAEDASIAAhEBAxEB/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/xAAUAQEAAAAAAAAAAAAAAAAAAAAA/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAwDAQACEQMRAD8AL//Z',
  'base64',
);
