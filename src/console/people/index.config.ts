export default definePageConfig({
  navigationBarTitleText: '人员与单位',
});
