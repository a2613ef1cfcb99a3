export default definePageConfig({
  navigationBarTitleText: '乡镇工作台',
  enablePullDownRefresh: true,
});
