export default definePageConfig({
  navigationBarTitleText: '公开信息管理',
});
