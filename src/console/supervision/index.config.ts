export default definePageConfig({
  navigationBarTitleText: '报送与审核',
  enablePullDownRefresh: true,
});
