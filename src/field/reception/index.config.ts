export default definePageConfig({
  navigationBarTitleText: '登记领导接访',
});
