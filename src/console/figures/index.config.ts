export default definePageConfig({
  navigationBarTitleText: '其他指标',
});
