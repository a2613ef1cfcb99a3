export default definePageConfig({
  navigationBarTitleText: '登记学法培训',
});
