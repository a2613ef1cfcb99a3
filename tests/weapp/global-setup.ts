/**
 * Builds the production mini-program (dist/weapp) once for the weapp tests, as it would be uploaded.
 * FAZHI_WEAPP_REUSE_BUILD=1 reuses an existing dist/weapp while iterating on tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDemoCache } from '../helpers/demo-cache-run';

const ROOT = join(__dirname, '..', '..');
/** The environment id the test build is made for; the runtime checks that cloud.init names it. */
export const WEAPP_TEST_ENV = 'fazhi-local';

export default async function globalSetup(): Promise<void> {
  // The stacks of these suites start on the run's demo township too (tests/helpers/demo-cache.ts).
  openDemoCache();
  if (process.env.FAZHI_WEAPP_REUSE_BUILD === '1' && existsSync(join(ROOT, 'dist', 'weapp', 'app.json'))) return;
  const started = Date.now();
  try {
    // Quiet unless it fails: the build's progress bars would bury the test report.
    execFileSync(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'weapp'], {
      cwd: ROOT,
      stdio: 'pipe',
      // Clean, as CI builds (config/index.ts turns the persistent cache off for CI): after a rebase
      // the webpack cache once served a stale module (an outreach schema without 状态) into dist/weapp.
      // The build names its CloudBase environment: the local gateway's (tests/helpers/app-stack.ts).
      env: { ...process.env, NODE_ENV: 'production', CI: 'true', FAZHI_CLOUD_ENV: WEAPP_TEST_ENV },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    console.error(`weapp build failed:\n${stdout?.toString() ?? ''}\n${stderr?.toString() ?? ''}`);
    throw error;
  }
  console.log(`\nweapp build for the mini-program tests: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
