/**
 * Builds the H5 app once for the browser tests (production mode, as a township would get it on the
 * local stack). FAZHI_E2E_REUSE_BUILD=1 reuses an existing dist/h5 while iterating on tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export default async function globalSetup(): Promise<void> {
  if (process.env.FAZHI_E2E_REUSE_BUILD === '1' && existsSync(join(ROOT, 'dist', 'h5', 'index.html'))) return;
  const started = Date.now();
  execFileSync(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  console.log(`\nH5 build for the browser tests: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
