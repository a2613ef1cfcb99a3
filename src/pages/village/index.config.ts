export default definePageConfig({
  navigationBarTitleText: '村公共法律服务',
});
