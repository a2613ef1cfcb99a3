export default definePageConfig({
  navigationBarTitleText: '村民求助',
});
