export default definePageConfig({
  navigationBarTitleText: '数据背后的记录',
});
