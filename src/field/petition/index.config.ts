export default definePageConfig({
  navigationBarTitleText: '登记信访事项',
});
