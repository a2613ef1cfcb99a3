// The dev sign-in page exists only in the browser build of the local stack: it is never listed,
// hence never built, for the mini-program.
const devPages = process.env.TARO_ENV === 'h5' ? ['pages/signin/index'] : [];

export default defineAppConfig({
  pages: ['pages/home/index', 'pages/village/index', 'pages/bind/index', ...devPages],
  subPackages: [
    {
      root: 'field',
      pages: [
        'outreach/index',
        'mine/index',
        'consultation/index',
        'dispute/index',
        'petition/index',
        'reception/index',
        'study/index',
        'todo/index',
        'case/index',
        'monthly/index',
      ],
    },
    {
      // Residents' legal services beyond the village page, and their handlers' and admins' pages.
      root: 'resident',
      pages: ['ask/index', 'mine/index', 'article/index', 'queue/index', 'manage/index', 'codes/index'],
    },
    {
      // The township console: figures, charts, drill-down, data quality, report draft, year close.
      root: 'console',
      pages: [
        'index/index',
        'charts/index',
        'records/index',
        'quality/index',
        'report/index',
        'close/index',
        'people/index',
        'units/index',
        'invites/index',
        'supervision/index',
        'figures/index',
        'ledger/index',
        'record/index',
      ],
    },
  ],
  // Subpackages download on first use; fetch them while the home page has a network, so that a form
  // never opened before still opens offline (the browser build does the same in services/app-shell).
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['field', 'resident', 'console'] },
  },
  // Location is optional on events and cases; photos need no permission (chooseMedia asks itself).
  permission: {
    'scope.userLocation': { desc: '用于在普法活动和案件记录中标注地点（可不填）' },
  },
  requiredPrivateInfos: ['getLocation'],
  // PC WeChat (Windows, Mac): a larger window the person can resize, for the township console.
  resizable: true,
  window: {
    // The mini-program's default; said here because Taro's browser build hides its title bar (the
    // page's title and the back button) unless told so.
    navigationStyle: 'default',
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f5fbf',
    navigationBarTitleText: '法治台账',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f9',
  },
});
