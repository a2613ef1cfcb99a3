/**
 * Builds the H5 app once for the browser tests (production mode, as a township would get it on the
 * local stack). FAZHI_E2E_REUSE_BUILD=1 reuses an existing dist/h5 while iterating on tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDemoCache } from '../helpers/demo-cache-run';

const ROOT = join(__dirname, '..', '..');

export default async function globalSetup(): Promise<void> {
  // The stacks of these suites start on the run's demo township too (tests/helpers/demo-cache.ts).
  openDemoCache();
  if (process.env.FAZHI_E2E_REUSE_BUILD === '1' && existsSync(join(ROOT, 'dist', 'h5', 'index.html'))) return;
  const started = Date.now();
  try {
    // Quiet unless it fails: the build's progress bars would bury the test report.
    execFileSync(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5'], {
      cwd: ROOT,
      stdio: 'pipe',
      env: { ...process.env, NODE_ENV: 'production' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    console.error(`H5 build failed:\n${stdout?.toString() ?? ''}\n${stderr?.toString() ?? ''}`);
    throw error;
  }
  console.log(`\nH5 build for the browser tests: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
