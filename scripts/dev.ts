/**
 * `npm run dev`: the whole local stack in one command — the CloudBase gateway with its function host
 * on :10087 (data in FAZHI_DATA_DIR or .data/), the demo township when the data is empty, and the H5
 * dev server on :10086 proxying /api to the gateway.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startGateway } from '../emulator/gateway';
import { withLocalSdk } from './local-sdk';
import { loadDemoIfEmpty } from './demo/load-demo';
import { seedSupervisionDemo } from './demo/supervision-demo';

const ROOT = join(__dirname, '..');
const GATEWAY_PORT = Number(process.env.FAZHI_GATEWAY_PORT || 10087);
const APP_URL = 'http://127.0.0.1:10086';

async function main(): Promise<void> {
  const dataDir = process.env.FAZHI_DATA_DIR || join(ROOT, '.data');
  const gateway = await startGateway({
    port: GATEWAY_PORT,
    dataDir,
    functionsDir: join(ROOT, 'cloudfunctions'),
    envId: 'fazhi-local',
    // The dev sign-in's routes, and the H5 dev server's origin (it proxies /api here).
    dev: true,
    appOrigins: [APP_URL],
  });
  console.log(`本地云开发网关已启动：${gateway.url}（数据目录 ${dataDir}）`);
  const loaded = await withLocalSdk(gateway.url, (db) => loadDemoIfEmpty(db, new Date()));
  if (loaded) console.log(`已载入演示数据：${loaded}，${await withLocalSdk(gateway.url, (db) => seedSupervisionDemo(db, new Date()))}`);

  console.log('正在编译 H5 页面（第一次约需一两分钟）…');
  const taro = spawn(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5', '--watch'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FAZHI_GATEWAY_URL: gateway.url },
  });
  // The build's progress bars and warnings would bury the address: only errors are passed on, and the
  // address is printed last, once the first build is done (and again after a failed build is fixed).
  let ready = false;
  const watch = (chunk: Buffer) => {
    const text = stripAnsi(chunk.toString());
    if (/Failed to compile|ERROR|Error:/.test(text)) {
      ready = false;
      process.stderr.write(text);
    } else if (!ready && /compiled|successfully/i.test(text)) {
      ready = true;
      console.log(`\n法治台账已启动：${APP_URL}\n`);
    }
  };
  taro.stdout.on('data', watch);
  taro.stderr.on('data', watch);

  const stop = async () => {
    taro.kill('SIGTERM');
    await gateway.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  taro.on('exit', (code) => {
    if (code) console.error(`H5 构建进程退出（${code}）`);
    void gateway.close().then(() => process.exit(code ?? 0));
  });
}

const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

main().catch((error) => {
  console.error('启动失败：', error);
  process.exit(1);
});
