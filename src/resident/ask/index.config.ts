export default definePageConfig({
  navigationBarTitleText: '我要咨询 / 我要调解',
});
