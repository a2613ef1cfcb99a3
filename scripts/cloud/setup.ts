/**
 * `npm run cloud:setup [-- --dry-run]`: brings the CloudBase environment named by ENV_ID (required,
 * no default) to cloudbase/database.json — creates missing collections and indexes, sets the
 * collections' permission and the storage security rule — through @cloudbase/manager-node.
 * Idempotent: a second run finds nothing to do. `--dry-run` prints the plan and changes nothing.
 *
 * Credentials: TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY (and TENCENTCLOUD_SESSIONTOKEN for
 * temporary keys) of a sub-account allowed to manage the environment. Locally TCB_BASE_URL points
 * the manager SDK at the gateway (`<gateway>/tcbapi`, emulator/management.ts).
 */
import CloudBase from '@cloudbase/manager-node';
import type { Io } from '../cli/io';
import { loadDatabaseSpec } from './database-spec';
import { applyStep, describeStep, planSetup } from './setup-plan';

export async function setup(argv: readonly string[], io: Io): Promise<number> {
  const unknown = argv.filter((a) => a !== '--dry-run');
  if (unknown.length > 0) {
    io.err(`不认识的参数：${unknown.join(' ')}（用法：npm run cloud:setup [-- --dry-run]）`);
    return 2;
  }
  const dryRun = argv.includes('--dry-run');
  const envId = io.env.ENV_ID;
  if (!envId) {
    io.err('错误：请用环境变量 ENV_ID 指定云开发环境 ID（例如 ENV_ID=fazhi-prod-1a2b3c npm run cloud:setup）；没有默认环境。');
    return 2;
  }
  if (!io.env.TENCENTCLOUD_SECRETID || !io.env.TENCENTCLOUD_SECRETKEY) {
    io.err('错误：请设置 TENCENTCLOUD_SECRETID 和 TENCENTCLOUD_SECRETKEY（腾讯云访问密钥，见 DEPLOY.md）。');
    return 2;
  }
  const spec = loadDatabaseSpec();
  const app = new CloudBase({
    envId,
    secretId: io.env.TENCENTCLOUD_SECRETID,
    secretKey: io.env.TENCENTCLOUD_SECRETKEY,
    token: io.env.TENCENTCLOUD_SESSIONTOKEN,
  });
  const steps = await planSetup(app, spec);
  const todo = steps.filter((s) => s.kind !== 'index-differs');
  for (const s of steps.filter((x) => x.kind === 'index-differs')) io.err(describeStep(s));
  if (todo.length === 0) {
    io.out(`环境 ${envId} 已与 cloudbase/database.json 一致，无需改动。`);
    return 0;
  }
  io.out(`${dryRun ? '计划（未执行）' : '执行'}：环境 ${envId}，共 ${todo.length} 步`);
  for (const s of todo) {
    io.out(`- ${describeStep(s)}`);
    if (!dryRun) await applyStep(app, s);
  }
  io.out(dryRun ? '这是预演：没有做任何改动。去掉 --dry-run 执行。' : '完成。');
  return 0;
}

if (require.main === module) {
  const io: Io = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    cwd: process.cwd(),
  };
  setup(process.argv.slice(2), io).then(
    (code) => process.exit(code),
    (error: unknown) => {
      io.err(`出错了：${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
