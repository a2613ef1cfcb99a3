/**
 * The mini-program's appid, from the environment at build time (run by `npm run build:weapp`).
 *
 * project.config.json keeps `touristappid`, the local default for previewing in WeChat DevTools. A
 * release build sets FAZHI_WEAPP_APPID (and FAZHI_CLOUD_ENV, the CloudBase environment the build
 * calls): the appid is written to project.private.config.json, which DevTools reads over
 * project.config.json field by field and which git ignores, so the committed file never changes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_CONFIG = join(__dirname, '..', 'project.private.config.json');
const APPID = /^wx[0-9a-f]{16}$/;

export type AppidOutcome = { ok: true; config: Record<string, unknown> | null; message: string } | { ok: false; message: string };

/** The private config to write (null: leave it as it is) for these variables and the current file. */
export function appidConfig(env: NodeJS.ProcessEnv, current: Record<string, unknown>): AppidOutcome {
  const appid = env.FAZHI_WEAPP_APPID;
  if (!appid) {
    const kept = typeof current.appid === 'string' ? `project.private.config.json 中的 ${current.appid}` : 'touristappid（仅供本机预览，不能上传）';
    return { ok: true, config: null, message: `未设置 FAZHI_WEAPP_APPID：appid 用 ${kept}` };
  }
  if (!APPID.test(appid))
    return { ok: false, message: `FAZHI_WEAPP_APPID=${appid} 不是小程序的 AppID（形如 wx 加 16 位十六进制数，在小程序后台「开发管理」中查看）` };
  if (!env.FAZHI_CLOUD_ENV) return { ok: false, message: '设置了 FAZHI_WEAPP_APPID 却没有设置 FAZHI_CLOUD_ENV：正式构建必须指定云开发环境 ID' };
  return { ok: true, config: { ...current, appid }, message: `appid ${appid}，云开发环境 ${env.FAZHI_CLOUD_ENV}` };
}

if (require.main === module) {
  const current = existsSync(PRIVATE_CONFIG) ? (JSON.parse(readFileSync(PRIVATE_CONFIG, 'utf8')) as Record<string, unknown>) : {};
  const outcome = appidConfig(process.env, current);
  if (!outcome.ok) {
    console.error(`错误：${outcome.message}`);
    process.exit(1);
  }
  if (outcome.config) writeFileSync(PRIVATE_CONFIG, `${JSON.stringify(outcome.config, null, 2)}\n`);
  console.log(outcome.message);
}
