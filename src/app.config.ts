// The dev sign-in page exists only in the browser build of the local stack: it is never listed,
// hence never built, for the mini-program.
const devPages = process.env.TARO_ENV === 'h5' ? ['pages/signin/index'] : [];

export default defineAppConfig({
  pages: ['pages/home/index', ...devPages],
  subPackages: [
    {
      root: 'field',
      pages: ['outreach/index', 'mine/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f5fbf',
    navigationBarTitleText: '法治台账',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f9',
  },
});
