export default definePageConfig({
  navigationBarTitleText: '村二维码',
});
