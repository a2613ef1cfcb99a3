/**
 * The database a command talks to. With ENV_ID set: that CloudBase environment, with the API key in
 * TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY (DEPLOY.md); its collections come from
 * `npm run cloud:setup`, never from here. Otherwise the local stack: the gateway already serving the
 * data directory when there is one (it announces itself in `<dataDir>/gateway.json` while it runs),
 * else one started in this process for the command and closed after it. Either way through the real
 * SDK, as the functions do.
 */
import { join, resolve } from 'node:path';
import { startGateway, type Gateway } from '../../emulator/gateway';
import { readCredentials, rememberCredentials } from '../../emulator/credentials';
import { readRunFile } from '../../emulator/run-file';
import { withLocalSdk } from '../local-sdk';
import { ensureCollections } from '../../cloudfunctions/lib/collections';
import { cloudApp, cloudAppOf, type CloudApp, type Database } from '../../cloudfunctions/lib/cloudbase';
import { CliError } from './args';

const ROOT = resolve(__dirname, '..', '..');

/** As `npm run dev` has it: FAZHI_DATA_DIR (relative to where the command runs), else `.data/` in the repository. */
export function dataDirOf(env: NodeJS.ProcessEnv): string {
  return env.FAZHI_DATA_DIR ? resolve(env.FAZHI_DATA_DIR) : join(ROOT, '.data');
}

/** The URL of the gateway serving `dataDir`, if its run file names a live process that answers. */
export async function runningGateway(dataDir: string): Promise<string | null> {
  const run = readRunFile(dataDir);
  if (!run) return null;
  try {
    const res = await fetch(`${run.url}/api/health`, { signal: AbortSignal.timeout(2000) });
    return res.ok ? run.url : null;
  } catch {
    return null;
  }
}

/** The cloud environment named by ENV_ID, or null for the local stack. */
export function cloudTarget(env: NodeJS.ProcessEnv): { envId: string; secretId: string; secretKey: string; sessionToken?: string } | null {
  if (!env.ENV_ID) return null;
  if (!env.TENCENTCLOUD_SECRETID || !env.TENCENTCLOUD_SECRETKEY) {
    throw new CliError(`要操作云开发环境 ${env.ENV_ID}，请设置 TENCENTCLOUD_SECRETID 和 TENCENTCLOUD_SECRETKEY（腾讯云访问密钥，见 DEPLOY.md）`, 2);
  }
  return { envId: env.ENV_ID, secretId: env.TENCENTCLOUD_SECRETID, secretKey: env.TENCENTCLOUD_SECRETKEY, sessionToken: env.TENCENTCLOUD_SESSIONTOKEN };
}

/**
 * Runs `work` with the database: the cloud environment of ENV_ID, or the local stack (collections
 * created first when missing).
 */
export async function withDatabase<T>(env: NodeJS.ProcessEnv, work: (db: Database) => Promise<T>): Promise<T> {
  const cloud = cloudTarget(env);
  if (cloud) return work(cloudAppOf(cloud).database());
  const dataDir = dataDirOf(env);
  let url = await runningGateway(dataDir);
  let own: Gateway | undefined;
  if (url) {
    // The running gateway accepts only requests signed with its data directory's credentials.
    const credentials = readCredentials(dataDir);
    if (!credentials) throw new Error(`数据目录 ${dataDir} 中没有网关凭据（credentials.json）`);
    rememberCredentials(url, credentials);
  } else {
    // No function workers: a command only uses the database.
    own = await startGateway({ port: 0, dataDir, envId: 'fazhi-local', functionsDir: join(ROOT, 'cloudfunctions'), minWorkers: 0 });
    url = own.url;
  }
  try {
    return await withLocalSdk(url, async (db) => {
      await ensureCollections(db);
      return work(db);
    });
  } finally {
    await own?.close();
  }
}

/** Runs `work` with the app (to call a function) of the environment withDatabase would use. */
export async function withCloudApp<T>(env: NodeJS.ProcessEnv, work: (app: CloudApp) => Promise<T>): Promise<T> {
  const cloud = cloudTarget(env);
  if (cloud) return work(cloudAppOf(cloud));
  return withDatabase(env, () => work(cloudApp()));
}
