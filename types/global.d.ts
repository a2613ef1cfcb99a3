/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro at build time for the app; undefined in Node (functions, emulator, scripts). */
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony';
    /** Injected by config/index.ts: the CloudBase environment id the weapp build calls. */
    FAZHI_CLOUD_ENV?: string;
    /** Injected by config/index.ts: 'true' in the H5 build of the local stack, else 'false'. */
    FAZHI_LOCAL_STACK?: 'true' | 'false';
    /** Build time only: where the H5 dev server proxies /api to. */
    FAZHI_GATEWAY_URL?: string;
  }
}
