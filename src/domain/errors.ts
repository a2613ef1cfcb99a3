/**
 * Every error code the app can meet, defined once for the functions and the app: the functions'
 * catalogue (stable codes, with the Chinese message a cadre can act on) and the codes the app raises
 * itself when a call never reached a function or a step on the phone failed. Code that branches on a
 * code (the outbox's retry-or-keep decision, the offline identity) names it through ErrorCode, so a
 * renamed code is a compile error, not a silent change of behaviour. Pure.
 */

/** The functions' codes and messages (cloudfunctions/lib/errors.ts answers them). */
export const ERRORS = {
  INVALID_REQUEST: '请求格式不对，请更新小程序后重试',
  INVALID_RECORD: '记录填写有误，请按提示修改',
  NOT_BOUND: '您还没有绑定工作身份，请联系乡镇管理员获取邀请码',
  FORBIDDEN: '您的身份不能进行此操作',
  OUT_OF_SCOPE: '只能查看或登记本单位及下级单位的记录',
  NOT_FOUND: '没有找到这条记录，可能已被删除',
  ORG_NOT_FOUND: '没有找到这个单位',
  DUPLICATE_ID: '这条记录已经提交过，内容不同；请刷新后再修改',
  CONFLICT: '这条记录已被别人修改过，请刷新后在最新内容上再改',
  INVALID_TRANSITION: '案件状态不能这样变更',
  RECORD_DELETED: '这条记录已被删除，请先恢复再修改',
  INVITE_INVALID: '邀请码不对或已经用过，请核对后重新输入；仍不行请向乡镇管理员重新申请',
  INVITE_EXPIRED: '邀请码已过期，请向乡镇管理员重新申请',
  INVITE_NEEDS_WECHAT: '请在微信中打开小程序后再绑定',
  ALREADY_BOUND: '您的微信已经绑定了工作身份',
  INVALID_PERIOD: '统计期间格式不对',
  NOT_INITIALISED: '系统数据尚未初始化，请联系管理员',
  PERIOD_CLOSED: '该年度已结账，不能再修改；如需修改请由乡镇管理员先反结账',
  PERIOD_BUSY: '正在导入这一年的台账，请导入完成后再结账',
  PERIOD_NOT_CLOSED: '该年度尚未结账，无需反结账',
  CLOSE_CONDITIONS: '还有村未报送月报或记录待审核；如确需结账，请填写原因',
  INVALID_FORM: '填写有误，请按提示修改',
  VILLAGE_NOT_FOUND: '没有找到这个村，请重新选择',
  REQUEST_STATE_CHANGED: '这条求助的状态已经变了，请刷新后再看',
  UNKNOWN_FIGURE: '没有这个指标，请更新小程序后重试',
  TOO_MANY_ATTEMPTS: '操作太频繁，请稍后再试',
  FILE_FAILED: '文件生成或上传失败，请稍后重试',
  WX_NOT_CONFIGURED: '小程序接口未配置，请管理员按部署说明配置后重试',
  WX_API_FAILED: '微信接口调用失败，请稍后重试',
  NEEDS_WECHAT: '请在微信中打开小程序后再订阅消息提醒',
  BATCH_TOO_LARGE: '一次发送的记录太多（最多20条），请更新小程序后重试',
  INTERNAL: '服务暂时出错，请稍后重试；如果一直出错，请联系管理员',
} as const;

export type ServerErrorCode = keyof typeof ERRORS;

/** Codes the app raises itself: the call did not get through, or the phone could not do its part. */
export const APP_ERROR_CODES = [
  /** No network, or the dev server's proxy could not reach the gateway. */
  'NETWORK',
  /** The platform could not run the function (it threw, or is missing). */
  'SERVER',
  /** A build without FAZHI_CLOUD_ENV. */
  'NO_CLOUD_ENV',
  /** A generated file could not be opened or downloaded. */
  'FILE',
  'PHOTO_FAILED',
  'PHOTO_MISSING',
  'PHOTO_UNSUPPORTED',
  'PHOTO_TAKEN',
  'UPLOAD_FAILED',
  'NOT_XLSX',
  /** The outbox's mark of a record the township returned in review (its message is the reason). */
  'RETURNED',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export type ErrorCode = ServerErrorCode | AppErrorCode;

export function isServerErrorCode(code: string): code is ServerErrorCode {
  return Object.prototype.hasOwnProperty.call(ERRORS, code);
}
