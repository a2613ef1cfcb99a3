export default definePageConfig({
  navigationBarTitleText: '登记普法活动',
});
