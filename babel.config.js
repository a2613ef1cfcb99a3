// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // WeChat cannot polyfill syntax: the mini-program is compiled down to ES2015 for the oldest
        // engines it still meets (iOS 10's JavaScriptCore, the Chromium 53 webview of older Android
        // WeChat). The H5 build follows package.json's browserslist.
        ...(process.env.TARO_ENV === 'weapp' ? { targets: { ios: '10', chrome: '53' } } : {}),
      },
    ],
  ],
};
