export default definePageConfig({
  navigationBarTitleText: '登记法律咨询',
});
