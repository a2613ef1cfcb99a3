/**
 * Starts the H5 app's build for the browser tests (production mode, as a township would get it on the
 * local stack) in the background; the suites wait for it (build-wait.ts). FAZHI_E2E_REUSE_BUILD=1
 * reuses an existing dist/h5 while iterating on tests.
 */
import { startBuild } from '../helpers/app-builds';
import { openDemoCache } from '../helpers/demo-cache-run';

export default function globalSetup(): void {
  // The stacks of these suites start on the run's demo township too (tests/helpers/demo-cache.ts).
  openDemoCache();
  startBuild({
    name: 'h5',
    label: 'H5 build for the browser tests',
    args: ['--type', 'h5'],
    env: { ...process.env, NODE_ENV: 'production' },
    reuseVariable: 'FAZHI_E2E_REUSE_BUILD',
    builtFile: 'dist/h5/index.html',
  });
}
