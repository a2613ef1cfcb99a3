export default definePageConfig({
  navigationBarTitleText: '我的待办',
  enablePullDownRefresh: true,
});
