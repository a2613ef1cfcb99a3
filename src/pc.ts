/**
 * The PC-screen adjustment exists only in the browser build (pc.h5.ts, which Taro picks for H5 in
 * place of this file); the mini-program has nothing to adjust.
 */
export {};
