export default definePageConfig({
  navigationBarTitleText: '分村/分月图表',
});
