/**
 * Taro build configuration (webpack5 runner, React). One config for both targets:
 * - weapp → dist/weapp/ (the production mini-program, calling CloudBase functions)
 * - h5    → dist/h5/    (the browser build of the local stack, calling the local gateway over HTTP)
 * Anything platform-specific the app needs at run time is injected here as a constant, so that only
 * src/services/transport.ts ever looks at process.env.TARO_ENV.
 */
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const TARGET = process.env.TARO_ENV ?? 'weapp';
const GATEWAY_URL = process.env.FAZHI_GATEWAY_URL || 'http://127.0.0.1:10087';
// No default: a weapp build without FAZHI_CLOUD_ENV fails every call saying so (transport.ts, DEPLOY.md).
const CLOUD_ENV = process.env.FAZHI_CLOUD_ENV ?? '';

/** A library file under node_modules that babel should compile for the mini-program. */
function isBundledLibrary(filename: string): boolean {
  return /node_modules[\\/]/.test(filename) && !/node_modules[\\/](@babel[\\/]runtime|core-js)/.test(filename);
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'fazhi-taizhang',
    date: '2024-11-22',
    // Styles are written for a 375 px wide phone: 44px in CSS is 44 px on that phone (and on a PC).
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${TARGET}`,
    plugins: [],
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    defineConstants: {
      // The CloudBase environment the weapp build talks to.
      'process.env.FAZHI_CLOUD_ENV': JSON.stringify(CLOUD_ENV),
      // True only for the browser build of the local stack (dev sign-in, dev identity header).
      'process.env.FAZHI_LOCAL_STACK': JSON.stringify(TARGET === 'h5' ? 'true' : 'false'),
    },
    // The browser build's service worker (offline use) is served from the site's root as it is.
    copy: { patterns: TARGET === 'h5' ? [{ from: 'src/h5/sw.js', to: 'dist/h5/sw.js' }] : [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // Persistent cache speeds up rebuilds on a workstation; CI starts clean every time.
    cache: { enable: !process.env.CI },
    mini: {
      // Taro compiles only src and its own packages; the libraries the app bundles (zod, dayjs, …)
      // ship ES2018+ syntax, which older WeChat engines cannot parse. Compile them down too
      // (see babel.config.js for the targets), except Babel's own helpers and core-js.
      compile: { include: [isBundledLibrary] },
      postcss: {
        // CSS px stay px (no rpx): in PC WeChat the window is wide and resizable, and rpx grows with
        // the window's width (a 14px text would be drawn at 48px in a 1280px window). In px the
        // console keeps its size, centres at its max-width and takes its two-column layout from
        // console.css's media query, as in the browser; on phones 14px is 14px, as designed.
        pxtransform: { enable: false, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      // Taro splits only the initial chunk ('initial'): every page is loaded on demand, so each page
      // chunk carried its own copy of the components and services pages share (3 MB of copies).
      // Splitting all chunks puts each shared module in one chunk that the pages load together.
      webpackChain(chain) {
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' });
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      devServer: {
        host: '127.0.0.1',
        port: 10086,
        // The local gateway serves POST /api/fn/<name> and GET /api/dev/people.
        proxy: {
          '/api': { target: GATEWAY_URL, changeOrigin: true },
        },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
